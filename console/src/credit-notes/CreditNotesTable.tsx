// The graph's `creditNotes` page as a table, shared by the list and the approval queue; the page and
// the filters live in the URL.
import { Alert, Anchor, Badge, Center, Loader, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import type { CreditNoteReasonEnum, CreditNoteStatus } from "../gql/graphql";
import { CreditNotesDocument } from "../graphql/creditNotes";
import { useSignedIn } from "../session/SessionProvider";
import { Decisions } from "./Decisions";
import { errorMessage, formatDate } from "../format";
import { formatMinor } from "../money";
import { REASONS, STATUSES, STATUS_COLORS } from "./labels";
import { PagePicker } from "../shell/PagePicker";

export const PAGE_SIZE = 50;

export interface Filters {
  readonly page: number;
  readonly status: readonly CreditNoteStatus[];
  readonly reason: readonly CreditNoteReasonEnum[];
  readonly issuingDateFrom: string | null;
  readonly issuingDateTo: string | null;
  readonly searchTerm: string | null;
  readonly invoiceId: string | null;
  readonly customerId: string | null;
}

export function CreditNotesTable({
  filters,
  label,
  empty,
  withDecisions,
  onPage,
  customerColumn = true,
}: {
  readonly filters: Filters;
  readonly label: string;
  readonly empty: string;
  readonly withDecisions: boolean;
  readonly onPage: (page: number) => void;
  /** Whether to show the customer column (not on a customer's own page). */
  readonly customerColumn?: boolean;
}) {
  const { permissions } = useSignedIn();
  const withCustomer = customerColumn && permissions.has("customers:view");
  const withInvoice = permissions.has("invoices:view");
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CreditNotesDocument,
    variables: {
      page: filters.page,
      limit: PAGE_SIZE,
      status: filters.status.length > 0 ? [...filters.status] : null,
      reason: filters.reason.length > 0 ? [...filters.reason] : null,
      issuingDateFrom: filters.issuingDateFrom,
      issuingDateTo: filters.issuingDateTo,
      searchTerm: filters.searchTerm,
      invoiceId: filters.invoiceId,
      customerId: filters.customerId,
      withCustomer,
      withInvoice,
    },
  });
  const notes = data?.creditNotes;
  const metadata = notes?.metadata;

  return (
    <>
      {error && !data && (
        <Alert color="red" title="The credit notes could not be loaded" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!notes && fetching && (
        <Center p="xl">
          <Loader aria-label={`Loading ${label.toLowerCase()}`} />
        </Center>
      )}
      {notes && (
        <>
          <Text size="sm" aria-live="polite">
            {metadata && metadata.totalCount === 0 ? empty : `${metadata?.totalCount ?? 0} credit notes`}
          </Text>
          {notes.collection.length > 0 && (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover aria-label={label}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Number</Table.Th>
                    {withCustomer && <Table.Th scope="col">Customer</Table.Th>}
                    {withInvoice && <Table.Th scope="col">Invoice</Table.Th>}
                    <Table.Th scope="col">Reason</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Total</Table.Th>
                    <Table.Th scope="col">Issued</Table.Th>
                    {withDecisions && <Table.Th scope="col">Decision</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {notes.collection.map((note) => (
                    <Table.Tr key={note.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/credit-notes/${note.id}`}>
                          {note.number}
                        </Anchor>
                      </Table.Td>
                      {withCustomer && <Table.Td>{note.customer?.name ?? "—"}</Table.Td>}
                      {withInvoice && <Table.Td>{note.invoice?.number ?? "—"}</Table.Td>}
                      <Table.Td>{REASONS[note.reason]}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[note.status]} variant="filled" autoContrast>
                          {STATUSES[note.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatMinor(note.totalAmountCents, note.currency)}</Table.Td>
                      <Table.Td>{formatDate(note.issuingDate)}</Table.Td>
                      {withDecisions && (
                        <Table.Td>
                          <Decisions
                            note={{ ...note, balanceAmountCents: note.creditAmountCents }}
                            onDone={() => refetch({ requestPolicy: "network-only" })}
                          />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <PagePicker metadata={metadata} label={label} onChange={onPage} />
        </>
      )}
    </>
  );
}
