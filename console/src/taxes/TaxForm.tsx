// A tax rate (/taxes/new, /taxes/:id): name, code, rate in percent (a decimal string, sent as typed:
// never a float), description, and whether it is one of the organization's defaults (applied to
// every customer).
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { ConfirmAction } from "../catalogue/Destroy";
import { DetailFrame, DetailState, refusal, unplaced } from "../catalogue/Detail";
import { validationFields } from "../format";
import { CreateTaxDocument, DestroyTaxDocument, TaxDocument, UpdateTaxDocument } from "../graphql/taxes";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canCreateTax, canDeleteTax, canUpdateTax } from "./actions";
import { Opening, useOpenCreated } from "../shell/opening";

interface Draft {
  readonly name: string;
  readonly code: string;
  readonly rate: string;
  readonly description: string;
  readonly appliedToOrganization: boolean;
}

const EMPTY: Draft = { name: "", code: "", rate: "", description: "", appliedToOrganization: false };
const KNOWN = ["name", "code", "rate", "description", "appliedToOrganization"];
const LIST = { to: "/taxes", label: "Taxes" };

export default function TaxForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { opening, open } = useOpenCreated();
  const { permissions } = useSignedIn();
  const [{ data, fetching, error }] = useQuery({ query: TaxDocument, variables: { id: id ?? "" }, pause: !id });
  const tax = id ? data?.tax : undefined;
  const [edited, setEdited] = useState<Draft | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [creation, create] = useMutation(CreateTaxDocument);
  const [update, save] = useMutation(UpdateTaxDocument);
  const [, destroy] = useMutation(DestroyTaxDocument);
  useDocumentTitle(tax ? `Tax ${tax.name}` : id ? "Tax" : "New tax");

  if (opening) return <Opening noun="tax" />;
  if (id) {
    const state = DetailState({ fetching, error, found: Boolean(tax), noun: "tax", list: LIST });
    if (state) return state;
  }
  const editable = tax ? canUpdateTax(permissions) : canCreateTax(permissions);
  const draft =
    edited ??
    (tax
      ? { name: tax.name, code: tax.code, rate: tax.rate, description: tax.description ?? "", appliedToOrganization: tax.appliedToOrganization }
      : EMPTY);
  const change = (next: Partial<Draft>) => {
    setSaved(false);
    setEdited({ ...draft, ...next });
  };

  async function submit() {
    setFields({});
    setProblem(null);
    const input = { ...draft, rate: draft.rate.trim() };
    const result = tax ? await save({ input: { id: tax.id, ...input } }) : await create({ input });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    setEdited(null);
    setSaved(true);
    if (!tax && result.data && "createTax" in result.data && result.data.createTax) open(`/taxes/${result.data.createTax.id}`);
  }

  const actions =
    tax && canDeleteTax(permissions) ? (
      <ConfirmAction
        label="Destroy tax"
        title={`Destroy ${tax.name}`}
        consequence={`The tax is hidden from now on and no longer applied to anything: not to the organization's customers by default, nor to the plans, add-ons and customers it is attached to. Invoices already made keep the rate they used. Its code “${tax.code}” is freed.`}
        confirm="Destroy"
        run={() => destroy({ input: { id: tax.id } })}
        onDone={() => void navigate("/taxes")}
      />
    ) : undefined;

  return (
    <DetailFrame list={LIST} title={tax ? `Tax ${tax.name}` : "New tax"} crumb={tax ? tax.name : "New tax"} actions={actions}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" maw={560}>
          <TextInput label="Name" value={draft.name} disabled={!editable} error={fields["name"]} onChange={(e) => change({ name: e.currentTarget.value })} />
          <TextInput
            label="Code"
            description="How plans, add-ons and customers name the tax"
            value={draft.code}
            disabled={!editable}
            error={fields["code"]}
            onChange={(e) => change({ code: e.currentTarget.value })}
          />
          <TextInput
            label="Rate (%)"
            description="In percent, as a decimal: 20 is 20 %, 5.5 is 5.5 %"
            inputMode="decimal"
            value={draft.rate}
            disabled={!editable}
            error={fields["rate"]}
            onChange={(e) => change({ rate: e.currentTarget.value })}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={draft.description}
            disabled={!editable}
            error={fields["description"]}
            onChange={(e) => change({ description: e.currentTarget.value })}
          />
          <Checkbox
            label="Applied to the organization by default"
            description="One of the organization's default taxes: applied to every customer"
            checked={draft.appliedToOrganization}
            disabled={!editable}
            error={fields["appliedToOrganization"]}
            onChange={(e) => change({ appliedToOrganization: e.currentTarget.checked })}
          />
          {problem !== null && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={creation.fetching || update.fetching}>
                {tax ? "Save tax" : "Create tax"}
              </Button>
              {saved && <Text role="status">Saved.</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </DetailFrame>
  );
}
