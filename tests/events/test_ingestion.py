"""Usage events: exactly once, per-event errors, batches, GraphQL and plain HTTP, permissions."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from app.db.engine import Database
from app.settings import Settings
from tests.catalogue import metric, plan
from tests.conftest import make_client
from tests.helpers import Api, Factory, Key, Org

BATCH = """mutation($input: CreateEventsInput!) { createEvents(input: $input) {
  created duplicates rejected events { transactionId status errors } } }"""
ONE = """mutation($input: EventInput!) { createEvent(input: $input) { transactionId status } }"""


async def _setup(org: Org) -> None:
    await metric(org.admin, "api_calls")
    await metric(org.admin, "storage_gb", "MAX_AGG", "gb")
    await metric(org.admin, "seats", "UNIQUE_COUNT_AGG", "user_id")
    pro = await plan(org.admin, "pro", [])
    customer = (
        await org.admin('mutation { createCustomer(input: {externalId: "c", name: "C"}) { id } }')
    ).ok("createCustomer")["id"]
    await org.admin(
        'mutation($c: ID!, $p: ID!) { createSubscription(input: {customerId: $c, planId: $p, externalId: "sub_1"}) { id } }',
        c=customer,
        p=pro["id"],
    )


def event(tx: str, code: str = "api_calls", **extra: Any) -> dict[str, Any]:
    return {"transactionId": tx, "externalSubscriptionId": "sub_1", "code": code, **extra}


async def test_a_batch_stores_each_event_once_and_says_which_were_duplicates(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)
    first = await org.admin(BATCH, input={"events": [event("t1"), event("t2"), event("t1")]})

    second = await org.admin(
        BATCH, input={"events": [event("t2"), event("t3", timestamp="2026-11-01T10:00:00Z")]}
    )
    stored = await org.admin("{ events { collection { transactionId timestamp } metadata { totalCount } } }")

    assert first.ok("createEvents") | {"events": None} == {
        "created": 2,
        "duplicates": 1,
        "rejected": 0,
        "events": None,
    }
    assert [e["status"] for e in first.ok("createEvents")["events"]] == ["CREATED", "CREATED", "DUPLICATE"]
    assert [e["status"] for e in second.ok("createEvents")["events"]] == ["DUPLICATE", "CREATED"]
    assert stored.ok("events")["metadata"]["totalCount"] == 3
    assert {"transactionId": "t3", "timestamp": "2026-11-01T10:00:00+00:00"} in stored.ok("events")[
        "collection"
    ]


async def test_bad_events_are_rejected_one_by_one_and_the_rest_is_kept(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)

    response = await org.admin(
        BATCH,
        input={
            "events": [
                event("ok-1"),
                event("bad-code", code="nope"),
                {**event("bad-sub"), "externalSubscriptionId": "sub_404"},
                event("no-gb", code="storage_gb", properties={}),
                event("text-gb", code="storage_gb", properties={"gb": "lots"}),
                event("ok-2", code="storage_gb", properties={"gb": "12.5"}),
                event("ok-3", code="seats", properties={"user_id": "u-1"}),
            ]
        },
    )

    result = response.ok("createEvents")
    assert (result["created"], result["rejected"]) == (3, 4)
    assert {e["transactionId"]: e["errors"] for e in result["events"] if e["status"] == "REJECTED"} == {
        "bad-code": {"code": "no billable metric 'nope'"},
        "bad-sub": {"externalSubscriptionId": "no subscription with this external id"},
        "no-gb": {"properties.gb": "is required by the storage_gb metric"},
        "text-gb": {"properties.gb": "must be a number"},
    }


async def test_a_single_bad_event_is_a_validation_error(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)

    good = await org.admin(ONE, input=event("t1"))
    bad = await org.admin(ONE, input=event("t2", code="nope"))

    assert good.ok("createEvent") == {"transactionId": "t1", "status": "CREATED"}
    assert bad.code == "VALIDATION_ERROR"
    assert bad.error()["extensions"]["fields"] == {"code": "no billable metric 'nope'"}


async def test_a_batch_has_at_most_a_thousand_events(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)

    response = await org.admin(BATCH, input={"events": [event(f"t{i}") for i in range(1001)]})

    assert response.error()["extensions"]["fields"] == {"events": "holds at most 1000 items"}


async def _rest(client: httpx.AsyncClient, key: Key, path: str, body: dict[str, Any]) -> httpx.Response:
    return await client.post(path, json=body, headers={"authorization": f"Bearer {key.secret}"})


def rest_event(tx: str, **extra: Any) -> dict[str, Any]:
    return {"transaction_id": tx, "external_subscription_id": "sub_1", "code": "api_calls", **extra}


async def test_the_http_endpoints_take_one_event_or_a_batch_with_an_api_key(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization()
    await _setup(org)
    await factory.role(org, "ingest", ["events:create"])
    key = await factory.api_key(org, "ingest")

    one = await _rest(client, key, "/api/v1/events", {"event": rest_event("h1", timestamp=1764000000)})
    again = await _rest(client, key, "/api/v1/events", {"event": rest_event("h1")})
    bad = await _rest(client, key, "/api/v1/events", {"event": rest_event("h2", code="nope")})
    batch = await _rest(
        client, key, "/api/v1/events/batch", {"events": [rest_event("h1"), rest_event("h3"), 7]}
    )

    assert (one.status_code, one.json()["event"]["status"]) == (200, "created")
    assert again.json()["event"]["status"] == "duplicate"
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["extensions"] == {
        "code": "VALIDATION_ERROR",
        "fields": {"code": "no billable metric 'nope'"},
    }
    assert batch.status_code == 200
    assert {k: batch.json()[k] for k in ("created", "duplicates", "rejected")} == {
        "created": 1,
        "duplicates": 1,
        "rejected": 1,
    }
    assert batch.json()["events"][2] == {
        "transaction_id": None,
        "external_subscription_id": None,
        "code": None,
        "status": "rejected",
        "errors": {"event": "must be an object"},
    }


async def test_the_http_endpoints_answer_the_error_contract(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization()
    await _setup(org)
    reader = await factory.api_key(org, "finance")

    anonymous = await client.post("/api/v1/events", json={"event": rest_event("x")})
    forbidden = await _rest(client, reader, "/api/v1/events", {"event": rest_event("x")})
    malformed = await client.post(
        "/api/v1/events/batch",
        content=b"{",
        headers={"authorization": f"Bearer {(await factory.api_key(org, 'admin')).secret}"},
    )

    assert (anonymous.status_code, anonymous.json()["errors"][0]["extensions"]["code"]) == (
        401,
        "UNAUTHENTICATED",
    )
    assert forbidden.status_code == 403
    assert forbidden.json()["errors"][0]["extensions"] == {
        "code": "FORBIDDEN",
        "requiredPermissions": ["events:create"],
    }
    assert (malformed.status_code, malformed.json()["errors"][0]["extensions"]["code"]) == (
        400,
        "VALIDATION_ERROR",
    )


async def test_managers_and_finance_see_events_but_cannot_send_them(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)
    for role in ("manager", "finance"):
        member = await factory.member(org, role)

        read = await member("{ events { metadata { totalCount } } }")
        write = await member(BATCH, input={"events": [event("t")]})

        assert read.ok("events")["metadata"]["totalCount"] == 0
        assert write.error()["extensions"]["requiredPermissions"] == ["events:create"]


async def test_the_same_event_sent_concurrently_is_stored_once(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as client:
        factory = Factory(committed_db, settings, Api(client))
        org = await factory.organization()
        await _setup(org)
        key = await factory.api_key(org, "admin")
        batch = {"events": [rest_event(f"c{i}") for i in range(50)]}

        answers = await asyncio.gather(*(_rest(client, key, "/api/v1/events/batch", batch) for _ in range(6)))

        assert sum(a.json()["created"] for a in answers) == 50
        assert sum(a.json()["duplicates"] for a in answers) == 250
        stored = await org.admin("{ events(limit: 100) { metadata { totalCount } } }")
        assert stored.ok("events")["metadata"]["totalCount"] == 50
