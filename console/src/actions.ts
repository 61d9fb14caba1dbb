// THE console's action table: every action a screen may offer, with the permissions it needs,
// gathered from each domain's actions.ts (where the predicates combine them with the object's
// state). The role composer previews from it what a set of permissions unlocks.
import { ADD_ON_ACTIONS } from "./add-ons/actions";
import { COUPON_ACTIONS } from "./coupons/actions";
import { CREDIT_NOTE_ACTIONS } from "./credit-notes/actions";
import { INVOICE_ACTIONS } from "./invoices/actions";
import { METRIC_ACTIONS } from "./metrics/actions";
import { REVENUE_ACTIONS } from "./revenue/actions";
import { ROLE_ACTIONS } from "./roles/actions";
import type { DeclaredAction } from "./session/declaredAction";
import { TAX_ACTIONS } from "./taxes/actions";

export const ACTIONS: readonly DeclaredAction[] = [
  ...REVENUE_ACTIONS,
  ...INVOICE_ACTIONS,
  ...CREDIT_NOTE_ACTIONS,
  ...ROLE_ACTIONS,
  ...METRIC_ACTIONS,
  ...ADD_ON_ACTIONS,
  ...COUPON_ACTIONS,
  ...TAX_ACTIONS,
];
