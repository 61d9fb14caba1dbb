// GraphiQL's fetcher: every operation POSTed as JSON to the console's own origin (never elsewhere),
// with the credentials the console's urql client sends (the bearer token and x-organization-id), and
// the headers typed in GraphiQL's own header editor on top (they win: one can try another token).
import type { ExecutionResult } from "graphql";
import type { GraphiQLProps } from "graphiql";

import { authHeaders, GRAPHQL_URL } from "../session/client";
import type { StoredAuth } from "../session/storage";

export type Fetcher = GraphiQLProps["fetcher"];

function typedHeaders(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers !== "object" || headers === null) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      result[name.toLowerCase()] = String(value);
    }
  }
  return result;
}

/** A fetcher reading the credentials at each request (`auth` is called every time). */
export function consoleFetcher(auth: () => StoredAuth | null): Fetcher {
  return async (params, options) => {
    const response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...authHeaders(auth()),
        ...typedHeaders(options?.headers),
      },
      body: JSON.stringify(params),
      credentials: "omit",
    });
    return (await response.json()) as ExecutionResult;
  };
}
