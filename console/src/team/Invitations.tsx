// Invitations: invite an email with roles (createInvite), whose link (the console's /invite/<token>,
// the token shown only in this answer) is shown once with a copy button; the pending invitations,
// each revocable (revokeInvite). Offered exactly as ./actions.ts says.
import { Alert, Button, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import type { TeamQuery } from "../gql/graphql";
import { CreateInviteDocument, RevokeInviteDocument } from "../graphql/team";
import { errorMessage, formatDateTime, validationFields } from "../format";
import { canInvite, canRevokeInvite, type Caller, type MemberData } from "./actions";
import { RolePicker, type TeamRole } from "./RolePicker";

type Invite = NonNullable<TeamQuery["invites"]>[number];

/** Where the invited person accepts: the console's public invitation page. */
export function invitationLink(token: string): string {
  return `${window.location.origin}/invite/${encodeURIComponent(token)}`;
}

interface Props {
  readonly invites: readonly Invite[];
  readonly roles: readonly TeamRole[];
  readonly caller: Caller;
  readonly members: readonly MemberData[];
  readonly onChanged: () => void;
}

function InviteForm({ roles, caller, members, onChanged }: Omit<Props, "invites">) {
  const [email, setEmail] = useState("");
  const [codes, setCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<{ readonly email: string; readonly link: string; readonly expiresAt: string } | null>(null);
  const [creating, create] = useMutation(CreateInviteDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    setCreated(null);
    const result = await create({ email, roles: codes });
    const invite = result.data?.createInvite?.invite;
    if (result.error || !invite) {
      const fields = validationFields(result.error);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(result.error ? errorMessage(result.error) : "The invitation was not created");
      return;
    }
    setCreated({ email: invite.email, link: invitationLink(invite.token ?? ""), expiresAt: invite.expiresAt });
    setEmail("");
    setCodes([]);
    onChanged();
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={(event) => void submit(event)} aria-label="Invite someone">
        <Stack>
          <Title order={3} size="h4">
            Invite someone
          </Title>
          <TextInput label="Email" type="email" required value={email} error={errors["email"]} onChange={(e) => setEmail(e.currentTarget.value)} />
          <RolePicker label="Roles" roles={roles} value={codes} caller={caller} member={null} members={members} error={errors["roles"]} onChange={setCodes} />
          {problem !== null && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={creating.fetching}>
              Send invitation
            </Button>
          </Group>
          {created !== null && (
            <Alert color="blue" title={`Invitation for ${created.email}`} role="status">
              <Stack gap="xs">
                <Text size="sm">
                  Send this link to them; it is shown only now and works until {formatDateTime(created.expiresAt)}.
                </Text>
                <TextInput label="Invitation link" readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} />
                <CopyButton value={created.link}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? "Copied" : "Copy link"}
                    </Button>
                  )}
                </CopyButton>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function Invitations({ invites, roles, caller, members, onChanged }: Props) {
  const [revoking, revoke] = useMutation(RevokeInviteDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const mayRevoke = canRevokeInvite(caller.permissions);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Invitations
      </Title>
      {canInvite(caller.permissions) && <InviteForm roles={roles} caller={caller} members={members} onChanged={onChanged} />}
      {problem !== null && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {invites.length === 0 ? (
        <Text>No pending invitation.</Text>
      ) : (
        <Table aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Expires</Table.Th>
              {mayRevoke && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invites.map((invite) => (
              <Table.Tr key={invite.id}>
                <Table.Td>{invite.email}</Table.Td>
                <Table.Td>{invite.roles.map((role) => role.name).join(", ")}</Table.Td>
                <Table.Td>{formatDateTime(invite.expiresAt)}</Table.Td>
                {mayRevoke && (
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red.8"
                      variant="outline"
                      loading={revoking.fetching && revoking.operation?.variables.id === invite.id}
                      aria-label={`Revoke the invitation of ${invite.email}`}
                      onClick={() => {
                        setProblem(null);
                        void revoke({ id: invite.id }).then((result) => {
                          if (result.error) setProblem(errorMessage(result.error));
                          onChanged();
                        });
                      }}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
