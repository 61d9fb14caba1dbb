// The usage events the server refused (rejectedEvents, kept 30 days): what was sent, from where, and
// each offending field with what is wrong. Filtered like the received events above them.
import { Alert, Code, List, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { RejectedEventsDocument } from "../graphql/developers";
import { PagePicker } from "../shell/PagePicker";

const PAGE_SIZE = 10;
const SOURCES: Readonly<Record<string, string>> = { GRAPH: "GraphQL", API: "REST API" };

function reasons(errors: unknown): readonly [string, string][] {
  if (typeof errors !== "object" || errors === null) return [];
  return Object.entries(errors as Record<string, unknown>).map(([field, why]) => [field, String(why)]);
}

export function RejectedEvents({ code, subscription }: { readonly code: string; readonly subscription: string }) {
  const [page, setPage] = useState(1);
  const [{ data, error }] = useQuery({
    query: RejectedEventsDocument,
    variables: { page, limit: PAGE_SIZE, code: code || null, externalSubscriptionId: subscription || null },
  });
  const rejected = data?.rejectedEvents;
  return (
    <Stack gap="xs" component="section" aria-labelledby="rejected-events-title">
      <Title order={2} size="h3" id="rejected-events-title">
        Rejected events
      </Title>
      <Text size="sm">Events the server refused in the last 30 days, as they were sent, and why.</Text>
      {error && !data && (
        <Alert color="red" role="alert" title="The rejected events could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {rejected && rejected.collection.length === 0 && <Text>No event was rejected.</Text>}
      {rejected && rejected.collection.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label="Rejected events">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Transaction</Table.Th>
                <Table.Th scope="col">Subscription</Table.Th>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
                <Table.Th scope="col">Sent</Table.Th>
                <Table.Th scope="col">Through</Table.Th>
                <Table.Th scope="col">Received</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rejected.collection.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{event.transactionId ?? "—"}</Table.Td>
                  <Table.Td>{event.externalSubscriptionId ?? "—"}</Table.Td>
                  <Table.Td>{event.code ?? "—"}</Table.Td>
                  <Table.Td>
                    <List size="sm">
                      {reasons(event.errors).map(([field, why]) => (
                        <List.Item key={field}>
                          <Code>{field}</Code> {why}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                      {event.sent}
                    </Code>
                  </Table.Td>
                  <Table.Td>{SOURCES[event.source] ?? event.source}</Table.Td>
                  <Table.Td>{formatDateTime(event.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PagePicker metadata={rejected?.metadata} label="Rejected event" onChange={setPage} />
    </Stack>
  );
}
