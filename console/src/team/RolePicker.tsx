// The roles to grant, one checkbox each; a role the caller may not add or take away is disabled with
// its reason under it (./actions.ts roleChangeBlocked).
import { Checkbox, Stack } from "@mantine/core";

import type { TeamQuery } from "../gql/graphql";
import { roleChangeBlocked, type Caller, type MemberData } from "./actions";

export type TeamRole = NonNullable<TeamQuery["roles"]>[number];

interface Props {
  readonly label: string;
  readonly roles: readonly TeamRole[];
  readonly value: readonly string[];
  readonly caller: Caller;
  readonly member: MemberData | null;
  readonly members: readonly MemberData[];
  readonly error?: string | undefined;
  readonly onChange: (codes: string[]) => void;
}

export function RolePicker({ label, roles, value, caller, member, members, error, onChange }: Props) {
  return (
    <Checkbox.Group label={label} value={[...value]} onChange={onChange} error={error} withAsterisk>
      <Stack gap="xs" mt="xs">
        {roles.map((role) => {
          const blocked = roleChangeBlocked(role, caller, member, members);
          return (
            <Checkbox
              key={role.id}
              value={role.code}
              label={role.name}
              disabled={blocked !== null}
              description={blocked ?? role.description ?? undefined}
            />
          );
        })}
      </Stack>
    </Checkbox.Group>
  );
}
