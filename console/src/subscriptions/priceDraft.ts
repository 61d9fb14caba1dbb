// The negotiated-price editor's state: what the member types for the plan's fee and for each charge
// they negotiate, in the form of the charge's model, and its translation into the graph's
// PlanOverridesInput. Each problem is keyed by the graph's own input path (planOverrides.amountCents,
// planOverrides.charges.N.properties.graduatedRanges.M.fromValue, ...), so that a problem found here
// and one the graph reports show at the same input.
import type { ChargeModel, ChargePropertiesInput, ChargeOverridesInput, PlanOverridesInput, RangeInput } from "../gql/graphql";
import { decimalToMinor, minorToDecimal } from "../money";
import { tiersOf, type Charge } from "./prices";

export interface TierDraft {
  readonly from: string;
  /** Ignored for the last tier: it is open-ended. */
  readonly to: string;
  readonly perUnit: string;
  readonly flat: string;
}

export interface ChargeDraft {
  readonly negotiated: boolean;
  readonly amount: string;
  readonly packageSize: string;
  readonly freeUnits: string;
  readonly tiers: readonly TierDraft[];
  readonly rate: string;
  readonly fixedAmount: string;
  readonly freeUnitsPerEvents: string;
  readonly freeUnitsPerTotalAggregation: string;
  readonly perTransactionMinAmount: string;
  readonly perTransactionMaxAmount: string;
}

export interface PriceDraft {
  readonly negotiateFee: boolean;
  /** The plan's fee in major units, as typed ("990.00"). */
  readonly fee: string;
  readonly charges: Readonly<Record<string, ChargeDraft>>;
}

export interface PricedPlan {
  readonly amountCents: string | number;
  readonly amountCurrency: string;
  readonly charges: readonly Charge[];
}

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** A charge's editor, filled with the plan's prices (nothing negotiated yet). */
export function chargeDraft(charge: Charge): ChargeDraft {
  const p = charge.properties;
  return {
    negotiated: false,
    amount: text(p.amount),
    packageSize: text(p.packageSize),
    freeUnits: text(p.freeUnits),
    tiers: tiersOf(charge.chargeModel, p).map((tier) => ({
      from: tier.fromValue,
      to: text(tier.toValue),
      perUnit: tier.perUnitAmount,
      flat: tier.flatAmount,
    })),
    rate: text(p.rate),
    fixedAmount: text(p.fixedAmount),
    freeUnitsPerEvents: text(p.freeUnitsPerEvents),
    freeUnitsPerTotalAggregation: text(p.freeUnitsPerTotalAggregation),
    perTransactionMinAmount: text(p.perTransactionMinAmount),
    perTransactionMaxAmount: text(p.perTransactionMaxAmount),
  };
}

export function priceDraft(plan: PricedPlan): PriceDraft {
  return {
    negotiateFee: false,
    fee: minorToDecimal(plan.amountCents, plan.amountCurrency),
    charges: Object.fromEntries(plan.charges.map((charge) => [charge.id, chargeDraft(charge)])),
  };
}

/** One more tier: the new one is the open-ended last, the tier before it gets an end to fill. */
export function addTier(tiers: readonly TierDraft[]): readonly TierDraft[] {
  const last = tiers[tiers.length - 1];
  if (last === undefined) return [{ from: "0", to: "", perUnit: "", flat: "0" }];
  return [...tiers.slice(0, -1), { ...last, to: "" }, { from: "", to: "", perUnit: last.perUnit, flat: "0" }];
}

export function removeTier(tiers: readonly TierDraft[], index: number): readonly TierDraft[] {
  return tiers.filter((_, at) => at !== index);
}

/** The end of a tier typed: the next tier starts there (it can still be changed). */
export function setTierEnd(tiers: readonly TierDraft[], index: number, to: string): readonly TierDraft[] {
  return tiers.map((tier, at) => (at === index ? { ...tier, to } : at === index + 1 ? { ...tier, from: to } : tier));
}

const optional = (typed: string): string | null => (typed.trim() === "" ? null : typed.trim());

function whole(problems: Record<string, string>, path: string, typed: string): number | null {
  const value = typed.trim();
  if (value === "") return null;
  if (!/^\d+$/.test(value)) {
    problems[path] = "Enter a whole number";
    return null;
  }
  return Number(value);
}

function ranges(tiers: readonly TierDraft[]): RangeInput[] {
  return tiers.map((tier, index) => ({
    fromValue: tier.from.trim(),
    toValue: index === tiers.length - 1 ? null : optional(tier.to),
    perUnitAmount: tier.perUnit.trim(),
    flatAmount: optional(tier.flat),
  }));
}

/** A charge's properties in its model's form (the graph checks them as it checks a plan's). */
export function propertiesInput(model: ChargeModel, draft: ChargeDraft, path: string, problems: Record<string, string>): ChargePropertiesInput {
  switch (model) {
    case "STANDARD":
      return { amount: optional(draft.amount) };
    case "PACKAGE":
      return {
        amount: optional(draft.amount),
        packageSize: whole(problems, `${path}.packageSize`, draft.packageSize),
        freeUnits: whole(problems, `${path}.freeUnits`, draft.freeUnits),
      };
    case "GRADUATED":
      return { graduatedRanges: ranges(draft.tiers) };
    case "VOLUME":
      return { volumeRanges: ranges(draft.tiers) };
    case "PERCENTAGE":
      return {
        rate: optional(draft.rate),
        fixedAmount: optional(draft.fixedAmount),
        freeUnitsPerEvents: whole(problems, `${path}.freeUnitsPerEvents`, draft.freeUnitsPerEvents),
        freeUnitsPerTotalAggregation: optional(draft.freeUnitsPerTotalAggregation),
        perTransactionMinAmount: optional(draft.perTransactionMinAmount),
        perTransactionMaxAmount: optional(draft.perTransactionMaxAmount),
      };
  }
}

export interface Overrides {
  /** null: nothing negotiated (the subscription uses the catalogue plan itself). */
  readonly input: PlanOverridesInput | null;
  /** The input path of each negotiated charge (planOverrides.charges.N), by charge id. */
  readonly chargePaths: ReadonlyMap<string, string>;
  readonly problems: Readonly<Record<string, string>>;
}

export const OVERRIDES_PATH = "planOverrides";

export function overridesInput(plan: PricedPlan, draft: PriceDraft): Overrides {
  const problems: Record<string, string> = {};
  const chargePaths = new Map<string, string>();
  const charges: ChargeOverridesInput[] = [];
  for (const charge of plan.charges) {
    const typed = draft.charges[charge.id];
    if (typed === undefined || !typed.negotiated) continue;
    const path = `${OVERRIDES_PATH}.charges.${charges.length}`;
    chargePaths.set(charge.id, path);
    charges.push({ id: charge.id, properties: propertiesInput(charge.chargeModel, typed, `${path}.properties`, problems) });
  }
  let amountCents: string | null = null;
  if (draft.negotiateFee) {
    amountCents = decimalToMinor(draft.fee, plan.amountCurrency);
    if (amountCents === null) problems[`${OVERRIDES_PATH}.amountCents`] = `Enter an amount such as ${minorToDecimal(99000, plan.amountCurrency)}`;
  }
  if (amountCents === null && charges.length === 0) return { input: null, chargePaths, problems };
  return { input: { amountCents, charges: charges.length > 0 ? charges : null }, chargePaths, problems };
}
