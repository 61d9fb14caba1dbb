// The team (organization:view, organization:members:view): the members with their roles and status,
// changing a member's roles and revoking a member, and the invitations (create one and see its link,
// the pending ones, revoke). Every action and every reason it is disabled comes from ./actions.ts.
import { Alert, Center, Loader, Stack, Title } from "@mantine/core";
import { useQuery } from "urql";

import { TeamDocument } from "../graphql/team";
import { errorMessage } from "../format";
import { useSignedIn } from "../session/SessionProvider";
import { PERMISSION, type Caller } from "./actions";
import { Invitations } from "./Invitations";
import { MembersTable } from "./MembersTable";

export default function Team() {
  const { permissions } = useSignedIn();
  const withRoles = permissions.has(PERMISSION.listRoles);
  const [{ data, fetching, error }, reload] = useQuery({ query: TeamDocument, variables: { withRoles } });
  const refresh = () => reload({ requestPolicy: "network-only" });

  if (!data && fetching) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the team" />
      </Center>
    );
  }
  const members = data?.organization?.members;
  if (!data || !members) {
    return (
      <Stack>
        <Title order={1}>Team</Title>
        <Alert color="red" role="alert" title="The team could not be loaded">
          {error ? errorMessage(error) : "No organization is selected."}
        </Alert>
      </Stack>
    );
  }
  const caller: Caller = { permissions, roles: data.currentMembership?.roles ?? [] };
  const roles = data.roles ?? [];
  return (
    <Stack gap="lg">
      <Title order={1}>Team</Title>
      <MembersTable members={members} roles={roles} caller={caller} onChanged={refresh} />
      <Invitations invites={data.invites ?? []} roles={roles} caller={caller} members={members} onChanged={refresh} />
    </Stack>
  );
}
