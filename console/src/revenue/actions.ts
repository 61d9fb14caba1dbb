// What a member may do on the Revenue screen beyond opening it (the route needs analytics:view):
// filtering by customer reads customers, so it needs customers:view. No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

export const CUSTOMER_FILTER_PERMISSION: Permission = "customers:view";

/** The customer filter (a searchable list of the organization's customers). */
export function canFilterByCustomer(permissions: PermissionSet): boolean {
  return permissions.has(CUSTOMER_FILTER_PERMISSION);
}

/** This domain's part of the console's action table (../actions.ts). */
export const REVENUE_ACTIONS: readonly DeclaredAction[] = [
  { id: "revenue.filter-by-customer", label: "Filter revenue by customer", screen: "revenue", permissions: [CUSTOMER_FILTER_PERMISSION] },
];
