// The page picker under every list: the graph's page metadata, shown only when there is more than one.
import { Group, Pagination, Text } from "@mantine/core";

const CONTROLS = { first: "First page", previous: "Previous page", next: "Next page", last: "Last page" };

export interface PageMetadata {
  readonly currentPage: number;
  readonly totalPages: number;
}

export function PagePicker({
  metadata,
  label,
  onChange,
}: {
  readonly metadata: PageMetadata | undefined;
  /** What is paged, for the accessible name ("Customer" → "Customer pages"). */
  readonly label: string;
  readonly onChange: (page: number) => void;
}) {
  if (!metadata || metadata.totalPages <= 1) return null;
  return (
    <Group justify="space-between">
      <Text size="sm">
        Page {metadata.currentPage} of {metadata.totalPages}
      </Text>
      <Pagination
        total={metadata.totalPages}
        value={metadata.currentPage}
        onChange={onChange}
        aria-label={`${label} pages`}
        getItemProps={(item) => ({ "aria-label": `Page ${item}` })}
        getControlProps={(control) => ({ "aria-label": CONTROLS[control] })}
      />
    </Group>
  );
}
