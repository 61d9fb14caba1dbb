// Plans: THE predicate module. What a member may do with a plan follows from the permission the graph
// declares for each mutation (schema.graphql's @requires) and what the editor must read (billable
// metrics to price, organization taxes to pick), never from a role name. The graph still decides.
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type Permission, type PermissionSet } from "../session/permissions";

export const PLAN_PERMISSIONS = {
  view: "plans:view",
  create: "plans:create",
  update: "plans:update",
  destroy: "plans:delete",
} as const satisfies Record<string, Permission>;

/** The editor picks each charge's billable metric from the organization's (billableMetrics). */
export const EDITOR_READS: readonly Permission[] = ["billable_metrics:view"];

/** The taxes picker lists the organization's taxes (taxes). */
export const TAXES_PERMISSION: Permission = "organization:taxes:view";

/** createPlan, from the list: by a member who may open the editor (``mayOpenEditor``: the route table decides). */
export function canCreatePlan(permissions: PermissionSet, mayOpenEditor: boolean): boolean {
  return mayOpenEditor && holdsAll(permissions, [PLAN_PERMISSIONS.create, ...EDITOR_READS]);
}

/** updatePlan: its fields and charges (a price change adds a version). */
export function canUpdatePlan(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [PLAN_PERMISSIONS.update, ...EDITOR_READS]);
}

/** destroyPlan: the graph hides the plan and frees its code (refused while subscriptions use it). */
export function canDestroyPlan(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [PLAN_PERMISSIONS.destroy]);
}

/** The taxes picker is shown (and the plan's taxes read) with organization:taxes:view. */
export function canPickTaxes(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [TAXES_PERMISSION]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const PLAN_ACTIONS: readonly DeclaredAction[] = [
  { id: "plans.create", label: "Create a plan with its charges", screen: "plan-new", permissions: [PLAN_PERMISSIONS.create, ...EDITOR_READS] },
  { id: "plans.update", label: "Change a plan's fields and prices (adds a version)", screen: "plan", permissions: [PLAN_PERMISSIONS.update, ...EDITOR_READS] },
  { id: "plans.destroy", label: "Delete a plan", screen: "plan", permissions: [PLAN_PERMISSIONS.destroy] },
];
