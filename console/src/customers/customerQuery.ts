// The customer page's one query, shared by the page and its tabs so that a tab reading the customer
// (the overview, the usage tab's subscriptions) is answered from the client's cache: the variables
// follow the member's permissions, so nothing is asked that the graph would refuse.
import { useQuery } from "urql";

import { CustomerDocument } from "../graphql/customers";
import type { CustomerQueryVariables } from "../gql/graphql";
import { useSignedIn } from "../session/SessionProvider";
import type { PermissionSet } from "../session/permissions";

export function customerVariables(id: string, permissions: PermissionSet): CustomerQueryVariables {
  return {
    id,
    withSubscriptions: permissions.has("subscriptions:view"),
    withPlans: permissions.has("plans:view"),
  };
}

/** The page asks the graph; a tab (`fromCache`) reads what the page loaded, with no request of its own. */
export function useCustomerQuery(id: string, { fromCache = false }: { readonly fromCache?: boolean } = {}) {
  const { permissions } = useSignedIn();
  return useQuery({
    query: CustomerDocument,
    variables: customerVariables(id, permissions),
    requestPolicy: fromCache ? "cache-first" : "cache-and-network",
  });
}
