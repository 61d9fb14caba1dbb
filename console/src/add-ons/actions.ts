// Add-ons: THE predicate module. Each action needs the permission its mutation declares (createAddOn,
// updateAddOn, destroyAddOn); the taxes are listed and chosen only by a member who may see them.
// No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type PermissionSet } from "../session/permissions";

export const ADD_ON_PERMISSIONS = {
  view: "addons:view",
  create: "addons:create",
  update: "addons:update",
  delete: "addons:delete",
  taxes: "organization:taxes:view",
} as const;

export function canCreateAddOn(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [ADD_ON_PERMISSIONS.create]);
}

export function canUpdateAddOn(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [ADD_ON_PERMISSIONS.update]);
}

export function canDeleteAddOn(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [ADD_ON_PERMISSIONS.delete]);
}

/** An add-on's taxes are shown (and chosen) with organization:taxes:view. */
export function canSeeTaxes(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [ADD_ON_PERMISSIONS.taxes]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const ADD_ON_ACTIONS: readonly DeclaredAction[] = [
  { id: "add-ons.create", label: "Create an add-on", screen: "add-ons", permissions: [ADD_ON_PERMISSIONS.create] },
  { id: "add-ons.update", label: "Change an add-on", screen: "add-on", permissions: [ADD_ON_PERMISSIONS.update] },
  { id: "add-ons.delete", label: "Destroy an add-on", screen: "add-on", permissions: [ADD_ON_PERMISSIONS.delete] },
];
