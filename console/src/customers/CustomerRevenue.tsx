// The customer's MRR and gross revenue over the last twelve months (with analytics:view), the
// Revenue screen's sections for this customer alone; the whole Revenue screen is one link away.
import { Alert, Anchor, Center, Group, Loader, Stack } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import { errorMessage } from "../format";
import { CustomerRevenueDocument } from "../graphql/customers";
import { GrossRevenueSection, MrrSection } from "../revenue/sections";
import type { CustomerTabProps } from "./tabs";

export default function CustomerRevenue({ customer }: CustomerTabProps) {
  const [{ data, fetching, error }] = useQuery({
    query: CustomerRevenueDocument,
    variables: { customerId: customer.id, fromMonth: null, toMonth: null },
  });
  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the revenue" />
      </Center>
    );
  }
  if (error && !data) {
    return (
      <Alert color="red" title="The revenue could not be loaded" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  return (
    <Stack gap="lg">
      <Group justify="flex-end">
        <Anchor component={Link} to={`/revenue?customer=${customer.id}`} size="sm">
          Open in Revenue, with every figure and filter
        </Anchor>
      </Group>
      <MrrSection rows={data?.mrrs ?? []} />
      <GrossRevenueSection rows={data?.grossRevenues ?? []} />
    </Stack>
  );
}
