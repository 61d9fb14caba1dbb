// An invoice action's button. Refreshing a draft is undone by the next refresh, so it runs at once;
// finalizing and voiding cannot be undone, so they say what they do and run only once confirmed.
import { Button } from "@mantine/core";

import { ConfirmDialog } from "../catalogue/Destroy";
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
  const label = ACTION_LABEL[action];
  if (action === "refresh") {
    return (
      <Button loading={busy} onClick={run}>
        {label}
      </Button>
    );
  }
  return (
    <ConfirmDialog
      label={label}
      title={`${label} invoice ${number}`}
      consequence={CONSEQUENCE[action]}
      confirm={`${label} invoice`}
      color={action === "void" ? "red.8" : "blue"}
      variant={action === "void" ? "outline" : "filled"}
      busy={busy}
      onConfirm={(close) => {
        close();
        run();
      }}
    />
  );
}
