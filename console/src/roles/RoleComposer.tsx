// The custom-role composer (/roles/new, /roles/:id): the permission catalogue grouped by area with
// each permission's description, and beside it a live preview of what the role unlocks in the
// console and the graph. A permission the member does not hold cannot be granted (the graph refuses
// it), and the composer says so before the click. Built-in roles are shown read-only.
import { Alert, Anchor, Breadcrumbs, Button, Center, Checkbox, Grid, Group, Loader, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { errorMessage, validationFields } from "../format";
import { CreateRoleDocument, RolesDocument, UpdateRoleDocument } from "../graphql/roles";
import { useSession, useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canCreateRole, canDeleteRole, canGrant, canUpdateRole, canViewAs } from "./actions";
import { DestroyRole } from "./DestroyRole";
import { areaTitle, byArea } from "./preview";
import { RolePreview } from "./RolePreview";
import { Opening, useOpenCreated } from "../shell/opening";

interface Draft {
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: ReadonlySet<string>;
}

const EMPTY: Draft = { code: "", name: "", description: "", permissions: new Set() };

export default function RoleComposer() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { opening, open } = useOpenCreated();
  const { permissions: held, viewingAs } = useSignedIn();
  const { viewAs } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: RolesDocument });
  const role = id ? data?.roles?.find((r) => r.id === id) : undefined;
  const [edited, setEdited] = useState<Draft | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateRoleDocument);
  const [update, save] = useMutation(UpdateRoleDocument);
  useDocumentTitle(role ? `Role ${role.name}` : id ? "Role" : "New role");

  if (opening) return <Opening noun="role" />;
  if (fetching && !data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the roles" />
      </Center>
    );
  }
  if (!data?.roles || !data.permissions) {
    return (
      <Alert color="red" title="The roles could not be loaded" role="alert">
        {error ? errorMessage(error) : "No roles."}
      </Alert>
    );
  }
  if (id && !role) {
    return (
      <Stack>
        <Title order={1}>Role not found</Title>
        <Anchor component={Link} to="/roles">
          Back to the roles
        </Anchor>
      </Stack>
    );
  }
  const editable = role ? canUpdateRole(role, held) : canCreateRole(held);
  const draft: Draft =
    edited ??
    (role
      ? { code: role.code, name: role.name, description: role.description ?? "", permissions: new Set(role.permissions) }
      : EMPTY);
  const change = (next: Partial<Draft>) => setEdited({ ...draft, ...next });

  async function submit() {
    setFields({});
    setProblem(null);
    const permissions = [...draft.permissions].sort();
    const result = role
      ? await save({ input: { id: role.id, name: draft.name, description: draft.description || null, permissions } })
      : await create({ input: { code: draft.code, name: draft.name, description: draft.description || null, permissions } });
    if (result.error) {
      const invalid = validationFields(result.error);
      if (Object.keys(invalid).length > 0) setFields(invalid);
      else setProblem(errorMessage(result.error));
      return;
    }
    setEdited(null);
    const saved = result.data && ("createRole" in result.data ? result.data.createRole : result.data.updateRole);
    if (!role && saved) open(`/roles/${saved.id}`);
  }

  const areas = byArea(data.permissions);
  return (
    <Stack gap="md">
      <Breadcrumbs aria-label="Breadcrumb">
        <Anchor component={Link} to="/roles">
          Roles
        </Anchor>
        <Text>{role ? role.name : "New role"}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={1}>{role ? `Role ${role.name}` : "New role"}</Title>
        <Group gap="xs">
          {role && viewingAs === null && canViewAs(held) && (
            <Button
              variant="outline"
              onClick={() => {
                setProblem(null);
                viewAs(role.code).then(
                  () => void navigate("/"),
                  () => setProblem("The console could not be opened as this role."),
                );
              }}
            >
              View the console as this role
            </Button>
          )}
          {role && canDeleteRole(role, held) && <DestroyRole role={role} onDestroyed={() => void navigate("/roles")} />}
        </Group>
      </Group>
      {role?.builtin && <Text>A built-in role: its permissions are fixed. Compose a custom role to grant a different set.</Text>}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="sm">
              <TextInput
                label="Code"
                description="How API calls and invitations name the role; it cannot change later"
                value={draft.code}
                disabled={Boolean(role)}
                error={fields["code"]}
                onChange={(event) => change({ code: event.currentTarget.value })}
              />
              <TextInput label="Name" value={draft.name} disabled={!editable} error={fields["name"]} onChange={(event) => change({ name: event.currentTarget.value })} />
              <Textarea
                label="Description"
                autosize
                minRows={2}
                value={draft.description}
                disabled={!editable}
                error={fields["description"]}
                onChange={(event) => change({ description: event.currentTarget.value })}
              />
              {fields["permissions"] && (
                <Alert color="red" role="alert" title="Permissions">
                  {fields["permissions"]}
                </Alert>
              )}
              {[...areas.entries()].map(([area, permissions]) => (
                <Checkbox.Group
                  key={area}
                  label={areaTitle(area)}
                  value={[...draft.permissions]}
                  readOnly={!editable}
                  onChange={(values) => change({ permissions: new Set(values) })}
                >
                  <Stack gap={6} mt={6}>
                    {permissions.map((permission) => {
                      const grantable = canGrant(permission.name, held);
                      return (
                        <Checkbox
                          key={permission.name}
                          value={permission.name}
                          label={permission.name}
                          description={grantable ? permission.description : `${permission.description} You do not hold it, so you cannot grant it.`}
                          disabled={!editable || (!grantable && !draft.permissions.has(permission.name))}
                        />
                      );
                    })}
                  </Stack>
                </Checkbox.Group>
              ))}
              {problem !== null && (
                <Alert color="red" role="alert">
                  {problem}
                </Alert>
              )}
              {editable && (
                <Group>
                  <Button type="submit" loading={creation.fetching || update.fetching}>
                    {role ? "Save role" : "Create role"}
                  </Button>
                  <Text size="sm">{draft.permissions.size} permissions</Text>
                </Group>
              )}
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={2} size="h3" mb="sm">
            What this role unlocks
          </Title>
          <RolePreview permissions={draft.permissions} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
