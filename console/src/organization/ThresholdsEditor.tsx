// The credit-note approval thresholds, one row per currency (add and remove rows), and what waits:
// before saving, each loosening (a raise or a removal) says when it would take effect.
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";

import { formatDateTime } from "../format";
import { formatMinor } from "../money";
import { delayInWords, type Cents, type Loosening, type ThresholdInForce } from "./actions";

export interface ThresholdRow {
  readonly key: number;
  readonly currency: string;
  /** The amount as typed, in major units ("100.00"). */
  readonly amount: string;
}

function money(cents: Cents, currency: string): string {
  try {
    return formatMinor(cents, currency);
  } catch {
    return `${cents} ${currency}`;
  }
}

export function loosenMessage(change: Loosening, inForce: readonly ThresholdInForce[]): string {
  const current = inForce.find((t) => t.currency === change.currency);
  const what =
    change.amountCents === null
      ? `Removing the ${change.currency} threshold`
      : `Raising the ${change.currency} threshold to ${money(change.amountCents, change.currency)}`;
  const until = current ? ` (${money(current.amountCents, current.currency)} applies until then)` : "";
  return `${what} takes effect at ${formatDateTime(change.effectiveAt.toISOString())}${until}.`;
}

export function ThresholdsInForce({ thresholds }: { readonly thresholds: readonly ThresholdInForce[] }) {
  if (thresholds.length === 0) return <Text>No threshold: no credit note waits for approval.</Text>;
  return (
    <Table aria-label="Thresholds in force">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Currency</Table.Th>
          <Table.Th>In force</Table.Th>
          <Table.Th>Waiting change</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {thresholds.map((t) => (
          <Table.Tr key={t.currency}>
            <Table.Td>{t.currency}</Table.Td>
            <Table.Td>{money(t.amountCents, t.currency)}</Table.Td>
            <Table.Td>
              {t.effectiveAt === null
                ? "None"
                : `${t.pendingAmountCents === null ? "Removed" : money(t.pendingAmountCents, t.currency)} from ${formatDateTime(t.effectiveAt)}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface EditorProps {
  readonly rows: readonly ThresholdRow[];
  readonly errors: Readonly<Record<string, string>>;
  readonly disabled: boolean;
  readonly waiting: readonly string[];
  /** How long a raise or a removal waits (the graph's creditNoteThresholdLooseningDelaySeconds). */
  readonly delaySeconds: number;
  readonly onChange: (rows: readonly ThresholdRow[]) => void;
}

export function ThresholdsEditor({ rows, errors, disabled, waiting, delaySeconds, onChange }: EditorProps) {
  const update = (key: number, patch: Partial<ThresholdRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const nextKey = rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Thresholds asked for
      </Title>
      <Text size="sm">
        A credit note with a total above its currency&apos;s threshold waits for a second person. Lowering or adding one
        applies at once; raising or removing one waits {delayInWords(delaySeconds)}.
      </Text>
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="xs">
          <TextInput
            label={`Currency of threshold ${index + 1}`}
            value={row.currency}
            disabled={disabled}
            maxLength={3}
            w={190}
            error={errors[`creditNoteApprovalThresholds.${index}.currency`]}
            onChange={(event) => update(row.key, { currency: event.currentTarget.value.toUpperCase() })}
          />
          <TextInput
            label={`Amount of threshold ${index + 1}`}
            description="In major units, e.g. 100.00"
            value={row.amount}
            disabled={disabled}
            w={220}
            error={errors[`creditNoteApprovalThresholds.${index}.amountCents`]}
            onChange={(event) => update(row.key, { amount: event.currentTarget.value })}
          />
          {!disabled && (
            <Button
              mt={24}
              variant="default"
              aria-label={`Remove threshold ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              Remove
            </Button>
          )}
        </Group>
      ))}
      {!disabled && (
        <Group>
          <Button variant="default" onClick={() => onChange([...rows, { key: nextKey, currency: "", amount: "" }])}>
            Add threshold
          </Button>
        </Group>
      )}
      {waiting.length > 0 && (
        <Alert color="blue" title="Loosening waits" aria-label="Loosening waits">
          <Stack gap={4}>
            {waiting.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
