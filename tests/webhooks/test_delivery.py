"""Delivery to a real receiver on loopback: signed with the endpoint's secret over the exact body, retried
with exponential backoff after failures, failed after the last attempt and sent again on request, and
never delivered twice once it succeeded, even with two workers at once."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from app.db.engine import Database
from app.settings import Settings
from app.webhooks import signing
from app.webhooks.delivery import Sender, backoff, deliver_due
from app.webhooks.models import Webhook
from scripts.server import free_port
from tests.catalogue import plan
from tests.conftest import make_client, settings_for_tests
from tests.helpers import Api, Factory, Org
from tests.webhooks.conftest import Receiver, endpoint, webhooks

SUBSCRIBE = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }"
RETRY = "mutation($id: ID!) { retryWebhook(input: {id: $id}) { id status attempts } }"


async def _subscribe(org: Org, external_id: str = "s1") -> str:
    customer = (
        await org.admin(
            'mutation($e: String!) { createCustomer(input: {externalId: $e, name: $e, currency: "EUR"}) { id } }',
            e=f"c-{external_id}",
        )
    ).ok("createCustomer")["id"]
    basic = (await plan(org.admin, f"basic_{external_id}", [], amountCents=1000, amountCurrency="EUR"))["id"]
    return str(
        (
            await org.admin(
                SUBSCRIBE, input={"customerId": customer, "planId": basic, "externalId": external_id}
            )
        ).ok("createSubscription")["id"]
    )


async def _make_due(db: Database) -> None:
    """Let retries come due now instead of after their backoff."""
    async with db.sessionmaker() as session, session.begin():
        await session.execute(
            sa.update(Webhook)
            .where(Webhook.status == "pending")
            .values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1))
        )


async def test_a_delivery_is_signed_over_its_exact_body(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    org = await factory.organization()
    created = await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
    subscription = await _subscribe(org)

    report = await deliver_due(db, settings)

    (got,) = receiver.received
    (logged,) = await webhooks(org.admin)
    assert (report.sent, report.succeeded, report.retrying, report.failed) == (1, 1, 0, 0)
    assert signing.verify(created["secret"], got.headers["x-billgraph-signature"], got.body)
    assert not signing.verify("whsec_other", got.headers["x-billgraph-signature"], got.body)
    assert not signing.verify(created["secret"], got.headers["x-billgraph-signature"], got.body + b" ")
    assert got.headers["content-type"] == "application/json"
    assert got.headers["x-billgraph-event-type"] == "subscription.started"
    assert got.headers["x-billgraph-webhook-id"] == logged["id"] == got.json["id"]
    assert got.json["subscription"]["id"] == subscription
    assert got.json == logged["payload"]
    assert (logged["status"], logged["attempts"], logged["lastResponseCode"], logged["lastError"]) == (
        "SUCCEEDED",
        1,
        200,
        None,
    )
    assert logged["deliveredAt"] is not None


def test_a_stale_or_malformed_signature_is_refused() -> None:
    body = b'{"id":"1"}'
    header = signing.signature("whsec_s", 1_700_000_000, body)

    assert signing.verify("whsec_s", header, body, now=1_700_000_000 + 299)
    assert not signing.verify("whsec_s", header, body, now=1_700_000_000 + 301)
    assert not signing.verify("whsec_s", "t=abc,v1=00", body)
    assert not signing.verify("whsec_s", "garbage", body)


async def test_failures_are_retried_with_backoff_then_failed_and_retried_on_request(
    factory: Factory, db: Database, receiver: Receiver
) -> None:
    settings = settings_for_tests(webhook_max_attempts=3, webhook_retry_base_seconds=30)
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
    await _subscribe(org)
    receiver.answers = [500, 503, 500]

    first = await deliver_due(db, settings)
    (after_first,) = await webhooks(org.admin)
    not_yet = await deliver_due(db, settings)  # the retry is not due for 30 s
    await _make_due(db)
    second = await deliver_due(db, settings)
    await _make_due(db)
    third = await deliver_due(db, settings)
    (failed,) = await webhooks(org.admin)
    await _make_due(db)
    nothing_left = await deliver_due(db, settings)
    retried = (await org.admin(RETRY, id=failed["id"])).ok("retryWebhook")
    again = await deliver_due(db, settings)
    (done,) = await webhooks(org.admin)

    assert [(r.sent, r.retrying, r.failed, r.succeeded) for r in (first, not_yet, second, third)] == [
        (1, 1, 0, 0),
        (0, 0, 0, 0),
        (1, 1, 0, 0),
        (1, 0, 1, 0),
    ]
    assert (after_first["status"], after_first["attempts"], after_first["lastResponseCode"]) == (
        "PENDING",
        1,
        500,
    )
    assert after_first["lastError"] == "HTTP 500"
    assert (failed["status"], failed["attempts"], failed["lastResponseCode"]) == ("FAILED", 3, 500)
    assert nothing_left.sent == 0
    assert retried == {"id": failed["id"], "status": "PENDING", "attempts": 0}
    assert (again.succeeded, done["status"], done["attempts"], done["lastResponseCode"]) == (
        1,
        "SUCCEEDED",
        1,
        200,
    )
    assert len(receiver.received) == 4
    assert len(set(receiver.ids())) == 1


def test_the_backoff_doubles_up_to_six_hours() -> None:
    settings = settings_for_tests(webhook_retry_base_seconds=30)

    delays = [backoff(settings, attempts).total_seconds() for attempts in (1, 2, 3, 4, 12)]

    assert delays == [30, 60, 120, 240, 6 * 3600]


async def test_an_unreachable_endpoint_is_an_attempt_that_failed(
    factory: Factory, db: Database, settings: Settings
) -> None:
    org = await factory.organization()
    await endpoint(org.admin, f"http://127.0.0.1:{free_port()}/nobody-listens", "SUBSCRIPTION_STARTED")
    await _subscribe(org)

    report = await deliver_due(db, settings)
    (logged,) = await webhooks(org.admin)

    assert (report.sent, report.retrying) == (1, 1)
    assert (logged["status"], logged["attempts"], logged["lastResponseCode"]) == ("PENDING", 1, None)
    assert logged["lastError"].startswith("ConnectError")


async def test_production_never_posts_to_an_internal_address(
    factory: Factory, db: Database, receiver: Receiver
) -> None:
    org = await factory.organization()
    await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")  # allowed in development
    await _subscribe(org)
    production = settings_for_tests(environment="production")

    report = await deliver_due(db, production)
    (logged,) = await webhooks(org.admin)

    assert (report.sent, receiver.received) == (1, [])
    assert logged["lastError"] == "the endpoint's host is an internal address"


async def test_only_a_failed_webhook_is_retried_and_only_by_its_organization(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    org, other = await factory.organization(), await factory.organization()
    manager = await factory.member(org, "manager")
    await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
    await _subscribe(org)
    await deliver_due(db, settings)
    (delivered,) = await webhooks(org.admin)

    succeeded = await org.admin(RETRY, id=delivered["id"])
    foreign = await other.admin(RETRY, id=delivered["id"])
    forbidden = await manager(RETRY, id=delivered["id"])
    listed_by_other = await webhooks(other.admin)

    assert succeeded.error()["extensions"]["fields"] == {
        "id": "only a failed webhook is retried (this one is succeeded)"
    }
    assert (foreign.code, forbidden.code, listed_by_other) == ("NOT_FOUND", "FORBIDDEN", [])


async def test_deliveries_of_a_destroyed_endpoint_fail_and_are_not_sent(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    org = await factory.organization()
    created = (await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED"))["webhookEndpoint"]
    await _subscribe(org)
    await org.admin(
        "mutation($id: ID!) { destroyWebhookEndpoint(input: {id: $id}) { id } }", id=created["id"]
    )

    report = await deliver_due(db, settings)
    (logged,) = await webhooks(org.admin)
    retried = await org.admin(RETRY, id=logged["id"])

    assert (report.sent, receiver.received) == (0, [])
    assert (logged["status"], logged["lastError"]) == ("FAILED", "endpoint destroyed")
    assert retried.code == "NOT_FOUND"


@pytest.mark.committed
async def test_two_workers_at_once_deliver_each_webhook_exactly_once(
    committed_db: Database, settings: Settings, receiver: Receiver
) -> None:
    async with make_client(settings, committed_db) as client:
        org = await Factory(committed_db, settings, Api(client)).organization()
        await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
        for n in range(30):
            await _subscribe(org, f"s{n}")

        async with Sender(settings) as shared:
            reports = await asyncio.gather(
                *(deliver_due(committed_db, settings, limit=10, sender=shared) for _ in range(6))
            )
            more = await deliver_due(committed_db, settings)
        listed = await webhooks(org.admin, "SUCCEEDED")

    assert sum(r.succeeded for r in reports) + more.succeeded == 30
    assert len(receiver.received) == 30
    assert len(set(receiver.ids())) == 30
    assert {w["id"] for w in listed} == set(receiver.ids())
    assert all(json.loads(r.body)["type"] == "subscription.started" for r in receiver.received)
