// Display only: minor units shown in their currency, enums in words. No arithmetic on amounts: the
// digits are placed around the currency's decimal point as text.
import type { CombinedError } from "urql";

import type { CreditNoteReasonEnum, CreditNoteStatus } from "../gql/graphql";

function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "1999" in EUR → "1999" as the decimal text "19.99". */
export function minorToDecimal(cents: string | number, currency: string): string {
  const text = String(cents);
  const negative = text.startsWith("-");
  const digits = (negative ? text.slice(1) : text).padStart(fractionDigits(currency) + 1, "0");
  const scale = fractionDigits(currency);
  const decimal = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(-scale)}`;
  return negative ? `-${decimal}` : decimal;
}

/** The text a member typed ("12.5") as minor units ("1250"), or null when it is no amount. */
export function decimalToMinor(typed: string, currency: string): string | null {
  const text = typed.trim();
  const scale = fractionDigits(currency);
  const found = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (found === null) return null;
  const whole = found[1] ?? "0";
  const fraction = found[2] ?? "";
  if (fraction.length > scale) return null;
  const minor = `${whole}${fraction.padEnd(scale, "0")}`.replace(/^0+(?=\d)/, "");
  return minor;
}

export function formatMoney(cents: string | number, currency: string): string {
  const decimal = minorToDecimal(cents, currency);
  try {
    const format = new Intl.NumberFormat(undefined, { style: "currency", currency });
    return format.format(decimal as unknown as number); // a decimal string is formatted exactly
  } catch {
    return `${decimal} ${currency}`;
  }
}

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

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A `Date` (yyyy-mm-dd): the calendar day as issued, never shifted by the viewer's zone. */
export function formatDate(value: string): string {
  const [year, month, day] = value.split("-").map(Number);
  return dateFormat.format(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

export function formatDateTime(value: string): string {
  return dateTimeFormat.format(new Date(value));
}

/** The graph's VALIDATION_ERROR fields (input path → problem), to show at their inputs. */
export function validationFields(error: CombinedError | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const graphQLError of error?.graphQLErrors ?? []) {
    if (graphQLError.extensions["code"] !== "VALIDATION_ERROR") continue;
    const given = graphQLError.extensions["fields"];
    if (typeof given === "object" && given !== null) {
      for (const [path, problem] of Object.entries(given as Record<string, unknown>)) {
        fields[path] = String(problem);
      }
    }
  }
  return fields;
}

/** An error's message for an alert (the first GraphQL message, else the transport's). */
export function errorMessage(error: CombinedError): string {
  return error.graphQLErrors[0]?.message ?? error.message;
}
