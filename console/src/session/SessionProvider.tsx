// The session: who is signed in, in which organization, with which permissions. Loaded once at
// sign-in, on reload (from sessionStorage) and on organization switch; every screen reads it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Provider as UrqlProvider, type Client } from "urql";

import { LoginDocument, LogoutDocument, SessionDocument } from "../graphql/session";
import type { SessionQuery } from "../gql/graphql";
import { createClient, errorCodes } from "./client";
import type { PermissionSet } from "./permissions";
import { readAuth, readLastOrganization, writeAuth, type StoredAuth } from "./storage";

export interface Organization {
  readonly id: string;
  readonly name: string;
}

export interface SignedIn {
  readonly status: "signedIn";
  readonly auth: StoredAuth;
  /** The signed-in person's user id (what the graph records as a requester or a decider). */
  readonly userId: string;
  readonly email: string;
  readonly organizations: readonly Organization[];
  readonly organization: Organization;
  readonly permissions: PermissionSet;
  /** "View as": the role code the console and the graph narrow to, or null. */
  readonly viewingAs: string | null;
}

export type SessionState =
  | { readonly status: "loading" }
  /** fresh: never signed in in this tab; expired: the graph ended the session; left: signed out. */
  | { readonly status: "signedOut"; readonly reason: SignedOutReason }
  | SignedIn;

export type SignedOutReason = "fresh" | "expired" | "left";

export class SignInError extends Error {}

interface SessionApi {
  readonly state: SessionState;
  /** A notice for the member (the permissions changed under them), or null. */
  readonly notice: string | null;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  switchOrganization: (organizationId: string) => Promise<void>;
  /** Preview the console as a role (its code), or stop with null; the graph narrows every request. */
  viewAs: (roleCode: string | null) => Promise<void>;
  /** Carry on with a new token the graph issued (changePassword ends every other one). */
  adoptToken: (token: string) => void;
  dismissNotice: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (api === null) throw new Error("useSession outside SessionProvider");
  return api;
}

/** The signed-in session (for screens rendered behind the session guard). */
export function useSignedIn(): SignedIn {
  const { state } = useSession();
  if (state.status !== "signedIn") throw new Error("useSignedIn without a session");
  return state;
}

function sessionFrom(auth: StoredAuth, data: SessionQuery): SignedIn | null {
  const user = data.currentUser;
  const membership = data.currentMembership;
  if (!user || !membership) return null;
  return {
    status: "signedIn",
    auth: { token: auth.token, organizationId: membership.organization.id, viewAsRole: auth.viewAsRole ?? null },
    userId: user.id,
    email: user.email,
    organizations: user.memberships.map((m) => ({ id: m.organization.id, name: m.organization.name })),
    organization: { id: membership.organization.id, name: membership.organization.name },
    permissions: new Set(membership.permissions),
    viewingAs: auth.viewAsRole ?? null,
  };
}

/** Runs the session query with these credentials: the session, or null if they no longer work. */
async function loadSession(auth: StoredAuth): Promise<SignedIn | null> {
  const result = await createClient(auth).query(SessionDocument, {}, { requestPolicy: "network-only" }).toPromise();
  if (result.error && errorCodes(result.error).has("UNAUTHENTICATED")) return null;
  if (!result.data) throw new Error(result.error?.message ?? "The session could not be loaded");
  return sessionFrom(auth, result.data);
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    readAuth() === null ? { status: "signedOut", reason: "fresh" } : { status: "loading" },
  );
  const [notice, setNotice] = useState<string | null>(null);
  const refreshing = useRef(false);
  // The token in use: an answer to a request made with another (one still in flight when the member
  // signed out) ends nothing.
  const activeToken = useRef<string | null>(readAuth()?.token ?? null);

  const establish = useCallback((session: SignedIn | null, reason: SignedOutReason) => {
    activeToken.current = session?.auth.token ?? null;
    writeAuth(session?.auth ?? null);
    setState(session ?? { status: "signedOut", reason });
  }, []);

  // A reload of the tab: the stored credentials, checked by the session query.
  useEffect(() => {
    const stored = readAuth();
    if (stored === null) return;
    loadSession(stored).then(
      (session) => establish(session, "expired"),
      () => establish(null, "fresh"),
    );
  }, [establish]);

  const auth = state.status === "signedIn" ? state.auth : null;
  const token = auth?.token ?? null;
  const organizationId = auth?.organizationId ?? null;
  const viewAsRole = auth?.viewAsRole ?? null;

  const client: Client = useMemo(() => {
    const current = token === null ? null : { token, organizationId, viewAsRole };
    return createClient(current, {
      onUnauthenticated: () => {
        if (current !== null && activeToken.current === current.token) establish(null, "expired");
      },
      onForbidden: () => {
        if (current === null || refreshing.current) return;
        refreshing.current = true;
        loadSession(current)
          .then((session) => {
            establish(session, "expired");
            if (session) setNotice("Your permissions changed: the console now shows what you may open.");
          })
          .catch(() => undefined)
          .finally(() => {
            refreshing.current = false;
          });
      },
    });
  }, [token, organizationId, viewAsRole, establish]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const login = await createClient(null)
        .mutation(LoginDocument, { email, password })
        .toPromise();
      const payload = login.data?.loginUser;
      if (!payload) {
        const message = login.error?.graphQLErrors[0]?.message ?? login.error?.message;
        throw new SignInError(message ?? "Sign-in failed");
      }
      const previous = readLastOrganization();
      const memberships = payload.user.memberships;
      const chosen = memberships.find((m) => m.organization.id === previous) ?? memberships[0];
      if (!chosen) throw new SignInError("This account belongs to no organization");
      const session = await loadSession({ token: payload.token, organizationId: chosen.organization.id });
      if (session === null) throw new SignInError("Sign-in failed");
      setNotice(null);
      establish(session, "fresh");
    },
    [establish],
  );

  const signOut = useCallback(async () => {
    // Left first: the screens' requests still in flight then end nothing when the token is refused.
    setNotice(null);
    establish(null, "left");
    if (auth !== null) await createClient(auth).mutation(LogoutDocument, {}).toPromise();
  }, [auth, establish]);

  const switchOrganization = useCallback(
    async (id: string) => {
      if (token === null) return;
      const session = await loadSession({ token, organizationId: id });
      setNotice(null);
      establish(session, "expired");
    },
    [token, establish],
  );

  const viewAs = useCallback(
    async (roleCode: string | null) => {
      if (token === null) return;
      const session = await loadSession({ token, organizationId, viewAsRole: roleCode });
      setNotice(null);
      establish(session, "expired");
    },
    [token, organizationId, establish],
  );

  const adoptToken = useCallback(
    (newToken: string) => {
      if (state.status !== "signedIn") return;
      establish({ ...state, auth: { ...state.auth, token: newToken } }, "expired");
    },
    [state, establish],
  );

  const api = useMemo<SessionApi>(
    () => ({ state, notice, signIn, signOut, switchOrganization, viewAs, adoptToken, dismissNotice: () => setNotice(null) }),
    [state, notice, signIn, signOut, switchOrganization, viewAs, adoptToken],
  );

  return (
    <SessionContext.Provider value={api}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}
