import { MantineProvider } from "@mantine/core";
import { BrowserRouter, Route, Routes } from "react-router";

import { lazy, Suspense } from "react";

import { ROUTES } from "./routes";
import { SessionProvider } from "./session/SessionProvider";
import { Landing, RouteGuard } from "./shell/guards";
import { Layout } from "./shell/Layout";
import { NotFound } from "./shell/NotFound";
import { RequireSession } from "./shell/RequireSession";
import { SignIn } from "./shell/SignIn";
import { cssVariablesResolver, theme } from "./theme";

// Public: the invited person may not have an account yet.
const AcceptInvite = lazy(() => import("./team/AcceptInvite"));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route path="/sign-in" element={<SignIn />} />
            <Route
              path="/invite/:token"
              element={
                <Suspense fallback={null}>
                  <AcceptInvite />
                </Suspense>
              }
            />
            <Route
              element={
                <RequireSession>
                  <Layout />
                </RequireSession>
              }
            >
              <Route index element={<Landing />} />
              {ROUTES.map((route) => (
                <Route key={route.id} path={`${route.path}/*`} element={<RouteGuard route={route} />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
