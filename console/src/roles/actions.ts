// Roles: THE predicate module. Built-in roles never change; a custom role is created, changed and
// destroyed with the permission each mutation declares; and nobody grants a permission they do not
// hold (the graph refuses it: the composer says so before the click). No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

export const ROLE_PERMISSIONS = {
  view: "roles:view",
  create: "roles:create",
  update: "roles:update",
  delete: "roles:delete",
} as const;

export interface RoleState {
  readonly builtin: boolean;
}

export function canCreateRole(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [ROLE_PERMISSIONS.create]);
}

export function canUpdateRole(role: RoleState, permissions: PermissionSet): boolean {
  return !role.builtin && holdsAll(permissions, [ROLE_PERMISSIONS.update]);
}

export function canDeleteRole(role: RoleState, permissions: PermissionSet): boolean {
  return !role.builtin && holdsAll(permissions, [ROLE_PERMISSIONS.delete]);
}

/** "View as": preview the console as the role (the graph narrows, never widens; nothing to refuse). */
export function canViewAs(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [ROLE_PERMISSIONS.view]);
}

/** A permission the member may put in a role: one they hold themselves. */
export function canGrant(permission: Permission, permissions: PermissionSet): boolean {
  return permissions.has(permission);
}

/** This domain's part of the console's action table (../actions.ts). */
export const ROLE_ACTIONS: readonly DeclaredAction[] = [
  { id: "roles.create", label: "Compose a custom role", screen: "roles", permissions: [ROLE_PERMISSIONS.create] },
  { id: "roles.update", label: "Change a custom role", screen: "role", permissions: [ROLE_PERMISSIONS.update] },
  { id: "roles.view-as", label: "View the console as a role", screen: "role", permissions: [ROLE_PERMISSIONS.view] },
  { id: "roles.delete", label: "Destroy a custom role", screen: "role", permissions: [ROLE_PERMISSIONS.delete] },
];
