// A billable metric's filters: event properties (a key and its values) a charge may price apart.
// Each problem the graph names (filters.<n>.key, filters.<n>.values) shows at its input.
import { Button, Group, Stack, TagsInput, Text, TextInput } from "@mantine/core";

export interface FilterDraft {
  readonly key: string;
  readonly values: readonly string[];
}

export function FiltersEditor({
  filters,
  fields,
  disabled,
  onChange,
}: {
  readonly filters: readonly FilterDraft[];
  readonly fields: Record<string, string>;
  readonly disabled: boolean;
  readonly onChange: (filters: readonly FilterDraft[]) => void;
}) {
  const set = (index: number, next: Partial<FilterDraft>) =>
    onChange(filters.map((filter, i) => (i === index ? { ...filter, ...next } : filter)));
  return (
    <Stack gap="xs" role="group" aria-label="Filters">
      <Text fw={500} size="sm">
        Filters
      </Text>
      <Text size="xs">Event properties a plan's charge may price apart (for example region: eu, us).</Text>
      {fields["filters"] && (
        <Text size="sm" c="red.8" role="alert">
          {fields["filters"]}
        </Text>
      )}
      {filters.length === 0 && <Text size="sm">No filters.</Text>}
      {filters.map((filter, index) => (
        <Group key={index} align="flex-start" wrap="nowrap">
          <TextInput
            label={`Filter ${index + 1} key`}
            value={filter.key}
            disabled={disabled}
            error={fields[`filters.${index}.key`]}
            onChange={(event) => set(index, { key: event.currentTarget.value })}
          />
          <TagsInput
            label={`Filter ${index + 1} values`}
            description="Press Enter after each value"
            value={[...filter.values]}
            disabled={disabled}
            error={fields[`filters.${index}.values`]}
            onChange={(values) => set(index, { values })}
            style={{ flex: 1 }}
          />
          {!disabled && (
            <Button variant="default" mt={24} onClick={() => onChange(filters.filter((_, i) => i !== index))}>
              Remove filter {index + 1}
            </Button>
          )}
        </Group>
      ))}
      {!disabled && (
        <Group>
          <Button variant="default" onClick={() => onChange([...filters, { key: "", values: [] }])}>
            Add a filter
          </Button>
        </Group>
      )}
    </Stack>
  );
}
