// An action a screen may offer, as data: the permissions its mutation (or endpoint) declares. Each
// domain's actions.ts lists its own next to its predicates (which combine them with the object's
// state); ../actions.ts gathers them into the console's action table, read by the role composer.
import type { Permission } from "./permissions";

export interface DeclaredAction {
  /** A stable name: "<domain>.<action>". */
  readonly id: string;
  /** What a person does, as the composer lists it ("Void an invoice"). */
  readonly label: string;
  /** The route id of the screen offering it (routes.ts). */
  readonly screen: string;
  /** Every permission it needs (all of them). */
  readonly permissions: readonly Permission[];
}
