// Actions that cannot be undone, with the consequence said before the click. ConfirmDialog is the
// button and its dialog; ConfirmAction runs a mutation from it and shows the graph's refusal in the
// dialog as it says it.
import { Alert, Button, Group, Modal, Stack, Text, type ButtonProps } from "@mantine/core";
import { useState, type ReactNode } from "react";
import type { CombinedError } from "urql";

import { errorMessage, validationFields } from "../format";

export function ConfirmDialog({
  label,
  title,
  consequence,
  confirm,
  color = "red.8",
  variant = "outline",
  busy = false,
  onConfirm,
  children,
}: {
  /** The button that opens the dialog ("Destroy metric"). */
  readonly label: string;
  readonly title: string;
  /** What happens, said before the click. */
  readonly consequence: string;
  /** The dialog's button ("Destroy"). */
  readonly confirm: string;
  /** Of both buttons; `variant` is the opening button's. */
  readonly color?: string;
  readonly variant?: ButtonProps["variant"];
  /** The action runs: on the dialog's button while it is open, else on the opening one. */
  readonly busy?: boolean;
  /** Runs on the dialog's button; `close` closes the dialog. */
  readonly onConfirm: (close: () => void) => void;
  /** Shown above the dialog's buttons (a refusal). */
  readonly children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button color={color} variant={variant} loading={busy && !open} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={close} title={title} closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>{consequence}</Text>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={color} loading={busy && open} onClick={() => onConfirm(close)}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function ConfirmAction({
  label,
  title,
  consequence,
  confirm,
  run,
  onDone,
}: {
  readonly label: string;
  readonly title: string;
  readonly consequence: string;
  readonly confirm: string;
  readonly run: () => Promise<{ readonly error?: CombinedError | undefined }>;
  readonly onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <ConfirmDialog
      label={label}
      title={title}
      consequence={consequence}
      confirm={confirm}
      busy={busy}
      onConfirm={(close) => {
        setProblem(null);
        setBusy(true);
        void run().then((result) => {
          setBusy(false);
          if (result.error) {
            const fields = Object.values(validationFields(result.error));
            setProblem(fields.length > 0 ? fields.join("; ") : errorMessage(result.error));
          } else {
            close();
            onDone();
          }
        });
      }}
    >
      {problem !== null && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
    </ConfirmDialog>
  );
}
