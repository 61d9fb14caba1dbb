// One charge of the plan editor: its billable metric and charge model, invoice display name, pay in
// advance, invoiceable, minimum per period, and its prices in the form of its model (the
// negotiated-price editor's ChargeEditor and TierTable: one implementation for both screens).
import { Button, Card, Checkbox, Group, Select, Stack, Text, TextInput } from "@mantine/core";

import type { ChargeModel } from "../gql/graphql";
import { ChargeEditor } from "../subscriptions/ChargeEditor";
import { CHARGE_MODEL_LABEL } from "../subscriptions/labels";
import type { PlanChargeDraft } from "./planDraft";

export interface MetricChoice {
  readonly id: string;
  readonly name: string;
  readonly code: string;
}

export const MODEL_CHOICES = (Object.keys(CHARGE_MODEL_LABEL) as ChargeModel[]).map((model) => ({
  value: model,
  label: CHARGE_MODEL_LABEL[model],
}));

/** How each model prices the period's units, shown under the model. */
const MODEL_HINT: Readonly<Record<ChargeModel, string>> = {
  STANDARD: "One price per unit.",
  GRADUATED: "Each tier’s units at that tier’s price; each tier starts where the previous one ends, the last is open-ended.",
  VOLUME: "All units at the price of the tier the total falls in; each tier starts where the previous one ends, the last is open-ended.",
  PACKAGE: "A price per started package of units, after the free units.",
  PERCENTAGE: "A rate of the summed amount (a SUM metric), with an optional fee, free allowance and per-event limits.",
};

export interface PlanChargeCardProps {
  readonly index: number;
  readonly charge: PlanChargeDraft;
  readonly metrics: readonly MetricChoice[];
  readonly currency: string;
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (charge: PlanChargeDraft) => void;
  readonly onRemove: () => void;
}

export function PlanChargeCard({ index, charge, metrics, currency, errorAt, onChange, onRemove }: PlanChargeCardProps) {
  const name = `Charge ${index + 1}`;
  const path = `charges.${index}`;
  const metric = metrics.find((m) => m.id === charge.billableMetricId);
  return (
    <Card withBorder component="section" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={500}>
            {name}
            {metric ? `: ${metric.name}` : ""}
          </Text>
          <Button variant="default" size="xs" onClick={onRemove} aria-label={`Remove charge ${index + 1}`}>
            Remove
          </Button>
        </Group>
        <Group align="flex-start">
          <Select
            label={`${name}: billable metric`}
            w={280}
            data={metrics.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
            value={charge.billableMetricId}
            error={errorAt(`${path}.billableMetricId`)}
            onChange={(value) => onChange({ ...charge, billableMetricId: value })}
          />
          <Select
            label={`${name}: charge model`}
            w={200}
            data={MODEL_CHOICES}
            value={charge.model}
            allowDeselect={false}
            error={errorAt(`${path}.chargeModel`)}
            onChange={(value) => value !== null && onChange({ ...charge, model: value })}
          />
          <TextInput
            label={`${name}: invoice display name`}
            description="Optional: else the metric’s name"
            w={260}
            value={charge.invoiceDisplayName}
            error={errorAt(`${path}.invoiceDisplayName`)}
            onChange={(event) => onChange({ ...charge, invoiceDisplayName: event.currentTarget.value })}
          />
          <TextInput
            label={`${name}: minimum per period (${currency})`}
            inputMode="decimal"
            w={220}
            value={charge.minAmount}
            error={errorAt(`${path}.minAmountCents`)}
            onChange={(event) => onChange({ ...charge, minAmount: event.currentTarget.value })}
          />
        </Group>
        <Group>
          <Checkbox
            label={`${name}: pay in advance`}
            checked={charge.payInAdvance}
            error={errorAt(`${path}.payInAdvance`)}
            onChange={(event) => onChange({ ...charge, payInAdvance: event.currentTarget.checked })}
          />
          <Checkbox
            label={`${name}: invoiceable`}
            checked={charge.invoiceable}
            error={errorAt(`${path}.invoiceable`)}
            onChange={(event) => onChange({ ...charge, invoiceable: event.currentTarget.checked })}
          />
        </Group>
        <Text size="sm">{MODEL_HINT[charge.model]}</Text>
        <ChargeEditor
          name={name}
          model={charge.model}
          currency={currency}
          draft={charge.prices}
          path={`${path}.properties`}
          errorAt={errorAt}
          onChange={(prices) => onChange({ ...charge, prices })}
        />
      </Stack>
    </Card>
  );
}
