// Prepaid-credit wallets: THE predicate module. What a member may do follows from the wallet's state
// and the permission the graph declares for the mutation (schema.graphql's @requires); never from a
// role name. The console only hides what the graph would refuse; the graph decides.
import type { WalletStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import type { Permission, PermissionSet } from "../session/permissions";

/** The permission each mutation declares (createCustomerWallet, createCustomerWalletTransaction for
 * paid and granted credits alike, terminateCustomerWallet). */
export const WALLET_PERMISSIONS = {
  create: "wallets:create",
  topUp: "wallets:top_up",
  terminate: "wallets:terminate",
} as const satisfies Readonly<Record<string, Permission>>;

export interface WalletState {
  readonly status: WalletStatus;
}

/** createCustomerWallet: a customer has one active wallet at most. */
export function canCreate(wallets: readonly WalletState[], permissions: PermissionSet): boolean {
  return permissions.has(WALLET_PERMISSIONS.create) && !wallets.some((wallet) => wallet.status === "ACTIVE");
}

/** Paid credits (a credit purchase invoice) on an active wallet. */
export function canTopUp(wallet: WalletState, permissions: PermissionSet): boolean {
  return wallet.status === "ACTIVE" && permissions.has(WALLET_PERMISSIONS.topUp);
}

/** Free credits on an active wallet (the same mutation and permission as a top-up). */
export function canGrant(wallet: WalletState, permissions: PermissionSet): boolean {
  return wallet.status === "ACTIVE" && permissions.has(WALLET_PERMISSIONS.topUp);
}

/** terminateCustomerWallet: an active wallet. */
export function canTerminate(wallet: WalletState, permissions: PermissionSet): boolean {
  return wallet.status === "ACTIVE" && permissions.has(WALLET_PERMISSIONS.terminate);
}

/** This domain's part of the console's action table (../actions.ts): offered on the customer's page,
 * in its Wallets tab (which reads wallets:view). */
export const WALLET_ACTIONS: readonly DeclaredAction[] = [
  { id: "wallets.create", label: "Create a customer's wallet", screen: "customer", permissions: [WALLET_PERMISSIONS.create, "wallets:view"] },
  { id: "wallets.top-up", label: "Top up a wallet (paid credits)", screen: "customer", permissions: [WALLET_PERMISSIONS.topUp, "wallets:view"] },
  { id: "wallets.grant", label: "Grant free credits to a wallet", screen: "customer", permissions: [WALLET_PERMISSIONS.topUp, "wallets:view"] },
  { id: "wallets.terminate", label: "Terminate a wallet", screen: "customer", permissions: [WALLET_PERMISSIONS.terminate, "wallets:view"] },
];
