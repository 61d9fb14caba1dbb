// THE route table. The navigation, the route guard and the landing page all read it: a screen is
// shown, linked and opened only when the member holds every permission its route declares.
// Only screens that exist are listed here (no placeholders).
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

import { holdsAll, type Permission, type PermissionSet } from "./session/permissions";

export interface ConsoleRoute {
  /** A stable name (the landing preference refers to it). */
  readonly id: string;
  /** The client path (react-router syntax); nested paths of a screen are declared by the screen. */
  readonly path: string;
  /** The page's title and its navigation label. */
  readonly title: string;
  readonly screen: LazyExoticComponent<ComponentType>;
  /** Every permission the screen needs to open (all of them). */
  readonly permissions: readonly Permission[];
  /** Whether the navigation links it (detail pages are reached from their lists). */
  readonly nav: boolean;
}

export const ROUTES: readonly ConsoleRoute[] = [
  {
    id: "revenue",
    path: "/revenue",
    title: "Revenue",
    screen: lazy(() => import("./revenue/Revenue")),
    permissions: ["analytics:view"],
    nav: true,
  },
  {
    id: "customers",
    path: "/customers",
    title: "Customers",
    screen: lazy(() => import("./customers/CustomersList")),
    permissions: ["customers:view"],
    nav: true,
  },
  {
    id: "customer-new",
    path: "/customers/new",
    title: "New customer",
    screen: lazy(() => import("./customers/CustomerNew")),
    permissions: ["customers:view", "customers:create"],
    nav: false,
  },
  {
    id: "customer",
    path: "/customers/:id",
    title: "Customer",
    screen: lazy(() => import("./customers/CustomerDetail")),
    permissions: ["customers:view"],
    nav: false,
  },
  {
    id: "customer-invoice-new",
    path: "/customers/:id/invoices/new",
    title: "New invoice",
    screen: lazy(() => import("./invoices/OneOffInvoice")),
    permissions: ["customers:view", "invoices:create", "addons:view"],
    nav: false,
  },
  {
    id: "subscription-new",
    path: "/customers/:id/subscriptions/new",
    title: "New subscription",
    screen: lazy(() => import("./subscriptions/SubscriptionNew")),
    permissions: ["customers:view", "subscriptions:create", "plans:view"],
    nav: false,
  },
  {
    id: "subscription",
    path: "/subscriptions/:id",
    title: "Subscription",
    screen: lazy(() => import("./subscriptions/SubscriptionDetail")),
    permissions: ["subscriptions:view", "customers:view", "plans:view"],
    nav: false,
  },
  {
    id: "invoices",
    path: "/invoices",
    title: "Invoices",
    screen: lazy(() => import("./invoices/InvoicesList")),
    permissions: ["invoices:view"],
    nav: true,
  },
  {
    id: "invoice",
    path: "/invoices/:id",
    title: "Invoice",
    screen: lazy(() => import("./invoices/InvoiceDetail")),
    permissions: ["invoices:view"],
    nav: false,
  },
  {
    id: "credit-notes",
    path: "/credit-notes",
    title: "Credit notes",
    screen: lazy(() => import("./credit-notes/CreditNotesList")),
    permissions: ["credit_notes:view"],
    nav: true,
  },
  {
    id: "credit-note-approvals",
    path: "/credit-notes/approvals",
    title: "Approvals",
    screen: lazy(() => import("./credit-notes/CreditNoteApprovals")),
    permissions: ["credit_notes:view", "credit_notes:approve"],
    nav: true,
  },
  {
    id: "credit-note-new",
    path: "/credit-notes/new",
    title: "New credit note",
    screen: lazy(() => import("./credit-notes/CreditNoteWizard")),
    permissions: ["credit_notes:create", "invoices:view"],
    nav: false,
  },
  {
    id: "credit-note",
    path: "/credit-notes/:id",
    title: "Credit note",
    screen: lazy(() => import("./credit-notes/CreditNoteDetail")),
    permissions: ["credit_notes:view"],
    nav: false,
  },
  {
    id: "metrics",
    path: "/billable-metrics",
    title: "Billable metrics",
    screen: lazy(() => import("./metrics/MetricsList")),
    permissions: ["billable_metrics:view"],
    nav: true,
  },
  {
    id: "metric-new",
    path: "/billable-metrics/new",
    title: "New billable metric",
    screen: lazy(() => import("./metrics/MetricForm")),
    permissions: ["billable_metrics:view", "billable_metrics:create"],
    nav: false,
  },
  {
    id: "metric",
    path: "/billable-metrics/:id",
    title: "Billable metric",
    screen: lazy(() => import("./metrics/MetricForm")),
    permissions: ["billable_metrics:view"],
    nav: false,
  },
  {
    id: "add-ons",
    path: "/add-ons",
    title: "Add-ons",
    screen: lazy(() => import("./add-ons/AddOnsList")),
    permissions: ["addons:view"],
    nav: true,
  },
  {
    id: "add-on-new",
    path: "/add-ons/new",
    title: "New add-on",
    screen: lazy(() => import("./add-ons/AddOnForm")),
    permissions: ["addons:view", "addons:create"],
    nav: false,
  },
  {
    id: "add-on",
    path: "/add-ons/:id",
    title: "Add-on",
    screen: lazy(() => import("./add-ons/AddOnForm")),
    permissions: ["addons:view"],
    nav: false,
  },
  {
    id: "coupons",
    path: "/coupons",
    title: "Coupons",
    screen: lazy(() => import("./coupons/CouponsList")),
    permissions: ["coupons:view"],
    nav: true,
  },
  {
    id: "coupon-new",
    path: "/coupons/new",
    title: "New coupon",
    screen: lazy(() => import("./coupons/CouponForm")),
    permissions: ["coupons:view", "coupons:create"],
    nav: false,
  },
  {
    id: "coupon",
    path: "/coupons/:id",
    title: "Coupon",
    screen: lazy(() => import("./coupons/CouponForm")),
    permissions: ["coupons:view"],
    nav: false,
  },
  {
    id: "taxes",
    path: "/taxes",
    title: "Taxes",
    screen: lazy(() => import("./taxes/TaxesList")),
    permissions: ["organization:taxes:view"],
    nav: true,
  },
  {
    id: "tax-new",
    path: "/taxes/new",
    title: "New tax",
    screen: lazy(() => import("./taxes/TaxForm")),
    permissions: ["organization:taxes:view", "organization:taxes:update"],
    nav: false,
  },
  {
    id: "tax",
    path: "/taxes/:id",
    title: "Tax",
    screen: lazy(() => import("./taxes/TaxForm")),
    permissions: ["organization:taxes:view"],
    nav: false,
  },
  {
    id: "roles",
    path: "/roles",
    title: "Roles",
    screen: lazy(() => import("./roles/RolesList")),
    permissions: ["roles:view"],
    nav: true,
  },
  {
    id: "role-new",
    path: "/roles/new",
    title: "New role",
    screen: lazy(() => import("./roles/RoleComposer")),
    permissions: ["roles:view", "roles:create"],
    nav: false,
  },
  {
    id: "role",
    path: "/roles/:id",
    title: "Role",
    screen: lazy(() => import("./roles/RoleComposer")),
    permissions: ["roles:view"],
    nav: false,
  },
  {
    id: "account-password",
    path: "/account/password",
    title: "Change password",
    screen: lazy(() => import("./account/ChangePassword")),
    permissions: [],
    nav: false,
  },
  {
    id: "team",
    path: "/team",
    title: "Team",
    screen: lazy(() => import("./team/Team")),
    permissions: ["organization:view", "organization:members:view"],
    nav: true,
  },
  {
    id: "settings",
    path: "/settings",
    title: "Settings",
    screen: lazy(() => import("./organization/Settings")),
    permissions: ["organization:view"],
    nav: true,
  },
  {
    id: "audit-log",
    path: "/audit-log",
    title: "Audit log",
    screen: lazy(() => import("./audit/AuditLog")),
    permissions: ["audit_logs:view"],
    nav: true,
  },
  {
    id: "developers",
    path: "/developers",
    title: "Developers",
    screen: lazy(() => import("./developers/Developers")),
    permissions: ["developers:manage"],
    nav: true,
  },
  // Accounting integrations (Xero, NetSuite): write-only credentials, mappings, the tools' exports.
  {
    id: "integrations",
    path: "/integrations",
    title: "Integrations",
    screen: lazy(() => import("./integrations/IntegrationsList")),
    permissions: ["organization:integrations:view"],
    nav: true,
  },
  {
    id: "integration-new",
    path: "/integrations/new",
    title: "Connect an integration",
    screen: lazy(() => import("./integrations/IntegrationNew")),
    permissions: ["organization:integrations:view", "organization:integrations:create"],
    nav: false,
  },
  {
    id: "integration",
    path: "/integrations/:id",
    title: "Integration",
    screen: lazy(() => import("./integrations/IntegrationDetail")),
    permissions: ["organization:integrations:view"],
    nav: false,
  },
  // The plan catalogue and its editor.
  {
    id: "plans",
    path: "/plans",
    title: "Plans",
    screen: lazy(() => import("./plans/PlansList")),
    permissions: ["plans:view"],
    nav: true,
  },
  {
    id: "plan-new",
    path: "/plans/new",
    title: "New plan",
    screen: lazy(() => import("./plans/PlanNew")),
    permissions: ["plans:view", "plans:create", "billable_metrics:view"],
    nav: false,
  },
  {
    id: "plan",
    path: "/plans/:id",
    title: "Plan",
    screen: lazy(() => import("./plans/PlanDetail")),
    permissions: ["plans:view"],
    nav: false,
  },
  // The graph itself, explored as the member: the graph checks each field's permissions.
  {
    id: "graphiql",
    path: "/graphiql",
    title: "GraphiQL",
    screen: lazy(() => import("./graphiql/GraphiQLScreen")),
    permissions: [],
    nav: true,
  },
];

/** Where a member lands after sign-in: the first of these they may open (revenue with
 * analytics:view, else customers), else the first route of the table they may open. Ids without a
 * route yet are skipped. */
export const LANDING_PREFERENCE: readonly string[] = ["revenue", "customers"];

export function mayOpen(route: ConsoleRoute, permissions: PermissionSet): boolean {
  return holdsAll(permissions, route.permissions);
}

export function navigation(permissions: PermissionSet): readonly ConsoleRoute[] {
  return ROUTES.filter((route) => route.nav && mayOpen(route, permissions));
}

export function landingRoute(permissions: PermissionSet): ConsoleRoute | null {
  for (const id of LANDING_PREFERENCE) {
    const route = ROUTES.find((r) => r.id === id);
    if (route && mayOpen(route, permissions)) return route;
  }
  return ROUTES.find((route) => route.nav && mayOpen(route, permissions)) ?? null;
}
