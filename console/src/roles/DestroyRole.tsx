// Destroying a custom role, with the consequence said before the click.
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useMutation } from "urql";

import { errorMessage } from "../format";
import { DestroyRoleDocument } from "../graphql/roles";

export function DestroyRole({ role, onDestroyed }: { readonly role: { readonly id: string; readonly name: string }; readonly onDestroyed: () => void }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [destruction, destroy] = useMutation(DestroyRoleDocument);
  return (
    <>
      <Button color="red.8" variant="outline" onClick={() => setOpen(true)}>
        Destroy role
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Destroy ${role.name}`} closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>
            The role goes away for good. A role still held by a member, an invitation or an API key cannot be destroyed: take it from
            them first (the graph refuses otherwise).
          </Text>
          {problem !== null && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              color="red.8"
              loading={destruction.fetching}
              onClick={() => {
                setProblem(null);
                void destroy({ input: { id: role.id } }).then((result) => {
                  if (result.error) setProblem(errorMessage(result.error));
                  else onDestroyed();
                });
              }}
            >
              Destroy
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
