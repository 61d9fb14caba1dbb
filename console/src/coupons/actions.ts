// Coupons: THE predicate module. Each action needs the permission its mutation declares
// (createCoupon, updateCoupon and terminateCoupon: coupons:update, destroyCoupon); a terminated
// coupon cannot change nor be terminated again (the graph refuses). No role names here.
import type { CouponStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type PermissionSet } from "../session/permissions";

export const COUPON_PERMISSIONS = {
  view: "coupons:view",
  create: "coupons:create",
  update: "coupons:update",
  delete: "coupons:delete",
  plans: "plans:view",
  metrics: "billable_metrics:view",
} as const;

export interface CouponState {
  readonly status: CouponStatus;
}

export function canCreateCoupon(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [COUPON_PERMISSIONS.create]);
}

export function canUpdateCoupon(coupon: CouponState, permissions: PermissionSet): boolean {
  return coupon.status !== "TERMINATED" && holdsAll(permissions, [COUPON_PERMISSIONS.update]);
}

/** No new customer may get it; those who have it keep it. */
export function canTerminateCoupon(coupon: CouponState, permissions: PermissionSet): boolean {
  return coupon.status !== "TERMINATED" && holdsAll(permissions, [COUPON_PERMISSIONS.update]);
}

export function canDeleteCoupon(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [COUPON_PERMISSIONS.delete]);
}

/** The plans a coupon is limited to are shown and chosen with plans:view. */
export function canSeePlans(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [COUPON_PERMISSIONS.plans]);
}

/** The billable metrics a coupon is limited to are shown and chosen with billable_metrics:view. */
export function canSeeMetrics(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [COUPON_PERMISSIONS.metrics]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const COUPON_ACTIONS: readonly DeclaredAction[] = [
  { id: "coupons.create", label: "Create a coupon", screen: "coupons", permissions: [COUPON_PERMISSIONS.create] },
  { id: "coupons.update", label: "Change a coupon", screen: "coupon", permissions: [COUPON_PERMISSIONS.update] },
  { id: "coupons.terminate", label: "Terminate a coupon", screen: "coupon", permissions: [COUPON_PERMISSIONS.update] },
  { id: "coupons.delete", label: "Destroy a coupon", screen: "coupon", permissions: [COUPON_PERMISSIONS.delete] },
];
