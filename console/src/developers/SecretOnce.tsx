// A secret the graph gives back once (an API key, a webhook signing secret): shown in a modal with a
// copy button and a warning that it will never be shown again.
import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from "@mantine/core";

export interface IssuedSecret {
  /** What the secret opens, for the modal's title ("API key Partner sync"). */
  readonly title: string;
  readonly secret: string;
}

export function SecretOnce({ issued, onClose }: { readonly issued: IssuedSecret | null; readonly onClose: () => void }) {
  return (
    <Modal opened={issued !== null} onClose={onClose} title={issued?.title ?? ""} size="lg" closeButtonProps={{ "aria-label": "Close" }}>
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
