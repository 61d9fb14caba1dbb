// Where the organization's webhooks go: each endpoint's URL and event types; create (the signing
// secret shown once), edit, delete (after a confirmation).
import { Alert, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";

import { errorMessage, formatDateTime, validationFields } from "../format";
import {
  CreateWebhookEndpointDocument,
  DestroyWebhookEndpointDocument,
  UpdateWebhookEndpointDocument,
  WebhookEndpointsDocument,
} from "../graphql/developers";
import { useSignedIn } from "../session/SessionProvider";
import { canManageEndpoints } from "./actions";
import { EndpointForm, eventTypeLabel, type EndpointValues, type FormOutcome } from "./EndpointForm";
import { SecretOnce, type IssuedSecret } from "./SecretOnce";
import { MODAL_OVERLAY } from "./modal";

type Editing = { readonly kind: "new" } | { readonly kind: "edit"; readonly id: string; readonly values: EndpointValues };

function outcomeOf(error: CombinedError): FormOutcome {
  const fields = validationFields(error);
  return Object.keys(fields).length > 0 ? { fields, problem: null } : { fields: {}, problem: errorMessage(error) };
}

export default function WebhookEndpoints() {
  const { permissions } = useSignedIn();
  const [{ data, error }, reload] = useQuery({ query: WebhookEndpointsDocument });
  const [creation, create] = useMutation(CreateWebhookEndpointDocument);
  const [update, save] = useMutation(UpdateWebhookEndpointDocument);
  const [destruction, destroy] = useMutation(DestroyWebhookEndpointDocument);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; url: string } | null>(null);
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const endpoints = data?.webhookEndpoints ?? [];
  const manage = canManageEndpoints(permissions);
  const refresh = () => reload({ requestPolicy: "network-only" });

  async function submit(values: EndpointValues): Promise<FormOutcome | null> {
    if (editing?.kind === "edit") {
      const result = await save({ id: editing.id, url: values.url, eventTypes: values.eventTypes });
      if (result.error) return outcomeOf(result.error);
    } else {
      const result = await create({ url: values.url, eventTypes: values.eventTypes.length ? values.eventTypes : null });
      if (result.error) return outcomeOf(result.error);
      const made = result.data?.createWebhookEndpoint;
      if (made) setIssued({ title: `Signing secret for ${made.webhookEndpoint.url}`, secret: made.secret });
    }
    setEditing(null);
    refresh();
    return null;
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text>Webhooks are posted to these URLs, signed with each endpoint&apos;s secret (X-Billgraph-Signature).</Text>
        {manage && <Button onClick={() => setEditing({ kind: "new" })}>New endpoint</Button>}
      </Group>
      {error && !data && (
        <Alert color="red" role="alert" title="The endpoints could not be loaded">
          {errorMessage(error)}
        </Alert>
      )}
      {data && endpoints.length === 0 && <Text>No webhook endpoint yet.</Text>}
      {endpoints.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Webhook endpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">URL</Table.Th>
                <Table.Th scope="col">Event types</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                {manage && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((endpoint) => (
                <Table.Tr key={endpoint.id}>
                  <Table.Td>{endpoint.url}</Table.Td>
                  <Table.Td>{endpoint.eventTypes.length ? endpoint.eventTypes.map(eventTypeLabel).join(", ") : "Every type"}</Table.Td>
                  <Table.Td>{formatDateTime(endpoint.createdAt)}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Edit ${endpoint.url}`}
                          onClick={() => setEditing({ kind: "edit", id: endpoint.id, values: { url: endpoint.url, eventTypes: [...endpoint.eventTypes] } })}
                        >
                          Edit
                        </Button>
                        <Button size="xs" color="red.9" variant="outline" aria-label={`Delete ${endpoint.url}`} onClick={() => setDeleting({ id: endpoint.id, url: endpoint.url })}>
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <EndpointForm
          title={editing.kind === "new" ? "New webhook endpoint" : "Edit webhook endpoint"}
          initial={editing.kind === "edit" ? editing.values : { url: "", eventTypes: [] }}
          submitLabel={editing.kind === "new" ? "Create endpoint" : "Save"}
          busy={creation.fetching || update.fetching}
          onSubmit={submit}
          onClose={() => setEditing(null)}
        />
      )}
      <SecretOnce issued={issued} onClose={() => setIssued(null)} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete the endpoint" closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
        <Stack>
          <Text>Nothing more is sent to {deleting?.url}; its pending deliveries fail.</Text>
          {destruction.error && (
            <Alert color="red" role="alert">
              {errorMessage(destruction.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              color="red.9"
              loading={destruction.fetching}
              onClick={() => {
                if (!deleting) return;
                void destroy({ id: deleting.id }).then((result) => {
                  if (!result.error) setDeleting(null);
                  refresh();
                });
              }}
            >
              Delete endpoint
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
