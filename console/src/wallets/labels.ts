// Wallets in words: statuses, transaction kinds and their badge colours.
import type { WalletStatus, WalletTransactionSource, WalletTransactionStatus, WalletTransactionType } from "../gql/graphql";

export const STATUS_LABEL: Readonly<Record<WalletStatus, string>> = {
  ACTIVE: "Active",
  TERMINATED: "Terminated",
};

// Filled badges in shades that keep white text at 4.5:1.
export const STATUS_COLOR: Readonly<Record<WalletStatus, string>> = {
  ACTIVE: "teal.9",
  TERMINATED: "gray.7",
};

export const TRANSACTION_TYPE_LABEL: Readonly<Record<WalletTransactionType, string>> = {
  INBOUND: "Inbound",
  OUTBOUND: "Outbound",
};

export const SOURCE_LABEL: Readonly<Record<WalletTransactionSource, string>> = {
  PURCHASED: "Purchased (paid)",
  GRANTED: "Granted (free)",
  INVOICED: "Used on an invoice",
  VOIDED: "Voided",
};

export const TRANSACTION_STATUS_LABEL: Readonly<Record<WalletTransactionStatus, string>> = {
  PENDING: "Pending",
  SETTLED: "Settled",
  FAILED: "Failed",
};
