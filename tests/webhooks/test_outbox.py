"""The outbox: each change that integrations hear about writes one pending webhook per subscribed
endpoint, in the change's own transaction (rolled back with it), with the object as its payload."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app.db.engine import Database
from app.subscriptions.service import SubscriptionInput, apply_due_transitions, create_subscription
from app.webhooks.models import Webhook
from tests.catalogue import plan
from tests.credit_notes.conftest import CREATE as CREATE_NOTE
from tests.credit_notes.conftest import billed_organization, note
from tests.helpers import Api, Factory, Org, actor_for
from tests.webhooks.conftest import endpoint, webhooks

VOID = "mutation($id: ID!) { voidInvoice(input: {id: $id}) { status } }"
CUSTOMER = 'mutation { createCustomer(input: {externalId: "c1", name: "Acme", currency: "EUR"}) { id } }'
SUBSCRIBE = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }"
CHANGE = """mutation($id: ID!, $plan: ID!) { changeSubscriptionPlan(input: {id: $id, planId: $plan}) {
  id status } }"""
RENAME = 'mutation($id: ID!) { updateSubscription(input: {id: $id, name: "Gold"}) { id } }'
TERMINATE = "mutation($id: ID!) { terminateSubscription(input: {id: $id}) { id } }"
WALLET = """mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR",
  rateAmount: "1", grantedCredits: "10"}) { id } }"""
TOP_UP = """mutation($w: ID!) { createCustomerWalletTransaction(input: {walletId: $w, paidCredits: "5"}) {
  id } }"""
EVENTS = "mutation($input: CreateEventsInput!) { createEvents(input: $input) { created rejected } }"


def _kinds(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((w["eventType"], w["status"]) for w in found)


async def test_an_invoice_is_announced_created_finalized_and_voided(factory: Factory, receiver: Any) -> None:
    billed = await billed_organization(factory)
    await endpoint(billed.org.admin, receiver.url)
    invoice = dict(billed.invoice)
    # the invoice above was made before the endpoint existed: make another one
    from tests.credit_notes.conftest import one_off

    second = await one_off(billed.org, billed.customer_id, billed.add_ons[:1])
    await billed.org.admin(VOID, id=second["id"])

    found = await webhooks(billed.org.admin)
    payloads = {w["eventType"]: w["payload"] for w in found}

    assert _kinds(found) == [
        ("INVOICE_CREATED", "PENDING"),
        ("INVOICE_FINALIZED", "PENDING"),
        ("INVOICE_VOIDED", "PENDING"),
    ]
    assert {w["objectId"] for w in found} == {second["id"]}
    created = payloads["INVOICE_CREATED"]
    assert created["type"] == "invoice.created"
    assert created["object_type"] == "invoice"
    assert created["organization_id"] == str(billed.org.id)
    assert created["id"] in {w["id"] for w in found}
    body = created["invoice"]
    assert (body["id"], body["number"], body["status"], body["currency"]) == (
        second["id"],
        second["number"],
        "finalized",
        "EUR",
    )
    assert (body["fees_amount_cents"], body["taxes_amount_cents"], body["total_amount_cents"]) == (
        1000,
        200,
        1200,
    )
    assert [(f["description"], f["amount_cents"], f["taxes_amount_cents"]) for f in body["fees"]] == [
        ("Setup", 1000, 200)
    ]
    assert [(t["tax_code"], t["tax_rate"], t["amount_cents"]) for t in body["fees"][0]["taxes"]] == [
        ("vat", "20", 200)
    ]
    assert payloads["INVOICE_VOIDED"]["invoice"]["status"] == "voided"
    assert invoice["id"] not in {w["objectId"] for w in found}


async def test_credit_notes_are_announced_when_created_and_decided(factory: Factory, receiver: Any) -> None:
    billed = await billed_organization(factory)
    await endpoint(billed.org.admin, receiver.url, "CREDIT_NOTE_CREATED", "CREDIT_NOTE_APPROVED")
    await billed.org.admin(
        """mutation { updateOrganization(input: {creditNoteApprovalThresholds:
        [{currency: "EUR", amountCents: 500}]}) { id } }"""
    )
    small = (
        await billed.finance(CREATE_NOTE, **note(billed.invoice["id"], [(billed.setup_fee, 100)], 120))
    ).ok("createCreditNote")
    large = (
        await billed.finance(CREATE_NOTE, **note(billed.invoice["id"], [(billed.setup_fee, 500)], 600))
    ).ok("createCreditNote")
    await billed.org.admin(
        "mutation($id: ID!) { approveCreditNote(input: {id: $id}) { id } }", id=large["id"]
    )

    found = await webhooks(billed.org.admin)
    by_kind = sorted((w["eventType"], w["objectId"], w["payload"]["credit_note"]["status"]) for w in found)

    assert by_kind == sorted(
        [
            ("CREDIT_NOTE_CREATED", small["id"], "finalized"),
            ("CREDIT_NOTE_CREATED", large["id"], "pending_approval"),
            ("CREDIT_NOTE_APPROVED", large["id"], "finalized"),
        ]
    )
    small_body = next(w for w in found if w["objectId"] == small["id"])["payload"]["credit_note"]
    assert (small_body["total_amount_cents"], small_body["credit_amount_cents"]) == (120, 120)
    assert [(i["fee_id"], i["amount_cents"], i["taxes_amount_cents"]) for i in small_body["items"]] == [
        (billed.setup_fee, 100, 20)
    ]


async def _subscription_setup(org: Org) -> tuple[str, str, str]:
    customer = (await org.admin(CUSTOMER)).ok("createCustomer")["id"]
    basic = (await plan(org.admin, "basic", [], amountCents=1000, amountCurrency="EUR"))["id"]
    pro = (await plan(org.admin, "pro", [], amountCents=5000, amountCurrency="EUR"))["id"]
    return customer, basic, pro


async def test_subscriptions_are_announced_started_changed_and_terminated(
    factory: Factory, receiver: Any
) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url)
    customer, basic, pro = await _subscription_setup(org)
    first = (
        await org.admin(SUBSCRIBE, input={"customerId": customer, "planId": basic, "externalId": "s1"})
    ).ok("createSubscription")["id"]
    await org.admin(RENAME, id=first)
    upgraded = (await org.admin(CHANGE, id=first, plan=pro)).ok("changeSubscriptionPlan")
    await org.admin(TERMINATE, id=upgraded["id"])

    found = await webhooks(org.admin, "PENDING")
    story = sorted(
        (w["payload"]["created_at"], w["eventType"], w["objectId"])
        for w in found
        if w["objectType"] == "subscription"
    )

    assert [(kind, obj) for _, kind, obj in story] == [
        ("SUBSCRIPTION_STARTED", first),
        ("SUBSCRIPTION_CHANGED", first),
        ("SUBSCRIPTION_CHANGED", first),
        ("SUBSCRIPTION_TERMINATED", first),
        ("SUBSCRIPTION_STARTED", upgraded["id"]),
        ("SUBSCRIPTION_TERMINATED", upgraded["id"]),
    ]
    change = [w["payload"]["subscription"] for w in found if w["eventType"] == "SUBSCRIPTION_CHANGED"]
    assert [c.get("next_subscription", {}).get("id") for c in change if "next_subscription" in c] == [
        upgraded["id"]
    ]
    assert {c["name"] for c in change} == {"Gold"}


async def test_pending_subscriptions_are_announced_when_the_clock_starts_them(
    factory: Factory, db: Database, receiver: Any
) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
    customer, basic, _ = await _subscription_setup(org)
    later = datetime.now(UTC) + timedelta(days=3)
    created = (
        await org.admin(
            SUBSCRIBE,
            input={
                "customerId": customer,
                "planId": basic,
                "externalId": "s1",
                "subscriptionAt": later.isoformat(),
            },
        )
    ).ok("createSubscription")["id"]
    before = await webhooks(org.admin)

    async with db.sessionmaker() as session, session.begin():
        await apply_due_transitions(session, later + timedelta(seconds=1))

    after = await webhooks(org.admin)
    assert before == []
    assert [(w["eventType"], w["objectId"], w["payload"]["subscription"]["status"]) for w in after] == [
        ("SUBSCRIPTION_STARTED", created, "active")
    ]


async def test_wallet_top_ups_are_announced_with_their_transactions(factory: Factory, receiver: Any) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "WALLET_TOPPED_UP")
    customer = (await org.admin(CUSTOMER)).ok("createCustomer")["id"]
    wallet = (await org.admin(WALLET, c=customer)).ok("createCustomerWallet")["id"]
    await org.admin(TOP_UP, w=wallet)

    found = sorted(await webhooks(org.admin), key=lambda w: w["payload"]["created_at"])

    assert [w["objectId"] for w in found] == [wallet, wallet]
    transactions = [
        [
            (t["source"], t["status"], t["credit_amount"], t["amount_cents"])
            for t in w["payload"]["wallet"]["transactions"]
        ]
        for w in found
    ]
    assert transactions == [[("granted", "settled", "10", 1000)], [("purchased", "pending", "5", 500)]]
    assert found[1]["payload"]["wallet"]["credits_balance"] == "10"


async def test_rejected_events_of_a_batch_are_announced_on_the_graph_and_over_http(
    factory: Factory, api: Api, receiver: Any
) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "EVENTS_REJECTED")
    key = await factory.api_key(org, "admin")
    bad = {"transactionId": "t1", "externalSubscriptionId": "nope", "code": "calls"}
    await org.admin(EVENTS, input={"events": [bad]})
    await api.client.post(
        "/api/v1/events/batch",
        json={"events": [{"transaction_id": "t2", "external_subscription_id": "nope", "code": "calls"}]},
        headers={"authorization": f"Bearer {key.secret}"},
    )
    await api.client.post(
        "/api/v1/events",
        json={"event": {"transaction_id": "t3", "external_subscription_id": "nope", "code": "calls"}},
        headers={"authorization": f"Bearer {key.secret}"},
    )

    found = sorted(await webhooks(org.admin), key=lambda w: w["payload"]["created_at"])

    assert [w["objectType"] for w in found] == ["event_batch", "event_batch"]
    batches = [w["payload"]["event_batch"] for w in found]
    assert [(b["created"], b["rejected"], [e["transaction_id"] for e in b["events"]]) for b in batches] == [
        (0, 1, ["t1"]),
        (0, 1, ["t2"]),
    ]
    assert batches[0]["events"][0]["errors"] == {
        "code": "no billable metric 'calls'",
        "externalSubscriptionId": "no subscription with this external id",
    }


async def test_endpoints_hear_only_their_event_types_and_a_destroyed_one_nothing(
    factory: Factory, receiver: Any
) -> None:
    org = await factory.organization()
    voids = (await endpoint(org.admin, receiver.url, "INVOICE_VOIDED"))["webhookEndpoint"]
    gone = (await endpoint(org.admin, receiver.url))["webhookEndpoint"]
    await org.admin("mutation($id: ID!) { destroyWebhookEndpoint(input: {id: $id}) { id } }", id=gone["id"])
    customer, basic, _ = await _subscription_setup(org)
    await org.admin(SUBSCRIBE, input={"customerId": customer, "planId": basic, "externalId": "s1"})

    assert await webhooks(org.admin) == []
    assert voids["eventTypes"] == ["INVOICE_VOIDED"]


async def test_a_rolled_back_change_leaves_no_webhook(factory: Factory, db: Database, receiver: Any) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url)
    customer, basic, _ = await _subscription_setup(org)

    async with db.sessionmaker() as session:
        async with session.begin():
            await create_subscription(session, actor_for(org.admin), SubscriptionInput(customer, basic, "s1"))
            written = await session.scalar(sa.select(sa.func.count()).select_from(Webhook))
            await session.rollback()
        left = await session.scalar(sa.select(sa.func.count()).select_from(Webhook))

    assert (written, left) == (1, 0)


async def test_nothing_is_written_without_endpoints(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    customer, basic, _ = await _subscription_setup(org)
    await org.admin(SUBSCRIBE, input={"customerId": customer, "planId": basic, "externalId": "s1"})

    async with db.sessionmaker() as session:
        assert await session.scalar(sa.select(sa.func.count()).select_from(Webhook)) == 0
