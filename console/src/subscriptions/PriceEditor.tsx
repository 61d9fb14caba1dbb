// The negotiated-price editor: the plan's fee and each of its charges, each with the plan's price and,
// when the member chooses to negotiate it, an editor filled with that price to change. What is not
// negotiated stays the plan's (the graph copies the plan for this subscription only).
import { Badge, Card, Checkbox, Group, Stack, Text, TextInput, Title } from "@mantine/core";

import { formatMinor } from "../money";
import { ChargeEditor } from "./ChargeEditor";
import { CHARGE_MODEL_LABEL, INTERVAL_LABEL } from "./labels";
import { chargeDraft, OVERRIDES_PATH, type ChargeDraft, type PriceDraft, type PricedPlan } from "./priceDraft";
import { chargeName, describeProperties } from "./prices";
import type { PlanInterval } from "../gql/graphql";

export interface PriceEditorProps {
  readonly plan: PricedPlan & { readonly name: string; readonly interval: PlanInterval };
  readonly draft: PriceDraft;
  /** The input path of each negotiated charge (planOverrides.charges.N), by charge id. */
  readonly chargePaths: ReadonlyMap<string, string>;
  readonly errorAt: (path: string) => string | undefined;
  readonly onChange: (draft: PriceDraft) => void;
}

export function PriceEditor({ plan, draft, chargePaths, errorAt, onChange }: PriceEditorProps) {
  const currency = plan.amountCurrency;
  const setCharge = (id: string, next: ChargeDraft) => onChange({ ...draft, charges: { ...draft.charges, [id]: next } });
  return (
    <Stack gap="sm" component="section" aria-labelledby="negotiated-prices-title">
      <Title order={2} size="h3" id="negotiated-prices-title">
        Negotiated prices
      </Title>
      <Text size="sm">
        Leave a price unchecked to keep the plan’s. Negotiated prices apply to this subscription only; prices are in {currency}.
      </Text>
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={500}>Subscription fee</Text>
            <Text size="sm" c="dimmed">
              Plan: {formatMinor(plan.amountCents, currency)} per {INTERVAL_LABEL[plan.interval]}
            </Text>
          </div>
          <Checkbox
            label="Negotiate the subscription fee"
            checked={draft.negotiateFee}
            onChange={(event) => onChange({ ...draft, negotiateFee: event.currentTarget.checked })}
          />
        </Group>
        {draft.negotiateFee && (
          <TextInput
            mt="sm"
            w={260}
            label={`Subscription fee per ${INTERVAL_LABEL[plan.interval]} (${currency})`}
            inputMode="decimal"
            value={draft.fee}
            error={errorAt(`${OVERRIDES_PATH}.amountCents`)}
            onChange={(event) => onChange({ ...draft, fee: event.currentTarget.value })}
          />
        )}
      </Card>
      {plan.charges.map((charge, index) => {
        const name = chargeName(charge, index);
        const typed = draft.charges[charge.id] ?? chargeDraft(charge);
        const path = chargePaths.get(charge.id);
        const at = (suffix: string) => (path === undefined ? undefined : errorAt(`${path}${suffix}`));
        return (
          <Card withBorder key={charge.id} component="section" aria-label={`Charge ${name}`}>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Text fw={500}>{name}</Text>
                  <Badge color="gray.7" variant="filled">
                    {CHARGE_MODEL_LABEL[charge.chargeModel]}
                  </Badge>
                </Group>
                {describeProperties(charge.chargeModel, charge.properties, currency).map((line) => (
                  <Text size="sm" c="dimmed" key={line}>
                    Plan: {line}
                  </Text>
                ))}
              </div>
              <Checkbox
                label={`Negotiate ${name}`}
                checked={typed.negotiated}
                onChange={(event) => setCharge(charge.id, { ...typed, negotiated: event.currentTarget.checked })}
              />
            </Group>
            {typed.negotiated && path !== undefined && (
              <Stack gap="xs" mt="sm">
                <ChargeEditor
                  name={name}
                  model={charge.chargeModel}
                  currency={currency}
                  draft={typed}
                  path={`${path}.properties`}
                  errorAt={errorAt}
                  onChange={(next) => setCharge(charge.id, next)}
                />
                {at(".id") !== undefined && (
                  <Text size="sm" c="red.9" role="alert">
                    {at(".id")}
                  </Text>
                )}
              </Stack>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
