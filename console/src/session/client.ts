// The GraphQL client: the bearer token, the selected organization and the role viewed as (if any)
// on every request; an
// UNAUTHENTICATED answer ends the session (back to sign-in), a FORBIDDEN one refreshes it.
import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from "urql";

import type { StoredAuth } from "./storage";

export const GRAPHQL_URL = "/graphql";

export interface ClientEvents {
  readonly onUnauthenticated?: () => void;
  readonly onForbidden?: () => void;
}

export function authHeaders(auth: StoredAuth | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth !== null) {
    headers["authorization"] = `Bearer ${auth.token}`;
    if (auth.organizationId !== null) headers["x-organization-id"] = auth.organizationId;
    // the server narrows every request to this role's permissions (never widens them)
    if (auth.viewAsRole) headers["x-view-as-role"] = auth.viewAsRole;
  }
  return headers;
}

export function errorCodes(error: CombinedError | undefined): ReadonlySet<string> {
  const codes = new Set<string>();
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const code = graphQLError.extensions["code"];
    if (typeof code === "string") codes.add(code);
  }
  if (error?.response instanceof Response && error.response.status === 401) codes.add("UNAUTHENTICATED");
  return codes;
}

export function createClient(auth: StoredAuth | null, events: ClientEvents = {}): Client {
  const headers = authHeaders(auth);
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: { headers },
    exchanges: [
      mapExchange({
        onError(error) {
          const codes = errorCodes(error);
          if (codes.has("UNAUTHENTICATED")) events.onUnauthenticated?.();
          else if (codes.has("FORBIDDEN")) events.onForbidden?.();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
