// An integration's credentials: write-only. The page says when they were last set and that they are
// stored encrypted and cannot be shown; with organization:integrations:update they are replaced as a
// whole in a dialog (password inputs, never pre-filled; the graph's problems at their inputs).
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { useMutation } from "urql";

import { refusal, unplaced } from "../catalogue/Detail";
import { MODAL_OVERLAY } from "../developers/modal";
import { formatDateTime, validationFields } from "../format";
import type { IntegrationFieldsFragment } from "../gql/graphql";
import { UpdateIntegrationDocument } from "../graphql/integrations";
import { useSignedIn } from "../session/SessionProvider";
import { canUpdateIntegration } from "./actions";
import { CredentialInputs, credentialsFrom } from "./KindFields";
import { KINDS } from "./kinds";

export function IntegrationCredentials({ integration }: { readonly integration: IntegrationFieldsFragment }) {
  const { permissions } = useSignedIn();
  const kind = KINDS[integration.kind];
  const form = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [replaced, setReplaced] = useState(false);
  const [update, save] = useMutation(UpdateIntegrationDocument);

  function close() {
    setOpen(false);
    setFields({});
    setProblem(null);
  }

  async function submit() {
    if (!form.current) return;
    setFields({});
    setProblem(null);
    const result = await save({ input: { id: integration.id, credentials: credentialsFrom(form.current, kind) } });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, ["credentials"]).join("; ") || null));
      return;
    }
    form.current.reset();
    close();
    setReplaced(true);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="integration-credentials-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="integration-credentials-title">
          Credentials
        </Title>
        <Text size="sm">
          The {kind.label} credentials ({kind.credentials.map((c) => c.label).join(", ")}) are stored encrypted and cannot be shown, to anyone.
        </Text>
        <Text size="sm">
          Last set {formatDateTime(integration.credentialsUpdatedAt)}
        </Text>
        {replaced && <Text role="status">Credentials replaced.</Text>}
        {canUpdateIntegration(permissions) && (
          <Group>
            <Button variant="default" onClick={() => setOpen(true)}>
              Replace credentials
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={open} onClose={close} title={`Replace the ${kind.label} credentials`} closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
        <form
          ref={form}
          noValidate
          autoComplete="off"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Text size="sm">Every credential is replaced; the current ones stop being used at once.</Text>
            <CredentialInputs kind={kind} problems={fields} legend="New credentials" />
            {problem !== null && (
              <Alert color="red" role="alert" title="Not replaced">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={update.fetching}>
                Replace credentials
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
