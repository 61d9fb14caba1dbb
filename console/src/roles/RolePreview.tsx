// The composer's live preview: for the permissions being composed, what they unlock in the console
// (screens, customer tabs, actions) and in the graph (operations, guarded fields), and what stays
// locked with the permissions it misses.
import { Accordion, Badge, Group, List, SimpleGrid, Text } from "@mantine/core";

import type { PermissionSet } from "../session/permissions";
import { preview, type PreviewItem } from "./preview";

function Items({ title, items, held }: { readonly title: string; readonly items: readonly PreviewItem[]; readonly held: PermissionSet }) {
  const unlocked = items.filter((i) => i.unlocked);
  const locked = items.filter((i) => !i.unlocked);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <div>
        <Text fw={600} size="sm">
          Unlocked
        </Text>
        {unlocked.length === 0 ? (
          <Text size="sm">Nothing yet.</Text>
        ) : (
          <List size="sm" aria-label={`Unlocked ${title}`}>
            {unlocked.map((i) => (
              <List.Item key={i.id}>{i.label}</List.Item>
            ))}
          </List>
        )}
      </div>
      <div>
        <Text fw={600} size="sm">
          Locked
        </Text>
        {locked.length === 0 ? (
          <Text size="sm">Nothing: every one is unlocked.</Text>
        ) : (
          <List size="sm" aria-label={`Locked ${title}`}>
            {locked.map((i) => (
              <List.Item key={i.id}>
                {i.label}{" "}
                <Text span size="xs">
                  (needs {i.permissions.filter((p) => !held.has(p)).join(", ")})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </SimpleGrid>
  );
}

const SECTIONS = [
  { key: "screens", title: "screens", heading: "Console screens" },
  { key: "tabs", title: "customer tabs", heading: "Customer tabs" },
  { key: "actions", title: "actions", heading: "Console actions" },
  { key: "operations", title: "operations", heading: "Graph operations" },
  { key: "fields", title: "guarded fields", heading: "Guarded fields" },
] as const;

export function RolePreview({ permissions }: { readonly permissions: PermissionSet }) {
  const shown = preview(permissions);
  return (
    <section aria-label="What this role unlocks">
      <Accordion multiple defaultValue={["screens", "tabs", "actions"]} variant="separated">
        {SECTIONS.map((section) => {
          const items = shown[section.key];
          const count = items.filter((i) => i.unlocked).length;
          return (
            <Accordion.Item key={section.key} value={section.key}>
              <Accordion.Control>
                <Group gap="xs">
                  <Text fw={600}>{section.heading}</Text>
                  <Badge variant="outline" color="dark">
                    {count} of {items.length}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Items title={section.title} items={items} held={permissions} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </section>
  );
}
