// A range of issuing dates (both days included) and one download button per export offered on it:
// the REST answer's VALIDATION_ERROR fields (`from`, `to`) are shown at their inputs, any other
// refusal in an alert. Used by the invoices' plain CSV and by an integration's tool-format exports.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useId, useState, type FormEvent } from "react";

import { useSignedIn } from "../session/SessionProvider";
import { downloadExport, today, type ExportError } from "./download";

export interface ExportTarget {
  /** The button ("Download CSV"). */
  readonly label: string;
  /** The REST path, without query string. */
  readonly url: string;
  /** The file's name when the server gives none ("invoices"): `<name>-<from>-<to>.csv`. */
  readonly name: string;
}

export function ExportRange({
  title,
  description,
  targets,
}: {
  readonly title: string;
  readonly description: string;
  /** At least one; the first is the form's default (Enter). */
  readonly targets: readonly ExportTarget[];
}) {
  const { auth } = useSignedIn();
  const titleId = useId();
  const [from, setFrom] = useState(() => `${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ExportError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function download(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const chosen = targets.find((target) => target.url === submitter?.getAttribute("data-url")) ?? targets[0];
    if (!chosen) return;
    setBusy(chosen.url);
    setError(null);
    setDone(null);
    const result = await downloadExport(auth, chosen.url, { from, to }, `${chosen.name}-${from}-${to}.csv`);
    setBusy(null);
    if (result.ok) setDone(result.filename);
    else setError(result.error);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={(event) => void download(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          <Text size="sm">{description}</Text>
          {error !== null && Object.keys(error.fields).length === 0 && (
            <Alert color="red" title="The export failed" role="alert">
              {error.message}
            </Alert>
          )}
          <Group align="flex-start">
            <TextInput
              label="Export from"
              type="date"
              required
              value={from}
              error={error?.fields["from"]}
              onChange={(event) => setFrom(event.currentTarget.value)}
            />
            <TextInput
              label="Export to"
              type="date"
              required
              value={to}
              error={error?.fields["to"]}
              onChange={(event) => setTo(event.currentTarget.value)}
            />
            {targets.map((target) => (
              <Button key={target.url} type="submit" data-url={target.url} loading={busy === target.url} disabled={busy !== null && busy !== target.url} mt={25}>
                {target.label}
              </Button>
            ))}
          </Group>
          {done !== null && (
            <Text size="sm" aria-live="polite">
              Downloaded {done}.
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
