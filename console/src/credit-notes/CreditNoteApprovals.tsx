// The approval queue: the credit notes waiting for a second person, each with Approve (never on
// one's own note) and Reject, as the predicate module allows.
import { Stack, Text, Title } from "@mantine/core";
import { useSearchParams } from "react-router";

import { CreditNotesTable } from "./CreditNotesTable";

export default function CreditNoteApprovals() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  return (
    <Stack gap="md">
      <Title order={1}>Approvals</Title>
      <Text size="sm" c="dimmed">
        Credit notes above the organization&apos;s approval threshold wait here for someone other than their requester.
      </Text>
      <CreditNotesTable
        label="Credit notes waiting for approval"
        empty="No credit note waits for approval."
        withDecisions
        filters={{
          page,
          status: ["PENDING_APPROVAL"],
          reason: [],
          issuingDateFrom: null,
          issuingDateTo: null,
          searchTerm: null,
          invoiceId: null,
          customerId: null,
        }}
        onPage={(target) => setParams(target <= 1 ? {} : { page: String(target) })}
      />
    </Stack>
  );
}
