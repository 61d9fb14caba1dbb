// How the console words a coupon: its value, how often it applies and when it expires.
import type { CouponFieldsFragment, CouponFrequency, CouponStatus } from "../gql/graphql";
import { formatDate } from "../format";
import { formatDecimal, formatMinor } from "../money";

export const FREQUENCIES: Readonly<Record<CouponFrequency, string>> = {
  ONCE: "Once",
  RECURRING: "Recurring",
  FOREVER: "Forever",
};

export const STATUSES: Readonly<Record<CouponStatus, string>> = {
  ACTIVE: "Active",
  TERMINATED: "Terminated",
  EXPIRED: "Expired",
};

export function couponValue(coupon: CouponFieldsFragment): string {
  if (coupon.couponType === "PERCENTAGE") return `${formatDecimal(coupon.percentageRate ?? "0")} % off`;
  return `${formatMinor(coupon.amountCents ?? 0, coupon.amountCurrency ?? "EUR")} off`;
}

export function couponFrequency(coupon: CouponFieldsFragment): string {
  if (coupon.frequency === "RECURRING") return `Recurring, ${coupon.frequencyDuration ?? 0} periods`;
  return FREQUENCIES[coupon.frequency];
}

export function couponExpiry(coupon: CouponFieldsFragment): string {
  return coupon.expiration === "TIME_LIMIT" && coupon.expirationAt ? `Until ${formatDate(coupon.expirationAt)}` : "No expiry";
}
