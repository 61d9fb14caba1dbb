// One invoice: number, status, dates, customer, its fees as printed (invoiceDisplayName), coupons,
// taxes, credit notes, prepaid credits and totals, all from integer minor units in its currency; and
// the actions the member may take (./actions.ts), each calling its mutation (finalize and void once
// confirmed: ./InvoiceActionButton.tsx), showing the graph's error in a notification and loading the
// invoice again. One request for the page.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Notification,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, type AnyVariables, type TypedDocumentNode } from "urql";

import type { InvoiceStatus } from "../gql/graphql";
import { FinalizeInvoiceDocument, InvoiceDocument, RefreshInvoiceDocument, VoidInvoiceDocument } from "../graphql/invoices";
import { formatDecimal, formatMinor, formatPreciseMinor, sumMinor } from "../money";
import { ObjectHistoryLink } from "../audit/ObjectHistoryLink";
import { useSignedIn } from "../session/SessionProvider";
import { mayOpen, ROUTES } from "../routes";
import { canIssueCreditNote, invoiceActions, type InvoiceAction } from "./actions";
import { ACTION_LABEL, InvoiceActionButton } from "./InvoiceActionButton";
import { errorMessage, formatDate, formatDateTime } from "../format";
import { FEE_TYPE_LABEL, PAYMENT_STATUS_LABEL, STATUS_COLOR, STATUS_LABEL, TYPE_LABEL } from "./labels";

const ACTION_DONE: Readonly<Record<InvoiceAction, string>> = {
  refresh: "The draft was refreshed.",
  finalize: "The invoice was finalized.",
  void: "The invoice was voided.",
};


function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

type Outcome =
  | { readonly ok: true; readonly action: InvoiceAction; readonly status: InvoiceStatus | null }
  | { readonly ok: false; readonly action: InvoiceAction; readonly message: string };

type ActionResult = { readonly status: InvoiceStatus } | null | undefined;

function useAction<D>(document: TypedDocumentNode<D, { id: string }>, pick: (data: D) => ActionResult) {
  const [state, run] = useMutation<D, AnyVariables>(document);
  const call = async (id: string) => {
    const result = await run({ id });
    return { error: result.error, status: result.data ? (pick(result.data)?.status ?? null) : null };
  };
  return [state.fetching, call] as const;
}

export default function InvoiceDetail() {
  const { id = "" } = useParams();
  const { permissions } = useSignedIn();
  const withCustomer = permissions.has("customers:view");
  const withCreditNotes = permissions.has("credit_notes:view");
  const [{ data, fetching, error }, reload] = useQuery({
    query: InvoiceDocument,
    variables: { id, withCustomer, withCreditNotes },
  });
  const [refreshing, refresh] = useAction(RefreshInvoiceDocument, (d) => d.refreshInvoice);
  const [finalizing, finalize] = useAction(FinalizeInvoiceDocument, (d) => d.finalizeInvoice);
  const [voiding, voidInvoice] = useAction(VoidInvoiceDocument, (d) => d.voidInvoice);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const invoice = data?.invoice;

  async function act(action: InvoiceAction) {
    const run = { refresh, finalize, void: voidInvoice }[action];
    setOutcome(null);
    const result = await run(id);
    if (result.error) {
      const message = errorMessage(result.error);
      setOutcome({ ok: false, action, message });
    } else {
      setOutcome({ ok: true, action, status: result.status });
    }
    reload({ requestPolicy: "network-only" });
  }

  const busy: Readonly<Record<InvoiceAction, boolean>> = { refresh: refreshing, finalize: finalizing, void: voiding };

  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the invoice" />
      </Center>
    );
  }
  if (!invoice) {
    return (
      <Stack gap="md">
        <Title order={1}>Invoice</Title>
        <Alert color="red" title="This invoice could not be loaded" role="alert">
          {error ? errorMessage(error) : "There is no such invoice in this organization."}
        </Alert>
        <Text>
          <Anchor component={Link} to="/invoices">
            Back to the invoices
          </Anchor>
        </Text>
      </Stack>
    );
  }

  const currency = invoice.currency;
  const money = (cents: string | number) => formatMinor(cents, currency);
  const actions = invoiceActions(invoice, permissions);
  const wizard = ROUTES.find((route) => route.id === "credit-note-new");
  const credit = canIssueCreditNote(invoice, wizard !== undefined && mayOpen(wizard, permissions));
  const taxes = new Map<string, { name: string; rate: string; amounts: (string | number)[] }>();
  for (const fee of invoice.fees) {
    for (const tax of fee.appliedTaxes) {
      const key = `${tax.taxCode}\u0000${tax.taxRate}`;
      const entry = taxes.get(key) ?? { name: `${tax.taxName} (${tax.taxCode})`, rate: tax.taxRate, amounts: [] };
      entry.amounts.push(tax.amountCents);
      taxes.set(key, entry);
    }
  }
  const discounted = invoice.fees.filter((fee) => sumMinor([fee.couponsAmountCents]) !== 0n);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component={Link} to="/invoices" size="sm">
            Invoices
          </Anchor>
          <Title order={1}>Invoice {invoice.number}</Title>
          <ObjectHistoryLink objectType="Invoice" objectId={invoice.id} />
          <Group gap="xs">
            <Badge color={STATUS_COLOR[invoice.status]} variant="light">
              {STATUS_LABEL[invoice.status]}
            </Badge>
            <Badge color="gray" variant="outline">
              Payment {PAYMENT_STATUS_LABEL[invoice.paymentStatus].toLowerCase()}
            </Badge>
          </Group>
        </Stack>
        {(actions.length > 0 || credit) && (
          <Group gap="xs" role="group" aria-label="Invoice actions">
            {credit && (
              <Button component={Link} to={`/credit-notes/new?invoice=${encodeURIComponent(invoice.id)}`} variant="light">
                New credit note
              </Button>
            )}
            {actions.map((action) => (
              <InvoiceActionButton key={action} action={action} number={invoice.number} busy={busy[action]} run={() => void act(action)} />
            ))}
          </Group>
        )}
      </Group>
      {outcome !== null && (
        <Notification
          color={outcome.ok ? "green" : "red"}
          title={outcome.ok ? ACTION_DONE[outcome.action] : `${ACTION_LABEL[outcome.action]} failed`}
          onClose={() => setOutcome(null)}
          closeButtonProps={{ "aria-label": "Dismiss" }}
          role={outcome.ok ? "status" : "alert"}
          withBorder
        >
          {outcome.ok
            ? outcome.status === null
              ? `Invoice ${invoice.number}.`
              : `Invoice ${invoice.number} is now ${STATUS_LABEL[outcome.status].toLowerCase()}.`
            : outcome.message}
        </Notification>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Field label="Customer">
            {invoice.customer ? (
              <Anchor component={Link} to={`/customers/${invoice.customer.id}`}>
                {`${invoice.customer.name} (${invoice.customer.externalId})`}
              </Anchor>
            ) : (
              "—"
            )}
          </Field>
          <Field label="Type">{TYPE_LABEL[invoice.invoiceType]}</Field>
          <Field label="Currency">{currency}</Field>
          <Field label="Issued">{formatDate(invoice.issuingDate)}</Field>
          <Field label="Payment due">
            {formatDate(invoice.paymentDueDate)} ({invoice.netPaymentTerm} days)
          </Field>
          <Field label="Finalized">{invoice.finalizedAt ? formatDateTime(invoice.finalizedAt) : "—"}</Field>
          <Field label="Paid">{invoice.paidAt ? formatDateTime(invoice.paidAt) : "—"}</Field>
          <Field label="Voided">{invoice.voidedAt ? formatDateTime(invoice.voidedAt) : "—"}</Field>
        </SimpleGrid>
      </Paper>

      <Title order={2} size="h3">
        Fees
      </Title>
      {invoice.fees.length === 0 ? (
        <Text>No fees on this invoice.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Fees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Line</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col" ta="right">Units</Table.Th>
                <Table.Th scope="col" ta="right">Unit amount</Table.Th>
                <Table.Th scope="col" ta="right">Amount</Table.Th>
                <Table.Th scope="col" ta="right">Taxes</Table.Th>
                <Table.Th scope="col" ta="right">Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.fees.map((fee) => (
                <Table.Tr key={fee.id}>
                  <Table.Td>
                    {fee.invoiceDisplayName}
                    {fee.periodStart && fee.periodEnd && (
                      <Text size="xs" c="dimmed">
                        {formatDate(fee.periodStart)} – {formatDate(fee.periodEnd)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{FEE_TYPE_LABEL[fee.feeType]}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(fee.units)}</Table.Td>
                  <Table.Td ta="right">{formatPreciseMinor(fee.unitAmountCents, fee.currency)}</Table.Td>
                  <Table.Td ta="right">{formatMinor(fee.amountCents, fee.currency)}</Table.Td>
                  <Table.Td ta="right">
                    {formatMinor(fee.taxesAmountCents, fee.currency)}
                    <Text size="xs" c="dimmed">
                      {formatDecimal(fee.taxesRate)} %
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatMinor(fee.totalAmountCents, fee.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Title order={2} size="h3">
            Coupons
          </Title>
          {discounted.length === 0 ? (
            <Text>No coupon applies to this invoice.</Text>
          ) : (
            <Table aria-label="Coupons">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Line</Table.Th>
                  <Table.Th scope="col" ta="right">Discount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {discounted.map((fee) => (
                  <Table.Tr key={fee.id}>
                    <Table.Td>{fee.invoiceDisplayName}</Table.Td>
                    <Table.Td ta="right">{formatMinor(fee.couponsAmountCents, fee.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h3">
            Taxes
          </Title>
          {taxes.size === 0 ? (
            <Text>No tax applies to this invoice.</Text>
          ) : (
            <Table aria-label="Taxes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Tax</Table.Th>
                  <Table.Th scope="col" ta="right">Rate</Table.Th>
                  <Table.Th scope="col" ta="right">Amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...taxes.entries()].map(([key, tax]) => (
                  <Table.Tr key={key}>
                    <Table.Td>{tax.name}</Table.Td>
                    <Table.Td ta="right">{formatDecimal(tax.rate)} %</Table.Td>
                    <Table.Td ta="right">{money(sumMinor(tax.amounts).toString())}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </SimpleGrid>

      {withCreditNotes && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Credit notes
          </Title>
          {(invoice.creditNotes ?? []).length === 0 ? (
            <Text>No credit note on this invoice.</Text>
          ) : (
            <Table aria-label="Credit notes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Number</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Issued</Table.Th>
                  <Table.Th scope="col" ta="right">Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(invoice.creditNotes ?? []).map((note) => (
                  <Table.Tr key={note.id}>
                    <Table.Td>{note.number}</Table.Td>
                    <Table.Td>{note.status.replaceAll("_", " ").toLowerCase()}</Table.Td>
                    <Table.Td>{formatDate(note.issuingDate)}</Table.Td>
                    <Table.Td ta="right">{formatMinor(note.totalAmountCents, note.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}

      <Stack gap="xs" maw={480}>
        <Title order={2} size="h3">
          Totals
        </Title>
        <Table aria-label="Totals">
          <Table.Tbody>
            {(
              [
                ["Fees", invoice.feesAmountCents],
                ["Coupons", invoice.couponsAmountCents],
                ["Subtotal excluding taxes", invoice.subTotalExcludingTaxesAmountCents],
                ["Taxes", invoice.taxesAmountCents],
                ["Subtotal including taxes", invoice.subTotalIncludingTaxesAmountCents],
                ["Credit notes", invoice.creditNotesAmountCents],
                ["Prepaid credits used", invoice.prepaidCreditAmountCents],
              ] as const
            ).map(([label, cents]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={400}>
                  {label}
                </Table.Th>
                <Table.Td ta="right">{money(cents)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">Total due</Table.Th>
              <Table.Td ta="right" fw={700}>
                {money(invoice.totalAmountCents)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  );
}
