// The current usage tab: for one of the customer's active subscriptions, what its period so far
// rates to (`customerUsage`), charge by charge. The subscriptions come with the page's own query.
import { Alert, Center, Loader, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { CustomerUsageDocument } from "../graphql/customers";
import { formatDecimal, formatMinor } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { useCustomerQuery } from "./customerQuery";
import type { CustomerTabProps } from "./tabs";

export default function CustomerUsage({ customer }: CustomerTabProps) {
  const { permissions } = useSignedIn();
  const [{ data: page }] = useCustomerQuery(customer.id, { fromCache: true });
  const active = (page?.customer?.subscriptions ?? []).filter((s) => s.status === "ACTIVE");
  const [chosen, setChosen] = useState<string | null>(null);
  const subscription = active.find((s) => s.id === chosen) ?? active[0];
  const [{ data, fetching, error }] = useQuery({
    query: CustomerUsageDocument,
    variables: {
      customerId: customer.id,
      subscriptionId: subscription?.id ?? "",
      withMetrics: permissions.has("billable_metrics:view"),
      withCharges: permissions.has("plans:view"),
    },
    pause: subscription === undefined,
  });
  if (!subscription) return <Text>{customer.name} has no active subscription, so no usage is being rated.</Text>;
  const usage = data?.customerUsage;
  const label = (s: (typeof active)[number]) => `${s.name ?? s.plan?.name ?? "Subscription"} (${s.externalId})`;
  return (
    <Stack gap="md">
      {active.length > 1 && (
        <Select
          label="Subscription"
          data={active.map((s) => ({ value: s.id, label: label(s) }))}
          value={subscription.id}
          onChange={setChosen}
          allowDeselect={false}
          w={420}
        />
      )}
      {!usage && fetching && (
        <Center p="xl">
          <Loader aria-label="Loading the usage" />
        </Center>
      )}
      {error && !usage && (
        <Alert color="red" title="The usage could not be loaded" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {usage && (
        <>
          <Text>
            {label(subscription)}: usage from {formatDateTime(usage.fromDatetime)} to {formatDateTime(usage.toDatetime)},{" "}
            <Text span fw={700}>
              {formatMinor(usage.amountCents, usage.currency)}
            </Text>{" "}
            so far (before taxes, coupons and credits).
          </Text>
          {usage.chargesUsage.length === 0 ? (
            <Text c="dimmed">The plan has no usage charge.</Text>
          ) : (
            <Table striped aria-label="Usage by charge">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Metric</Table.Th>
                  <Table.Th scope="col">Charge</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Units
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Amount
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {usage.chargesUsage.map((line, index) => (
                  <Table.Tr key={line.charge?.id ?? index}>
                    <Table.Td>{line.billableMetric ? `${line.billableMetric.name} (${line.billableMetric.code})` : "—"}</Table.Td>
                    <Table.Td>{line.charge ? (line.charge.invoiceDisplayName ?? line.charge.chargeModel.toLowerCase()) : "—"}</Table.Td>
                    <Table.Td ta="right">{formatDecimal(line.units)}</Table.Td>
                    <Table.Td ta="right">{formatMinor(line.amountCents, usage.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
