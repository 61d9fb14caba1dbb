// The plan editor's state: what the member types for the plan and each of its charges, and its
// translation into the graph's CreatePlanInput / UpdatePlanInput. A charge's prices are the
// negotiated-price editor's own draft (../subscriptions/priceDraft: one implementation for both);
// every problem is keyed by the graph's input path (amountCents, charges.N.minAmountCents,
// charges.N.properties.graduatedRanges.M.fromValue, ...), so that it shows at its input.
import type { ChargeInput, ChargeModel, PlanInterval } from "../gql/graphql";
import { decimalToMinor, minorToDecimal } from "../money";
import { chargeDraft, propertiesInput, type ChargeDraft } from "../subscriptions/priceDraft";
import type { Charge } from "../subscriptions/prices";

export interface PlanChargeDraft {
  /** React's key for the charge (not sent). */
  readonly key: string;
  readonly billableMetricId: string | null;
  readonly model: ChargeModel;
  readonly invoiceDisplayName: string;
  readonly payInAdvance: boolean;
  readonly invoiceable: boolean;
  /** The charge's minimum per period in major units, as typed ("10.00"). */
  readonly minAmount: string;
  readonly prices: ChargeDraft;
}

export interface PlanDraft {
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly interval: PlanInterval;
  /** The plan's fee in major units, as typed ("990.00"). */
  readonly fee: string;
  readonly currency: string;
  readonly payInAdvance: boolean;
  readonly trialPeriod: string;
  readonly taxCodes: readonly string[];
  readonly charges: readonly PlanChargeDraft[];
}

export const EMPTY_PRICES: ChargeDraft = {
  negotiated: true,
  amount: "",
  packageSize: "",
  freeUnits: "",
  tiers: [{ from: "0", to: "", perUnit: "", flat: "0" }],
  rate: "",
  fixedAmount: "",
  freeUnitsPerEvents: "",
  freeUnitsPerTotalAggregation: "",
  perTransactionMinAmount: "",
  perTransactionMaxAmount: "",
};

export const EMPTY_PLAN: PlanDraft = {
  name: "",
  code: "",
  description: "",
  interval: "MONTHLY",
  fee: "",
  currency: "EUR",
  payInAdvance: false,
  trialPeriod: "0",
  taxCodes: [],
  charges: [],
};

export function newCharge(billableMetricId: string | null, model: ChargeModel): PlanChargeDraft {
  return {
    key: crypto.randomUUID(),
    billableMetricId,
    model,
    invoiceDisplayName: "",
    payInAdvance: false,
    invoiceable: true,
    minAmount: "0",
    prices: EMPTY_PRICES,
  };
}

export interface LoadedPlan {
  readonly name: string;
  readonly code: string;
  readonly description?: string | null;
  readonly interval: PlanInterval;
  readonly amountCents: string | number;
  readonly amountCurrency: string;
  readonly payInAdvance: boolean;
  readonly trialPeriod: number;
  readonly taxes?: readonly { readonly code: string }[] | null;
  readonly charges: readonly Charge[];
}

/** The editor filled with a plan as it is today. */
export function planDraft(plan: LoadedPlan): PlanDraft {
  const currency = plan.amountCurrency;
  return {
    name: plan.name,
    code: plan.code,
    description: plan.description ?? "",
    interval: plan.interval,
    fee: minorToDecimal(plan.amountCents, currency),
    currency,
    payInAdvance: plan.payInAdvance,
    trialPeriod: String(plan.trialPeriod),
    taxCodes: (plan.taxes ?? []).map((tax) => tax.code),
    charges: plan.charges.map((charge) => ({
      key: charge.id,
      billableMetricId: charge.billableMetric?.id ?? null,
      model: charge.chargeModel,
      invoiceDisplayName: charge.invoiceDisplayName ?? "",
      payInAdvance: charge.payInAdvance,
      invoiceable: charge.invoiceable,
      minAmount: minorToDecimal(charge.minAmountCents, currency),
      prices: { ...chargeDraft(charge), negotiated: true, tiers: chargeDraft(charge).tiers.length > 0 ? chargeDraft(charge).tiers : EMPTY_PRICES.tiers },
    })),
  };
}

export interface PlanFields {
  readonly name: string;
  readonly code: string;
  readonly description: string | null;
  readonly interval: PlanInterval;
  readonly amountCents: string;
  readonly amountCurrency: string;
  readonly payInAdvance: boolean;
  readonly trialPeriod: number;
  readonly taxCodes: string[] | null;
  readonly charges: ChargeInput[];
}

const example = (currency: string) => `Enter an amount such as ${minorToDecimal(99000, currency)}`;

/** The plan's input for the graph, and the problems found before sending it (by input path). */
export function planInput(draft: PlanDraft, withTaxes: boolean): { readonly input: PlanFields | null; readonly problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const currency = draft.currency.trim().toUpperCase();
  const amountCents = decimalToMinor(draft.fee, currency);
  if (amountCents === null) problems["amountCents"] = example(currency);
  if (draft.name.trim() === "") problems["name"] = "Enter a name";
  if (draft.code.trim() === "") problems["code"] = "Enter a code";
  const trial = draft.trialPeriod.trim() === "" ? "0" : draft.trialPeriod.trim();
  if (!/^\d+$/.test(trial)) problems["trialPeriod"] = "Enter a whole number of days";
  const charges = draft.charges.map((charge, index): ChargeInput => {
    const path = `charges.${index}`;
    if (charge.billableMetricId === null) problems[`${path}.billableMetricId`] = "Choose a billable metric";
    const min = decimalToMinor(charge.minAmount.trim() === "" ? "0" : charge.minAmount, currency);
    if (min === null) problems[`${path}.minAmountCents`] = example(currency);
    return {
      billableMetricId: charge.billableMetricId ?? "",
      chargeModel: charge.model,
      properties: propertiesInput(charge.model, charge.prices, `${path}.properties`, problems),
      payInAdvance: charge.payInAdvance,
      invoiceable: charge.invoiceable,
      minAmountCents: min ?? "0",
      invoiceDisplayName: charge.invoiceDisplayName.trim() === "" ? null : charge.invoiceDisplayName.trim(),
    };
  });
  if (Object.keys(problems).length > 0 || amountCents === null) return { input: null, problems };
  return {
    input: {
      name: draft.name.trim(),
      code: draft.code.trim(),
      description: draft.description.trim() === "" ? null : draft.description.trim(),
      interval: draft.interval,
      amountCents,
      amountCurrency: currency,
      payInAdvance: draft.payInAdvance,
      trialPeriod: Number(trial),
      taxCodes: withTaxes ? [...draft.taxCodes] : null,
      charges,
    },
    problems,
  };
}
