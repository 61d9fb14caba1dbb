// A charge's prices in words. The graph sends charge properties as exact decimal strings in the
// plan's currency (major units: "0.002" is a fifth of a cent): they are formatted as given, with
// Intl.NumberFormat on the string, never through floating point.
import type { ChargeFieldsFragment, ChargeModel } from "../gql/graphql";
import { currencyExponent, formatDecimal } from "../money";

export type Charge = ChargeFieldsFragment;
export type Properties = Charge["properties"];
export type Tier = NonNullable<Properties["graduatedRanges"]>[number];

/** A decimal price in major units ("0.002") as money, every digit kept ("€0.002"). */
export function formatPrice(amount: string, currency: string): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: 20,
  }).format(amount as Intl.StringNumericLiteral);
}

/** A charge's name on screen: its metric's, else its invoice name, else its place in the plan. */
export function chargeName(charge: Charge, index: number): string {
  return charge.billableMetric?.name ?? charge.invoiceDisplayName ?? `Charge ${index + 1}`;
}

export function tiersOf(model: ChargeModel, properties: Properties): readonly Tier[] {
  if (model === "GRADUATED") return properties.graduatedRanges ?? [];
  if (model === "VOLUME") return properties.volumeRanges ?? [];
  return [];
}

function tierText(tier: Tier, currency: string): string {
  const range =
    tier.toValue === null || tier.toValue === undefined
      ? `above ${formatDecimal(tier.fromValue)}`
      : `${formatDecimal(tier.fromValue)} to ${formatDecimal(tier.toValue)}`;
  const flat = tier.flatAmount !== "0" ? ` + ${formatPrice(tier.flatAmount, currency)} flat` : "";
  return `${range}: ${formatPrice(tier.perUnitAmount, currency)} per unit${flat}`;
}

/** The lines that describe a charge's properties ("€0.10 per unit", one line per tier, ...). */
export function describeProperties(model: ChargeModel, p: Properties, currency: string): readonly string[] {
  const price = (amount: string | null | undefined) => (amount === null || amount === undefined ? "—" : formatPrice(amount, currency));
  switch (model) {
    case "STANDARD":
      return [`${price(p.amount)} per unit`];
    case "PACKAGE":
      return [
        `${price(p.amount)} per package of ${p.packageSize ?? "—"} units`,
        ...(p.freeUnits ? [`${p.freeUnits} units free`] : []),
      ];
    case "GRADUATED":
      return ["Each tier at its own price:", ...tiersOf(model, p).map((tier) => tierText(tier, currency))];
    case "VOLUME":
      return ["All units at the price of the tier the total falls in:", ...tiersOf(model, p).map((tier) => tierText(tier, currency))];
    case "PERCENTAGE": {
      const lines = [`${formatDecimal(p.rate ?? "0")} % of the amount`];
      if (p.fixedAmount) lines.push(`${price(p.fixedAmount)} per event`);
      if (p.freeUnitsPerEvents) lines.push(`first ${p.freeUnitsPerEvents} events free`);
      if (p.freeUnitsPerTotalAggregation) lines.push(`first ${formatDecimal(p.freeUnitsPerTotalAggregation)} of the amount free`);
      if (p.perTransactionMinAmount) lines.push(`at least ${price(p.perTransactionMinAmount)} per event`);
      if (p.perTransactionMaxAmount) lines.push(`at most ${price(p.perTransactionMaxAmount)} per event`);
      return lines;
    }
  }
}

/** Whether two charges are priced alike (the graph normalizes the decimal strings it stores). */
export function samePrices(a: Properties, b: Properties): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
