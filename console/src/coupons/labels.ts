// Coupons in words: types, frequencies, statuses and their badge colours.
import { formatDate } from "../format";
import type { AppliedCouponStatus, CouponFieldsFragment, CouponFrequency, CouponStatus, CouponTypeEnum } from "../gql/graphql";
import { formatDecimal, formatMinor } from "../money";

export const TYPE_LABEL: Readonly<Record<CouponTypeEnum, string>> = {
  FIXED_AMOUNT: "Fixed amount",
  PERCENTAGE: "Percentage",
};

export const FREQUENCY_LABEL: Readonly<Record<CouponFrequency, string>> = {
  ONCE: "Once",
  RECURRING: "Recurring",
  FOREVER: "Forever",
};

export const STATUS_LABEL: Readonly<Record<AppliedCouponStatus, string>> = {
  ACTIVE: "Active",
  TERMINATED: "Terminated",
};

// Filled badges in shades that keep white text at 4.5:1.
export const STATUS_COLOR: Readonly<Record<AppliedCouponStatus, string>> = {
  ACTIVE: "teal.9",
  TERMINATED: "gray.7",
};

export const COUPON_STATUS_LABEL: Readonly<Record<CouponStatus, string>> = {
  ACTIVE: "Active",
  TERMINATED: "Terminated",
  EXPIRED: "Expired",
};

/** A catalogue coupon's value ("12.5 % off", "€5.00 off"), from its rate or its integer minor units. */
export function couponValue(coupon: CouponFieldsFragment): string {
  if (coupon.couponType === "PERCENTAGE") return `${formatDecimal(coupon.percentageRate ?? "0")} % off`;
  return `${formatMinor(coupon.amountCents ?? 0, coupon.amountCurrency ?? "EUR")} off`;
}

export function couponFrequency(coupon: CouponFieldsFragment): string {
  if (coupon.frequency === "RECURRING") return `Recurring, ${coupon.frequencyDuration ?? 0} periods`;
  return FREQUENCY_LABEL[coupon.frequency];
}

export function couponExpiry(coupon: CouponFieldsFragment): string {
  return coupon.expiration === "TIME_LIMIT" && coupon.expirationAt ? `Until ${formatDate(coupon.expirationAt)}` : "No expiry";
}
