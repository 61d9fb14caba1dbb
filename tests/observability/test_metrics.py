"""/metrics: requests, errors and latency per operation, the connection pool, and the business counters
(events ingested, invoices issued, webhook deliveries), counted once committed; a token, which
production needs unless metrics are opened explicitly; /live and /ready."""

from __future__ import annotations

import httpx
from sqlalchemy.engine import make_url

from app.db.engine import Database
from app.observability.metrics import REGISTRY
from app.settings import Settings
from app.webhooks.delivery import deliver_due
from tests.conftest import make_client, settings_for_tests
from tests.credit_notes.conftest import billed_organization
from tests.helpers import Factory
from tests.webhooks.conftest import Receiver, endpoint


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_requests_errors_and_latency_are_counted_per_operation(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization()
    manager = await factory.member(org, "manager")
    before = _value("billgraph_requests_total", operation="query organization")
    denied_before = _value("billgraph_request_errors_total", operation="query apiKeys", code="FORBIDDEN")
    timed_before = _value("billgraph_request_duration_seconds_count", operation="query organization")

    await org.admin("{ organization { name } }")
    await org.admin("query Named { organization { id } }")
    await manager("{ apiKeys { id } }")
    scraped = await client.get("/metrics")

    assert _value("billgraph_requests_total", operation="query organization") == before + 2
    assert (
        _value("billgraph_request_errors_total", operation="query apiKeys", code="FORBIDDEN")
        == denied_before + 1
    )
    assert (
        _value("billgraph_request_duration_seconds_count", operation="query organization") == timed_before + 2
    )
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain")
    assert 'billgraph_requests_total{operation="query organization"}' in scraped.text
    assert 'billgraph_db_pool_connections{state="in_use"}' in scraped.text


async def test_events_are_counted_by_outcome_once_committed(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "admin")
    rejected = _value("billgraph_events_ingested_total", status="rejected")

    await client.post(
        "/api/v1/events/batch",
        json={"events": [{"transaction_id": "t1", "external_subscription_id": "x", "code": "y"}] * 2},
        headers={"authorization": f"Bearer {key.secret}"},
    )
    await org.admin(
        "mutation($input: CreateEventsInput!) { createEvents(input: $input) { rejected } }",
        input={"events": [{"transactionId": "t", "externalSubscriptionId": "x", "code": "y"}]},
    )
    failed = await org.admin(  # a single event is refused as a whole: nothing committed, nothing counted
        'mutation { createEvent(input: {transactionId: "t", externalSubscriptionId: "x", code: "y"}) { status } }'
    )

    assert failed.code == "VALIDATION_ERROR"
    assert _value("billgraph_events_ingested_total", status="rejected") == rejected + 3


async def test_invoices_and_webhook_deliveries_are_counted(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    invoices = _value("billgraph_invoices_issued_total")
    delivered = _value("billgraph_webhook_deliveries_total", outcome="succeeded")

    billed = await billed_organization(factory)  # one one-off invoice
    await endpoint(billed.org.admin, receiver.url, "CREDIT_NOTE_CREATED")
    await billed.finance(
        """mutation($id: ID!, $fee: ID!) { createCreditNote(input: {invoiceId: $id, reason: OTHER,
        items: [{feeId: $fee, amountCents: 100}], creditAmountCents: 120}) { id } }""",
        id=billed.invoice["id"],
        fee=billed.setup_fee,
    )
    await deliver_due(db, settings)

    assert _value("billgraph_invoices_issued_total") == invoices + 1
    assert _value("billgraph_webhook_deliveries_total", outcome="succeeded") == delivered + 1


async def test_metrics_may_need_a_token_or_be_off(db: Database) -> None:
    async with make_client(settings_for_tests(metrics_token="scrape-" + "x" * 20), db) as client:
        refused = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"authorization": "Bearer nope"})
        allowed = await client.get("/metrics", headers={"authorization": "Bearer scrape-" + "x" * 20})
    async with make_client(settings_for_tests(metrics_enabled=False), db) as client:
        off = await client.get("/metrics")

    assert (refused.status_code, wrong.status_code, allowed.status_code, off.status_code) == (
        401,
        401,
        200,
        404,
    )
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_production_serves_metrics_only_with_the_token_unless_opened(db: Database) -> None:
    token = "scrape-" + "y" * 20
    async with make_client(settings_for_tests(environment="production"), db) as client:
        closed = await client.get("/metrics")
        still_ready = await client.get("/live")
    async with make_client(settings_for_tests(environment="production", metrics_token=token), db) as client:
        anonymous = await client.get("/metrics")
        scraped = await client.get("/metrics", headers={"authorization": f"Bearer {token}"})
    opened = settings_for_tests(environment="production", metrics_public=True)
    async with make_client(opened, db) as client:
        public = await client.get("/metrics")
    async with make_client(settings_for_tests(), db) as client:  # development: open without a token
        development = await client.get("/metrics")

    assert (closed.status_code, still_ready.status_code) == (404, 200)
    assert "billgraph_requests_total" not in closed.text
    assert (anonymous.status_code, scraped.status_code) == (401, 200)
    assert (public.status_code, development.status_code) == (200, 200)
    assert "billgraph_requests_total" in public.text


async def test_liveness_and_readiness(client: httpx.AsyncClient, settings: Settings) -> None:
    live = await client.get("/live")
    ready = await client.get("/ready")
    unreachable = Database.connect(make_url("postgresql+asyncpg://nobody@127.0.0.1:1/none"), settings)
    async with make_client(settings, unreachable) as down:
        not_ready = await down.get("/ready")
        still_live = await down.get("/live")
    await unreachable.dispose()

    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    assert ready.status_code == 200
    assert ready.json()["status"] == "ok"
    assert ready.json()["migration"] is not None
    assert (not_ready.status_code, not_ready.json()["database"]) == (503, "unreachable")
    assert still_live.status_code == 200


async def test_a_batched_request_counts_once_under_one_label(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization()
    before = _value("billgraph_requests_total", operation="batch")

    reply = await client.post(
        "/graphql",
        json=[{"query": "{ organization { name } }"}] * 3,
        headers={"authorization": f"Bearer {org.admin.token}"},
    )

    assert reply.status_code == 200
    assert len(reply.json()) == 3
    assert _value("billgraph_requests_total", operation="batch") == before + 1
