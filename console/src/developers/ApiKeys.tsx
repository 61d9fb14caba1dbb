// The organization's API keys: roles, status, expiry, last use; create (the secret shown once), rotate
// (a new secret shown once, the old one stops) and revoke (after a confirmation).
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import type { ApiKeyStatus } from "../gql/graphql";
import { ApiKeysDocument, RevokeApiKeyDocument, RotateApiKeyDocument } from "../graphql/developers";
import { useSignedIn } from "../session/SessionProvider";
import { ApiKeyCreate } from "./ApiKeyCreate";
import { canCreateKey, canRevokeKey, canRotateKey } from "./actions";
import { SecretOnce, type IssuedSecret } from "./SecretOnce";
import { MODAL_OVERLAY } from "./modal";

const STATUS_LABEL: Readonly<Record<ApiKeyStatus, string>> = { ACTIVE: "Active", REVOKED: "Revoked", EXPIRED: "Expired" };
const STATUS_COLOR: Readonly<Record<ApiKeyStatus, string>> = { ACTIVE: "teal.9", REVOKED: "red.9", EXPIRED: "gray.8" };

export default function ApiKeys() {
  const { permissions } = useSignedIn();
  const [{ data, error }, reload] = useQuery({ query: ApiKeysDocument });
  const [rotation, rotate] = useMutation(RotateApiKeyDocument);
  const [revocation, revoke] = useMutation(RevokeApiKeyDocument);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const keys = data?.apiKeys ?? [];
  const refresh = () => reload({ requestPolicy: "network-only" });

  async function rotateKey(id: string) {
    setProblem(null);
    const result = await rotate({ id });
    if (result.error) setProblem(errorMessage(result.error));
    else if (result.data?.rotateApiKey) {
      setIssued({ title: `New secret for ${result.data.rotateApiKey.apiKey.name}`, secret: result.data.rotateApiKey.secret });
    }
    refresh();
  }

  async function confirmRevoke() {
    if (!revoking) return;
    const result = await revoke({ id: revoking.id });
    if (result.error) {
      setProblem(errorMessage(result.error));
    } else setRevoking(null);
    refresh();
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text>Keys for partner integrations; each acts with the permissions of its roles.</Text>
        {canCreateKey(permissions) && <Button onClick={() => setCreating(true)}>New API key</Button>}
      </Group>
      {error && !data && (
        <Alert color="red" role="alert" title="The API keys could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {problem !== null && (
        <Alert color="red" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {data && keys.length === 0 && <Text>No API key yet.</Text>}
      {keys.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label="API keys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Key</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {key.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{key.roles.map((role) => role.name).join(", ") || "—"}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[key.status]} variant="filled">
                      {STATUS_LABEL[key.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{key.expiresAt ? formatDateTime(key.expiresAt) : "Never"}</Table.Td>
                  <Table.Td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {canRotateKey(key, permissions) && (
                        <Button size="xs" variant="default" loading={rotation.fetching} aria-label={`Rotate ${key.name}`} onClick={() => void rotateKey(key.id)}>
                          Rotate
                        </Button>
                      )}
                      {canRevokeKey(key, permissions) && (
                        <Button size="xs" color="red.9" variant="outline" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking({ id: key.id, name: key.name })}>
                          Revoke
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ApiKeyCreate
        opened={creating}
        onClose={() => setCreating(false)}
        onIssued={(name, secret) => {
          setCreating(false);
          setIssued({ title: `API key ${name}`, secret });
          refresh();
        }}
      />
      <SecretOnce issued={issued} onClose={() => setIssued(null)} />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={`Revoke ${revoking?.name ?? ""}`} closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
        <Stack>
          <Text>Requests with this key are refused from now on. This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button color="red.9" loading={revocation.fetching} onClick={() => void confirmRevoke()}>
              Revoke key
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
