// Taxes: THE predicate module. createTax, updateTax and destroyTax all declare
// organization:taxes:update. No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type PermissionSet } from "../session/permissions";

export const TAX_PERMISSIONS = {
  view: "organization:taxes:view",
  update: "organization:taxes:update",
} as const;

export function canCreateTax(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [TAX_PERMISSIONS.update]);
}

export function canUpdateTax(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [TAX_PERMISSIONS.update]);
}

export function canDeleteTax(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [TAX_PERMISSIONS.update]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const TAX_ACTIONS: readonly DeclaredAction[] = [
  { id: "taxes.create", label: "Create a tax", screen: "taxes", permissions: [TAX_PERMISSIONS.update] },
  { id: "taxes.update", label: "Change a tax", screen: "tax", permissions: [TAX_PERMISSIONS.update] },
  { id: "taxes.delete", label: "Destroy a tax", screen: "tax", permissions: [TAX_PERMISSIONS.update] },
];
