// Permissions are data: the session's `currentMembership.permissions`, never a role name.
// The console only hides what the graph would refuse; the graph decides.

export type Permission = string;
export type PermissionSet = ReadonlySet<Permission>;

/** Whether the member holds every permission in `needed` (an empty list needs nothing). */
export function holdsAll(permissions: PermissionSet, needed: readonly Permission[]): boolean {
  return needed.every((permission) => permissions.has(permission));
}
