// What a member may do on the developers page: the permission each operation requires
// (docs/permissions.md) combined with the object's state. No role names here.
import type { ApiKeyStatus, WebhookStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

export const KEYS_PERMISSION: Permission = "developers:keys:manage";
export const WEBHOOKS_PERMISSION: Permission = "developers:manage";
export const EVENTS_PERMISSION: Permission = "events:view";

/** createApiKey; the roles offered are read with roles:view. */
export function canCreateKey(permissions: PermissionSet): boolean {
  return permissions.has(KEYS_PERMISSION);
}

/** An active key is rotated (new secret, the old one stops) or revoked. */
export function canRotateKey(key: { readonly status: ApiKeyStatus }, permissions: PermissionSet): boolean {
  return key.status === "ACTIVE" && permissions.has(KEYS_PERMISSION);
}

export function canRevokeKey(key: { readonly status: ApiKeyStatus }, permissions: PermissionSet): boolean {
  return key.status !== "REVOKED" && permissions.has(KEYS_PERMISSION);
}

/** The roles a new key may hold are listed with roles:view. */
export function canListRoles(permissions: PermissionSet): boolean {
  return permissions.has("roles:view");
}

/** Endpoints are created, edited and deleted with developers:manage. */
export function canManageEndpoints(permissions: PermissionSet): boolean {
  return permissions.has(WEBHOOKS_PERMISSION);
}

/** Only a failed delivery is sent again (retryWebhook). */
export function canRetry(webhook: { readonly status: WebhookStatus }, permissions: PermissionSet): boolean {
  return webhook.status === "FAILED" && permissions.has(WEBHOOKS_PERMISSION);
}

/** This domain's part of the console's action table (../actions.ts). */
export const DEVELOPER_ACTIONS: readonly DeclaredAction[] = [
  { id: "developers.create-key", label: "Create an API key", screen: "developers", permissions: [KEYS_PERMISSION] },
  { id: "developers.rotate-key", label: "Rotate an API key", screen: "developers", permissions: [KEYS_PERMISSION] },
  { id: "developers.revoke-key", label: "Revoke an API key", screen: "developers", permissions: [KEYS_PERMISSION] },
  { id: "developers.endpoints", label: "Manage webhook endpoints", screen: "developers", permissions: [WEBHOOKS_PERMISSION] },
  { id: "developers.retry", label: "Retry a webhook delivery", screen: "developers", permissions: [WEBHOOKS_PERMISSION] },
];
