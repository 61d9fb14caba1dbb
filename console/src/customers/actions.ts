// Customers: THE predicate module. createCustomer declares customers:create. No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type PermissionSet } from "../session/permissions";

export const CUSTOMER_PERMISSIONS = {
  view: "customers:view",
  create: "customers:create",
} as const;

export function canCreateCustomer(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [CUSTOMER_PERMISSIONS.create]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const CUSTOMER_ACTIONS: readonly DeclaredAction[] = [
  { id: "customers.create", label: "Create a customer", screen: "customers", permissions: [CUSTOMER_PERMISSIONS.create] },
];
