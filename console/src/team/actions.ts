// What a member may do with the team: the permission each mutation declares (docs/permissions.md), and
// the graph's rules on memberships (app/members/service.py, app/roles/service.py ensure_may_assign):
// - the organization keeps at least one active member holding the built-in admin role: the last one
//   cannot be revoked or lose it;
// - only a member holding the built-in admin role grants or removes it;
// - nobody grants or removes a role with a permission they do not hold themselves.
// The admin role is recognised from the roles' data (the graph's Role.isAdmin), never by a name written
// here. Every screen asks these predicates.
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

export const PERMISSION = {
  view: "organization:members:view",
  invite: "organization:members:create",
  changeRoles: "organization:members:update",
  revoke: "organization:members:delete",
  listRoles: "roles:view",
} as const satisfies Record<string, Permission>;

export interface RoleData {
  readonly code: string;
  readonly builtin: boolean;
  /** The built-in role the governance rules name (the graph's Role.isAdmin). */
  readonly isAdmin: boolean;
  readonly permissions?: readonly string[];
}

export interface MemberData {
  readonly id: string;
  readonly status: "ACTIVE" | "REVOKED";
  readonly roles: readonly RoleData[];
}

/** Who is asking: their permissions and their own roles. */
export interface Caller {
  readonly permissions: PermissionSet;
  readonly roles: readonly RoleData[];
}

export function isAdminRole(role: RoleData): boolean {
  return role.isAdmin;
}

function holdsAdmin(roles: readonly RoleData[]): boolean {
  return roles.some(isAdminRole);
}

/** Whether `member` is the only active member holding the admin role. */
export function isLastAdmin(member: MemberData, members: readonly MemberData[]): boolean {
  if (member.status !== "ACTIVE" || !holdsAdmin(member.roles)) return false;
  return !members.some((other) => other.id !== member.id && other.status === "ACTIVE" && holdsAdmin(other.roles));
}

export const REASON = {
  lastAdmin: "The organization must keep at least one admin: this is its last one.",
  onlyAdminGrantsAdmin: "Only an admin can grant or remove the admin role.",
  permissionsNotHeld: "This role grants permissions you do not hold.",
} as const;

/** Why the caller may not add or take away `role` on `member` (null: they may). `member` null: an invitation. */
export function roleChangeBlocked(
  role: RoleData,
  caller: Caller,
  member: MemberData | null,
  members: readonly MemberData[],
): string | null {
  if (isAdminRole(role)) {
    if (!holdsAdmin(caller.roles)) return REASON.onlyAdminGrantsAdmin;
    if (member !== null && member.roles.some(isAdminRole) && isLastAdmin(member, members)) return REASON.lastAdmin;
    return null;
  }
  if (role.permissions && !role.permissions.every((p) => caller.permissions.has(p))) return REASON.permissionsNotHeld;
  return null;
}

export function canInvite(permissions: PermissionSet): boolean {
  return permissions.has(PERMISSION.invite) && permissions.has(PERMISSION.listRoles);
}

export function canRevokeInvite(permissions: PermissionSet): boolean {
  return permissions.has(PERMISSION.revoke);
}

/** The Change roles action is offered (it may still be blocked for some roles, with their reasons). */
export function canChangeRoles(member: MemberData, permissions: PermissionSet): boolean {
  return member.status === "ACTIVE" && permissions.has(PERMISSION.changeRoles) && permissions.has(PERMISSION.listRoles);
}

/** The Revoke action is offered; `revokeBlocked` says why it is disabled, if it is. */
export function canRevoke(member: MemberData, permissions: PermissionSet): boolean {
  return member.status === "ACTIVE" && permissions.has(PERMISSION.revoke);
}

/** Why the caller may not revoke `member` (null: they may); the graph checks the admin rules only. */
export function revokeBlocked(member: MemberData, caller: Caller, members: readonly MemberData[]): string | null {
  if (!holdsAdmin(member.roles)) return null;
  if (isLastAdmin(member, members)) return REASON.lastAdmin;
  if (!holdsAdmin(caller.roles)) return REASON.onlyAdminGrantsAdmin;
  return null;
}

/** This domain's part of the console's action table (../actions.ts). */
export const TEAM_ACTIONS: readonly DeclaredAction[] = [
  { id: "team.invite", label: "Invite a member", screen: "team", permissions: [PERMISSION.invite, PERMISSION.listRoles] },
  { id: "team.revoke-invite", label: "Revoke an invitation", screen: "team", permissions: [PERMISSION.revoke] },
  { id: "team.change-roles", label: "Change a member's roles", screen: "team", permissions: [PERMISSION.changeRoles, PERMISSION.listRoles] },
  { id: "team.revoke", label: "Revoke a member", screen: "team", permissions: [PERMISSION.revoke] },
];
