// An invoice action's button. Refreshing a draft is undone by the next refresh, so it runs at once;
// finalizing and voiding cannot be undone, so they say what they do and run only once confirmed.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useState } from "react";

import type { InvoiceAction } from "./actions";

export const ACTION_LABEL: Readonly<Record<InvoiceAction, string>> = {
  refresh: "Refresh",
  finalize: "Finalize",
  void: "Void",
};

const CONSEQUENCE: Readonly<Record<Exclude<InvoiceAction, "refresh">, string>> = {
  finalize:
    "Its fees and totals are fixed for good: it is no longer refreshed from usage. Once finalized it can only be voided while unpaid, or credited.",
  void: "The customer no longer owes it, and the prepaid credits and credit-note balances it used go back to them. It stays in the records as voided and never changes again.",
};

export function InvoiceActionButton({
  action,
  number,
  busy,
  run,
}: {
  readonly action: InvoiceAction;
  /** The invoice's number, for the dialog's title. */
  readonly number: string;
  readonly busy: boolean;
  readonly run: () => void;
}) {
  const [open, setOpen] = useState(false);
  const label = ACTION_LABEL[action];
  const color = action === "void" ? "red" : "blue";
  const variant = action === "void" ? "outline" : "filled";
  if (action === "refresh") {
    return (
      <Button color={color} variant={variant} loading={busy} onClick={run}>
        {label}
      </Button>
    );
  }
  return (
    <>
      <Button color={color} variant={variant} loading={busy} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`${label} invoice ${number}`} closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>{CONSEQUENCE[action]}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              color={action === "void" ? "red.8" : "blue"}
              onClick={() => {
                setOpen(false);
                run();
              }}
            >
              {`${label} invoice`}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
