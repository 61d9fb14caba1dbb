// Connecting an accounting tool (/integrations/new): the tool chooses which credentials (write-only)
// and which settings are asked for (the route needs organization:integrations:create); the graph's VALIDATION_ERROR fields show at their inputs.
import { Alert, Button, Group, Radio, Stack, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useMutation } from "urql";

import { DetailFrame, refusal, unplaced } from "../catalogue/Detail";
import { validationFields } from "../format";
import type { IntegrationKind } from "../gql/graphql";
import { CreateIntegrationDocument } from "../graphql/integrations";
import { useDocumentTitle } from "../shell/title";
import { CredentialInputs, credentialsFrom, SettingsInputs } from "./KindFields";
import { KIND_ORDER, KINDS } from "./kinds";
import { Opening, useOpenCreated } from "../shell/opening";

const KNOWN = ["kind", "name", "code", "credentials", "settings"];
const LIST = { to: "/integrations", label: "Integrations" };

export default function IntegrationNew() {
  const { opening, open } = useOpenCreated();
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<IntegrationKind>("XERO");
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [settings, setSettings] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateIntegrationDocument);
  useDocumentTitle("Connect an integration");
  const spec = KINDS[kind];

  async function submit() {
    if (!form.current) return;
    setFields({});
    setProblem(null);
    // only this kind's settings, and only those given (the others take their defaults)
    const given: Record<string, string> = {};
    for (const setting of spec.settings) {
      const value = settings[setting.key] ?? "";
      if (value !== "") given[setting.key] = value;
    }
    const result = await create({ input: { kind, name, code, credentials: credentialsFrom(form.current, spec), settings: given } });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    form.current.reset();
    const created = result.data?.createIntegration;
    if (created) open(`/integrations/${created.id}`);
  }

  if (opening) return <Opening noun="integration" />;

  return (
    <DetailFrame list={LIST} title="Connect an integration" crumb="Connect">
      <form
        ref={form}
        noValidate
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md" maw={560}>
          <Radio.Group
            label="Accounting tool"
            value={kind}
            error={fields["kind"]}
            onChange={(value) => {
              setKind(value);
              setSettings({});
              setFields({});
            }}
          >
            <Group mt="xs">
              {KIND_ORDER.map((option) => (
                <Radio key={option} value={option} label={KINDS[option].label} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput label="Name" withAsterisk value={name} error={fields["name"]} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label="Code"
            description="Unique in the organization"
            withAsterisk
            value={code}
            error={fields["code"]}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <CredentialInputs key={kind} kind={spec} problems={fields} legend={`${spec.label} credentials`} />
          <SettingsInputs kind={spec} values={settings} problems={fields} disabled={false} onChange={(key, value) => setSettings({ ...settings, [key]: value })} />
          {problem !== null && (
            <Alert color="red" role="alert" title="Not connected">
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={creation.fetching}>
              Connect integration
            </Button>
          </Group>
        </Stack>
      </form>
    </DetailFrame>
  );
}
