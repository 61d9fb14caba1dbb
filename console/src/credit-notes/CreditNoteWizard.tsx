// A credit note from an invoice (`/credit-notes/new?invoice=<id>`): the invoice's fees with what
// remains creditable on each, amounts per fee, the tax split and totals estimated LIVE by the graph
// (`creditNoteEstimate`: no arithmetic here), then reason, description and the credit/refund split.
// The graph's validation errors are shown at their fields.
import { Alert, Anchor, Button, Card, Center, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";

import type { CreditNoteReasonEnum } from "../gql/graphql";
import { CreateCreditNoteDocument, CreditNoteEstimateDocument, CreditNoteInvoiceDocument } from "../graphql/creditNotes";
import { useSignedIn } from "../session/SessionProvider";
import { errorMessage, validationFields } from "../format";
import { decimalToMinor, formatMinor, minorToDecimal } from "../money";
import { REASONS } from "./labels";
import { Opening, useOpenCreated } from "../shell/opening";

export default function CreditNoteWizard() {
  const [params] = useSearchParams();
  const invoiceId = params.get("invoice");
  if (invoiceId === null || invoiceId === "") {
    return (
      <Stack>
        <Title order={1}>New credit note</Title>
        <Alert color="blue" title="Which invoice?">
          A credit note credits a finalized invoice. Start from the credit notes list (New credit note) to choose it.
        </Alert>
        <Anchor component={Link} to="/credit-notes">
          Back to credit notes
        </Anchor>
      </Stack>
    );
  }
  return <Wizard invoiceId={invoiceId} />;
}

function Wizard({ invoiceId }: { readonly invoiceId: string }) {
  const { permissions } = useSignedIn();
  const { opening, open } = useOpenCreated();
  const [{ data, fetching, error }] = useQuery({
    query: CreditNoteInvoiceDocument,
    variables: { id: invoiceId, withCustomer: permissions.has("customers:view") },
  });
  const invoice = data?.invoice;
  const currency = invoice?.currency ?? "USD";
  const [typedAmounts, setTypedAmounts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState<CreditNoteReasonEnum | null>(null);
  const [description, setDescription] = useState("");
  const [credit, setCredit] = useState("");
  const [refund, setRefund] = useState("");
  const [submitFields, setSubmitFields] = useState<Record<string, string>>({});
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateCreditNoteDocument);

  // the items asked for: the fees with an amount, in the invoice's order (items.N is the N-th)
  const parsed = useMemo(() => {
    const items: { feeId: string; amountCents: string }[] = [];
    const local: Record<string, string> = {};
    for (const fee of invoice?.fees ?? []) {
      const typed = (typedAmounts[fee.id] ?? "").trim();
      if (typed === "") continue;
      const minor = decimalToMinor(typed, currency);
      if (minor === null) local[fee.id] = `Enter an amount such as ${minorToDecimal(1250, currency)}`;
      else items.push({ feeId: fee.id, amountCents: minor });
    }
    return { items, local };
  }, [invoice, typedAmounts, currency]);
  const [items] = useDebouncedValue(parsed.items, 250);
  const [estimated] = useQuery({
    query: CreditNoteEstimateDocument,
    variables: { invoiceId, items },
    pause: !invoice,
    requestPolicy: "cache-and-network",
  });
  const estimate = estimated.data?.creditNoteEstimate;
  const estimateFields = validationFields(estimated.error);
  const fields = { ...estimateFields, ...submitFields };
  const itemIndex = new Map(items.map((item, index) => [item.feeId, index]));
  const fieldOf = (feeId: string) => {
    const index = itemIndex.get(feeId);
    return index === undefined ? undefined : (fields[`items.${index}.amountCents`] ?? fields[`items.${index}.feeId`]);
  };

  if (opening) return <Opening noun="credit note" />;
  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the invoice" />
      </Center>
    );
  }
  if (!invoice) {
    return (
      <Stack>
        <Title order={1}>New credit note</Title>
        <Alert color="red" role="alert" title="The invoice could not be loaded">
          {error ? errorMessage(error) : "There is no such invoice."}
        </Alert>
        <Anchor component={Link} to="/credit-notes">
          Back to credit notes
        </Anchor>
      </Stack>
    );
  }
  const money = (cents: string | number) => formatMinor(cents, currency);
  const creditable = new Map((estimate?.creditableFees ?? []).map((fee) => [fee.feeId, fee.creditableAmountCents]));
  const taxes = new Map((estimate?.items ?? []).map((item) => [item.feeId, item.taxesAmountCents]));
  const invoiceProblem = fields["invoiceId"];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitFields({});
    setSubmitProblem(null);
    const local: Record<string, string> = {};
    if (reason === null) local["reason"] = "Choose a reason";
    const creditCents = credit.trim() === "" ? "0" : decimalToMinor(credit, currency);
    const refundCents = refund.trim() === "" ? "0" : decimalToMinor(refund, currency);
    if (creditCents === null) local["creditAmountCents"] = "Enter an amount";
    if (refundCents === null) local["refundAmountCents"] = "Enter an amount";
    if (Object.keys(parsed.local).length > 0 || reason === null || creditCents === null || refundCents === null) {
      setSubmitFields(local);
      return;
    }
    const result = await create({
      input: {
        invoiceId,
        reason,
        items: parsed.items,
        creditAmountCents: creditCents,
        refundAmountCents: refundCents,
        description: description.trim() === "" ? null : description,
      },
    });
    if (result.error) {
      const found = validationFields(result.error);
      if (Object.keys(found).length > 0) setSubmitFields(found);
      else setSubmitProblem(errorMessage(result.error));
      return;
    }
    const note = result.data?.createCreditNote;
    if (note) open(`/credit-notes/${note.id}`);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Anchor component={Link} to="/credit-notes" size="sm">
          Back to credit notes
        </Anchor>
        <Title order={1}>New credit note</Title>
        <Text>
          Invoice {invoice.number}
          {invoice.customer ? ` · ${invoice.customer.name}` : ""} · total {money(invoice.totalAmountCents)}
        </Text>
        {invoiceProblem !== undefined && (
          <Alert color="red" role="alert" title="This invoice cannot be credited">
            {invoiceProblem}
          </Alert>
        )}
        <Title order={2} size="h3">
          Fees to credit
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Fees of the invoice">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Fee</Table.Th>
                <Table.Th scope="col">Billed</Table.Th>
                <Table.Th scope="col">Remains creditable</Table.Th>
                <Table.Th scope="col">Amount to credit (before taxes)</Table.Th>
                <Table.Th scope="col">Taxes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.fees.map((fee) => {
                const left = creditable.get(fee.id);
                const tax = taxes.get(fee.id);
                return (
                  <Table.Tr key={fee.id}>
                    <Table.Td>{fee.invoiceDisplayName}</Table.Td>
                    <Table.Td>{money(fee.amountCents)}</Table.Td>
                    <Table.Td>{left === undefined ? "—" : money(left)}</Table.Td>
                    <Table.Td>
                      <TextInput
                        label={`Amount to credit on ${fee.invoiceDisplayName}`}
                        labelProps={{ className: "mantine-visually-hidden" }}
                        inputMode="decimal"
                        w={160}
                        value={typedAmounts[fee.id] ?? ""}
                        error={parsed.local[fee.id] ?? fieldOf(fee.id)}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          setTypedAmounts((current) => ({ ...current, [fee.id]: value }));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{tax === undefined ? "—" : money(tax)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {fields["items"] !== undefined && (
          <Alert color="red" role="alert">
            {fields["items"]}
          </Alert>
        )}
        <Card withBorder aria-label="Estimate" component="section">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Estimate
            </Title>
            {estimated.fetching && <Loader size="xs" aria-label="Estimating" />}
          </Group>
          {estimate && (
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <Figure label="Subtotal excluding taxes" value={money(estimate.subTotalExcludingTaxesAmountCents)} />
              <Figure label="Taxes" value={money(estimate.taxesAmountCents)} />
              <Figure label="Total" value={money(estimate.totalAmountCents)} />
              <Figure label="Creditable on the invoice" value={money(estimate.maxCreditableAmountCents)} />
              <Figure label="Refundable" value={money(estimate.maxRefundableAmountCents)} />
            </SimpleGrid>
          )}
        </Card>
        <Select
          label="Reason"
          withAsterisk
          w={320}
          data={Object.entries(REASONS).map(([value, label]) => ({ value, label }))}
          value={reason}
          error={fields["reason"]}
          onChange={(value) => setReason(value as CreditNoteReasonEnum | null)}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maw={640}
          value={description}
          error={fields["description"]}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <Group align="flex-start">
          <TextInput
            label="Credit amount"
            description="Given as a balance for the next invoices"
            inputMode="decimal"
            w={240}
            value={credit}
            error={fields["creditAmountCents"]}
            onChange={(event) => setCredit(event.currentTarget.value)}
          />
          <TextInput
            label="Refund amount"
            description="Paid back (never more than was paid)"
            inputMode="decimal"
            w={240}
            value={refund}
            error={fields["refundAmountCents"]}
            onChange={(event) => setRefund(event.currentTarget.value)}
          />
          {estimate && (
            <Button
              variant="default"
              mt={44}
              onClick={() => {
                setCredit(minorToDecimal(estimate.totalAmountCents, currency));
                setRefund("");
              }}
            >
              Credit the whole total
            </Button>
          )}
        </Group>
        {submitProblem !== null && (
          <Alert color="red" role="alert" title="The credit note was not created">
            {submitProblem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={creation.fetching}>
            Create credit note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Figure({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" aria-hidden>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}
