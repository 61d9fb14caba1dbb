// What a member may do with the organization's settings, and what the graph's approval policy does
// with a change of thresholds (schema.graphql, CreditNoteApprovalThreshold and
// UpdateOrganizationInput.creditNoteApprovalThresholds): lowering or adding one applies at once,
// raising or removing one waits the organization's delay (Organization.creditNoteThresholdLooseningDelaySeconds).
// No role names here.
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

/** The permission updateOrganization declares. */
export const UPDATE_PERMISSION: Permission = "organization:update";

/** A delay in words: "24 hours", "1 hour", "90 minutes". */
export function delayInWords(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds % 3600 === 0) return plural(seconds / 3600, "hour");
  if (seconds % 60 === 0) return plural(seconds / 60, "minute");
  return plural(seconds, "second");
}

export function canEditSettings(permissions: PermissionSet): boolean {
  return permissions.has(UPDATE_PERMISSION);
}

/** Integer minor units as the graph's BigInt scalar arrives. */
export type Cents = string | number;

export interface ThresholdInForce {
  readonly currency: string;
  readonly amountCents: Cents;
  readonly pendingAmountCents: Cents | null;
  readonly effectiveAt: string | null;
}

/** Currency -> integer minor units (a decimal string); a currency left out has no threshold. */
export type Policy = ReadonlyMap<string, string>;

/** The policy as last asked for: what is in force with the waiting changes applied (what the form edits). */
export function requestedPolicy(thresholds: readonly ThresholdInForce[]): Policy {
  const policy = new Map<string, string>();
  for (const t of thresholds) {
    if (t.effectiveAt === null) policy.set(t.currency, String(t.amountCents));
    else if (t.pendingAmountCents !== null) policy.set(t.currency, String(t.pendingAmountCents));
  }
  return policy;
}

export interface Loosening {
  readonly currency: string;
  /** null: the threshold is removed. */
  readonly amountCents: string | null;
  /** When it applies: a change already waiting keeps its time, a new one waits the delay from now. */
  readonly effectiveAt: Date;
}

/** The changes of `wanted` that let through a note the thresholds in force hold: they wait. */
export function loosenings(
  inForce: readonly ThresholdInForce[],
  wanted: Policy,
  now: Date,
  delaySeconds: number,
): readonly Loosening[] {
  const found: Loosening[] = [];
  for (const t of inForce) {
    const next = wanted.get(t.currency) ?? null;
    if (next !== null && BigInt(next) <= BigInt(String(t.amountCents))) continue;
    const pending = t.pendingAmountCents === null ? null : String(t.pendingAmountCents);
    const same = t.effectiveAt !== null && pending === next;
    const effectiveAt = same && t.effectiveAt !== null ? new Date(t.effectiveAt) : new Date(now.getTime() + delaySeconds * 1000);
    found.push({ currency: t.currency, amountCents: next, effectiveAt });
  }
  return found;
}

/** This domain's part of the console's action table (../actions.ts). */
export const SETTINGS_ACTIONS: readonly DeclaredAction[] = [
  { id: "settings.update", label: "Change the organization's settings", screen: "settings", permissions: [UPDATE_PERMISSION] },
];
