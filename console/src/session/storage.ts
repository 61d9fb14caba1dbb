// The session's credentials survive a reload of the tab (sessionStorage), never the tab itself.

export interface StoredAuth {
  readonly token: string;
  readonly organizationId: string | null;
  /** "View as": the role whose permissions the console (and the graph) narrows to, or none. */
  readonly viewAsRole?: string | null;
}

const KEY = "billgraph.session";
// The organization last chosen in this tab: kept when the session ends, so that signing in again
// returns to the same organization (and page).
const ORGANIZATION_KEY = "billgraph.organization";

export function readAuth(): StoredAuth | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (raw === null) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { token, organizationId, viewAsRole } = value as Record<string, unknown>;
    if (typeof token !== "string" || token === "") return null;
    return {
      token,
      organizationId: typeof organizationId === "string" ? organizationId : null,
      viewAsRole: typeof viewAsRole === "string" && viewAsRole !== "" ? viewAsRole : null,
    };
  } catch {
    return null;
  }
}

export function readLastOrganization(): string | null {
  try {
    return window.sessionStorage.getItem(ORGANIZATION_KEY);
  } catch {
    return null;
  }
}

export function writeAuth(auth: StoredAuth | null): void {
  try {
    if (auth === null) {
      window.sessionStorage.removeItem(KEY);
      return;
    }
    window.sessionStorage.setItem(KEY, JSON.stringify(auth));
    if (auth.organizationId !== null) window.sessionStorage.setItem(ORGANIZATION_KEY, auth.organizationId);
  } catch {
    // Storage may be unavailable (private mode, quota): the session then lives in memory only.
  }
}
