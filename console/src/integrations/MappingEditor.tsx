// An integration's mappings: which item, account and tax codes of the tool each billing object and
// each kind of line takes in the exports (an object's own mapping, else its kind's, else the fallback
// item; a tax without one keeps its billgraph code). Added, edited and removed with
// organization:integrations:update; a read-only table otherwise.
import { Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useMutation } from "urql";

import { errorMessage } from "../format";
import type { IntegrationKind, IntegrationMappingFieldsFragment } from "../gql/graphql";
import { DestroyIntegrationMappingDocument } from "../graphql/integrations";
import { useSignedIn } from "../session/SessionProvider";
import { canEditMappings } from "./actions";
import { MAPPABLE_ORDER } from "./kinds";
import { MappingForm } from "./MappingForm";
import { draftOf, targetLabel, type MappableObjects, type MappingDraft } from "./mappings";

export function MappingEditor({
  integration,
  objects,
}: {
  readonly integration: { readonly id: string; readonly kind: IntegrationKind; readonly mappings: readonly IntegrationMappingFieldsFragment[] };
  readonly objects: MappableObjects;
}) {
  const { permissions } = useSignedIn();
  const editable = canEditMappings(permissions);
  // null: closed; "new": a new mapping; else the mapping edited
  const [form, setForm] = useState<"new" | MappingDraft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, remove] = useMutation(DestroyIntegrationMappingDocument);
  const rows = [...integration.mappings]
    .map((mapping) => ({ mapping, label: targetLabel(mapping.mappableType, mapping.mappableId, objects) }))
    .sort((a, b) => MAPPABLE_ORDER.indexOf(a.mapping.mappableType) - MAPPABLE_ORDER.indexOf(b.mapping.mappableType) || a.label.localeCompare(b.label));

  async function removeMapping(id: string, label: string) {
    setStatus(null);
    const result = await remove({ input: { id } });
    setStatus(result.error ? `Not removed: ${errorMessage(result.error)}` : `Mapping of ${label} removed: its lines take the next mapping that applies.`);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="integration-mappings-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="integration-mappings-title">
            Mappings
          </Title>
          {editable && (
            <Button
              variant="default"
              onClick={() => {
                setStatus(null);
                setForm("new");
              }}
            >
              Add mapping
            </Button>
          )}
        </Group>
        <Text size="sm">
          A line of an export takes the codes of its own add-on, billable metric or tax, else those of its kind of line, else the fallback item&apos;s.
        </Text>
        {status !== null && <Text role="status">{status}</Text>}
        {rows.length === 0 ? (
          <Text>No mappings yet.</Text>
        ) : (
          <Table aria-label="Mappings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Maps</Table.Th>
                <Table.Th scope="col">Item code</Table.Th>
                <Table.Th scope="col">Account code</Table.Th>
                <Table.Th scope="col">Tax code</Table.Th>
                <Table.Th scope="col">Name in the tool</Table.Th>
                {editable && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ mapping, label }) => (
                <Table.Tr key={mapping.id}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{mapping.itemCode ?? ""}</Table.Td>
                  <Table.Td>{mapping.accountCode ?? ""}</Table.Td>
                  <Table.Td>{mapping.taxCode ?? ""}</Table.Td>
                  <Table.Td>{mapping.name ?? ""}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={`Edit mapping of ${label}`} onClick={() => setForm(draftOf(mapping))}>
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.8"
                          aria-label={`Remove mapping of ${label}`}
                          loading={removing.fetching && removing.operation?.variables.input.id === mapping.id}
                          onClick={() => void removeMapping(mapping.id, label)}
                        >
                          Remove
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {form !== null && (
        <MappingForm
          integration={integration}
          editing={form === "new" ? null : form}
          objects={objects}
          existing={integration.mappings}
          onClose={() => setForm(null)}
          onSaved={(message) => {
            setForm(null);
            setStatus(message);
          }}
        />
      )}
    </Paper>
  );
}
