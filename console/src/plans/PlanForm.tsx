// The plan editor's inputs (new plan and a plan's edit): name, code, description, interval, fee,
// currency, pay in advance, trial period, taxes (with organization:taxes:view), and the charges, each
// in the form of its model. Controlled: the screens own the draft and the graph's problems.
import { Button, Checkbox, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useState } from "react";

import type { ChargeModel, PlanInterval } from "../gql/graphql";
import { INTERVAL_LABEL } from "../subscriptions/labels";
import { MODEL_CHOICES, PlanChargeCard, type MetricChoice } from "./PlanChargeCard";
import { newCharge, type PlanDraft } from "./planDraft";

const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");
const INTERVALS = (Object.keys(INTERVAL_LABEL) as PlanInterval[]).map((value) => ({
  value,
  label: `Every ${INTERVAL_LABEL[value]}`,
}));

export interface TaxChoice {
  readonly code: string;
  readonly name: string;
  readonly rate: string;
}

export interface PlanFormProps {
  readonly draft: PlanDraft;
  readonly metrics: readonly MetricChoice[];
  /** null: the member does not see the organization's taxes (no picker). */
  readonly taxes: readonly TaxChoice[] | null;
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (draft: PlanDraft) => void;
}

export function PlanForm({ draft, metrics, taxes, errorAt, onChange }: PlanFormProps) {
  const [metricId, setMetricId] = useState<string | null>(null);
  const [model, setModel] = useState<ChargeModel>("STANDARD");
  const set = (change: Partial<PlanDraft>) => onChange({ ...draft, ...change });
  const currency = draft.currency;
  return (
    <Stack gap="md">
      <Group align="flex-start">
        <TextInput label="Name" withAsterisk w={300} value={draft.name} error={errorAt("name")} onChange={(e) => set({ name: e.currentTarget.value })} />
        <TextInput
          label="Code"
          description="Unique among the organization’s plans"
          withAsterisk
          w={260}
          value={draft.code}
          error={errorAt("code")}
          onChange={(e) => set({ code: e.currentTarget.value })}
        />
      </Group>
      <Textarea label="Description" w={580} autosize minRows={2} value={draft.description} error={errorAt("description")} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Group align="flex-start">
        <Select
          label="Interval"
          w={200}
          data={INTERVALS}
          allowDeselect={false}
          value={draft.interval}
          error={errorAt("interval")}
          onChange={(value) => value !== null && set({ interval: value })}
        />
        <TextInput
          label={`Fee per ${INTERVAL_LABEL[draft.interval]} (${currency})`}
          withAsterisk
          inputMode="decimal"
          w={220}
          value={draft.fee}
          error={errorAt("amountCents")}
          onChange={(e) => set({ fee: e.currentTarget.value })}
        />
        <Select
          label="Currency"
          w={140}
          searchable
          data={CURRENCIES}
          allowDeselect={false}
          value={draft.currency}
          error={errorAt("amountCurrency")}
          onChange={(value) => value !== null && set({ currency: value })}
        />
        <TextInput
          label="Trial period (days)"
          inputMode="numeric"
          w={180}
          value={draft.trialPeriod}
          error={errorAt("trialPeriod")}
          onChange={(e) => set({ trialPeriod: e.currentTarget.value })}
        />
      </Group>
      <Checkbox
        label="Pay in advance (the fee is billed at the start of each period)"
        checked={draft.payInAdvance}
        error={errorAt("payInAdvance")}
        onChange={(e) => set({ payInAdvance: e.currentTarget.checked })}
      />
      {taxes !== null && (
        <MultiSelect
          label="Taxes"
          description="Applied to this plan’s fees"
          w={580}
          data={taxes.map((tax) => ({ value: tax.code, label: `${tax.name} (${tax.rate} %)` }))}
          value={[...draft.taxCodes]}
          error={errorAt("taxCodes")}
          onChange={(value) => set({ taxCodes: value })}
        />
      )}
      <Stack gap="sm" component="section" aria-labelledby="plan-charges-title">
        <Title order={2} size="h3" id="plan-charges-title">
          Charges
        </Title>
        <Text size="sm">Usage is billed at the end of each period, in {currency}; prices are decimals in {currency} (0.002 is a fifth of a cent).</Text>
        {errorAt("charges") !== undefined && (
          <Text size="sm" c="red.9" role="alert">
            {errorAt("charges")}
          </Text>
        )}
        {draft.charges.map((charge, index) => (
          <PlanChargeCard
            key={charge.key}
            index={index}
            charge={charge}
            metrics={metrics}
            currency={currency}
            errorAt={errorAt}
            onChange={(next) => set({ charges: draft.charges.map((c, at) => (at === index ? next : c)) })}
            onRemove={() => set({ charges: draft.charges.filter((_, at) => at !== index) })}
          />
        ))}
        <Group align="flex-end">
          <Select
            label="New charge: billable metric"
            w={280}
            data={metrics.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
            value={metricId}
            onChange={setMetricId}
          />
          <Select label="New charge: charge model" w={200} data={MODEL_CHOICES} allowDeselect={false} value={model} onChange={(value) => value !== null && setModel(value)} />
          <Button variant="default" disabled={metricId === null} onClick={() => {
              set({ charges: [...draft.charges, newCharge(metricId, model)] });
              setMetricId(null);
            }}>
            Add the charge
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
