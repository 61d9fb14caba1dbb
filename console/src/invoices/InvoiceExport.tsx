// The invoices' CSV export for a range of issuing dates: GET /api/v1/exports/invoices.csv?from&to with
// the member's bearer token and organization header (a plain link cannot carry them), downloaded from
// the response as a file. The REST answer's VALIDATION_ERROR fields are shown at their inputs.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";

import { authHeaders } from "../session/client";
import { useSignedIn } from "../session/SessionProvider";

export const EXPORT_URL = "/api/v1/exports/invoices.csv";

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function filenameFrom(disposition: string | null, fallback: string): string {
  const found = disposition === null ? null : /filename="([^"]+)"/.exec(disposition);
  return found?.[1] ?? fallback;
}

interface ExportError {
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

async function errorFrom(response: Response): Promise<ExportError> {
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { fields?: Record<string, string> } }[] };
    const first = body.errors?.[0];
    return { message: first?.message ?? `The export failed (${response.status})`, fields: first?.extensions?.fields ?? {} };
  } catch {
    return { message: `The export failed (${response.status})`, fields: {} };
  }
}

export function InvoiceExport() {
  const { auth } = useSignedIn();
  const [from, setFrom] = useState(() => `${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ExportError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function download(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const query = new URLSearchParams({ from, to });
      const response = await fetch(`${EXPORT_URL}?${query.toString()}`, { headers: authHeaders(auth) });
      if (!response.ok) {
        setError(await errorFrom(response));
        return;
      }
      const blob = await response.blob();
      const name = filenameFrom(response.headers.get("content-disposition"), `invoices-${from}-${to}.csv`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDone(name);
    } catch {
      setError({ message: "The server could not be reached", fields: {} });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invoice-export-title">
      <form onSubmit={(event) => void download(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="invoice-export-title">
            Export invoices as CSV
          </Title>
          <Text size="sm">Every line of the invoices issued in this range of dates, both days included.</Text>
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
            <Button type="submit" loading={busy} mt={25}>
              Download CSV
            </Button>
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
