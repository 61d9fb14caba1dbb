// The latest usage events the graph received (events query), filtered by code or subscription; and,
// for members who read the delivery log, the rejected ones and why: the graph does not store a
// rejected event, so they are known from the EVENTS_REJECTED webhooks (each rejected event's errors).
import { Alert, Code, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { RecentEventsDocument, RejectedEventsDocument } from "../graphql/developers";
import { useSignedIn } from "../session/SessionProvider";
import { PagePicker } from "../shell/PagePicker";
import { canSeeRejections } from "./actions";

const PAGE_SIZE = 25;

interface Rejected {
  readonly transaction_id?: string;
  readonly external_subscription_id?: string;
  readonly code?: string;
  readonly errors?: unknown;
}

function rejectedOf(payload: unknown): readonly Rejected[] {
  if (typeof payload !== "object" || payload === null) return [];
  const batch = (payload as Record<string, unknown>)["event_batch"];
  if (typeof batch !== "object" || batch === null) return [];
  const events = (batch as Record<string, unknown>)["events"];
  return Array.isArray(events) ? (events as Rejected[]) : [];
}

function RejectedEvents() {
  const [{ data }] = useQuery({ query: RejectedEventsDocument, variables: { page: 1, limit: 10 } });
  const rows = (data?.webhooks?.collection ?? []).flatMap((hook) =>
    rejectedOf(hook.payload).map((event, index) => ({ key: `${hook.id}-${index}`, at: hook.createdAt, event })),
  );
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Rejected events
      </Title>
      {data && rows.length === 0 && <Text>No rejected event reported (they are reported to webhook endpoints that listen to events.rejected).</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Rejected events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Transaction</Table.Th>
                <Table.Th scope="col">Subscription</Table.Th>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
                <Table.Th scope="col">Received</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ key, at, event }) => (
                <Table.Tr key={key}>
                  <Table.Td>{event.transaction_id ?? "—"}</Table.Td>
                  <Table.Td>{event.external_subscription_id ?? "—"}</Table.Td>
                  <Table.Td>{event.code ?? "—"}</Table.Td>
                  <Table.Td>
                    <Code>{JSON.stringify(event.errors ?? {})}</Code>
                  </Table.Td>
                  <Table.Td>{formatDateTime(at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export default function RecentEvents() {
  const { permissions } = useSignedIn();
  const [code, setCode] = useState("");
  const [subscription, setSubscription] = useState("");
  const [page, setPage] = useState(1);
  const [debouncedCode] = useDebouncedValue(code.trim(), 300);
  const [debouncedSubscription] = useDebouncedValue(subscription.trim(), 300);
  const [{ data, error }] = useQuery({
    query: RecentEventsDocument,
    variables: {
      page,
      limit: PAGE_SIZE,
      code: debouncedCode || null,
      externalSubscriptionId: debouncedSubscription || null,
    },
  });
  const events = data?.events;
  return (
    <Stack gap="md">
      <Group grow>
        <TextInput label="Metric code" value={code} onChange={(e) => { setCode(e.currentTarget.value); setPage(1); }} />
        <TextInput label="Subscription external id" value={subscription} onChange={(e) => { setSubscription(e.currentTarget.value); setPage(1); }} />
      </Group>
      {error && !data && (
        <Alert color="red" role="alert" title="The events could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {events && events.collection.length === 0 && <Text>No event received.</Text>}
      {events && events.collection.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label="Recent events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Transaction</Table.Th>
                <Table.Th scope="col">Subscription</Table.Th>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Properties</Table.Th>
                <Table.Th scope="col">Timestamp</Table.Th>
                <Table.Th scope="col">Received</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.collection.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{event.transactionId}</Table.Td>
                  <Table.Td>{event.externalSubscriptionId}</Table.Td>
                  <Table.Td>{event.code}</Table.Td>
                  <Table.Td>
                    <Code>{JSON.stringify(event.properties)}</Code>
                  </Table.Td>
                  <Table.Td>{formatDateTime(event.timestamp)}</Table.Td>
                  <Table.Td>{formatDateTime(event.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PagePicker metadata={events?.metadata} label="Event" onChange={setPage} />
      {canSeeRejections(permissions) && <RejectedEvents />}
    </Stack>
  );
}
