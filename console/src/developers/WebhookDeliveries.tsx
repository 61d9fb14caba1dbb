// The delivery log: the graph's webhooks page, newest first, filtered by status (in the URL); each
// delivery's attempts and last response, its payload on demand, and Retry for a failed one.
import { Alert, Badge, Button, Checkbox, Code, Group, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import type { WebhookStatus } from "../gql/graphql";
import { RetryWebhookDocument, WebhooksDocument } from "../graphql/developers";
import { useSignedIn } from "../session/SessionProvider";
import { PagePicker } from "../shell/PagePicker";
import { canRetry } from "./actions";
import { eventTypeLabel } from "./EndpointForm";

const PAGE_SIZE = 25;
const STATUS_LABEL: Readonly<Record<WebhookStatus, string>> = { PENDING: "Pending", SUCCEEDED: "Succeeded", FAILED: "Failed" };
const STATUS_COLOR: Readonly<Record<WebhookStatus, string>> = { PENDING: "gray.8", SUCCEEDED: "teal.9", FAILED: "red.9" };

export default function WebhookDeliveries() {
  const { permissions } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? "").split(",").filter((s): s is WebhookStatus => Object.hasOwn(STATUS_LABEL, s));
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const [{ data, error }, reload] = useQuery({
    query: WebhooksDocument,
    variables: { page, limit: PAGE_SIZE, status: status.length ? status : null },
  });
  const [retrying, retry] = useMutation(RetryWebhookDocument);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const webhooks = data?.webhooks;

  function set(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === "") next.delete(name);
    else next.set(name, value);
    if (name !== "page") next.delete("page");
    setParams(next, { replace: true });
  }

  async function retryOne(id: string) {
    setNotice(null);
    const result = await retry({ id });
    setNotice(result.error ? { ok: false, text: errorMessage(result.error) } : { ok: true, text: "The delivery will be sent again now." });
    reload({ requestPolicy: "network-only" });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Checkbox.Group label="Status" value={status} onChange={(v) => set("status", v.join(","))}>
          <Group mt="xs">
            {(Object.keys(STATUS_LABEL) as WebhookStatus[]).map((s) => (
              <Checkbox key={s} value={s} label={STATUS_LABEL[s]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button variant="default" onClick={() => reload({ requestPolicy: "network-only" })}>
          Reload
        </Button>
      </Group>
      {notice && (
        <Alert color={notice.ok ? "green" : "red"} role={notice.ok ? "status" : "alert"} withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {error && !data && (
        <Alert color="red" role="alert" title="The deliveries could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {webhooks && (
        <Text size="sm" aria-live="polite">
          {webhooks.metadata.totalCount === 0 ? "No delivery." : `${webhooks.metadata.totalCount} deliveries`}
        </Text>
      )}
      {webhooks && webhooks.collection.length > 0 && (
        <Table.ScrollContainer minWidth={880}>
          <Table aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
                <Table.Th scope="col">Last response</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhooks.collection.map((hook) => (
                <Fragment key={hook.id}>
                  <Table.Tr>
                    <Table.Td>
                      {eventTypeLabel(hook.eventType)}
                      <Text size="xs" c="dimmed">
                        {hook.objectType} {hook.objectId ?? ""}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[hook.status]} variant="filled">
                        {STATUS_LABEL[hook.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{hook.attempts}</Table.Td>
                    <Table.Td>
                      {hook.lastResponseCode ?? (hook.lastAttemptAt ? "No answer" : "Not sent yet")}
                      {hook.lastError && (
                        <Text size="xs" c="dimmed">
                          {hook.lastError}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDateTime(hook.createdAt)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>
                          {open === hook.id ? "Hide payload" : "Payload"}
                        </Button>
                        {canRetry(hook, permissions) && (
                          <Button size="xs" loading={retrying.fetching} onClick={() => void retryOne(hook.id)}>
                            Retry
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {open === hook.id && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Text size="xs">
                          Last attempt {hook.lastAttemptAt ? formatDateTime(hook.lastAttemptAt) : "—"} · next{" "}
                          {hook.nextAttemptAt ? formatDateTime(hook.nextAttemptAt) : "—"} · delivered{" "}
                          {hook.deliveredAt ? formatDateTime(hook.deliveredAt) : "—"}
                        </Text>
                        <Code block>
                          {JSON.stringify(hook.payload, null, 2)}
                        </Code>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PagePicker metadata={webhooks?.metadata} label="Delivery" onChange={(p) => set("page", p <= 1 ? null : String(p))} />
    </Stack>
  );
}
