// The invitation page, `/invite/:token`, public (outside the signed-in shell): a new person sets a
// password (acceptInvite with it, then signs in); a person already signed in accepts as themselves
// (acceptInvite with their token) and switches to the organization. An invitation to an existing
// account that is not signed in asks to sign in first, and comes back here.
import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation } from "urql";

import { AcceptInviteDocument } from "../graphql/team";
import { errorCodes } from "../session/client";
import { useSession } from "../session/SessionProvider";
import { errorMessage, validationFields } from "../format";
import { signInPath } from "../shell/next";
import { useDocumentTitle } from "../shell/title";

export default function AcceptInvite() {
  useDocumentTitle("Invitation");
  const { token = "" } = useParams();
  const { state, signIn, switchOrganization } = useSession();
  const navigate = useNavigate();
  const [accepting, accept] = useMutation(AcceptInviteDocument);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [busy, setBusy] = useState(false);
  const here = `/invite/${encodeURIComponent(token)}`;

  async function join(withPassword: string | null) {
    setErrors({});
    setProblem(null);
    setBusy(true);
    try {
      const result = await accept({ token, password: withPassword });
      const payload = result.data?.acceptInvite;
      if (result.error || !payload) {
        const codes = errorCodes(result.error);
        const fields = validationFields(result.error);
        if (codes.has("UNAUTHENTICATED")) setNeedsSignIn(true);
        else if (codes.has("NOT_FOUND")) setProblem("This invitation is no longer valid: it was used, revoked or has expired.");
        else if (Object.keys(fields).length > 0) setErrors(fields);
        else setProblem(result.error ? errorMessage(result.error) : "The invitation could not be accepted");
        return;
      }
      if (withPassword !== null) {
        await signIn(payload.user.email, withPassword);
      } else if (state.status === "signedIn") {
        const known = new Set(state.organizations.map((o) => o.id));
        const joined = payload.user.memberships.find((m) => !known.has(m.organization.id));
        await switchOrganization(joined?.organization.id ?? state.organization.id);
      }
      void navigate("/", { replace: true });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== confirmation) {
      setErrors({ confirmation: "The two passwords differ" });
      return;
    }
    void join(password);
  }

  let body;
  if (state.status === "loading") {
    body = <Loader aria-label="Loading the session" />;
  } else if (state.status === "signedIn") {
    body = (
      <Stack>
        <Text>You are signed in as {state.email}. Accept the invitation to join its organization with this account.</Text>
        <Button loading={busy || accepting.fetching} onClick={() => void join(null)}>
          Accept invitation
        </Button>
      </Stack>
    );
  } else {
    body = (
      <form onSubmit={submit} aria-label="Accept the invitation">
        <Stack>
          <Text>Set a password for your new account to join. If you already have an account, sign in first.</Text>
          <PasswordInput label="Password" autoComplete="new-password" required value={password} error={errors["password"]} onChange={(e) => setPassword(e.currentTarget.value)} />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            required
            value={confirmation}
            error={errors["confirmation"]}
            onChange={(e) => setConfirmation(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy || accepting.fetching}>
            Join
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={1} size="h2">
            Join an organization
          </Title>
          {needsSignIn && (
            <Alert color="blue" title="You already have an account">
              <Anchor component={Link} to={signInPath(here)}>
                Sign in
              </Anchor>{" "}
              as the invited email, then open the invitation link again.
            </Alert>
          )}
          {problem !== null && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {body}
          {state.status !== "signedIn" && (
            <Text size="sm">
              <Anchor component={Link} to={signInPath(here)}>
                Sign in
              </Anchor>{" "}
              to accept with an existing account.
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
