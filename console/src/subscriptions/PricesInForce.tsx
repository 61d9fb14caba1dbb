// The prices a subscription is billed at today: its plan's fee and charges, side by side with the
// catalogue plan's when the subscription has negotiated prices (its plan is then its own copy, whose
// `parent` is the catalogue plan). The graph exposes a plan's current charges (`Plan.charges`), not
// its earlier price versions: this table says so.
import { Badge, Stack, Table, Text, Title } from "@mantine/core";

import type { PlanInterval } from "../gql/graphql";
import { formatMinor } from "../money";
import { CHARGE_MODEL_LABEL, INTERVAL_LABEL } from "./labels";
import { chargeName, describeProperties, samePrices, type Charge } from "./prices";

interface PricedPlan {
  readonly name: string;
  readonly interval: PlanInterval;
  readonly amountCents: string | number;
  readonly amountCurrency: string;
  readonly trialPeriod: number;
  readonly charges: readonly Charge[];
  readonly parent?: {
    readonly name: string;
    readonly amountCents: string | number;
    readonly trialPeriod: number;
    readonly charges: readonly Charge[];
  } | null;
}

function Lines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <>
      {lines.map((line) => (
        <Text size="sm" key={line}>
          {line}
        </Text>
      ))}
    </>
  );
}

function Negotiated({ when }: { readonly when: boolean }) {
  if (!when) return null;
  return (
    <Badge color="indigo.9" variant="filled" mt={4}>
      Negotiated
    </Badge>
  );
}

export function PricesInForce({ plan }: { readonly plan: PricedPlan }) {
  const currency = plan.amountCurrency;
  const parent = plan.parent ?? null;
  const per = `per ${INTERVAL_LABEL[plan.interval]}`;
  const fee = (cents: string | number) => `${formatMinor(cents, currency)} ${per}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby="prices-in-force-title">
      <Title order={2} size="h3" id="prices-in-force-title">
        Prices in force
      </Title>
      <Text size="sm">
        {parent
          ? `Negotiated for this subscription, against the ${parent.name} plan’s prices.`
          : "The plan’s own prices: nothing is negotiated for this subscription."}{" "}
        Today’s prices are shown; earlier price versions are not available here.
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label="Prices in force" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Price</Table.Th>
              <Table.Th scope="col">Model</Table.Th>
              <Table.Th scope="col">This subscription</Table.Th>
              {parent && <Table.Th scope="col">Plan {parent.name}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Subscription fee</Table.Th>
              <Table.Td>Fixed</Table.Td>
              <Table.Td>
                <Text size="sm">{fee(plan.amountCents)}</Text>
                <Negotiated when={parent !== null && String(parent.amountCents) !== String(plan.amountCents)} />
              </Table.Td>
              {parent && <Table.Td>{fee(parent.amountCents)}</Table.Td>}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Trial</Table.Th>
              <Table.Td>Days free</Table.Td>
              <Table.Td>
                <Text size="sm">{plan.trialPeriod} days</Text>
                <Negotiated when={parent !== null && parent.trialPeriod !== plan.trialPeriod} />
              </Table.Td>
              {parent && <Table.Td>{parent.trialPeriod} days</Table.Td>}
            </Table.Tr>
            {plan.charges.map((charge, index) => {
              // a negotiated copy keeps the catalogue plan's charges in their order
              const original = parent?.charges[index];
              return (
                <Table.Tr key={charge.id}>
                  <Table.Th scope="row">{chargeName(charge, index)}</Table.Th>
                  <Table.Td>{CHARGE_MODEL_LABEL[charge.chargeModel]}</Table.Td>
                  <Table.Td>
                    <Lines lines={describeProperties(charge.chargeModel, charge.properties, currency)} />
                    <Negotiated when={original !== undefined && !samePrices(original.properties, charge.properties)} />
                  </Table.Td>
                  {parent && (
                    <Table.Td>
                      {original ? <Lines lines={describeProperties(original.chargeModel, original.properties, currency)} /> : "—"}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
