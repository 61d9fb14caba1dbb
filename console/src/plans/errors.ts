// The plan editor's inputs by the graph's input paths: a problem at any other path shows in an alert.
import type { CombinedError } from "urql";

import { errorMessage, validationFields } from "../format";

const AT_AN_INPUT = [
  /^(name|code|description|interval|amountCents|amountCurrency|payInAdvance|trialPeriod|taxCodes|charges)$/,
  /^charges\.\d+\.(billableMetricId|chargeModel|invoiceDisplayName|minAmountCents|payInAdvance|invoiceable|properties(\.\w+)?)$/,
  /^charges\.\d+\.properties\.(graduated|volume)Ranges\.\d+\.(fromValue|toValue|perUnitAmount|flatAmount)$/,
];

/** The graph's problems by input path, and the message of those no input shows (null: none). */
export function splitProblems(error: CombinedError): { readonly fields: Record<string, string>; readonly elsewhere: string | null } {
  const fields = validationFields(error);
  const rest = Object.entries(fields).filter(([path]) => !AT_AN_INPUT.some((pattern) => pattern.test(path)));
  if (Object.keys(fields).length === 0) return { fields, elsewhere: errorMessage(error) };
  return { fields, elsewhere: rest.length > 0 ? rest.map(([path, what]) => `${path}: ${what}`).join("; ") : null };
}
