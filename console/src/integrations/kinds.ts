// What each accounting tool needs, as app/integrations/kinds.py declares it (tests/console/
// test_integrations.py checks the two agree): its credentials (write-only, all required), its settings
// (not secret, some with a default or a fixed set of choices) and the code every mapped item must
// carry for the tool's import to accept a line.
import type { IntegrationKind, MappableType } from "../gql/graphql";

export interface SettingSpec {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly defaultValue: string | null;
  readonly choices: readonly string[];
}

export interface CredentialSpec {
  readonly key: string;
  readonly label: string;
}

export interface KindSpec {
  readonly label: string;
  readonly credentials: readonly CredentialSpec[];
  readonly settings: readonly SettingSpec[];
  /** The code every mapped item (not a tax) needs: Xero's account code, NetSuite's item code. */
  readonly itemCodeField: "accountCode" | "itemCode";
}

const DATE_CHOICES = ["DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD"];

export const KINDS: Readonly<Record<IntegrationKind, KindSpec>> = {
  XERO: {
    label: "Xero",
    credentials: [
      { key: "clientId", label: "Client ID" },
      { key: "clientSecret", label: "Client secret" },
    ],
    settings: [
      { key: "dateFormat", label: "Date format", description: "How dates are written, as Xero's region expects", defaultValue: "DD/MM/YYYY", choices: DATE_CHOICES },
      { key: "noTaxType", label: "Tax rate of untaxed lines", description: "Xero tax rate of lines without tax", defaultValue: "Tax Exempt", choices: [] },
      { key: "brandingTheme", label: "Branding theme", description: "Xero branding theme of the imported invoices", defaultValue: null, choices: [] },
    ],
    itemCodeField: "accountCode",
  },
  NETSUITE: {
    label: "NetSuite",
    credentials: [
      { key: "consumerKey", label: "Consumer key" },
      { key: "consumerSecret", label: "Consumer secret" },
      { key: "tokenId", label: "Token ID" },
      { key: "tokenSecret", label: "Token secret" },
    ],
    settings: [
      { key: "accountId", label: "Account ID", description: "NetSuite account id", defaultValue: null, choices: [] },
      { key: "subsidiary", label: "Subsidiary", description: "Subsidiary of the imported transactions", defaultValue: null, choices: [] },
      { key: "location", label: "Location", description: "Location of the imported transactions", defaultValue: null, choices: [] },
      { key: "department", label: "Department", description: "Department of the imported transactions", defaultValue: null, choices: [] },
      {
        key: "dateFormat",
        label: "Date format",
        description: "How dates are written, as the account's preferences expect",
        defaultValue: "MM/DD/YYYY",
        choices: ["MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"],
      },
      { key: "noTaxCode", label: "Tax code of untaxed lines", description: "NetSuite tax code of lines without tax", defaultValue: "-Not Taxable-", choices: [] },
    ],
    itemCodeField: "itemCode",
  },
};

export const KIND_ORDER: readonly IntegrationKind[] = ["XERO", "NETSUITE"];

export interface MappableSpec {
  readonly label: string;
  readonly description: string;
  /** Which of the organization's objects it maps one of (null: organization-wide, one mapping). */
  readonly objects: "addOns" | "metrics" | "taxes" | null;
}

/** Every MappableType, in the order the editor lists them. */
export const MAPPABLE: Readonly<Record<MappableType, MappableSpec>> = {
  ADD_ON: { label: "Add-on", description: "The lines of one add-on", objects: "addOns" },
  BILLABLE_METRIC: { label: "Billable metric", description: "The usage lines of one billable metric", objects: "metrics" },
  TAX: { label: "Tax", description: "One tax rate: the tool's tax code of the lines it taxes", objects: "taxes" },
  SUBSCRIPTION_FEE: { label: "Subscription fees", description: "Every subscription fee line", objects: null },
  COUPON: { label: "Coupon discounts", description: "Every discount line a coupon made", objects: null },
  CREDIT_NOTE: { label: "Credit notes applied", description: "Every line of a credit note consumed by an invoice", objects: null },
  PREPAID_CREDIT: { label: "Prepaid credits", description: "Every line of prepaid credits, bought or consumed", objects: null },
  FALLBACK_ITEM: { label: "Fallback item", description: "Every line that no other mapping codes", objects: null },
};

export const MAPPABLE_ORDER: readonly MappableType[] = [
  "ADD_ON",
  "BILLABLE_METRIC",
  "TAX",
  "SUBSCRIPTION_FEE",
  "COUPON",
  "CREDIT_NOTE",
  "PREPAID_CREDIT",
  "FALLBACK_ITEM",
];

/** A settings value as the graph's JSON gives it: a string, or absent. */
export function settingValue(settings: unknown, key: string): string {
  if (typeof settings !== "object" || settings === null) return "";
  const value = (settings as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
}
