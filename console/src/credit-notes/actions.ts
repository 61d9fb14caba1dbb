// Credit notes: THE predicate module. What a member may do to a note follows from its state and the
// permission the graph declares for the mutation (docs/permissions.md); never from a role name. The
// console only hides what the graph would refuse; the graph decides.
import type { CreditNoteStatus, CreditNoteRefundStatus } from "../gql/graphql";
import type { DeclaredAction } from "../session/declaredAction";
import { holdsAll, type PermissionSet } from "../session/permissions";

/** The permission each credit-note mutation declares (docs/permissions.md). */
export const CREDIT_NOTE_PERMISSIONS = {
  create: "credit_notes:create",
  void: "credit_notes:void",
  approve: "credit_notes:approve",
  reject: "credit_notes:approve",
} as const;

export interface NoteState {
  readonly status: CreditNoteStatus;
  readonly creditAmountCents: string | number;
  readonly balanceAmountCents: string | number;
  readonly refundStatus?: CreditNoteRefundStatus | null;
  readonly createdByUserId?: string | null;
}

/** voidCreditNote: a finalized note nothing used yet (its whole credit left, no refund made). */
export function canVoid(note: NoteState, permissions: PermissionSet): boolean {
  return (
    note.status === "FINALIZED" &&
    String(note.balanceAmountCents) === String(note.creditAmountCents) &&
    note.refundStatus !== "SUCCEEDED" &&
    holdsAll(permissions, [CREDIT_NOTE_PERMISSIONS.void])
  );
}

/** approveCreditNote: a waiting note, decided by a second person (never its requester). */
export function canApprove(
  note: Pick<NoteState, "status" | "createdByUserId">,
  permissions: PermissionSet,
  userId: string,
): boolean {
  return (
    note.status === "PENDING_APPROVAL" &&
    note.createdByUserId !== userId &&
    holdsAll(permissions, [CREDIT_NOTE_PERMISSIONS.approve])
  );
}

/** rejectCreditNote: a waiting note; its requester may withdraw it this way too. */
export function canReject(note: Pick<NoteState, "status">, permissions: PermissionSet): boolean {
  return note.status === "PENDING_APPROVAL" && holdsAll(permissions, [CREDIT_NOTE_PERMISSIONS.reject]);
}

/** createCreditNote (and its estimate). */
export function canCreate(permissions: PermissionSet): boolean {
  return holdsAll(permissions, [CREDIT_NOTE_PERMISSIONS.create]);
}

/** This domain's part of the console's action table (../actions.ts). */
export const CREDIT_NOTE_ACTIONS: readonly DeclaredAction[] = [
  { id: "credit_notes.approve", label: "Approve a credit note", screen: "credit-note-approvals", permissions: [CREDIT_NOTE_PERMISSIONS.approve] },
  { id: "credit_notes.reject", label: "Reject a credit note", screen: "credit-note-approvals", permissions: [CREDIT_NOTE_PERMISSIONS.reject] },
  { id: "credit_notes.void", label: "Void a credit note", screen: "credit-note", permissions: [CREDIT_NOTE_PERMISSIONS.void] },
];
