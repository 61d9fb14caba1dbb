// Subscriptions: THE predicate module. What a member may do with a subscription follows from its
// state and the permission the graph declares for the mutation (docs/permissions.md), never from a
// role name. The console only hides what the graph would refuse; the graph decides.
import type { SubscriptionStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

/** The permission each subscription mutation declares (schema.graphql's @requires). */
export const SUBSCRIPTION_PERMISSIONS = {
  create: "subscriptions:create",
  update: "subscriptions:update",
  changePlan: "subscriptions:update",
  terminate: "subscriptions:update",
} as const satisfies Record<string, Permission>;

export interface SubscriptionState {
  readonly status: SubscriptionStatus;
}

export type SubscriptionAction = "changePlan" | "setEndDate" | "terminate";

/** Pending or active: the only states the graph changes (terminated and canceled ones are history). */
export function isLive(subscription: SubscriptionState): boolean {
  return subscription.status === "PENDING" || subscription.status === "ACTIVE";
}

/** createSubscription, from the customer's page: by a member who may open the form
 * (``mayOpenForm``: the route table decides, and its route declares subscriptions:create). */
export function canCreate(permissions: PermissionSet, mayOpenForm: boolean): boolean {
  return mayOpenForm && holdsAll(permissions, [SUBSCRIPTION_PERMISSIONS.create]);
}

/** changeSubscriptionPlan: a live subscription moves to another catalogue plan (``mayReadPlans``:
 * the choice is made from the plan catalogue, plans:view). */
export function canChangePlan(subscription: SubscriptionState, permissions: PermissionSet, mayReadPlans: boolean): boolean {
  return isLive(subscription) && mayReadPlans && holdsAll(permissions, [SUBSCRIPTION_PERMISSIONS.changePlan]);
}

/** updateSubscription's endingAt: a live subscription is given (or moved to) an end date. */
export function canSetEndDate(subscription: SubscriptionState, permissions: PermissionSet): boolean {
  return isLive(subscription) && holdsAll(permissions, [SUBSCRIPTION_PERMISSIONS.update]);
}

/** terminateSubscription: an active one ends now, a pending one is canceled. */
export function canTerminate(subscription: SubscriptionState, permissions: PermissionSet): boolean {
  return isLive(subscription) && holdsAll(permissions, [SUBSCRIPTION_PERMISSIONS.terminate]);
}

/** The actions offered on this subscription, in the order the page shows them. */
export function subscriptionActions(
  subscription: SubscriptionState,
  permissions: PermissionSet,
  mayReadPlans: boolean,
): readonly SubscriptionAction[] {
  const actions: SubscriptionAction[] = [];
  if (canChangePlan(subscription, permissions, mayReadPlans)) actions.push("changePlan");
  if (canSetEndDate(subscription, permissions)) actions.push("setEndDate");
  if (canTerminate(subscription, permissions)) actions.push("terminate");
  return actions;
}

/** This domain's part of the console's action table (../actions.ts). */
export const SUBSCRIPTION_ACTIONS: readonly DeclaredAction[] = [
  { id: "subscriptions.create", label: "Subscribe a customer, with negotiated prices", screen: "subscription-new", permissions: [SUBSCRIPTION_PERMISSIONS.create] },
  { id: "subscriptions.change-plan", label: "Change a subscription's plan", screen: "subscription", permissions: [SUBSCRIPTION_PERMISSIONS.changePlan, "plans:view"] },
  { id: "subscriptions.end-date", label: "Set or remove a subscription's end date", screen: "subscription", permissions: [SUBSCRIPTION_PERMISSIONS.update] },
  { id: "subscriptions.terminate", label: "Terminate a subscription", screen: "subscription", permissions: [SUBSCRIPTION_PERMISSIONS.terminate] },
];
