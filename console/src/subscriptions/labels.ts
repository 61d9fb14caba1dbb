// Subscriptions in words: statuses (with badge colours that keep text at 4.5:1), billing times,
// plan intervals and charge models.
import type { BillingTime, ChargeModel, PlanInterval, SubscriptionStatus } from "../gql/graphql";

export const STATUS_LABEL: Readonly<Record<SubscriptionStatus, string>> = {
  PENDING: "Pending",
  ACTIVE: "Active",
  TERMINATED: "Terminated",
  CANCELED: "Canceled",
};

// Filled badges in shades that keep white text at 4.5:1 or more (black on the yellow), as the
// credit notes' (the default light variants fail axe-core's contrast check).
export const STATUS_COLOR: Readonly<Record<SubscriptionStatus, string>> = {
  PENDING: "yellow.4",
  ACTIVE: "teal.9",
  TERMINATED: "gray.7",
  CANCELED: "red.9",
};

export const BILLING_TIME_LABEL: Readonly<Record<BillingTime, string>> = {
  CALENDAR: "Calendar (periods start on the 1st)",
  ANNIVERSARY: "Anniversary (periods start on the start date)",
};

export const BILLING_TIME_SHORT: Readonly<Record<BillingTime, string>> = {
  CALENDAR: "Calendar",
  ANNIVERSARY: "Anniversary",
};

export const INTERVAL_LABEL: Readonly<Record<PlanInterval, string>> = {
  WEEKLY: "week",
  MONTHLY: "month",
  QUARTERLY: "quarter",
  YEARLY: "year",
};

export const CHARGE_MODEL_LABEL: Readonly<Record<ChargeModel, string>> = {
  STANDARD: "Standard",
  GRADUATED: "Graduated",
  VOLUME: "Volume",
  PACKAGE: "Package",
  PERCENTAGE: "Percentage",
};
