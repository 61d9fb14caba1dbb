// Coupons: THE predicate module, for a customer's coupons and for the coupon catalogue. What a member
// may do follows from the coupon's state and the permission the graph declares for the mutation
// (schema.graphql's @requires); never from a role name. The console only hides what the graph would
// refuse; the graph decides.
import type { AppliedCouponStatus, CouponStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

/** The permission each mutation declares (createAppliedCoupon, terminateAppliedCoupon; createCoupon,
 * updateCoupon and terminateCoupon, destroyCoupon), and what the catalogue's pickers read. */
export const COUPON_PERMISSIONS = {
  attach: "coupons:attach",
  detach: "coupons:detach",
  view: "coupons:view",
  create: "coupons:create",
  update: "coupons:update",
  delete: "coupons:delete",
  plans: "plans:view",
  metrics: "billable_metrics:view",
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

export interface CouponState {
  readonly status: CouponStatus;
}

/** createCoupon. */
export function canCreateCoupon(permissions: PermissionSet): boolean {
  return permissions.has(COUPON_PERMISSIONS.create);
}

/** updateCoupon: not once terminated (the graph refuses). */
export function canUpdateCoupon(coupon: CouponState, permissions: PermissionSet): boolean {
  return coupon.status !== "TERMINATED" && permissions.has(COUPON_PERMISSIONS.update);
}

/** terminateCoupon: no new customer may get it; those who have it keep it. */
export function canTerminateCoupon(coupon: CouponState, permissions: PermissionSet): boolean {
  return coupon.status !== "TERMINATED" && permissions.has(COUPON_PERMISSIONS.update);
}

/** destroyCoupon. */
export function canDeleteCoupon(permissions: PermissionSet): boolean {
  return permissions.has(COUPON_PERMISSIONS.delete);
}

/** The plans a coupon is limited to are shown and chosen with plans:view. */
export function canSeePlans(permissions: PermissionSet): boolean {
  return permissions.has(COUPON_PERMISSIONS.plans);
}

/** The billable metrics a coupon is limited to are shown and chosen with billable_metrics:view. */
export function canSeeMetrics(permissions: PermissionSet): boolean {
  return permissions.has(COUPON_PERMISSIONS.metrics);
}

/** This domain's part of the console's action table (../actions.ts): a customer's coupons are offered
 * on the customer's page, in its Coupons tab (which reads coupons:view); the catalogue's on /coupons. */
export const COUPON_ACTIONS: readonly DeclaredAction[] = [
  { id: "coupons.apply", label: "Apply a coupon to a customer", screen: "customer", permissions: [COUPON_PERMISSIONS.attach, "coupons:view"] },
  { id: "coupons.terminate", label: "Terminate a customer's coupon", screen: "customer", permissions: [COUPON_PERMISSIONS.detach, "coupons:view"] },
  { id: "coupons.create", label: "Create a coupon", screen: "coupons", permissions: [COUPON_PERMISSIONS.create] },
  { id: "coupons.update", label: "Change a coupon", screen: "coupon", permissions: [COUPON_PERMISSIONS.update] },
  { id: "coupons.end", label: "Terminate a coupon (no new customer may get it)", screen: "coupon", permissions: [COUPON_PERMISSIONS.update] },
  { id: "coupons.delete", label: "Destroy a coupon", screen: "coupon", permissions: [COUPON_PERMISSIONS.delete] },
];
