// Money as the graph sends it: integer minor units of a currency (`*Cents`), or precise minor units
// as decimal strings. Formatted with Intl.NumberFormat from exact decimal strings built by shifting the
// decimal point by the currency's exponent: no floating-point arithmetic on amounts, ever.

export type MinorUnits = string | number | bigint;

/** Digits after the decimal point of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An exact decimal string of minor units ("-1250", "0.25", "1.5E+5") as the same amount in major units. */
export function toMajorDecimal(minor: string, exponent: number): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(minor.trim());
  if (match === null || (match[2] ?? "") + (match[3] ?? "") === "") throw new Error(`not a decimal amount: ${minor}`);
  const sign = match[1] === "-" ? "-" : "";
  const fraction = match[3] ?? "";
  let digits = (match[2] ?? "") + fraction;
  // digits after the decimal point of the major amount: the fraction's, less the power of ten, plus the exponent
  let scale = fraction.length - Number(match[4] ?? "0") + exponent;
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  digits = digits.padStart(scale + 1, "0");
  const point = digits.length - scale;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const decimals = digits.slice(point).replace(/0+$/, "");
  return `${sign}${integer}${decimals === "" ? "" : `.${decimals}`}`;
}

function integerString(amount: MinorUnits): string {
  return BigInt(typeof amount === "number" ? Math.trunc(amount) : amount).toString();
}

/** Integer minor units as money: formatMinor(150000, "EUR") is "€1,500.00" in English. */
export function formatMinor(amount: MinorUnits, currency: string): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return format.format(toMajorDecimal(integerString(amount), exponent) as Intl.StringNumericLiteral);
}

/** Precise minor units (a decimal string, "0.04" of a cent) as money, with every digit given. */
export function formatPreciseMinor(amount: string, currency: string): string {
  const exponent = currencyExponent(currency);
  const format = new Intl.NumberFormat(undefined, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: 20,
  });
  return format.format(toMajorDecimal(amount, exponent) as Intl.StringNumericLiteral);
}

/** The sum of integer minor units, exactly (BigInt). */
export function sumMinor(amounts: Iterable<MinorUnits>): bigint {
  let total = 0n;
  for (const amount of amounts) total += BigInt(integerString(amount));
  return total;
}

/** A decimal string (units, rates) in the member's locale, every digit kept. */
export function formatDecimal(value: string): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 }).format(value as Intl.StringNumericLiteral);
}

/** Integer minor units as the plain decimal a member types ("1250" in EUR is "12.50"). */
export function minorToDecimal(amount: MinorUnits, currency: string): string {
  const exponent = currencyExponent(currency);
  const decimal = toMajorDecimal(integerString(amount), exponent);
  const [whole, fraction = ""] = decimal.split(".");
  return exponent === 0 ? (whole ?? "0") : `${whole ?? "0"}.${fraction.padEnd(exponent, "0")}`;
}

/** What a member typed ("12.5") as integer minor units ("1250"), or null when it is no amount. */
export function decimalToMinor(typed: string, currency: string): string | null {
  const exponent = currencyExponent(currency);
  const found = /^(\d+)(?:[.,](\d*))?$/.exec(typed.trim());
  if (found === null) return null;
  const fraction = found[2] ?? "";
  if (fraction.length > exponent) return null;
  return `${found[1] ?? "0"}${fraction.padEnd(exponent, "0")}`.replace(/^0+(?=\d)/, "");
}
