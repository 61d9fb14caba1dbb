// What one audited mutation changed: each object it created, updated or deleted, field by field with
// the value before and after. Secrets come redacted from the server ("[REDACTED]") and show as such.
import { Badge, Code, Stack, Table, Text } from "@mantine/core";

export const REDACTED = "[REDACTED]";

interface ObjectChange {
  readonly type: string;
  readonly action: string;
  readonly id?: string;
  readonly changes: Readonly<Record<string, unknown>>;
}

function objectChanges(changes: unknown): readonly ObjectChange[] {
  if (!Array.isArray(changes)) return [];
  return changes.filter(
    (c): c is ObjectChange => typeof c === "object" && c !== null && typeof (c as ObjectChange).changes === "object",
  );
}

function Value({ value }: { readonly value: unknown }) {
  if (value === REDACTED) {
    return (
      <Badge color="gray.8" variant="filled">
        Redacted
      </Badge>
    );
  }
  if (value === undefined || value === null) return <Text span c="dimmed">—</Text>;
  if (typeof value === "string") return <Text span>{value}</Text>;
  return <Code>{JSON.stringify(value)}</Code>;
}

function beforeAfter(action: string, value: unknown): [unknown, unknown] {
  if (action === "update" && Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  if (action === "delete") return [value, undefined];
  return [undefined, value];
}

export function AuditDiff({ changes, label }: { readonly changes: unknown; readonly label: string }) {
  const objects = objectChanges(changes);
  if (objects.length === 0) return <Text size="sm">No recorded change.</Text>;
  return (
    <Stack gap="sm">
      {objects.map((object, index) => (
        <Table key={`${object.type}-${object.id ?? index}`} aria-label={`${label}: ${object.action} ${object.type}`} withTableBorder>
          <Table.Caption>
            {object.action} {object.type} {object.id ?? ""}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Before</Table.Th>
              <Table.Th scope="col">After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {Object.entries(object.changes).map(([field, value]) => {
              const [before, after] = beforeAfter(object.action, value);
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={400}>
                    {field}
                  </Table.Th>
                  <Table.Td>
                    <Value value={before} />
                  </Table.Td>
                  <Table.Td>
                    <Value value={after} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ))}
    </Stack>
  );
}
