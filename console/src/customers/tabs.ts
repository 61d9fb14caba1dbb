// THE table of a customer's tabs: like the route table, each tab declares the permissions it needs,
// and the detail page shows only the tabs the member holds every permission of. Each panel loads
// its own data (one request), so the page's first render costs the customer and the open tab.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

/** What every panel is given: the customer the page shows. */
export interface CustomerSummary {
  readonly id: string;
  readonly externalId: string;
  readonly name: string;
  /** None: not yet set (the first subscription or invoice sets it). */
  readonly currency: string | null;
}

export interface CustomerTabProps {
  readonly customer: CustomerSummary;
}

export interface CustomerTab {
  /** A stable name, also the `?tab=` value in the URL. */
  readonly id: string;
  readonly label: string;
  readonly panel: LazyExoticComponent<ComponentType<CustomerTabProps>>;
  readonly permissions: readonly Permission[];
}

export const CUSTOMER_TABS: readonly CustomerTab[] = [
  {
    id: "overview",
    label: "Overview",
    panel: lazy(() => import("./CustomerOverview")),
    permissions: ["customers:view"],
  },
  {
    id: "subscriptions",
    label: "Subscriptions",
    panel: lazy(() => import("../subscriptions/CustomerSubscriptions")),
    permissions: ["subscriptions:view"],
  },
  {
    id: "coupons",
    label: "Coupons",
    panel: lazy(() => import("../coupons/CustomerCoupons")),
    permissions: ["customers:view", "coupons:view"],
  },
  {
    id: "wallets",
    label: "Wallets",
    panel: lazy(() => import("../wallets/CustomerWallets")),
    permissions: ["customers:view", "wallets:view"],
  },
  {
    id: "invoices",
    label: "Invoices",
    panel: lazy(() => import("./CustomerInvoices")),
    permissions: ["invoices:view"],
  },
  {
    id: "credit-notes",
    label: "Credit notes",
    panel: lazy(() => import("./CustomerCreditNotes")),
    permissions: ["credit_notes:view"],
  },
  {
    id: "usage",
    label: "Current usage",
    panel: lazy(() => import("./CustomerUsage")),
    permissions: ["customers:view", "subscriptions:view"],
  },
  {
    id: "revenue",
    label: "Revenue",
    panel: lazy(() => import("./CustomerRevenue")),
    permissions: ["analytics:view"],
  },
];

export function customerTabs(permissions: PermissionSet): readonly CustomerTab[] {
  return CUSTOMER_TABS.filter((tab) => holdsAll(permissions, tab.permissions));
}
