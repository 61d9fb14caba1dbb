// Change a member's roles (updateMembership): the roles the caller may not add or take away are
// disabled with their reason; the graph's VALIDATION_ERROR shows at the roles.
import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { UpdateMembershipDocument } from "../graphql/team";
import { errorMessage, validationFields } from "../format";
import type { Caller } from "./actions";
import type { Member } from "./MembersTable";
import { RolePicker, type TeamRole } from "./RolePicker";

export type { TeamRole } from "./RolePicker";

interface Props {
  readonly member: Member;
  readonly members: readonly Member[];
  readonly roles: readonly TeamRole[];
  readonly caller: Caller;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

export function RolesModal({ member, members, roles, caller, onClose, onSaved }: Props) {
  const [codes, setCodes] = useState<string[]>(member.roles.map((role) => role.code));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, save] = useMutation(UpdateMembershipDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    const result = await save({ id: member.id, roles: codes });
    if (result.error) {
      const fields = validationFields(result.error);
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setProblem(errorMessage(result.error));
      return;
    }
    onSaved();
  }

  return (
    <Modal opened onClose={onClose} title={`Roles of ${member.user.email}`} closeButtonProps={{ "aria-label": "Close" }}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack>
          <RolePicker
            label="Roles"
            roles={roles}
            value={codes}
            caller={caller}
            member={member}
            members={members}
            error={errors["roles"] ?? errors["input.roles"] ?? errors["id"]}
            onChange={setCodes}
          />
          {problem !== null && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving.fetching}>
              Save roles
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
