// The latest usage events the graph received (events query), filtered by code or subscription, and
// under them the rejected ones and why (rejectedEvents), with the same filters.
import { Alert, Code, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { RecentEventsDocument } from "../graphql/developers";
import { PagePicker } from "../shell/PagePicker";
import { RejectedEvents } from "./RejectedEvents";

const PAGE_SIZE = 25;

export default function RecentEvents() {
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
      <RejectedEvents key={`${debouncedCode}\n${debouncedSubscription}`} code={debouncedCode} subscription={debouncedSubscription} />
    </Stack>
  );
}
