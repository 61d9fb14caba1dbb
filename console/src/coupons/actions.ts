// Coupons on a customer: THE predicate module. What a member may do follows from the applied coupon's
// state and the permission the graph declares for the mutation (schema.graphql's @requires); never
// from a role name. The console only hides what the graph would refuse; the graph decides.
import type { AppliedCouponStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

/** The permission each mutation declares (createAppliedCoupon, terminateAppliedCoupon). */
export const COUPON_PERMISSIONS = {
  attach: "coupons:attach",
  detach: "coupons:detach",
} as const satisfies Readonly<Record<string, Permission>>;

export interface AppliedCouponState {
  readonly status: AppliedCouponStatus;
}

/** createAppliedCoupon: any member holding coupons:attach, for a customer they may open. */
export function canApply(permissions: PermissionSet): boolean {
  return permissions.has(COUPON_PERMISSIONS.attach);
}

/** terminateAppliedCoupon: an active applied coupon (a terminated one stays terminated). */
export function canTerminate(applied: AppliedCouponState, permissions: PermissionSet): boolean {
  return applied.status === "ACTIVE" && permissions.has(COUPON_PERMISSIONS.detach);
}

/** This domain's part of the console's action table (../actions.ts): offered on the customer's page,
 * in its Coupons tab (which reads coupons:view). */
export const COUPON_ACTIONS: readonly DeclaredAction[] = [
  { id: "coupons.apply", label: "Apply a coupon to a customer", screen: "customer", permissions: [COUPON_PERMISSIONS.attach, "coupons:view"] },
  { id: "coupons.terminate", label: "Terminate a customer's coupon", screen: "customer", permissions: [COUPON_PERMISSIONS.detach, "coupons:view"] },
];
