// One mapping, added or edited in a dialog: what it maps (an organization-wide kind of line, or one
// add-on, billable metric or tax chosen by name), the tool's codes (a tax takes a tax code, the others
// an item and an account code: the tool's required one marked) and an optional name. Saved with
// setIntegrationMappings (which creates or replaces the mapping of that target); the graph's problems
// at their inputs.
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useMutation } from "urql";

import { MODAL_OVERLAY } from "../developers/modal";
import { errorMessage, validationFields } from "../format";
import type { IntegrationKind, IntegrationMappingFieldsFragment } from "../gql/graphql";
import { SetIntegrationMappingsDocument } from "../graphql/integrations";
import { MAPPABLE_VIEW_PERMISSIONS } from "./actions";
import { KINDS, MAPPABLE, MAPPABLE_ORDER } from "./kinds";
import { EMPTY_DRAFT, inputOf, mappingProblems, objectsOf, type MappableObjects, type MappingDraft } from "./mappings";

export function MappingForm({
  integration,
  editing,
  objects,
  existing,
  onClose,
  onSaved,
}: {
  readonly integration: { readonly id: string; readonly kind: IntegrationKind };
  /** The mapping edited (its target fixed), or null for a new one. */
  readonly editing: MappingDraft | null;
  readonly objects: MappableObjects;
  readonly existing: readonly IntegrationMappingFieldsFragment[];
  readonly onClose: () => void;
  readonly onSaved: (message: string) => void;
}) {
  const kind = KINDS[integration.kind];
  const [draft, setDraft] = useState<MappingDraft>(editing ?? EMPTY_DRAFT);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, save] = useMutation(SetIntegrationMappingsDocument);
  const type = draft.mappableType;
  const spec = type === null ? null : MAPPABLE[type];
  const choices = type === null ? null : objectsOf(type, objects);
  const replaces =
    editing === null && type !== null && existing.some((m) => m.mappableType === type && (spec?.objects === null || m.mappableId === draft.mappableId));
  const change = (next: Partial<MappingDraft>) => setDraft({ ...draft, ...next });

  async function submit() {
    setFields({});
    setProblem(null);
    if (type === null) {
      setFields({ mappableType: "Choose what the mapping codes" });
      return;
    }
    const result = await save({ input: { integrationId: integration.id, mappings: [inputOf({ ...draft, mappableType: type })] } });
    if (result.error) {
      const { at, elsewhere } = mappingProblems(validationFields(result.error));
      setFields(at);
      if (elsewhere.length > 0) setProblem(elsewhere.join("; "));
      else if (Object.keys(at).length === 0) setProblem(errorMessage(result.error));
      return;
    }
    onSaved(`Mapping of ${MAPPABLE[type].label.toLowerCase()} saved.`);
  }

  const required = (field: "itemCode" | "accountCode") => kind.itemCodeField === field;
  return (
    <Modal opened onClose={onClose} title={editing ? "Edit mapping" : "Add mapping"} closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Select
            label="Maps"
            description={spec?.description ?? "What the mapping codes in the tool"}
            withAsterisk
            data={MAPPABLE_ORDER.map((value) => ({ value, label: MAPPABLE[value].label }))}
            value={type}
            disabled={editing !== null}
            allowDeselect={false}
            error={fields["mappableType"]}
            onChange={(value) => change({ mappableType: value, mappableId: null })}
          />
          {spec?.objects != null && choices === null && (
            <Text size="sm">Choosing one needs {MAPPABLE_VIEW_PERMISSIONS[spec.objects]}.</Text>
          )}
          {spec?.objects != null && choices !== null && (
            <Select
              label={spec.label}
              withAsterisk
              searchable
              nothingFoundMessage="Nothing by that name"
              data={choices.map((object) => ({ value: object.id, label: `${object.name} (${object.code})` }))}
              value={draft.mappableId}
              disabled={editing !== null}
              error={fields["mappableId"]}
              onChange={(value) => change({ mappableId: value })}
            />
          )}
          {replaces && <Text size="sm">This replaces its current mapping.</Text>}
          {type === "TAX" ? (
            <TextInput
              label="Tax code"
              description={`The ${kind.label} tax rate or code`}
              withAsterisk
              value={draft.taxCode}
              error={fields["taxCode"]}
              onChange={(e) => change({ taxCode: e.currentTarget.value })}
            />
          ) : (
            <>
              <TextInput
                label="Item code"
                description={`The ${kind.label} item`}
                withAsterisk={required("itemCode")}
                value={draft.itemCode}
                error={fields["itemCode"]}
                onChange={(e) => change({ itemCode: e.currentTarget.value })}
              />
              <TextInput
                label="Account code"
                description={`The ${kind.label} revenue account`}
                withAsterisk={required("accountCode")}
                value={draft.accountCode}
                error={fields["accountCode"]}
                onChange={(e) => change({ accountCode: e.currentTarget.value })}
              />
            </>
          )}
          <TextInput
            label="Name in the tool"
            description="Optional"
            value={draft.name}
            error={fields["name"]}
            onChange={(e) => change({ name: e.currentTarget.value })}
          />
          {problem !== null && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving.fetching}>
              Save mapping
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
