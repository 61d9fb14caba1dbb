// A customer's credit notes tab: the credit notes table of the list, filtered by the customer.
import { Anchor, Group, Stack } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";

import { CreditNotesTable } from "../credit-notes/CreditNotesTable";
import type { CustomerTabProps } from "./tabs";

export default function CustomerCreditNotes({ customer }: CustomerTabProps) {
  const [page, setPage] = useState(1);
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Anchor component={Link} to={`/credit-notes?customer=${customer.id}`} size="sm">
          Filter in the credit notes list
        </Anchor>
      </Group>
      <CreditNotesTable
        label={`Credit notes of ${customer.name}`}
        empty={`No credit notes for ${customer.name} yet.`}
        withDecisions={false}
        customerColumn={false}
        onPage={setPage}
        filters={{
          page,
          status: [],
          reason: [],
          issuingDateFrom: null,
          issuingDateTo: null,
          searchTerm: null,
          invoiceId: null,
          customerId: customer.id,
        }}
      />
    </Stack>
  );
}
