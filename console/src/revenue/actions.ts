// What a member may do on the Revenue screen beyond opening it (the route needs analytics:view):
// filtering by customer reads customers, so it needs customers:view. No role names here.
import type { Permission, PermissionSet } from "../session/permissions";

export const CUSTOMER_FILTER_PERMISSION: Permission = "customers:view";

/** The customer filter (a searchable list of the organization's customers). */
export function canFilterByCustomer(permissions: PermissionSet): boolean {
  return permissions.has(CUSTOMER_FILTER_PERMISSION);
}
