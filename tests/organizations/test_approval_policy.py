"""The credit-note approval policy: loosening (raising or removing a threshold) waits 24 hours, shown as
``effectiveAt`` next to the value in force; tightening is immediate; every change is audited and sent as
the ``approval_policy.updated`` webhook; per currency throughout."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.helpers import Factory
from tests.webhooks.conftest import endpoint, webhooks

POLICY = """mutation($t: [CreditNoteApprovalThresholdInput!]) {
  updateOrganization(input: {creditNoteApprovalThresholds: $t}) {
    creditNoteApprovalThresholds { currency amountCents pendingAmountCents effectiveAt } } }"""
DEFAULT = """mutation($c: BigInt) { updateOrganization(input: {creditNoteApprovalThresholdCents: $c}) {
    creditNoteApprovalThresholds { currency amountCents pendingAmountCents } } }"""
AUDIT = '{ auditLogs(operation: "updateOrganization") { collection { changes } } }'


def _t(**cents: int | None) -> list[dict[str, Any]]:
    return [{"currency": currency, "amountCents": amount} for currency, amount in cents.items()]


async def test_a_raise_waits_a_day_a_lowering_and_an_addition_are_immediate(factory: Factory) -> None:
    org = await factory.organization()
    await org.admin(POLICY, t=_t(EUR=1000, USD=500))
    before = datetime.now(UTC)

    changed = (await org.admin(POLICY, t=_t(EUR=5000, USD=100, GBP=700))).ok("updateOrganization")
    again = (await org.admin(POLICY, t=_t(EUR=5000, USD=100, GBP=700))).ok("updateOrganization")

    rows = {t["currency"]: t for t in changed["creditNoteApprovalThresholds"]}
    assert {c: (t["amountCents"], t["pendingAmountCents"]) for c, t in rows.items()} == {
        "EUR": (1000, 5000),  # raised: waits, the old value stays in force
        "GBP": (700, None),  # added: at once
        "USD": (100, None),  # lowered: at once
    }
    effective_at = datetime.fromisoformat(rows["EUR"]["effectiveAt"])
    assert timedelta(hours=24) <= effective_at - before < timedelta(hours=24, minutes=1)
    assert (rows["GBP"]["effectiveAt"], rows["USD"]["effectiveAt"]) == (None, None)
    assert again == changed  # asking again keeps the clock


async def test_the_delay_a_loosening_waits_is_in_the_graph(factory: Factory) -> None:
    # given any member of an organization (what the console says before a raise is saved)
    org = await factory.organization()
    finance = await factory.member(org, "finance")

    # when they read the organization
    answer = await finance("{ organization { creditNoteThresholdLooseningDelaySeconds } }")

    # then the delay is the one the policy applies: 24 hours
    assert answer.ok("organization") == {"creditNoteThresholdLooseningDelaySeconds": 86_400}


async def test_a_removal_waits_and_asking_for_the_value_in_force_cancels_it(factory: Factory) -> None:
    org = await factory.organization()
    await org.admin(POLICY, t=_t(EUR=1000))

    removed = (await org.admin(POLICY, t=[])).ok("updateOrganization")
    cancelled = (await org.admin(POLICY, t=_t(EUR=1000))).ok("updateOrganization")

    [row] = removed["creditNoteApprovalThresholds"]
    assert (row["amountCents"], row["pendingAmountCents"]) == (1000, None)
    assert row["effectiveAt"] is not None
    assert cancelled["creditNoteApprovalThresholds"] == [
        {"currency": "EUR", "amountCents": 1000, "pendingAmountCents": None, "effectiveAt": None}
    ]


async def test_the_default_currency_field_follows_the_same_policy(factory: Factory) -> None:
    org = await factory.organization()  # USD
    await org.admin(DEFAULT, c=300)

    raised = (await org.admin(DEFAULT, c=900)).ok("updateOrganization")
    lowered = (await org.admin(DEFAULT, c=200)).ok("updateOrganization")

    assert raised["creditNoteApprovalThresholds"] == [
        {"currency": "USD", "amountCents": 300, "pendingAmountCents": 900}
    ]
    assert lowered["creditNoteApprovalThresholds"] == [
        {"currency": "USD", "amountCents": 200, "pendingAmountCents": None}
    ]


async def test_every_change_is_audited_and_sent_as_a_webhook(factory: Factory, receiver: Any) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "APPROVAL_POLICY_UPDATED")
    await org.admin(POLICY, t=_t(EUR=1000))
    await org.admin(POLICY, t=_t(EUR=4000))
    await org.admin('mutation { updateOrganization(input: {name: "Renamed"}) { name } }')

    found = await webhooks(org.admin)
    audited = (await org.admin(AUDIT)).ok("auditLogs")["collection"]

    bodies = sorted(
        (w["payload"]["approval_policy"]["credit_note_approval_thresholds"] for w in found),
        key=lambda b: b[0]["pending_amount_cents"] or 0,
    )
    assert [w["eventType"] for w in found] == ["APPROVAL_POLICY_UPDATED"] * 2  # not for the rename
    assert [
        {k: v for k, v in b[0].items() if k != "effective_at"} | {"waits": b[0]["effective_at"] is not None}
        for b in bodies
    ] == [
        {"currency": "EUR", "amount_cents": 1000, "pending_amount_cents": None, "waits": False},
        {"currency": "EUR", "amount_cents": 1000, "pending_amount_cents": 4000, "waits": True},
    ]
    pending_changes = [
        c["changes"]["credit_note_approval_pending"]
        for entry in audited
        for c in entry["changes"]
        if "credit_note_approval_pending" in c["changes"]
    ]
    assert len(pending_changes) == 1
    old, new = pending_changes[0]
    assert (old, new["EUR"]["amount_cents"]) == ({}, 4000)
