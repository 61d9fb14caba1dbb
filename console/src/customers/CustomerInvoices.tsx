// A customer's invoices tab: their invoices, newest first, a page at a time; every filter of the
// invoices list is one link away (the list, filtered by this customer).
import { Alert, Anchor, Center, Group, Loader, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";

import { errorMessage } from "../format";
import { InvoicesDocument } from "../graphql/invoices";
import { InvoicesTable } from "../invoices/InvoicesTable";
import { PagePicker } from "../shell/PagePicker";
import type { CustomerTabProps } from "./tabs";

const PAGE_SIZE = 20;

export default function CustomerInvoices({ customer }: CustomerTabProps) {
  const [page, setPage] = useState(1);
  const [{ data, fetching, error }] = useQuery({
    query: InvoicesDocument,
    variables: { customerId: customer.id, page, limit: PAGE_SIZE, withCustomer: false },
  });
  const invoices = data?.invoices;
  if (!invoices && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the invoices" />
      </Center>
    );
  }
  if (error && !invoices) {
    return (
      <Alert color="red" title="The invoices could not be loaded" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!invoices) return null;
  const total = invoices.metadata.totalCount;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {total === 0 ? `No invoices for ${customer.name} yet.` : `${total} invoices`}
        </Text>
        <Anchor component={Link} to={`/invoices?customer=${customer.id}`} size="sm">
          Filter in the invoices list
        </Anchor>
      </Group>
      {invoices.collection.length > 0 && (
        <InvoicesTable rows={invoices.collection} withCustomer={false} label={`Invoices of ${customer.name}`} />
      )}
      <PagePicker metadata={invoices.metadata} label="Invoice" onChange={setPage} />
    </Stack>
  );
}
