"""Four eyes on credit notes: above the organization's threshold a note waits for approval, has no
effect meanwhile, and only a holder of credit_notes:approve who did not request it may approve it;
it may be rejected with a reason; both decisions are audited; below the threshold nothing changes."""

from __future__ import annotations

from typing import Any

from tests.credit_notes.conftest import CREATE, ESTIMATE, Billed, note
from tests.helpers import Factory, Member

THRESHOLD = """mutation($cents: BigInt) { updateOrganization(input: {creditNoteApprovalThresholds:
  [{currency: "EUR", amountCents: $cents}]}) { creditNoteApprovalThresholds { currency amountCents } } }"""
APPROVE = """mutation($id: ID!) { approveCreditNote(input: {id: $id}) {
  status creditStatus refundStatus balanceAmountCents decidedByUserId decidedAt } }"""
REJECT = """mutation($id: ID!, $r: String!) { rejectCreditNote(input: {id: $id, reason: $r}) {
  status rejectionReason decidedByUserId creditStatus balanceAmountCents } }"""
AUDIT = (
    """query($op: String) { auditLogs(operation: $op) { collection { operation objectId actorUserId } } }"""
)


async def _pending(
    billed: Billed, requester: Member, cents: int = 1000, fee: str | None = None
) -> dict[str, Any]:
    """A credit note of ``cents`` (before the 20 % tax) on the setup fee, or on ``fee``."""
    total = cents * 6 // 5
    args = note(billed.invoice["id"], [(fee or billed.setup_fee, cents)], credit=total)
    return dict((await requester(CREATE, **args)).ok("createCreditNote"))


async def test_a_note_above_the_threshold_waits_and_has_no_effect(billed: Billed) -> None:
    thresholds = (await billed.org.admin(THRESHOLD, cents=1000)).ok("updateOrganization")

    waiting = await _pending(billed, billed.finance)
    estimate = (await billed.finance(ESTIMATE, invoice=billed.invoice["id"], items=[])).ok(
        "creditNoteEstimate"
    )

    assert thresholds == {"creditNoteApprovalThresholds": [{"currency": "EUR", "amountCents": 1000}]}
    assert (
        waiting["status"],
        waiting["creditStatus"],
        waiting["refundStatus"],
        waiting["balanceAmountCents"],
    ) == (
        "PENDING_APPROVAL",
        None,
        None,
        0,
    )
    assert waiting["totalAmountCents"] == 1200
    assert estimate["maxCreditableAmountCents"] == 400  # reserved while it waits


async def test_another_holder_approves_and_the_note_takes_effect(billed: Billed, factory: Factory) -> None:
    await billed.org.admin(THRESHOLD, cents=1000)
    second = await factory.member(billed.org, "finance")
    waiting = await _pending(billed, billed.finance)

    approved = (await second(APPROVE, id=waiting["id"])).ok("approveCreditNote")
    again = await second(APPROVE, id=waiting["id"])

    assert {k: v for k, v in approved.items() if k != "decidedAt"} == {
        "status": "FINALIZED",
        "creditStatus": "AVAILABLE",
        "refundStatus": None,
        "balanceAmountCents": 1200,
        "decidedByUserId": str(second.user_id),
    }
    assert approved["decidedAt"] is not None
    assert again.error()["extensions"]["fields"] == {
        "id": "the credit note does not wait for approval (it is finalized)"
    }


async def test_the_requester_cannot_approve_their_own_and_a_manager_cannot_approve(billed: Billed) -> None:
    await billed.org.admin(THRESHOLD, cents=100)
    by_finance = await _pending(billed, billed.finance, cents=500)
    by_admin = await _pending(billed, billed.org.admin, cents=500)

    own = await billed.finance(APPROVE, id=by_finance["id"])
    own_admin = await billed.org.admin(APPROVE, id=by_admin["id"])
    manager = await billed.manager(APPROVE, id=by_finance["id"])
    crossed = (await billed.finance(APPROVE, id=by_admin["id"])).ok("approveCreditNote")

    assert own.code == "FORBIDDEN"
    assert own.error()["message"] == "The requester of a credit note cannot approve it"
    assert own_admin.code == "FORBIDDEN"  # even an admin
    assert manager.code == "FORBIDDEN"
    assert manager.error()["extensions"]["requiredPermissions"] == ["credit_notes:approve"]
    assert crossed["status"] == "FINALIZED"


async def test_a_rejection_has_a_reason_frees_the_amount_and_both_decisions_are_audited(
    billed: Billed, factory: Factory
) -> None:
    await billed.org.admin(THRESHOLD, cents=1000)
    second = await factory.member(billed.org, "finance")
    waiting = await _pending(billed, billed.finance)
    other = await _pending(billed, billed.finance, cents=200, fee=billed.training_fee)  # 240: under it

    no_reason = await second(REJECT, id=waiting["id"], r="  ")
    rejected = (await second(REJECT, id=waiting["id"], r="Goodwill already given")).ok("rejectCreditNote")
    estimate = (await billed.finance(ESTIMATE, invoice=billed.invoice["id"], items=[])).ok(
        "creditNoteEstimate"
    )
    void = await billed.finance(
        "mutation($id: ID!) { voidCreditNote(input: {id: $id}) { id } }", id=waiting["id"]
    )
    approvals = (await billed.org.admin(AUDIT, op="rejectCreditNote")).ok("auditLogs")["collection"]

    assert no_reason.code == "VALIDATION_ERROR"
    assert rejected == {
        "status": "REJECTED",
        "rejectionReason": "Goodwill already given",
        "decidedByUserId": str(second.user_id),
        "creditStatus": None,
        "balanceAmountCents": 0,
    }
    assert other["status"] == "FINALIZED"
    assert estimate["maxCreditableAmountCents"] == 1600 - 240
    assert void.error()["extensions"]["fields"] == {"id": "a rejected credit note cannot be voided"}
    assert approvals == [
        {"operation": "rejectCreditNote", "objectId": waiting["id"], "actorUserId": str(second.user_id)}
    ]


async def test_below_or_without_a_threshold_nothing_changes(billed: Billed) -> None:
    without = await _pending(billed, billed.finance, cents=100, fee=billed.training_fee)
    await billed.org.admin(THRESHOLD, cents=1200)
    at_threshold = await _pending(billed, billed.finance, cents=1000)  # 1200: not above it
    await billed.org.admin(THRESHOLD, cents=None)
    cleared = (
        await billed.org.admin(
            "{ organization { creditNoteApprovalThresholds { currency amountCents pendingAmountCents } } }"
        )
    ).ok("organization")

    assert without["status"] == "FINALIZED"
    assert at_threshold["status"] == "FINALIZED"
    assert cleared == {  # a removal waits 24 hours
        "creditNoteApprovalThresholds": [{"currency": "EUR", "amountCents": 1200, "pendingAmountCents": None}]
    }


async def test_an_approval_is_audited_with_its_approver(billed: Billed, factory: Factory) -> None:
    await billed.org.admin(THRESHOLD, cents=0)
    second = await factory.member(billed.org, "finance")
    waiting = await _pending(billed, billed.finance, cents=10)
    (await second(APPROVE, id=waiting["id"])).ok()

    entries = (await billed.org.admin(AUDIT, op="approveCreditNote")).ok("auditLogs")["collection"]

    assert entries == [
        {"operation": "approveCreditNote", "objectId": waiting["id"], "actorUserId": str(second.user_id)}
    ]


KEY = """mutation($roles: [String!]!) { createApiKey(input: {name: "k", roles: $roles}) { secret } }"""


async def test_an_admin_cannot_approve_their_own_note_through_a_key_of_theirs(
    billed: Billed, api: Any
) -> None:
    await billed.org.admin(THRESHOLD, cents=100)
    mine = await _pending(billed, billed.org.admin, cents=500)
    refused_in_person = await billed.org.admin(APPROVE, id=mine["id"])
    secret = (await billed.org.admin(KEY, roles=["finance"])).ok("createApiKey")["secret"]
    other = (await billed.org.admin(KEY, roles=["finance"])).ok("createApiKey")["secret"]

    through_key = await api(APPROVE, {"id": mine["id"]}, token=secret)
    args = note(billed.invoice["id"], [(billed.training_fee, 200)], credit=240)
    by_key = (await api(CREATE, args, token=secret)).ok("createCreditNote")
    through_other_key = await api(APPROVE, {"id": by_key["id"]}, token=other)
    in_person = await billed.org.admin(APPROVE, id=by_key["id"])
    by_someone_else = (await billed.finance(APPROVE, id=by_key["id"])).ok("approveCreditNote")

    assert refused_in_person.code == "FORBIDDEN"
    for response in (through_key, through_other_key, in_person):
        assert response.code == "FORBIDDEN"
        assert response.error()["message"] == "The requester of a credit note cannot approve it"
    assert by_key["status"] == "PENDING_APPROVAL"
    assert by_someone_else["status"] == "FINALIZED"


async def test_raising_the_threshold_around_a_note_in_one_request_leaves_it_waiting(billed: Billed) -> None:
    await billed.org.admin(THRESHOLD, cents=100)
    document = """mutation($input: CreateCreditNoteInput!) {
      raise: updateOrganization(input: {creditNoteApprovalThresholds: [{currency: "EUR", amountCents: 200000}]})
        { creditNoteApprovalThresholds { amountCents pendingAmountCents effectiveAt } }
      created: createCreditNote(input: $input) { id status totalAmountCents }
      restore: updateOrganization(input: {creditNoteApprovalThresholds: [{currency: "EUR", amountCents: 100}]})
        { creditNoteApprovalThresholds { amountCents pendingAmountCents effectiveAt } } }"""

    response = await billed.org.admin(
        document, **note(billed.invoice["id"], [(billed.setup_fee, 900)], credit=1080)
    )

    assert response.errors == []
    raised = response.data["raise"]["creditNoteApprovalThresholds"]  # type: ignore[index]
    assert [(t["amountCents"], t["pendingAmountCents"]) for t in raised] == [(100, 200000)]
    assert raised[0]["effectiveAt"] is not None
    assert response.data["created"]["status"] == "PENDING_APPROVAL"  # type: ignore[index]
    assert response.data["restore"]["creditNoteApprovalThresholds"] == [  # type: ignore[index]
        {"amountCents": 100, "pendingAmountCents": None, "effectiveAt": None}
    ]


async def test_a_loosening_takes_effect_after_its_delay_and_a_tightening_at_once(
    billed: Billed, db: Any
) -> None:
    import sqlalchemy as sa

    from app.organizations.models import Organization

    await billed.org.admin(THRESHOLD, cents=100)
    await billed.org.admin(THRESHOLD, cents=None)  # removal: waits
    waiting = await _pending(billed, billed.finance, cents=200, fee=billed.training_fee)
    async with db.sessionmaker() as session:  # 24 hours later
        await session.execute(
            sa.update(Organization)
            .where(Organization.id == billed.org.id)
            .values(
                credit_note_approval_pending={
                    "EUR": {"amount_cents": None, "effective_at": "2020-01-01T00:00:00+00:00"}
                }
            )
        )
        await session.commit()
    after = await _pending(billed, billed.finance, cents=200)
    shown = (await billed.org.admin("{ organization { creditNoteApprovalThresholds { currency } } }")).ok(
        "organization"
    )
    tightened = (await billed.org.admin(THRESHOLD, cents=50)).ok("updateOrganization")

    assert waiting["status"] == "PENDING_APPROVAL"
    assert after["status"] == "FINALIZED"
    assert shown == {"creditNoteApprovalThresholds": []}
    assert tightened == {"creditNoteApprovalThresholds": [{"currency": "EUR", "amountCents": 50}]}


async def test_a_key_with_no_recorded_creator_acts_for_nobody(
    billed: Billed, factory: Factory, db: Any, api: Any
) -> None:
    import sqlalchemy as sa

    from app.api_keys.models import ApiKey

    await billed.org.admin(THRESHOLD, cents=100)
    key = await factory.api_key(billed.org, "finance")
    async with db.sessionmaker() as session:  # minted by another key before keys were people's only
        await session.execute(sa.update(ApiKey).where(ApiKey.id == key.id).values(created_by_user_id=None))
        await session.commit()
    waiting = await _pending(billed, billed.finance, cents=500)

    approve = await api(APPROVE, {"id": waiting["id"]}, token=key.secret)
    large = await api(CREATE, note(billed.invoice["id"], [(billed.training_fee, 200)], 240), token=key.secret)
    small = await api(CREATE, note(billed.invoice["id"], [(billed.training_fee, 50)], 60), token=key.secret)

    assert approve.code == "FORBIDDEN"
    assert large.code == "FORBIDDEN"
    assert small.ok("createCreditNote")["status"] == "FINALIZED"
