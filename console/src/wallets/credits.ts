// Credits and rates as the graph sends them: exact decimal strings, formatted from the strings
// (Intl.NumberFormat takes a decimal string as is): no floating-point arithmetic, ever.
import { currencyExponent } from "../money";

/** What one credit is worth ("1.5" EUR) as money, every digit of the rate kept. */
export function formatRate(rate: string, currency: string): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: 20,
  });
  return format.format(rate as Intl.StringNumericLiteral);
}

/** What a member typed as credits, trimmed (the graph checks the decimal), or null when empty. */
export function typedCredits(typed: string): string | null {
  const trimmed = typed.trim().replace(",", ".");
  return trimmed === "" ? null : trimmed;
}

/** A `Date` input's value ("2027-01-31") as the moment the wallet expires: the start of that day, UTC. */
export function expiryMoment(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : null;
}
