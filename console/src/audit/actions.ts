// What a member may see of the audit log: the permission the graph requires (auditLogs, and the
// actors the filter offers). No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

export const VIEW_PERMISSION: Permission = "audit_logs:view";

/** The audit log and an object's history link. */
export function canViewAuditLog(permissions: PermissionSet): boolean {
  return permissions.has(VIEW_PERMISSION);
}

/** People are named (AuditLog.actorUser, Organization.members) with organization:members:view. */
export function canNameMembers(permissions: PermissionSet): boolean {
  return permissions.has("organization:members:view") && permissions.has("organization:view");
}

/** API keys are offered as actors with developers:keys:manage (the graph's apiKeys). */
export function canListKeys(permissions: PermissionSet): boolean {
  return permissions.has("developers:keys:manage");
}

/** This domain's part of the console's action table (../actions.ts). */
export const AUDIT_ACTIONS: readonly DeclaredAction[] = [
  { id: "audit.object-history", label: "Open an object's history", screen: "audit-log", permissions: [VIEW_PERMISSION] },
];
