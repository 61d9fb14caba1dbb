// What a member may do with an invoice: its state combined with the permission the graph requires for
// the mutation (docs/permissions.md). The screens show exactly the actions these predicates allow; the
// graph still decides. No role names here.
import type { InvoicePaymentStatus, InvoiceStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

export interface InvoiceState {
  readonly status: InvoiceStatus;
  readonly paymentStatus: InvoicePaymentStatus;
}

export type InvoiceAction = "refresh" | "finalize" | "void";

/** The permission each action's mutation declares (refreshInvoice, finalizeInvoice, voidInvoice). */
export const ACTION_PERMISSION: Readonly<Record<InvoiceAction, Permission>> = {
  refresh: "invoices:update",
  finalize: "invoices:update",
  void: "invoices:void",
};

/** The CSV export of invoices (GET /api/v1/exports/invoices.csv). */
export const EXPORT_PERMISSION: Permission = "invoices:export";

/** A draft is recomputed from the current usage and prices. */
export function canRefresh(invoice: InvoiceState, permissions: PermissionSet): boolean {
  return invoice.status === "DRAFT" && permissions.has(ACTION_PERMISSION.refresh);
}

/** A draft is finalized: numbered, frozen, sent for payment. */
export function canFinalize(invoice: InvoiceState, permissions: PermissionSet): boolean {
  return invoice.status === "DRAFT" && permissions.has(ACTION_PERMISSION.finalize);
}

/** A finalized invoice not yet paid is voided (a paid one takes a credit note instead). */
export function canVoid(invoice: InvoiceState, permissions: PermissionSet): boolean {
  return (
    invoice.status === "FINALIZED" && invoice.paymentStatus !== "SUCCEEDED" && permissions.has(ACTION_PERMISSION.void)
  );
}

/** A credit note is issued on a finalized invoice (not a purchase of prepaid credits), by a member who
 * may open the credit-note wizard (``mayOpenWizard``: the route table decides). */
export function canIssueCreditNote(invoice: InvoiceState & { readonly invoiceType: string }, mayOpenWizard: boolean): boolean {
  return invoice.status === "FINALIZED" && invoice.invoiceType !== "CREDIT" && mayOpenWizard;
}

/** What the one-off invoice form needs: createInvoice, and the add-ons it offers (addOns). */
export const CREATE_PERMISSIONS: readonly Permission[] = ["invoices:create", "addons:view"];

/** A one-off invoice of add-ons is made for a customer (the form lists the add-ons to pick from). */
export function canCreateInvoice(permissions: PermissionSet): boolean {
  return CREATE_PERMISSIONS.every((permission) => permissions.has(permission));
}

export function canExport(permissions: PermissionSet): boolean {
  return permissions.has(EXPORT_PERMISSION);
}

/** The actions offered on this invoice, in the order the screen shows them. */
export function invoiceActions(invoice: InvoiceState, permissions: PermissionSet): readonly InvoiceAction[] {
  const actions: InvoiceAction[] = [];
  if (canRefresh(invoice, permissions)) actions.push("refresh");
  if (canFinalize(invoice, permissions)) actions.push("finalize");
  if (canVoid(invoice, permissions)) actions.push("void");
  return actions;
}

/** This domain's part of the console's action table (../actions.ts). */
export const INVOICE_ACTIONS: readonly DeclaredAction[] = [
  { id: "invoices.refresh", label: "Refresh a draft invoice", screen: "invoice", permissions: [ACTION_PERMISSION.refresh] },
  { id: "invoices.finalize", label: "Finalize a draft invoice", screen: "invoice", permissions: [ACTION_PERMISSION.finalize] },
  { id: "invoices.void", label: "Void an invoice", screen: "invoice", permissions: [ACTION_PERMISSION.void] },
  { id: "invoices.credit", label: "Issue a credit note on an invoice", screen: "invoice", permissions: ["credit_notes:create", "invoices:view"] },
  { id: "invoices.create", label: "Create a one-off invoice", screen: "customer", permissions: CREATE_PERMISSIONS },
  { id: "invoices.export", label: "Download invoices as CSV", screen: "invoices", permissions: [EXPORT_PERMISSION] },
];
