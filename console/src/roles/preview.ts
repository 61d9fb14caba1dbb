// What a set of permissions unlocks, from the tables that decide it: the console's route table, its
// customer tabs and its action table, and the graph's own requirements (generated from the schema's
// @requires declarations). Pure functions: the composer's live preview and its tests read them.
import { ACTIONS } from "../actions";
import { CUSTOMER_TABS } from "../customers/tabs";
import { GRAPH_REQUIREMENTS, type GraphRequirement } from "../gql/requirements";
import { ROUTES } from "../routes";
import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

export interface PreviewItem {
  readonly id: string;
  readonly label: string;
  readonly permissions: readonly Permission[];
  readonly unlocked: boolean;
}

export interface Preview {
  readonly screens: readonly PreviewItem[];
  readonly tabs: readonly PreviewItem[];
  readonly actions: readonly PreviewItem[];
  readonly operations: readonly PreviewItem[];
  readonly fields: readonly PreviewItem[];
}

function item(id: string, label: string, permissions: readonly Permission[], held: PermissionSet): PreviewItem {
  return { id, label, permissions, unlocked: holdsAll(held, permissions) };
}

function operationLabel(requirement: GraphRequirement): string {
  return requirement.kind === "field" ? `${requirement.type}.${requirement.field}` : `${requirement.kind} ${requirement.field}`;
}

export function preview(held: PermissionSet): Preview {
  const screenTitle = new Map(ROUTES.map((route) => [route.id, route.title]));
  return {
    screens: ROUTES.map((route) => item(route.id, route.title, route.permissions, held)),
    tabs: CUSTOMER_TABS.map((tab) => item(`customer.${tab.id}`, `Customer: ${tab.label}`, tab.permissions, held)),
    actions: ACTIONS.map((action) => {
      const route = ROUTES.find((r) => r.id === action.screen);
      // an action is usable only on a screen the member may open
      const needs = [...new Set([...(route?.permissions ?? []), ...action.permissions])];
      return item(action.id, `${action.label} (${screenTitle.get(action.screen) ?? action.screen})`, needs, held);
    }),
    operations: GRAPH_REQUIREMENTS.filter((r) => r.kind !== "field").map((r) =>
      item(`${r.kind}.${r.field}`, operationLabel(r), r.permissions, held),
    ),
    fields: GRAPH_REQUIREMENTS.filter((r) => r.kind === "field").map((r) =>
      item(`field.${r.type}.${r.field}`, operationLabel(r), r.permissions, held),
    ),
  };
}

/** Permissions grouped by area: "organization:members:view" is in "organization:members". */
export function byArea<T extends { readonly name: string }>(permissions: readonly T[]): ReadonlyMap<string, readonly T[]> {
  const areas = new Map<string, T[]>();
  for (const permission of permissions) {
    const area = permission.name.slice(0, permission.name.lastIndexOf(":"));
    areas.set(area, [...(areas.get(area) ?? []), permission]);
  }
  return areas;
}

export function areaTitle(area: string): string {
  const words = area.replaceAll(":", " ").replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
