// The Revenue screen's filters as they live in the URL (?currency=EUR&customer=<id>&from=2026-01&to=2026-06),
// read leniently (anything malformed is no filter) and turned into the graph's arguments.
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CURRENCY = /^[A-Z]{3}$/;

export interface RevenueFilters {
  readonly currency: string | null;
  readonly customerId: string | null;
  /** "YYYY-MM" */
  readonly fromMonth: string | null;
  readonly toMonth: string | null;
}

/** The URL's parameter of each filter. */
export const PARAM: Readonly<Record<keyof RevenueFilters, string>> = {
  currency: "currency",
  customerId: "customer",
  fromMonth: "from",
  toMonth: "to",
};

export function monthFrom(value: string | null): string | null {
  return value !== null && MONTH.test(value) ? value : null;
}

export function filtersFrom(params: URLSearchParams, withCustomer: boolean): RevenueFilters {
  const currency = params.get(PARAM.currency);
  const customerId = params.get(PARAM.customerId);
  return {
    currency: currency !== null && CURRENCY.test(currency) ? currency : null,
    customerId: withCustomer && customerId !== null && customerId !== "" ? customerId : null,
    fromMonth: monthFrom(params.get(PARAM.fromMonth)),
    toMonth: monthFrom(params.get(PARAM.toMonth)),
  };
}

/** The variables of RevenueDocument (a month is sent as its first day). */
export function revenueVariables(filters: RevenueFilters) {
  return {
    fromMonth: filters.fromMonth === null ? null : `${filters.fromMonth}-01`,
    toMonth: filters.toMonth === null ? null : `${filters.toMonth}-01`,
    currency: filters.currency,
    customerId: filters.customerId,
    chosenCustomerId: filters.customerId ?? "",
    withChosenCustomer: filters.customerId !== null,
  };
}

export function isFiltered(filters: RevenueFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

const monthFormat = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" });

/** A month as the graph sends it (its first day, "2026-01-01") in the member's locale ("Jan 2026"). */
export function formatMonth(value: string): string {
  return monthFormat.format(new Date(`${value.slice(0, 7)}-01T00:00:00Z`));
}
