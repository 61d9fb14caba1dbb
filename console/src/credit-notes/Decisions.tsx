// Approve, Reject (a reason asked in a modal; the graph requires it and says so at the field) and
// Void, each shown only when the predicate module allows it.
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useMutation } from "urql";

import { ApproveCreditNoteDocument, RejectCreditNoteDocument, VoidCreditNoteDocument } from "../graphql/creditNotes";
import { useSignedIn } from "../session/SessionProvider";
import { canApprove, canReject, canVoid, type NoteState } from "./actions";
import { errorMessage, validationFields } from "../format";

interface Note extends NoteState {
  readonly id: string;
  readonly number: string;
}

export function Decisions({ note, onDone }: { readonly note: Note; readonly onDone?: () => void }) {
  const { permissions, userId } = useSignedIn();
  const [approval, approve] = useMutation(ApproveCreditNoteDocument);
  const [rejection, reject] = useMutation(RejectCreditNoteDocument);
  const [voiding, voidNote] = useMutation(VoidCreditNoteDocument);
  const [rejecting, setRejecting] = useState(false);
  const [confirmingVoid, setConfirmingVoid] = useState(false);
  const [reason, setReason] = useState("");
  const [rejectFields, setRejectFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const mayApprove = canApprove(note, permissions, userId);
  const mayReject = canReject(note, permissions);
  const mayVoid = canVoid(note, permissions);
  if (!mayApprove && !mayReject && !mayVoid) return null;

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {mayApprove && (
          <Button
            size="xs"
            loading={approval.fetching}
            aria-label={`Approve ${note.number}`}
            onClick={() => {
              setProblem(null);
              void approve({ id: note.id }).then((result) => {
                if (result.error) setProblem(errorMessage(result.error));
                else onDone?.();
              });
            }}
          >
            Approve
          </Button>
        )}
        {mayReject && (
          <Button size="xs" color="red" variant="light" aria-label={`Reject ${note.number}`} onClick={() => setRejecting(true)}>
            Reject
          </Button>
        )}
        {mayVoid && (
          <Button size="xs" color="red" variant="light" onClick={() => setConfirmingVoid(true)}>
            Void
          </Button>
        )}
      </Group>
      {problem !== null && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={`Reject ${note.number}`} closeButtonProps={{ "aria-label": "Close" }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setRejectFields({});
            void reject({ id: note.id, reason }).then((result) => {
              if (result.error) {
                const fields = validationFields(result.error);
                if (Object.keys(fields).length > 0) setRejectFields(fields);
                else setRejectFields({ reason: errorMessage(result.error) });
                return;
              }
              setRejecting(false);
              setReason("");
              onDone?.();
            });
          }}
        >
          <Stack>
            <Textarea
              label="Reason"
              description="Why the credit note is refused (the requester sees it)"
              withAsterisk
              autosize
              minRows={3}
              value={reason}
              error={rejectFields["reason"] ?? rejectFields["id"]}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={rejection.fetching}>
                Reject credit note
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={confirmingVoid} onClose={() => setConfirmingVoid(false)} title={`Void ${note.number}`} closeButtonProps={{ "aria-label": "Close" }}>
        <Stack>
          <Text>Voiding withdraws the credit note; what it credited becomes creditable again.</Text>
          {voiding.error && (
            <Alert color="red" role="alert">
              {errorMessage(voiding.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingVoid(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={voiding.fetching}
              onClick={() => {
                void voidNote({ id: note.id }).then((result) => {
                  if (!result.error) {
                    setConfirmingVoid(false);
                    onDone?.();
                  }
                });
              }}
            >
              Void credit note
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
