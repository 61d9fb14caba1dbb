// A coupon as the form edits it, and as the graph's input: the amount typed as a decimal becomes
// integer minor units (decimalToMinor, never a float); the rate is sent as the decimal string typed;
// the expiry date is the end of that day, UTC.
import type { CouponExpiration, CouponFieldsFragment, CouponFrequency, CouponTypeEnum } from "../gql/graphql";
import { decimalToMinor, minorToDecimal } from "../money";

export type Limit = "NONE" | "PLANS" | "METRICS";

export interface CouponDraft {
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly couponType: CouponTypeEnum;
  readonly amount: string;
  readonly currency: string;
  readonly rate: string;
  readonly frequency: CouponFrequency;
  readonly duration: string;
  readonly reusable: boolean;
  readonly expiration: CouponExpiration;
  readonly expiresOn: string;
  readonly limit: Limit;
  readonly planIds: readonly string[];
  readonly metricIds: readonly string[];
}

export const EMPTY_COUPON: CouponDraft = {
  name: "",
  code: "",
  description: "",
  couponType: "FIXED_AMOUNT",
  amount: "",
  currency: "EUR",
  rate: "",
  frequency: "ONCE",
  duration: "",
  reusable: true,
  expiration: "NO_EXPIRATION",
  expiresOn: "",
  limit: "NONE",
  planIds: [],
  metricIds: [],
};

export function draftOf(coupon: CouponFieldsFragment): CouponDraft {
  const plans = coupon.plans ?? [];
  const metrics = coupon.billableMetrics ?? [];
  return {
    name: coupon.name,
    code: coupon.code,
    description: coupon.description ?? "",
    couponType: coupon.couponType,
    amount: coupon.amountCents != null ? minorToDecimal(coupon.amountCents, coupon.amountCurrency ?? "EUR") : "",
    currency: coupon.amountCurrency ?? "EUR",
    rate: coupon.percentageRate ?? "",
    frequency: coupon.frequency,
    duration: coupon.frequencyDuration != null ? String(coupon.frequencyDuration) : "",
    reusable: coupon.reusable,
    expiration: coupon.expiration,
    expiresOn: coupon.expirationAt ? coupon.expirationAt.slice(0, 10) : "",
    limit: plans.length > 0 ? "PLANS" : metrics.length > 0 ? "METRICS" : "NONE",
    planIds: plans.map((p) => p.id),
    metricIds: metrics.map((m) => m.id),
  };
}

export interface CouponInputFields {
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly couponType: CouponTypeEnum;
  readonly frequency: CouponFrequency;
  readonly expiration: CouponExpiration;
  readonly reusable: boolean;
  readonly amountCents?: string;
  readonly amountCurrency?: string;
  readonly percentageRate?: string;
  readonly frequencyDuration?: number;
  readonly expirationAt?: string;
  readonly planIds?: string[];
  readonly billableMetricIds?: string[];
}

/** The graph's input, or the problems found before sending it (input path → problem). */
export function toInput(
  draft: CouponDraft,
  targets: { readonly plans: boolean; readonly metrics: boolean },
): { readonly input: CouponInputFields } | { readonly fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  let input: CouponInputFields = {
    name: draft.name,
    code: draft.code,
    description: draft.description,
    couponType: draft.couponType,
    frequency: draft.frequency,
    expiration: draft.expiration,
    reusable: draft.reusable,
  };
  if (draft.couponType === "FIXED_AMOUNT") {
    const currency = draft.currency.trim().toUpperCase();
    const amountCents = /^[A-Z]{3}$/.test(currency) ? decimalToMinor(draft.amount, currency) : null;
    if (!/^[A-Z]{3}$/.test(currency)) fields["amountCurrency"] = "Enter a currency code such as EUR";
    else if (amountCents === null) fields["amountCents"] = `Enter an amount in ${currency}, such as 12.50`;
    else input = { ...input, amountCents, amountCurrency: currency };
  } else {
    input = { ...input, percentageRate: draft.rate.trim() };
  }
  if (draft.frequency === "RECURRING") {
    if (!/^\d+$/.test(draft.duration.trim())) fields["frequencyDuration"] = "Enter how many billing periods, such as 3";
    else input = { ...input, frequencyDuration: Number(draft.duration.trim()) };
  }
  if (draft.expiration === "TIME_LIMIT") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.expiresOn)) fields["expirationAt"] = "Choose the last day it may be applied";
    else input = { ...input, expirationAt: `${draft.expiresOn}T23:59:59Z` };
  }
  if (targets.plans) input = { ...input, planIds: draft.limit === "PLANS" ? [...draft.planIds] : [] };
  if (targets.metrics) input = { ...input, billableMetricIds: draft.limit === "METRICS" ? [...draft.metricIds] : [] };
  return Object.keys(fields).length > 0 ? { fields } : { input };
}
