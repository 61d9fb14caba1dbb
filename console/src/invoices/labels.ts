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
