import { Center, Loader } from "@mantine/core";
import { Suspense } from "react";
import { Navigate } from "react-router";

import { landingRoute, mayOpen, type ConsoleRoute } from "../routes";
import { useSignedIn } from "../session/SessionProvider";
import { Forbidden } from "./Forbidden";
import { useDocumentTitle } from "./title";

/** The route guard: the screen when the member holds its permissions, else the Forbidden page. */
export function RouteGuard({ route }: { readonly route: ConsoleRoute }) {
  const { permissions } = useSignedIn();
  if (!mayOpen(route, permissions)) return <Forbidden />;
  return <Screen route={route} />;
}

function Screen({ route }: { readonly route: ConsoleRoute }) {
  useDocumentTitle(route.title);
  const Component = route.screen;
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader aria-label={`Loading ${route.title}`} />
        </Center>
      }
    >
      {/* Keyed by route: React reuses a resolved lazy screen's instance, and its state, for another
          route of the same module (a tax just created at /taxes/new would open at /taxes/:id still
          holding the creation form's state). */}
      <Component key={route.id} />
    </Suspense>
  );
}

/** `/`: the landing page chosen by permissions. */
export function Landing() {
  const { permissions } = useSignedIn();
  const route = landingRoute(permissions);
  if (route === null) return <Forbidden />;
  return <Navigate to={route.path} replace />;
}
