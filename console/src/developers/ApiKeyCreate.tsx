// A new API key: name, roles (the organization's, by code) and an optional expiry; the graph's
// VALIDATION_ERROR fields show at their inputs; the secret it returns is handed to the caller.
import { Alert, Button, Group, Modal, MultiSelect, Stack, TagsInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { errorMessage, validationFields } from "../format";
import { CreateApiKeyDocument, KeyRolesDocument } from "../graphql/developers";
import { useSignedIn } from "../session/SessionProvider";
import { canListRoles } from "./actions";
import { fieldError } from "./fields";
import { MODAL_OVERLAY } from "./modal";

export function ApiKeyCreate({
  opened,
  onClose,
  onIssued,
}: {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly onIssued: (name: string, secret: string) => void;
}) {
  const { permissions } = useSignedIn();
  const listed = canListRoles(permissions);
  const [{ data }] = useQuery({ query: KeyRolesDocument, pause: !opened || !listed });
  const [creation, create] = useMutation(CreateApiKeyDocument);
  const [name, setName] = useState("");
  const [roles, setRoles] = useState<string[]>([]);
  const [expires, setExpires] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const options = (data?.roles ?? []).map((role) => ({ value: role.code, label: role.name }));

  function reset() {
    setName("");
    setRoles([]);
    setExpires("");
    setFields({});
    setProblem(null);
  }

  async function submit() {
    setFields({});
    setProblem(null);
    const expiresAt = expires === "" ? null : new Date(`${expires}T23:59:59Z`).toISOString();
    const result = await create({ name, roles, expiresAt });
    if (result.error) {
      const found = validationFields(result.error);
      if (Object.keys(found).length > 0) setFields(found);
      else setProblem(errorMessage(result.error));
      return;
    }
    const issued = result.data?.createApiKey;
    if (issued) {
      reset();
      onIssued(issued.apiKey.name, issued.secret);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="New API key" closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label="Name" withAsterisk value={name} error={fieldError(fields, "name")} onChange={(e) => setName(e.currentTarget.value)} />
          {listed ? (
            <MultiSelect
              label="Roles"
              description="What the key may do: the permissions of these roles"
              data={options}
              value={roles}
              onChange={setRoles}
              error={fieldError(fields, "roles")}
              searchable
            />
          ) : (
            <TagsInput
              label="Roles"
              description="The codes of the roles the key holds (press Enter after each)"
              value={roles}
              onChange={setRoles}
              error={fieldError(fields, "roles")}
            />
          )}
          <TextInput
            label="Expires on"
            description="Optional; the key stops working at the end of this day (UTC)"
            type="date"
            value={expires}
            error={fieldError(fields, "expiresAt")}
            onChange={(e) => setExpires(e.currentTarget.value)}
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
            <Button type="submit" loading={creation.fetching}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
