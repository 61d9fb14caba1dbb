// GraphiQL itself, from the bundled package: Monaco's editors and its web workers are files of the
// build (same origin, allowed by the CSP's script-src 'self'), never a CDN.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";

import { GraphiQL } from "graphiql";

import type { Fetcher } from "./fetcher";

export const DEFAULT_QUERY = `# The billgraph graph, as the signed-in member: what you may do here is what your
# permissions allow. Press the run button (or Ctrl-Enter) to run an operation.
{
  currentMembership {
    organization { name }
    permissions
  }
}
`;

export function GraphiQLPane({ fetcher }: { readonly fetcher: Fetcher }) {
  return <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} forcedTheme="light" />;
}
