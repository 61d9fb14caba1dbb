// The organization's settings (organization:view): name, default currency, timezone, billing email,
// grace period, net payment term and the credit-note approval thresholds. Editing is offered exactly
// when ./actions.ts's canEditSettings says; a loosening of a threshold says before saving when it takes
// effect, and after saving when the graph will apply it. The graph's VALIDATION_ERROR shows at the field.
import { Alert, Button, Center, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import type { OrganizationSettingsQuery } from "../gql/graphql";
import { OrganizationSettingsDocument, UpdateOrganizationDocument } from "../graphql/organization";
import { errorMessage, validationFields } from "../format";
import { decimalToMinor, minorToDecimal } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { canEditSettings, loosenings, requestedPolicy, type ThresholdInForce } from "./actions";
import { loosenMessage, ThresholdsEditor, ThresholdsInForce, type ThresholdRow } from "./ThresholdsEditor";

type Organization = NonNullable<OrganizationSettingsQuery["organization"]>;

interface Form {
  readonly name: string;
  readonly defaultCurrency: string;
  readonly timezone: string;
  readonly billingEmail: string;
  readonly invoiceGracePeriod: number | string;
  readonly netPaymentTerm: number | string;
  readonly thresholds: readonly ThresholdRow[];
}

function amountOf(cents: string, currency: string): string {
  try {
    return minorToDecimal(cents, currency);
  } catch {
    return cents;
  }
}

function formOf(organization: Organization): Form {
  const policy = requestedPolicy(organization.creditNoteApprovalThresholds);
  return {
    name: organization.name,
    defaultCurrency: organization.defaultCurrency,
    timezone: organization.timezone,
    billingEmail: organization.billingEmail ?? "",
    invoiceGracePeriod: organization.invoiceGracePeriod,
    netPaymentTerm: organization.netPaymentTerm,
    thresholds: [...policy.entries()].map(([currency, cents], index) => ({
      key: index + 1,
      currency,
      amount: amountOf(cents, currency),
    })),
  };
}

function centsOf(row: ThresholdRow): string | null {
  try {
    return decimalToMinor(row.amount, row.currency.trim());
  } catch {
    return null;
  }
}

/** The graph's field paths without the input's name. */
function fieldErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, problem]) => [path.replace(/^input\./, ""), problem]));
}

export default function Settings() {
  const { permissions } = useSignedIn();
  const editable = canEditSettings(permissions);
  const [{ data, fetching, error }] = useQuery({ query: OrganizationSettingsDocument });
  const [saving, save] = useMutation(UpdateOrganizationDocument);
  const organization = data?.organization ?? null;
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<readonly string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    if (organization !== null && form === null) setForm(formOf(organization));
  }, [organization, form]);

  const inForce: readonly ThresholdInForce[] = useMemo(() => organization?.creditNoteApprovalThresholds ?? [], [organization]);
  const wanted = useMemo(() => {
    const policy = new Map<string, string>();
    for (const row of form?.thresholds ?? []) {
      const cents = centsOf(row);
      if (row.currency.trim() !== "" && cents !== null) policy.set(row.currency.trim(), cents);
    }
    return policy;
  }, [form]);
  const delaySeconds = organization?.creditNoteThresholdLooseningDelaySeconds ?? 0;
  const waiting = useMemo(
    () => (form === null ? [] : loosenings(inForce, wanted, now, delaySeconds).map((change) => loosenMessage(change, inForce))),
    [form, inForce, wanted, now, delaySeconds],
  );

  if (!organization || form === null) {
    if (fetching || (organization !== null && form === null)) {
      return (
        <Center p="xl">
          <Loader aria-label="Loading the settings" />
        </Center>
      );
    }
    return (
      <Stack>
        <Title order={1}>Settings</Title>
        <Alert color="red" role="alert" title="The settings could not be loaded">
          {error ? errorMessage(error) : "No organization is selected."}
        </Alert>
      </Stack>
    );
  }

  const set = (patch: Partial<Form>) => {
    setForm({ ...form, ...patch });
    setSaved(null);
    setNow(new Date());
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form === null) return;
    setProblem(null);
    setSaved(null);
    const local: Record<string, string> = {};
    form.thresholds.forEach((row, index) => {
      if (centsOf(row) === null) local[`creditNoteApprovalThresholds.${index}.amountCents`] = "is not an amount in this currency";
    });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const result = await save({
      input: {
        name: form.name,
        defaultCurrency: form.defaultCurrency,
        timezone: form.timezone,
        billingEmail: form.billingEmail,
        invoiceGracePeriod: Number(form.invoiceGracePeriod),
        netPaymentTerm: Number(form.netPaymentTerm),
        creditNoteApprovalThresholds: form.thresholds.map((row) => ({ currency: row.currency.trim(), amountCents: centsOf(row) })),
      },
    });
    const updated = result.data?.updateOrganization;
    if (result.error || !updated) {
      const fields = fieldErrors(validationFields(result.error));
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(result.error ? errorMessage(result.error) : "The settings were not saved");
      return;
    }
    setForm(formOf(updated));
    setSaved(
      updated.creditNoteApprovalThresholds
        .filter((t) => t.effectiveAt !== null)
        .map((t) =>
          loosenMessage({ currency: t.currency, amountCents: t.pendingAmountCents === null ? null : String(t.pendingAmountCents), effectiveAt: new Date(t.effectiveAt ?? "") }, updated.creditNoteApprovalThresholds),
        ),
    );
  }

  return (
    <Stack gap="md">
      <Title order={1}>Settings</Title>
      {!editable && <Text>You may read these settings; changing them needs the organization:update permission.</Text>}
      <Paper withBorder p="md">
        <form onSubmit={(event) => void submit(event)} aria-label="Organization settings">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Name" required value={form.name} disabled={!editable} error={errors["name"]} onChange={(e) => set({ name: e.currentTarget.value })} />
              <TextInput
                label="Default currency"
                description="ISO 4217 code, e.g. EUR"
                required
                value={form.defaultCurrency}
                disabled={!editable}
                error={errors["defaultCurrency"]}
                onChange={(e) => set({ defaultCurrency: e.currentTarget.value.toUpperCase() })}
              />
              <TextInput
                label="Timezone"
                description="IANA name, e.g. Europe/Paris"
                required
                value={form.timezone}
                disabled={!editable}
                error={errors["timezone"]}
                onChange={(e) => set({ timezone: e.currentTarget.value })}
              />
              <TextInput label="Billing email" type="email" value={form.billingEmail} disabled={!editable} error={errors["billingEmail"]} onChange={(e) => set({ billingEmail: e.currentTarget.value })} />
              <NumberInput
                label="Grace period (days)"
                description="Days an invoice stays a draft before finalizing"
                allowDecimal={false}
                value={form.invoiceGracePeriod}
                disabled={!editable}
                error={errors["invoiceGracePeriod"]}
                onChange={(value) => set({ invoiceGracePeriod: value })}
              />
              <NumberInput
                label="Net payment term (days)"
                description="Days to pay an invoice, unless the customer's"
                allowDecimal={false}
                value={form.netPaymentTerm}
                disabled={!editable}
                error={errors["netPaymentTerm"]}
                onChange={(value) => set({ netPaymentTerm: value })}
              />
            </SimpleGrid>
            <Title order={2} size="h4">
              Credit-note approval
            </Title>
            <ThresholdsInForce thresholds={inForce} />
            <ThresholdsEditor rows={form.thresholds} errors={errors} disabled={!editable} waiting={editable ? waiting : []} delaySeconds={delaySeconds} onChange={(rows) => set({ thresholds: rows })} />
            {problem !== null && (
              <Alert color="red" role="alert" title="The settings were not saved">
                {problem}
              </Alert>
            )}
            {saved !== null && (
              <Alert color="blue" role="status" title="Settings saved">
                <Stack gap={4}>
                  <Text size="sm">The settings were saved.</Text>
                  {saved.map((line) => (
                    <Text key={line} size="sm">
                      {line}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
            {editable && (
              <Group justify="flex-end">
                <Button type="submit" loading={saving.fetching}>
                  Save settings
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
