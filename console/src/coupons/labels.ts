// Coupons in words: types, frequencies, statuses and their badge colours.
import type { AppliedCouponStatus, CouponFrequency, CouponTypeEnum } from "../gql/graphql";

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
