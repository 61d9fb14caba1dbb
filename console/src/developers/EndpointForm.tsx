// Create or edit a webhook endpoint: its URL and the event types sent to it (none: every type). The
// graph's VALIDATION_ERROR fields show at their inputs.
import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput } from "@mantine/core";
import { useState } from "react";

import type { WebhookEventType } from "../gql/graphql";
import { fieldError } from "./fields";
import { MODAL_OVERLAY } from "./modal";

export const EVENT_TYPES: readonly WebhookEventType[] = [
  "INVOICE_CREATED",
  "INVOICE_FINALIZED",
  "INVOICE_VOIDED",
  "CREDIT_NOTE_CREATED",
  "CREDIT_NOTE_APPROVED",
  "CREDIT_NOTE_REJECTED",
  "SUBSCRIPTION_STARTED",
  "SUBSCRIPTION_CHANGED",
  "SUBSCRIPTION_TERMINATED",
  "WALLET_TOPPED_UP",
  "EVENTS_REJECTED",
  "EVENTS_WARNED",
  "APPROVAL_POLICY_UPDATED",
];

export function eventTypeLabel(type: string): string {
  return type.toLowerCase().replaceAll("_", ".");
}

export interface EndpointValues {
  readonly url: string;
  readonly eventTypes: WebhookEventType[];
}

export interface FormOutcome {
  readonly fields: Record<string, string>;
  readonly problem: string | null;
}

export function EndpointForm({
  title,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onClose,
}: {
  readonly title: string;
  readonly initial: EndpointValues;
  readonly submitLabel: string;
  readonly busy: boolean;
  /** Resolves to null on success, else what went wrong. */
  readonly onSubmit: (values: EndpointValues) => Promise<FormOutcome | null>;
  readonly onClose: () => void;
}) {
  const [url, setUrl] = useState(initial.url);
  const [types, setTypes] = useState<string[]>(initial.eventTypes);
  const [outcome, setOutcome] = useState<FormOutcome | null>(null);
  const fields = outcome?.fields ?? {};
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ "aria-label": "Close" }} overlayProps={MODAL_OVERLAY}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const eventTypes = EVENT_TYPES.filter((t) => types.includes(t));
          void onSubmit({ url, eventTypes }).then(setOutcome);
        }}
      >
        <Stack>
          <TextInput label="URL" withAsterisk type="url" value={url} error={fieldError(fields, "url")} onChange={(e) => setUrl(e.currentTarget.value)} />
          <MultiSelect
            label="Event types"
            description="None chosen: every type is sent"
            data={EVENT_TYPES.map((t) => ({ value: t, label: eventTypeLabel(t) }))}
            value={types}
            onChange={setTypes}
            error={fieldError(fields, "eventTypes")}
            searchable
          />
          {outcome?.problem && (
            <Alert color="red" role="alert">
              {outcome.problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
