// A secret the graph gives back once (an API key, a webhook signing secret): shown in a modal with a
// copy button and a warning that it will never be shown again.
import { useState } from "react";
import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from "@mantine/core";
import { MODAL_OVERLAY } from "./modal";

export interface IssuedSecret {
  /** What the secret opens, for the modal's title ("API key Partner sync"). */
  readonly title: string;
  readonly secret: string;
}

export function SecretOnce({ issued, onClose }: { readonly issued: IssuedSecret | null; readonly onClose: () => void }) {
  // the title stays while the modal closes (a dialog always has its name); the secret goes at once
  const [title, setTitle] = useState(issued?.title ?? "Secret");
  if (issued !== null && issued.title !== title) setTitle(issued.title);
  return (
    <Modal opened={issued !== null} onClose={onClose} title={title} size="lg" closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
      {issued && (
        <Stack>
          <Alert color="red" title="Copy it now" role="alert">
            This secret is shown once. It cannot be read again: store it somewhere safe before closing.
          </Alert>
          <TextInput label="Secret" readOnly value={issued.secret} styles={{ input: { fontFamily: "monospace" } }} />
          <Group justify="flex-end">
            <CopyButton value={issued.secret}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? "Copied" : "Copy secret"}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
