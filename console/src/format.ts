// Display helpers every screen shares: dates as the graph sends them, and the graph's errors.
import type { CombinedError } from "urql";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A `Date` scalar ("2026-01-31") as a date in the member's locale, never shifted by a timezone. */
export function formatDate(value: string): string {
  return dateFormat.format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

/** A `DateTime` scalar as a moment in the member's own zone. */
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
