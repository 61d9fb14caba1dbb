// Billable metrics: THE predicate module. Each action needs the permission its mutation declares
// (createBillableMetric, updateBillableMetric, destroyBillableMetric); once a plan prices a metric,
// what it measures is locked (app/metrics/service.py). No role names here.
import type { AggregationType } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type PermissionSet } from "../session/permissions";

export const METRIC_PERMISSIONS = {
  view: "billable_metrics:view",
  create: "billable_metrics:create",
  update: "billable_metrics:update",
  delete: "billable_metrics:delete",
} as const;

/** What a metric measures: fixed once a plan prices it (the graph refuses a change of these). */
export const LOCKED_WHEN_PRICED = ["code", "aggregationType", "fieldName", "recurring"] as const;
export type LockedField = (typeof LOCKED_WHEN_PRICED)[number];

/** The aggregations that read an event property (all but a count). */
export function needsField(aggregation: AggregationType): boolean {
  return aggregation !== "COUNT_AGG";
}

/** The aggregations whose value may carry over from one period to the next. */
export function mayRecur(aggregation: AggregationType): boolean {
  return aggregation === "SUM_AGG" || aggregation === "UNIQUE_COUNT_AGG" || aggregation === "WEIGHTED_SUM_AGG";
}

export function canCreateMetric(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [METRIC_PERMISSIONS.create]);
}

export function canUpdateMetric(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [METRIC_PERMISSIONS.update]);
}

/** A field of the metric may change: with billable_metrics:update, and not a locked one once priced. */
export function canChangeField(field: string, priced: boolean, permissions: PermissionSet): boolean {
  return canUpdateMetric(permissions) && !(priced && (LOCKED_WHEN_PRICED as readonly string[]).includes(field));
}

/** Destroy is offered with billable_metrics:delete, and not while a plan prices the metric (the graph refuses). */
export function canDeleteMetric(priced: boolean, permissions: PermissionSet): boolean {
  return !priced && holdsAll(permissions, [METRIC_PERMISSIONS.delete]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const METRIC_ACTIONS: readonly DeclaredAction[] = [
  { id: "metrics.create", label: "Create a billable metric", screen: "metrics", permissions: [METRIC_PERMISSIONS.create] },
  { id: "metrics.update", label: "Change a billable metric", screen: "metric", permissions: [METRIC_PERMISSIONS.update] },
  { id: "metrics.delete", label: "Destroy a billable metric", screen: "metric", permissions: [METRIC_PERMISSIONS.delete] },
];
