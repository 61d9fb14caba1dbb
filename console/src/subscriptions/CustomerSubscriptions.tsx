// The customer's Subscriptions tab: every subscription of the customer (the graph's page, newest
// first, whatever their status), with its plan, status, billing time, dates and next period, each
// linking to its page; and "New subscription" for whoever ./actions.ts's canCreate allows.
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";

import type { CustomerTabProps } from "../customers/tabs";
import { errorMessage, formatDate } from "../format";
import { CustomerSubscriptionsDocument } from "../graphql/subscriptions";
import { mayOpen, ROUTES } from "../routes";
import { useSignedIn } from "../session/SessionProvider";
import { PagePicker } from "../shell/PagePicker";
import { canCreate } from "./actions";
import { BILLING_TIME_SHORT, STATUS_COLOR, STATUS_LABEL } from "./labels";

export const PAGE_SIZE = 20;

export default function CustomerSubscriptions({ customer }: CustomerTabProps) {
  const { permissions } = useSignedIn();
  const [page, setPage] = useState(1);
  const withPlan = permissions.has("plans:view");
  const [{ data, fetching, error }] = useQuery({
    query: CustomerSubscriptionsDocument,
    variables: { customerId: customer.id, page, limit: PAGE_SIZE, withPlan },
  });
  const form = ROUTES.find((route) => route.id === "subscription-new");
  const creatable = canCreate(permissions, form !== undefined && mayOpen(form, permissions));
  const subscriptions = data?.subscriptions;
  const metadata = subscriptions?.metadata;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {metadata ? (metadata.totalCount === 0 ? "No subscription yet." : `${metadata.totalCount} subscriptions`) : ""}
        </Text>
        {creatable && (
          <Button component={Link} to={`/customers/${customer.id}/subscriptions/new`}>
            New subscription
          </Button>
        )}
      </Group>
      {error && !data && (
        <Alert color="red" role="alert" title="The subscriptions could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {!data && fetching && (
        <Center p="xl">
          <Loader aria-label="Loading the subscriptions" />
        </Center>
      )}
      {subscriptions && subscriptions.collection.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Subscriptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Subscription</Table.Th>
                <Table.Th scope="col">Plan</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Billing time</Table.Th>
                <Table.Th scope="col">Started</Table.Th>
                <Table.Th scope="col">Ending or ended</Table.Th>
                <Table.Th scope="col">Next period</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {subscriptions.collection.map((subscription) => {
                const ended = subscription.terminatedAt ?? subscription.canceledAt;
                return (
                  <Table.Tr key={subscription.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/subscriptions/${subscription.id}`}>
                        {subscription.name ?? subscription.externalId}
                      </Anchor>
                      {subscription.name !== null && subscription.name !== undefined && (
                        <Text size="xs" c="dimmed">
                          {subscription.externalId}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {subscription.plan ? (
                        <>
                          {subscription.plan.name}
                          {subscription.plan.parent && (
                            <Text size="xs" c="dimmed">
                              Negotiated prices
                            </Text>
                          )}
                        </>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[subscription.status]} variant="filled" autoContrast>
                        {STATUS_LABEL[subscription.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{BILLING_TIME_SHORT[subscription.billingTime]}</Table.Td>
                    <Table.Td>
                      {subscription.startedAt
                        ? formatDate(subscription.startedAt)
                        : `Starts ${formatDate(subscription.subscriptionAt)}`}
                    </Table.Td>
                    <Table.Td>
                      {ended
                        ? `${subscription.status === "CANCELED" ? "Canceled" : "Terminated"} ${formatDate(ended)}`
                        : subscription.endingAt
                          ? `Ends ${formatDate(subscription.endingAt)}`
                          : "—"}
                    </Table.Td>
                    <Table.Td>
                      {subscription.currentBillingPeriod ? formatDate(subscription.currentBillingPeriod.end) : "—"}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PagePicker metadata={metadata} label="Subscription" onChange={setPage} />
    </Stack>
  );
}
