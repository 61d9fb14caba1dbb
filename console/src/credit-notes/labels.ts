// Credit notes in words: their reasons, statuses and status colours.
import type { CreditNoteReasonEnum, CreditNoteStatus } from "../gql/graphql";

export const REASONS: Record<CreditNoteReasonEnum, string> = {
  DUPLICATED_CHARGE: "Duplicated charge",
  PRODUCT_UNSATISFACTORY: "Product unsatisfactory",
  ORDER_CHANGE: "Order change",
  ORDER_CANCELLATION: "Order cancellation",
  FRAUDULENT_CHARGE: "Fraudulent charge",
  OTHER: "Other",
};

export const STATUSES: Record<CreditNoteStatus, string> = {
  PENDING_APPROVAL: "Pending approval",
  FINALIZED: "Finalized",
  VOIDED: "Voided",
  REJECTED: "Rejected",
};

// Filled badges in shades that keep text at 4.5:1 (white text, black on the yellow).
export const STATUS_COLORS: Record<CreditNoteStatus, string> = {
  PENDING_APPROVAL: "yellow.4",
  FINALIZED: "teal.9",
  VOIDED: "gray.7",
  REJECTED: "red.9",
};
