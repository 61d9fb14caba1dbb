// Accounting integrations: THE predicate module. createIntegration, updateIntegration (settings and
// credentials), setIntegrationMappings and destroyIntegrationMapping, destroyIntegration declare the
// permissions below (docs/permissions.md); the tool-format exports need the plain export's permission
// and organization:integrations:view. No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

export const INTEGRATION_PERMISSIONS = {
  view: "organization:integrations:view",
  create: "organization:integrations:create",
  update: "organization:integrations:update",
  delete: "organization:integrations:delete",
} as const;

/** GET /api/v1/exports/integrations/{id}/invoices.csv and .../credit_notes.csv. */
export const EXPORT_PERMISSIONS: Readonly<Record<"invoices" | "creditNotes", readonly Permission[]>> = {
  invoices: ["invoices:export", INTEGRATION_PERMISSIONS.view],
  creditNotes: ["credit_notes:export", INTEGRATION_PERMISSIONS.view],
};

/** What the mapping editor lists to choose from (by name): each needs its own view permission. */
export const MAPPABLE_VIEW_PERMISSIONS = {
  addOns: "addons:view",
  metrics: "billable_metrics:view",
  taxes: "organization:taxes:view",
} as const;

export function canConnect(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [INTEGRATION_PERMISSIONS.create]);
}

export function canUpdateIntegration(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [INTEGRATION_PERMISSIONS.update]);
}

/** Mappings are set and removed with updateIntegration's permission. */
export function canEditMappings(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [INTEGRATION_PERMISSIONS.update]);
}

export function canDisconnect(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [INTEGRATION_PERMISSIONS.delete]);
}

export function canExportInvoices(permissions: PermissionSet): boolean {
  return holdsAll(permissions, EXPORT_PERMISSIONS.invoices);
}

export function canExportCreditNotes(permissions: PermissionSet): boolean {
  return holdsAll(permissions, EXPORT_PERMISSIONS.creditNotes);
}

/** This domain's part of the console's action table (../actions.ts). */
export const INTEGRATION_ACTIONS: readonly DeclaredAction[] = [
  { id: "integrations.create", label: "Connect an accounting integration", screen: "integrations", permissions: [INTEGRATION_PERMISSIONS.create] },
  { id: "integrations.update", label: "Change an integration's settings", screen: "integration", permissions: [INTEGRATION_PERMISSIONS.update] },
  { id: "integrations.credentials", label: "Replace an integration's credentials", screen: "integration", permissions: [INTEGRATION_PERMISSIONS.update] },
  { id: "integrations.mappings", label: "Edit an integration's mappings", screen: "integration", permissions: [INTEGRATION_PERMISSIONS.update] },
  { id: "integrations.delete", label: "Disconnect an integration", screen: "integration", permissions: [INTEGRATION_PERMISSIONS.delete] },
  { id: "integrations.export-invoices", label: "Download invoices in an accounting tool's format", screen: "integration", permissions: EXPORT_PERMISSIONS.invoices },
  { id: "integrations.export-credit-notes", label: "Download credit notes in an accounting tool's format", screen: "integration", permissions: EXPORT_PERMISSIONS.creditNotes },
];
