// The audit log: the graph's auditLogs page, newest first, with every filter it offers (actor, person
// or API key; operation; object type and id; time range), all in the URL so that a link (an object's
// history) or a reload opens the same list. Each entry expands to what it changed.
import { Alert, Anchor, Badge, Button, Center, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { Fragment, useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { AuditLogsDocument } from "../graphql/audit";
import { useSignedIn } from "../session/SessionProvider";
import { PagePicker } from "../shell/PagePicker";
import { useDocumentTitle } from "../shell/title";
import { canNameMembers } from "./actions";
import { ActorFilter } from "./ActorFilter";
import { AuditDiff } from "./AuditDiff";

const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_FILTERS = [
  { name: "operation", label: "Operation", description: "A mutation's name, e.g. createApiKey" },
  { name: "objectType", label: "Object type", description: "e.g. Invoice, Customer, ApiKey" },
  { name: "objectId", label: "Object id", description: "" },
] as const;

function TextFilter({ label, description, value, onCommit }: { readonly label: string; readonly description: string; readonly value: string; readonly onCommit: (v: string) => void }) {
  const [typed, setTyped] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setTyped(value);
  }
  return (
    <TextInput
      label={label}
      description={description || undefined}
      value={typed}
      onChange={(e) => setTyped(e.currentTarget.value)}
      onBlur={() => onCommit(typed.trim())}
      onKeyDown={(e) => {
        if (e.key === "Enter") onCommit(typed.trim());
      }}
    />
  );
}

export default function AuditLog() {
  const { permissions, userId } = useSignedIn();
  useDocumentTitle("Audit log");
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const actor = params.get("actor");
  const from = DATE.test(params.get("from") ?? "") ? params.get("from") : null;
  const to = DATE.test(params.get("to") ?? "") ? params.get("to") : null;
  const text = (name: string) => params.get(name) || null;
  const withUser = canNameMembers(permissions);
  const [{ data, fetching, error }] = useQuery({
    query: AuditLogsDocument,
    variables: {
      page,
      limit: PAGE_SIZE,
      operation: text("operation"),
      objectType: text("objectType"),
      objectId: text("objectId"),
      actorUserId: actor?.startsWith("user:") ? actor.slice(5) : null,
      actorApiKeyId: actor?.startsWith("key:") ? actor.slice(4) : null,
      fromTime: from ? `${from}T00:00:00Z` : null,
      toTime: to ? `${to}T23:59:59.999Z` : null,
      withUser,
    },
  });
  const logs = data?.auditLogs;
  const filtered = ["actor", "operation", "objectType", "objectId", "from", "to"].some((n) => params.get(n));

  function set(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === "") next.delete(name);
    else next.set(name, value);
    if (name !== "page") next.delete("page");
    setParams(next);
  }

  const actorName = (entry: NonNullable<typeof logs>["collection"][number]) =>
    entry.actorType === "API_KEY"
      ? `API key ${entry.actorApiKeyId ?? ""}`
      : `${entry.actorUser?.email ?? `Member ${entry.actorUserId ?? ""}`}${entry.actorUserId === userId ? " (you)" : ""}`;

  return (
    <Stack gap="md">
      <Title order={1}>Audit log</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <ActorFilter value={actor} onChange={(v) => set("actor", v)} />
        {TEXT_FILTERS.map((f) => (
          <TextFilter key={f.name} label={f.label} description={f.description} value={params.get(f.name) ?? ""} onCommit={(v) => set(f.name, v)} />
        ))}
        <TextInput label="From" type="date" value={from ?? ""} onChange={(e) => set("from", e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to ?? ""} onChange={(e) => set("to", e.currentTarget.value)} />
      </SimpleGrid>
      {filtered && (
        <Group>
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            Clear filters
          </Button>
        </Group>
      )}
      {error && !data && (
        <Alert color="red" role="alert" title="The audit log could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {!logs && fetching && (
        <Center p="xl">
          <Loader role="status" aria-label="Loading the audit log" />
        </Center>
      )}
      {logs && (
        <Text size="sm" aria-live="polite">
          {logs.metadata.totalCount === 0 ? "No entry matches." : `${logs.metadata.totalCount} entries${filtered ? " matching these filters" : ""}`}
        </Text>
      )}
      {logs && logs.collection.length > 0 && (
        <Table.ScrollContainer minWidth={880}>
          <Table aria-label="Audit log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Actor</Table.Th>
                <Table.Th scope="col">Operation</Table.Th>
                <Table.Th scope="col">Object</Table.Th>
                <Table.Th scope="col">Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {logs.collection.map((entry) => (
                <Fragment key={entry.id}>
                  <Table.Tr>
                    <Table.Td>{formatDateTime(entry.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={entry.actorType === "API_KEY" ? "violet.9" : "blue.9"} variant="filled" mr="xs">
                        {entry.actorType === "API_KEY" ? "Key" : "Person"}
                      </Badge>
                      {actorName(entry)}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => set("operation", entry.operation)}>
                        {entry.operation}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {entry.objectType ?? "—"}
                      {entry.objectId && (
                        <Text size="xs" c="dimmed">
                          {entry.objectId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-expanded={open === entry.id}
                        aria-label={`${open === entry.id ? "Hide" : "Show"} changes of ${entry.operation}`}
                        onClick={() => setOpen(open === entry.id ? null : entry.id)}
                      >
                        {open === entry.id ? "Hide" : "Show"}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {open === entry.id && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <AuditDiff changes={entry.changes} label={`Changes of ${entry.operation}`} />
                        {entry.requestId && (
                          <Text size="xs" c="dimmed" mt="xs">
                            Request {entry.requestId}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PagePicker metadata={logs?.metadata} label="Audit log" onChange={(p) => set("page", p <= 1 ? null : String(p))} />
    </Stack>
  );
}
