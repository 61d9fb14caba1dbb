// One credit note: reason, status, items, totals, the credit/refund split, who requested and who
// decided, and the actions its state and the member's permissions allow.
import { Alert, Anchor, Badge, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";

import { CreditNoteDocument } from "../graphql/creditNotes";
import { useSignedIn } from "../session/SessionProvider";
import { Decisions } from "./Decisions";
import { errorMessage, formatDate, formatDateTime } from "../format";
import { formatMinor } from "../money";
import { REASONS, STATUSES, STATUS_COLORS } from "./labels";

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

export default function CreditNoteDetail() {
  const { id = "" } = useParams();
  const { permissions, userId } = useSignedIn();
  const withCustomer = permissions.has("customers:view");
  const withInvoice = permissions.has("invoices:view");
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CreditNoteDocument,
    variables: { id, withCustomer, withInvoice },
  });
  const note = data?.creditNote;

  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the credit note" />
      </Center>
    );
  }
  if (!note) {
    return (
      <Stack>
        <Title order={1}>Credit note</Title>
        <Alert color="red" role="alert" title="The credit note could not be loaded">
          {error ? errorMessage(error) : "There is no such credit note."}
        </Alert>
        <Anchor component={Link} to="/credit-notes">
          Back to credit notes
        </Anchor>
      </Stack>
    );
  }
  const money = (cents: string | number) => formatMinor(cents, note.currency);
  const person = (user: string | null | undefined, key: string | null | undefined) =>
    user === userId ? "You" : user ? `Member ${user}` : key ? `API key ${key}` : "—";

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/credit-notes" size="sm">
        Back to credit notes
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1}>Credit note {note.number}</Title>
          <Badge color={STATUS_COLORS[note.status]} variant="filled" autoContrast size="lg">
            {STATUSES[note.status]}
          </Badge>
        </Group>
        <Decisions note={note} onDone={() => refetch({ requestPolicy: "network-only" })} />
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label="Reason" value={REASONS[note.reason]} />
          <Figure label="Issued" value={formatDate(note.issuingDate)} />
          {withCustomer && <Figure label="Customer" value={note.customer?.name ?? "—"} />}
          {withInvoice && <Figure label="Invoice" value={note.invoice?.number ?? "—"} />}
          <Figure label="Requested by" value={`${person(note.createdByUserId, note.createdByApiKeyId)}, ${formatDateTime(note.createdAt)}`} />
          {note.decidedAt && (
            <Figure
              label={note.status === "REJECTED" ? "Rejected by" : "Approved by"}
              value={`${person(note.decidedByUserId, note.decidedByApiKeyId)}, ${formatDateTime(note.decidedAt)}`}
            />
          )}
          {note.voidedAt && <Figure label="Voided" value={formatDateTime(note.voidedAt)} />}
        </SimpleGrid>
        {note.description && (
          <Text mt="md">
            <Text span c="dimmed" size="sm">
              Description:{" "}
            </Text>
            {note.description}
          </Text>
        )}
        {note.rejectionReason && (
          <Alert mt="md" color="red" title="Rejection reason">
            {note.rejectionReason}
          </Alert>
        )}
      </Card>
      <Title order={2} size="h3">
        Items
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Credited fees">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Fee</Table.Th>
              <Table.Th scope="col">Amount</Table.Th>
              <Table.Th scope="col">Taxes</Table.Th>
              <Table.Th scope="col">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {note.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.fee?.invoiceDisplayName ?? "A fee of the invoice"}</Table.Td>
                <Table.Td>{money(item.amountCents)}</Table.Td>
                <Table.Td>{money(item.taxesAmountCents)}</Table.Td>
                <Table.Td>{money(item.totalAmountCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label="Subtotal excluding taxes" value={money(note.subTotalExcludingTaxesAmountCents)} />
          <Figure label="Taxes" value={money(note.taxesAmountCents)} />
          <Figure label="Total" value={money(note.totalAmountCents)} />
          <span />
          <Figure label="Credited as a balance" value={money(note.creditAmountCents)} />
          <Figure label="Balance left" value={money(note.balanceAmountCents)} />
          <Figure label="Refunded" value={money(note.refundAmountCents)} />
          <Figure
            label="Refund status"
            value={note.refundStatus ? `${note.refundStatus.toLowerCase()}${note.refundedAt ? `, ${formatDateTime(note.refundedAt)}` : ""}` : "No refund"}
          />
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
