import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";

import { useSession } from "../session/SessionProvider";
import { signInPath } from "./next";

/** Behind it, a session exists; without one, to the sign-in page, then back to this page. */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the session" />
      </Center>
    );
  }
  if (state.status === "signedOut") {
    const here = `${location.pathname}${location.search}`;
    return <Navigate to={signInPath(state.reason === "left" ? null : here)} replace />;
  }
  return <>{children}</>;
}
