// Roles: the built-in and custom roles of the organization, and two of them side by side: each
// permission, screen and action, and which of the two it is granted to.
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Select, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { errorMessage } from "../format";
import { RolesDocument } from "../graphql/roles";
import { useSignedIn } from "../session/SessionProvider";
import { canCreateRole } from "./actions";
import { preview } from "./preview";

type Role = { readonly id: string; readonly code: string; readonly name: string; readonly permissions: readonly string[] };

function Mark({ on, role }: { readonly on: boolean; readonly role: string }) {
  return <Text ta="center">{on ? <span aria-label={`granted to ${role}`}>✓</span> : <span aria-label={`not granted to ${role}`}>—</span>}</Text>;
}

function Compare({ left, right }: { readonly left: Role; readonly right: Role }) {
  const a = preview(new Set(left.permissions));
  const b = preview(new Set(right.permissions));
  const rows: { readonly kind: string; readonly label: string; readonly a: boolean; readonly b: boolean }[] = [
    ...a.screens.map((item, i) => ({ kind: "Screen", label: item.label, a: item.unlocked, b: b.screens[i]?.unlocked ?? false })),
    ...a.actions.map((item, i) => ({ kind: "Action", label: item.label, a: item.unlocked, b: b.actions[i]?.unlocked ?? false })),
    ...[...new Set([...left.permissions, ...right.permissions])]
      .sort()
      .map((name) => ({ kind: "Permission", label: name, a: left.permissions.includes(name), b: right.permissions.includes(name) })),
  ];
  return (
    <Table striped aria-label={`${left.name} and ${right.name} side by side`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col">What</Table.Th>
          <Table.Th scope="col" ta="center">
            {left.name}
          </Table.Th>
          <Table.Th scope="col" ta="center">
            {right.name}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.kind}:${row.label}`} fw={row.a !== row.b ? 600 : undefined}>
            <Table.Td>{row.kind}</Table.Td>
            <Table.Th scope="row" fw="inherit">
              {row.label}
            </Table.Th>
            <Table.Td>
              <Mark on={row.a} role={left.name} />
            </Table.Td>
            <Table.Td>
              <Mark on={row.b} role={right.name} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function RolesList() {
  const { permissions } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }] = useQuery({ query: RolesDocument });
  const roles = data?.roles ?? [];
  const pick = (name: "a" | "b") => roles.find((r) => r.id === params.get(name)) ?? null;
  const choose = (name: "a" | "b", value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const left = pick("a");
  const right = pick("b");
  const options = roles.map((r) => ({ value: r.id, label: r.name }));
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Roles</Title>
        {canCreateRole(permissions) && (
          <Button component={Link} to="/roles/new">
            New role
          </Button>
        )}
      </Group>
      {fetching && !data && (
        <Center p="xl">
          <Loader aria-label="Loading the roles" />
        </Center>
      )}
      {error && !data && (
        <Alert color="red" title="The roles could not be loaded" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {roles.length > 0 && (
        <Table striped highlightOnHover aria-label="Roles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col" ta="right">
                Permissions
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.map((role) => (
              <Table.Tr key={role.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/roles/${role.id}`}>
                    {role.name}
                  </Anchor>
                  {role.description && (
                    <Text size="xs" c="dimmed">
                      {role.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{role.code}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={role.builtin ? "dark" : "blue.8"}>
                    {role.builtin ? "Built-in" : "Custom"}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{role.permissions.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {roles.length > 1 && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            Two roles side by side
          </Title>
          <Group>
            <Select label="First role" data={options} value={left?.id ?? null} onChange={(v) => choose("a", v)} clearable w={260} />
            <Select label="Second role" data={options} value={right?.id ?? null} onChange={(v) => choose("b", v)} clearable w={260} />
          </Group>
          {left && right ? <Compare left={left} right={right} /> : <Text size="sm">Choose two roles to compare what each grants.</Text>}
        </Stack>
      )}
    </Stack>
  );
}
