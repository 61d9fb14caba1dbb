// THE console's action table: every action a screen may offer, with the permissions it needs,
// gathered from each domain's actions.ts (where the predicates combine them with the object's
// state). The role composer previews from it what a set of permissions unlocks.
import { ADD_ON_ACTIONS } from "./add-ons/actions";
import { AUDIT_ACTIONS } from "./audit/actions";
import { COUPON_ACTIONS } from "./coupons/actions";
import { CUSTOMER_ACTIONS } from "./customers/actions";
import { CREDIT_NOTE_ACTIONS } from "./credit-notes/actions";
import { DEVELOPER_ACTIONS } from "./developers/actions";
import { INTEGRATION_ACTIONS } from "./integrations/actions";
import { INVOICE_ACTIONS } from "./invoices/actions";
import { METRIC_ACTIONS } from "./metrics/actions";
import { SETTINGS_ACTIONS } from "./organization/actions";
import { PLAN_ACTIONS } from "./plans/actions";
import { REVENUE_ACTIONS } from "./revenue/actions";
import { ROLE_ACTIONS } from "./roles/actions";
import type { DeclaredAction } from "./session/declaredAction";
import { SUBSCRIPTION_ACTIONS } from "./subscriptions/actions";
import { TAX_ACTIONS } from "./taxes/actions";
import { TEAM_ACTIONS } from "./team/actions";
import { WALLET_ACTIONS } from "./wallets/actions";

export const ACTIONS: readonly DeclaredAction[] = [...REVENUE_ACTIONS, ...CUSTOMER_ACTIONS, ...SUBSCRIPTION_ACTIONS, ...PLAN_ACTIONS, ...INVOICE_ACTIONS, ...CREDIT_NOTE_ACTIONS, ...COUPON_ACTIONS, ...WALLET_ACTIONS, ...METRIC_ACTIONS, ...ADD_ON_ACTIONS, ...TAX_ACTIONS, ...TEAM_ACTIONS, ...SETTINGS_ACTIONS, ...ROLE_ACTIONS, ...DEVELOPER_ACTIONS, ...INTEGRATION_ACTIONS, ...AUDIT_ACTIONS];
