// An add-on (/add-ons/new, /add-ons/:id): name, code, amount (typed as a decimal, sent as integer
// minor units of the currency by decimalToMinor: never a float), currency, description, the name on
// invoices and its taxes (chosen only by a member who may see taxes).
import { Alert, Button, Group, MultiSelect, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { ConfirmAction } from "../catalogue/Destroy";
import { DetailFrame, DetailState, refusal, unplaced } from "../catalogue/Detail";
import { validationFields } from "../format";
import { AddOnDocument, AddOnTaxesDocument, CreateAddOnDocument, DestroyAddOnDocument, UpdateAddOnDocument } from "../graphql/addOns";
import { decimalToMinor, minorToDecimal } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canCreateAddOn, canDeleteAddOn, canSeeTaxes, canUpdateAddOn } from "./actions";
import { Opening, useOpenCreated } from "../shell/opening";

interface Draft {
  readonly name: string;
  readonly code: string;
  readonly amount: string;
  readonly currency: string;
  readonly description: string;
  readonly invoiceDisplayName: string;
  readonly taxCodes: readonly string[];
}

const EMPTY: Draft = { name: "", code: "", amount: "", currency: "EUR", description: "", invoiceDisplayName: "", taxCodes: [] };
const KNOWN = ["name", "code", "amountCents", "amountCurrency", "description", "invoiceDisplayName", "taxCodes"];
const LIST = { to: "/add-ons", label: "Add-ons" };

function validCurrency(code: string): boolean {
  try {
    return /^[A-Z]{3}$/.test(code) && Boolean(new Intl.NumberFormat("en", { style: "currency", currency: code }));
  } catch {
    return false;
  }
}

export default function AddOnForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { opening, open } = useOpenCreated();
  const { permissions } = useSignedIn();
  const withTaxes = canSeeTaxes(permissions);
  const [{ data, fetching, error }] = useQuery({ query: AddOnDocument, variables: { id: id ?? "", withTaxes }, pause: !id });
  // one request per screen: an add-on's page reads the taxes with it, a new one alone
  const [taxes] = useQuery({ query: AddOnTaxesDocument, pause: !withTaxes || Boolean(id) });
  const addOn = id ? data?.addOn : undefined;
  const [edited, setEdited] = useState<Draft | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [creation, create] = useMutation(CreateAddOnDocument);
  const [update, save] = useMutation(UpdateAddOnDocument);
  const [, destroy] = useMutation(DestroyAddOnDocument);
  useDocumentTitle(addOn ? `Add-on ${addOn.name}` : id ? "Add-on" : "New add-on");

  if (opening) return <Opening noun="add-on" />;
  if (id) {
    const state = DetailState({ fetching, error, found: Boolean(addOn), noun: "add-on", list: LIST });
    if (state) return state;
  }
  const editable = addOn ? canUpdateAddOn(permissions) : canCreateAddOn(permissions);
  const draft: Draft =
    edited ??
    (addOn
      ? {
          name: addOn.name,
          code: addOn.code,
          amount: minorToDecimal(addOn.amountCents, addOn.amountCurrency),
          currency: addOn.amountCurrency,
          description: addOn.description ?? "",
          invoiceDisplayName: addOn.invoiceDisplayName ?? "",
          taxCodes: (addOn.taxes ?? []).map((t) => t.code),
        }
      : EMPTY);
  const change = (next: Partial<Draft>) => {
    setSaved(false);
    setEdited({ ...draft, ...next });
  };

  async function submit() {
    setProblem(null);
    const currency = draft.currency.trim().toUpperCase();
    if (!validCurrency(currency)) {
      setFields({ amountCurrency: "Enter a currency code such as EUR" });
      return;
    }
    const amountCents = decimalToMinor(draft.amount, currency);
    if (amountCents === null) {
      setFields({ amountCents: `Enter an amount in ${currency}, such as 12.50` });
      return;
    }
    setFields({});
    const input = {
      name: draft.name,
      code: draft.code,
      amountCents,
      amountCurrency: currency,
      description: draft.description,
      invoiceDisplayName: draft.invoiceDisplayName,
      ...(withTaxes ? { taxCodes: [...draft.taxCodes] } : {}),
    };
    const result = addOn ? await save({ input: { id: addOn.id, ...input }, withTaxes }) : await create({ input, withTaxes });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    setEdited(null);
    setSaved(true);
    if (!addOn && result.data && "createAddOn" in result.data && result.data.createAddOn) open(`/add-ons/${result.data.createAddOn.id}`);
  }

  const actions =
    addOn && canDeleteAddOn(permissions) ? (
      <ConfirmAction
        label="Destroy add-on"
        title={`Destroy ${addOn.name}`}
        consequence={`The add-on is hidden from now on: no new invoice can include it, and its code “${addOn.code}” is freed. Invoices that already include it keep it.`}
        confirm="Destroy"
        run={() => destroy({ input: { id: addOn.id } })}
        onDone={() => void navigate("/add-ons")}
      />
    ) : undefined;
  const taxOptions = ((id ? data?.taxes : taxes.data?.taxes)?.collection ?? []).map((t) => ({ value: t.code, label: `${t.name} (${t.code}, ${t.rate} %)` }));

  return (
    <DetailFrame list={LIST} title={addOn ? `Add-on ${addOn.name}` : "New add-on"} crumb={addOn ? addOn.name : "New add-on"} actions={actions}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" maw={560}>
          <TextInput label="Name" value={draft.name} disabled={!editable} error={fields["name"]} onChange={(e) => change({ name: e.currentTarget.value })} />
          <TextInput label="Code" value={draft.code} disabled={!editable} error={fields["code"]} onChange={(e) => change({ code: e.currentTarget.value })} />
          <Group align="flex-start" grow>
            <TextInput
              label="Amount"
              description="In the currency's major unit: 12.50"
              inputMode="decimal"
              value={draft.amount}
              disabled={!editable}
              error={fields["amountCents"]}
              onChange={(e) => change({ amount: e.currentTarget.value })}
            />
            <TextInput
              label="Currency"
              description="ISO 4217 code"
              value={draft.currency}
              maxLength={3}
              disabled={!editable}
              error={fields["amountCurrency"]}
              onChange={(e) => change({ currency: e.currentTarget.value.toUpperCase() })}
            />
          </Group>
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            disabled={!editable}
            error={fields["description"]}
            onChange={(e) => change({ description: e.currentTarget.value })}
          />
          <TextInput
            label="Name on invoices"
            description="Empty: the name"
            value={draft.invoiceDisplayName}
            disabled={!editable}
            error={fields["invoiceDisplayName"]}
            onChange={(e) => change({ invoiceDisplayName: e.currentTarget.value })}
          />
          {withTaxes && (
            <MultiSelect
              searchable
              label="Taxes"
              description="Applied to the add-on on invoices"
              data={taxOptions}
              value={[...draft.taxCodes]}
              disabled={!editable}
              error={fields["taxCodes"]}
              onChange={(taxCodes) => change({ taxCodes })}
            />
          )}
          {problem !== null && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={creation.fetching || update.fetching}>
                {addOn ? "Save add-on" : "Create add-on"}
              </Button>
              {saved && <Text role="status">Saved.</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </DetailFrame>
  );
}
