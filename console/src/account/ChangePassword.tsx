// The signed-in person's password (`/account/password`): the current one, the new one twice;
// changePassword checks the current one and the new one's rules (shown at their inputs), ends every
// token issued so far and returns a new one, which the session carries on with.
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { errorMessage, validationFields } from "../format";
import { ChangePasswordDocument } from "../graphql/session";
import { useSession, useSignedIn } from "../session/SessionProvider";

type Problems = Record<string, string>;

export default function ChangePassword() {
  const { email } = useSignedIn();
  const { adoptToken } = useSession();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [change, run] = useMutation(ChangePasswordDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setChanged(false);
    const local: Problems = {};
    if (current === "") local["currentPassword"] = "Enter your current password";
    if (next === "") local["newPassword"] = "Enter a new password";
    if (confirm !== next) local["confirm"] = "Does not match the new password";
    setProblems(local);
    if (Object.keys(local).length > 0) return;
    const result = await run({ currentPassword: current, newPassword: next });
    const token = result.data?.changePassword?.token;
    if (result.error || !token) {
      const found = validationFields(result.error);
      if (Object.keys(found).length > 0) setProblems(found);
      else setFailure(result.error ? errorMessage(result.error) : "The password was not changed");
      return;
    }
    adoptToken(token);
    setCurrent("");
    setNext("");
    setConfirm("");
    setChanged(true);
  }

  return (
    <Stack gap="md" maw={480}>
      <Title order={1}>Change password</Title>
      <Text>
        For {email}. Every other session of yours, on any device, ends; this one carries on.
      </Text>
      {changed && (
        <Alert color="green" role="status">
          Password changed: sign in with the new one from now on.
        </Alert>
      )}
      {failure !== null && (
        <Alert color="red" role="alert">
          The password was not changed: {failure}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={(event) => void submit(event)} noValidate aria-label="Change password">
          <Stack>
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              withAsterisk
              value={current}
              error={problems["currentPassword"]}
              onChange={(event) => setCurrent(event.currentTarget.value)}
            />
            <PasswordInput
              label="New password"
              description="At least 8 characters, not your current one"
              autoComplete="new-password"
              withAsterisk
              value={next}
              error={problems["newPassword"]}
              onChange={(event) => setNext(event.currentTarget.value)}
            />
            <PasswordInput
              label="Confirm new password"
              autoComplete="new-password"
              withAsterisk
              value={confirm}
              error={problems["confirm"]}
              onChange={(event) => setConfirm(event.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={change.fetching}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
