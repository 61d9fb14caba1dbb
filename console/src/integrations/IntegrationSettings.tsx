// An integration's name, code and settings: edited with organization:integrations:update (an emptied
// setting goes back to its default, as the graph does), shown read-only otherwise.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useMutation } from "urql";

import { refusal, unplaced } from "../catalogue/Detail";
import { validationFields } from "../format";
import type { IntegrationFieldsFragment } from "../gql/graphql";
import { UpdateIntegrationDocument } from "../graphql/integrations";
import { useSignedIn } from "../session/SessionProvider";
import { canUpdateIntegration } from "./actions";
import { SettingsInputs } from "./KindFields";
import { KINDS, settingValue } from "./kinds";

interface Draft {
  readonly name: string;
  readonly code: string;
  readonly settings: Readonly<Record<string, string>>;
}

const KNOWN = ["name", "code", "settings"];

export function IntegrationSettings({ integration }: { readonly integration: IntegrationFieldsFragment }) {
  const { permissions } = useSignedIn();
  const editable = canUpdateIntegration(permissions);
  const kind = KINDS[integration.kind];
  const [edited, setEdited] = useState<Draft | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [update, save] = useMutation(UpdateIntegrationDocument);
  const draft: Draft = edited ?? {
    name: integration.name,
    code: integration.code,
    settings: Object.fromEntries(kind.settings.map((s) => [s.key, settingValue(integration.settings, s.key)])),
  };
  const change = (next: Partial<Draft>) => {
    setSaved(false);
    setEdited({ ...draft, ...next });
  };

  async function submit() {
    setFields({});
    setProblem(null);
    const result = await save({ input: { id: integration.id, name: draft.name, code: draft.code, settings: draft.settings } });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    setEdited(null);
    setSaved(true);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="integration-settings-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" maw={560}>
          <Title order={2} size="h4" id="integration-settings-title">
            Settings
          </Title>
          {!editable && <Text size="sm">Read only: changing an integration needs organization:integrations:update.</Text>}
          <TextInput label="Name" value={draft.name} disabled={!editable} error={fields["name"]} onChange={(e) => change({ name: e.currentTarget.value })} />
          <TextInput label="Code" value={draft.code} disabled={!editable} error={fields["code"]} onChange={(e) => change({ code: e.currentTarget.value })} />
          <SettingsInputs
            kind={kind}
            values={draft.settings}
            problems={fields}
            disabled={!editable}
            onChange={(key, value) => change({ settings: { ...draft.settings, [key]: value } })}
          />
          {problem !== null && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={update.fetching}>
                Save settings
              </Button>
              {saved && <Text role="status">Saved.</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
