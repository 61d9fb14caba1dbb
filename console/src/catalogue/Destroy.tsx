// Destroying a catalogue object, with the consequence said before the click; the graph's refusal is
// shown in the dialog as it says it.
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { CombinedError } from "urql";

import { errorMessage, validationFields } from "../format";

export function ConfirmAction({
  label,
  title,
  consequence,
  confirm,
  run,
  onDone,
}: {
  /** The button that opens the dialog ("Destroy metric"). */
  readonly label: string;
  readonly title: string;
  /** What happens, said before the click. */
  readonly consequence: string;
  /** The dialog's button ("Destroy"). */
  readonly confirm: string;
  readonly run: () => Promise<{ readonly error?: CombinedError | undefined }>;
  readonly onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <Button color="red.8" variant="outline" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>{consequence}</Text>
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
              loading={busy}
              onClick={() => {
                setProblem(null);
                setBusy(true);
                void run().then((result) => {
                  setBusy(false);
                  if (result.error) {
                    const fields = Object.values(validationFields(result.error));
                    setProblem(fields.length > 0 ? fields.join("; ") : errorMessage(result.error));
                  } else {
                    setOpen(false);
                    onDone();
                  }
                });
              }}
            >
              {confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
