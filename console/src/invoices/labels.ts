// How the graph's invoice enums read on screen.
import type { FeeTypeEnum, InvoicePaymentStatus, InvoiceStatus, InvoiceTypeEnum } from "../gql/graphql";

export const STATUS_LABEL: Readonly<Record<InvoiceStatus, string>> = {
  DRAFT: "Draft",
  FINALIZED: "Finalized",
  VOIDED: "Voided",
};

export const PAYMENT_STATUS_LABEL: Readonly<Record<InvoicePaymentStatus, string>> = {
  PENDING: "Pending",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
};

export const TYPE_LABEL: Readonly<Record<InvoiceTypeEnum, string>> = {
  SUBSCRIPTION: "Subscription",
  ONE_OFF: "One-off",
  CREDIT: "Credit",
};

export const FEE_TYPE_LABEL: Readonly<Record<FeeTypeEnum, string>> = {
  SUBSCRIPTION: "Subscription",
  CHARGE: "Usage",
  ADD_ON: "Add-on",
  CREDIT: "Credit",
};

export const STATUS_COLOR: Readonly<Record<InvoiceStatus, string>> = {
  DRAFT: "gray",
  FINALIZED: "blue",
  VOIDED: "red",
};

export const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A `Date` scalar ("2026-01-31") as a date in the member's locale, never shifted by a timezone. */
export function formatDate(value: string): string {
  return dateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}
