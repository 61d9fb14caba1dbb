// The members: email, roles, status, and the actions ./actions.ts offers: Change roles (a modal with
// each role's reason when it cannot change) and Revoke (a confirmation modal), disabled with a visible
// reason when the graph's rules forbid it.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useMutation } from "urql";

import type { TeamQuery } from "../gql/graphql";
import { RevokeMembershipDocument } from "../graphql/team";
import { errorMessage, formatDate } from "../format";
import { canChangeRoles, canRevoke, revokeBlocked, type Caller } from "./actions";
import { RolesModal, type TeamRole } from "./RolesModal";

export type Member = NonNullable<NonNullable<TeamQuery["organization"]>["members"]>[number];

interface Props {
  readonly members: readonly Member[];
  readonly roles: readonly TeamRole[];
  readonly caller: Caller;
  readonly onChanged: () => void;
}

export function MembersTable({ members, roles, caller, onChanged }: Props) {
  const [editing, setEditing] = useState<Member | null>(null);
  const [revoking, setRevoking] = useState<Member | null>(null);
  const [revocation, revoke] = useMutation(RevokeMembershipDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const blockedOfRevoking = revoking ? revokeBlocked(revoking, caller, members) : null;

  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Members
      </Title>
      <Table aria-label="Members" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Member since</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const blocked = revokeBlocked(member, caller, members);
            const reasonId = `revoke-reason-${member.id}`;
            return (
              <Table.Tr key={member.id}>
                <Table.Td>{member.user.email}</Table.Td>
                <Table.Td>{member.roles.map((role) => role.name).join(", ") || "None"}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={member.status === "ACTIVE" ? "blue" : "gray"}>
                    {member.status === "ACTIVE" ? "Active" : "Revoked"}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(member.createdAt)}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Group gap="xs">
                      {canChangeRoles(member, caller.permissions) && (
                        <Button size="xs" variant="default" aria-label={`Change roles of ${member.user.email}`} onClick={() => setEditing(member)}>
                          Change roles
                        </Button>
                      )}
                      {canRevoke(member, caller.permissions) && (
                        <Button
                          size="xs"
                          color="red.8"
                          variant="outline"
                          aria-label={`Revoke ${member.user.email}`}
                          disabled={blocked !== null}
                          aria-describedby={blocked !== null ? reasonId : undefined}
                          onClick={() => {
                            setProblem(null);
                            setRevoking(member);
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </Group>
                    {canRevoke(member, caller.permissions) && blocked !== null && (
                      <Text size="xs" id={reasonId}>
                        {blocked}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {editing !== null && (
        <RolesModal
          member={editing}
          members={members}
          roles={roles}
          caller={caller}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? `Revoke ${revoking.user.email}` : "Revoke"}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <Stack>
          <Text>They lose access to this organization at once. An invitation can bring them back.</Text>
          {blockedOfRevoking !== null && <Text>{blockedOfRevoking}</Text>}
          {problem !== null && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button
              color="red.8"
              loading={revocation.fetching}
              disabled={blockedOfRevoking !== null}
              onClick={() => {
                if (revoking === null) return;
                void revoke({ id: revoking.id }).then((result) => {
                  if (result.error) {
                    setProblem(errorMessage(result.error));
                    return;
                  }
                  setRevoking(null);
                  onChanged();
                });
              }}
            >
              Revoke member
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
