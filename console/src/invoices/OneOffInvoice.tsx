// A one-off invoice of add-ons for one customer (`/customers/:id/invoices/new`): lines of add-ons
// with their units, an optional unit amount and description, and the currency; createInvoice makes
// it (finalized and taxed by the graph: no arithmetic here), then its page opens. One request for the
// form (the customer and the add-ons); the graph's validation errors are shown at their inputs.
import { Alert, Anchor, Breadcrumbs, Button, Center, Group, Loader, Select, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { errorMessage, validationFields } from "../format";
import { CreateInvoiceDocument, OneOffInvoiceFormDocument } from "../graphql/invoices";
import type { OneOffFeeInput } from "../gql/graphql";
import { decimalToMinor, minorToDecimal } from "../money";
import { mayOpen, ROUTES } from "../routes";
import { useSignedIn } from "../session/SessionProvider";
import { emptyLine, OneOffLine, type LineDraft } from "./OneOffLines";

/** The add-ons offered: the graph's largest page (an organization's catalogue of add-ons is short). */
const ADD_ON_LIMIT = 100;
const COMMON_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY"];

type Problems = Record<string, string>;

export default function OneOffInvoice() {
  const { id = "" } = useParams();
  const { permissions } = useSignedIn();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({
    query: OneOffInvoiceFormDocument,
    variables: { customerId: id, limit: ADD_ON_LIMIT },
  });
  const [lines, setLines] = useState<readonly LineDraft[]>([emptyLine(0)]);
  const [nextKey, setNextKey] = useState(1);
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateInvoiceDocument);

  if (fetching && !data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the form" />
      </Center>
    );
  }
  const customer = data?.customer;
  const addOns = data?.addOns?.collection ?? [];
  if (!customer) {
    return (
      <Stack>
        <Title order={1}>New one-off invoice</Title>
        <Alert color="red" role="alert" title="The customer could not be loaded">
          {error ? errorMessage(error) : "This customer does not exist in this organization."}
        </Alert>
        <Anchor component={Link} to="/customers">
          Back to the customers
        </Anchor>
      </Stack>
    );
  }
  const currency = chosenCurrency ?? customer.currency ?? addOns[0]?.amountCurrency ?? "EUR";
  const currencies = [...new Set([customer.currency, ...addOns.map((a) => a.amountCurrency), ...COMMON_CURRENCIES])].filter(
    (code): code is string => typeof code === "string",
  );
  const customerId = customer.id;
  const customerPath = `/customers/${customerId}`;
  const invoiceRoute = ROUTES.find((route) => route.id === "invoice");

  function change(index: number, line: LineDraft) {
    setLines((current) => current.map((existing, i) => (i === index ? line : existing)));
  }

  function remove(index: number) {
    setLines((current) => current.filter((_, i) => i !== index));
    setProblems({}); // the paths fees.N moved
  }

  function add() {
    setLines((current) => [...current, emptyLine(nextKey)]);
    setNextKey((key) => key + 1);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const local: Problems = {};
    const fees: OneOffFeeInput[] = lines.map((line, index) => {
      if (line.addOnId === null) local[`fees.${index}.addOnId`] = "Choose an add-on";
      const typed = line.unitAmount.trim();
      const unitAmountCents = typed === "" ? null : decimalToMinor(typed, currency);
      if (unitAmountCents === null && typed !== "") {
        local[`fees.${index}.unitAmountCents`] = `Enter an amount such as ${minorToDecimal(1250, currency)}`;
      }
      return {
        addOnId: line.addOnId ?? "",
        units: line.units.trim() === "" ? null : line.units.trim(),
        unitAmountCents,
        description: line.description.trim() === "" ? null : line.description.trim(),
      };
    });
    if (Object.keys(local).length > 0) {
      setProblems(local);
      return;
    }
    setProblems({});
    const result = await create({ input: { customerId, currency, fees } });
    if (result.error) {
      const found = validationFields(result.error);
      if (Object.keys(found).length > 0) setProblems(found);
      else setFailure(errorMessage(result.error));
      return;
    }
    const invoice = result.data?.createInvoice;
    if (!invoice) return;
    const mayView = invoiceRoute !== undefined && mayOpen(invoiceRoute, permissions);
    void navigate(mayView ? `/invoices/${invoice.id}` : customerPath);
  }

  const general = [problems["fees"], problems["customerId"]].filter((p): p is string => p !== undefined);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Breadcrumbs aria-label="Breadcrumb">
          <Anchor component={Link} to="/customers">
            Customers
          </Anchor>
          <Anchor component={Link} to={customerPath}>
            {customer.name}
          </Anchor>
          <Text>New invoice</Text>
        </Breadcrumbs>
        <Title order={1}>New one-off invoice</Title>
        <Text>
          For {customer.name} ({customer.externalId}). The invoice is finalized at once, taxed as the customer and
          the add-ons say.
        </Text>
        {addOns.length === 0 ? (
          <Alert color="blue" title="No add-on">
            This organization has no add-on to invoice yet.
          </Alert>
        ) : (
          <>
            <Select
              label="Currency"
              description={customer.currency ? `The customer is billed in ${customer.currency}` : "Set by the customer's first bill"}
              withAsterisk
              allowDeselect={false}
              w={240}
              data={currencies}
              value={currency}
              error={problems["currency"]}
              onChange={(value) => setChosenCurrency(value)}
            />
            {lines.map((line, index) => (
              <OneOffLine
                key={line.key}
                index={index}
                line={line}
                addOns={addOns}
                removable={lines.length > 1}
                errors={{
                  addOnId: problems[`fees.${index}.addOnId`],
                  units: problems[`fees.${index}.units`],
                  unitAmountCents: problems[`fees.${index}.unitAmountCents`],
                  description: problems[`fees.${index}.description`],
                }}
                onChange={(changed) => change(index, changed)}
                onRemove={() => remove(index)}
              />
            ))}
            <Group>
              <Button variant="default" onClick={add}>
                Add a line
              </Button>
            </Group>
          </>
        )}
        {general.map((problem) => (
          <Alert key={problem} color="red" role="alert" title="The invoice was not created">
            {problem}
          </Alert>
        ))}
        {failure !== null && (
          <Alert color="red" role="alert" title="The invoice was not created">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={creation.fetching} disabled={addOns.length === 0}>
            Create invoice
          </Button>
          <Anchor component={Link} to={customerPath}>
            Cancel
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
