import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";

import { SignInError, useSession } from "../session/SessionProvider";
import { safeNext } from "./next";
import { useDocumentTitle } from "./title";

export function SignIn() {
  useDocumentTitle("Sign in");
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === "signedIn" && !busy) return <Navigate to={next ?? "/"} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      void navigate(next ?? "/", { replace: true });
    } catch (caught) {
      setError(caught instanceof SignInError ? caught.message : "The server could not be reached");
    } finally {
      setBusy(false);
    }
  }

  const expired = state.status === "signedOut" && state.reason === "expired";
  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
          <Stack>
            <Title order={1} id="sign-in-title" size="h2">
              Sign in to billgraph
            </Title>
            {expired && error === null && (
              <Alert color="yellow" title="Session ended">
                Your session has ended. Sign in again to carry on where you were.
              </Alert>
            )}
            {error !== null && (
              <Alert color="red" title="Sign-in failed" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
