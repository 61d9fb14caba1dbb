// THE table of the developers page's tabs: like the route table, each tab declares the permissions it
// needs, and the page shows only the tabs the member holds every permission of.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

export interface DeveloperTab {
  /** A stable name, also the `?tab=` value in the URL. */
  readonly id: string;
  readonly label: string;
  readonly panel: LazyExoticComponent<ComponentType>;
  readonly permissions: readonly Permission[];
}

export const DEVELOPER_TABS: readonly DeveloperTab[] = [
  {
    id: "api-keys",
    label: "API keys",
    panel: lazy(() => import("./ApiKeys")),
    permissions: ["developers:keys:manage"],
  },
  {
    id: "webhooks",
    label: "Webhook endpoints",
    panel: lazy(() => import("./WebhookEndpoints")),
    permissions: ["developers:manage"],
  },
  {
    id: "deliveries",
    label: "Deliveries",
    panel: lazy(() => import("./WebhookDeliveries")),
    permissions: ["developers:manage"],
  },
  {
    id: "events",
    label: "Events",
    panel: lazy(() => import("./RecentEvents")),
    permissions: ["events:view"],
  },
];

export function developerTabs(permissions: PermissionSet): readonly DeveloperTab[] {
  return DEVELOPER_TABS.filter((tab) => holdsAll(permissions, tab.permissions));
}
