"""Events that no period will bill are stored, but their answer (and the ``events.warned`` webhook) says
why: before the subscription starts, after it ends, in a period already invoiced."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.db.engine import Database
from app.settings import Settings
from app.webhooks.delivery import deliver_due
from tests.catalogue import metric, plan
from tests.helpers import Api, Factory, Org
from tests.invoicing.conftest import bill, customer, subscribe
from tests.webhooks.conftest import Receiver, endpoint, webhooks

BATCH = """mutation($input: CreateEventsInput!) { createEvents(input: $input) {
  created duplicates rejected warned events { transactionId status warnings } } }"""
ONE = """mutation($input: EventInput!) { createEvent(input: $input) {
  transactionId status warnings } }"""
TERMINATE = "mutation($id: ID!) { terminateSubscription(input: {id: $id}) { terminatedAt } }"
CHANGE = """mutation($id: ID!, $plan: ID!) { changeSubscriptionPlan(input: {id: $id, planId: $plan}) {
  status subscriptionAt } }"""
BEFORE_MARCH = "the event is before its subscription starts (2026-03-01T00:00:00Z); no period will bill it"


async def _catalogue(org: Org) -> dict[str, str]:
    await metric(org.admin, "api_calls")
    basic = await plan(org.admin, "basic", [], amountCents=1000)
    premium = await plan(org.admin, "premium", [], amountCents=5000)
    return {"basic": basic["id"], "premium": premium["id"], "customer": await customer(org, "acme")}


def _event(tx: str, at: str, external_id: str = "sub_1") -> dict[str, Any]:
    return {"transactionId": tx, "externalSubscriptionId": external_id, "code": "api_calls", "timestamp": at}


def _warnings(result: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    return {e["transactionId"]: [(w["code"], w["message"]) for w in e["warnings"]] for e in result["events"]}


def _z(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


async def test_an_event_before_the_start_is_stored_with_a_warning_and_one_inside_without(
    factory: Factory,
) -> None:
    org = await factory.organization()
    given = await _catalogue(org)
    await subscribe(org, given["customer"], given["basic"], "sub_1", "2026-03-01T00:00:00+00:00")

    response = await org.admin(
        BATCH,
        input={
            "events": [
                _event("early", "2026-02-28T23:59:59Z"),
                _event("at-start", "2026-03-01T00:00:00Z"),
                _event("inside", "2026-06-15T12:00:00Z"),
                _event("early", "2026-02-28T23:59:59Z"),
            ]
        },
    )
    stored = await org.admin("{ events { metadata { totalCount } } }")

    result = response.ok("createEvents")
    assert (result["created"], result["duplicates"], result["rejected"], result["warned"]) == (3, 1, 0, 1)
    assert [e["status"] for e in result["events"]] == ["CREATED", "CREATED", "CREATED", "DUPLICATE"]
    assert [e["warnings"] for e in result["events"][1:3]] == [[], []]
    assert result["events"][0]["warnings"] == [{"code": "BEFORE_SUBSCRIPTION_START", "message": BEFORE_MARCH}]
    assert result["events"][3]["warnings"] == result["events"][0]["warnings"]  # the duplicate says it too
    assert stored.ok("events")["metadata"]["totalCount"] == 3


async def test_an_event_at_or_after_the_end_is_warned_through_the_http_batch(
    factory: Factory, api: Api
) -> None:
    org = await factory.organization()
    given = await _catalogue(org)
    await subscribe(
        org,
        given["customer"],
        given["basic"],
        "sub_1",
        "2026-01-01T00:00:00+00:00",
        endingAt="2030-01-01T00:00:00+00:00",
    )
    ended = await subscribe(org, given["customer"], given["basic"], "sub_2", "2026-01-01T00:00:00+00:00")
    terminated_at = datetime.fromisoformat(
        (await org.admin(TERMINATE, id=ended)).ok("terminateSubscription")["terminatedAt"]
    )
    key = await factory.api_key(org, "admin")

    def rest(tx: str, external_id: str, at: str) -> dict[str, Any]:
        return {
            "transaction_id": tx,
            "external_subscription_id": external_id,
            "code": "api_calls",
            "timestamp": at,
        }

    answer = await api.client.post(
        "/api/v1/events/batch",
        json={
            "events": [
                rest("last-second", "sub_1", "2029-12-31T23:59:59Z"),
                rest("at-end", "sub_1", "2030-01-01T00:00:00Z"),
                rest("before-termination", "sub_2", (terminated_at - timedelta(seconds=1)).isoformat()),
                rest("after-termination", "sub_2", (terminated_at + timedelta(hours=1)).isoformat()),
                rest("unknown", "sub_404", "2026-06-01T00:00:00Z"),
            ]
        },
        headers={"authorization": f"Bearer {key.secret}"},
    )

    body = answer.json()
    assert answer.status_code == 200
    assert {k: body[k] for k in ("created", "duplicates", "rejected", "warned")} == {
        "created": 4,
        "duplicates": 0,
        "rejected": 1,
        "warned": 2,
    }
    assert {e["transaction_id"]: (e["status"], e.get("warnings")) for e in body["events"]} == {
        "last-second": ("created", None),
        "at-end": (
            "created",
            [
                {
                    "code": "AFTER_SUBSCRIPTION_END",
                    "message": "the event is after its subscription ended (2030-01-01T00:00:00Z); "
                    "no period will bill it",
                }
            ],
        ),
        "before-termination": ("created", None),
        "after-termination": (
            "created",
            [
                {
                    "code": "AFTER_SUBSCRIPTION_END",
                    "message": f"the event is after its subscription ended ({_z(terminated_at)}); "
                    "no period will bill it",
                }
            ],
        ),
        "unknown": ("rejected", None),  # no subscription at all: rejected, as before
    }
    assert body["events"][4]["errors"] == {
        "external_subscription_id": "no subscription with this external id"
    }


async def test_a_pending_subscription_covers_what_follows_its_start_and_a_canceled_one_nothing(
    factory: Factory,
) -> None:
    org = await factory.organization()
    given = await _catalogue(org)
    await subscribe(org, given["customer"], given["basic"], "sub_1", "2030-01-01T00:00:00+00:00")
    canceled = await subscribe(org, given["customer"], given["basic"], "sub_2", "2030-01-01T00:00:00+00:00")
    await org.admin(TERMINATE, id=canceled)

    response = await org.admin(
        BATCH,
        input={
            "events": [
                _event("early", "2029-12-31T23:59:59Z"),
                _event("once-started", "2030-01-02T00:00:00Z"),
                _event("canceled", "2030-01-02T00:00:00Z", "sub_2"),
            ]
        },
    )

    result = response.ok("createEvents")
    assert (result["created"], result["rejected"], result["warned"]) == (3, 0, 2)
    assert _warnings(result) == {
        "early": [
            (
                "BEFORE_SUBSCRIPTION_START",
                "the event is before its subscription starts (2030-01-01T00:00:00Z); no period will bill it",
            )
        ],
        "once-started": [],
        "canceled": [
            (
                "SUBSCRIPTION_CANCELED",
                "every subscription with this external id is canceled; no period will bill it",
            )
        ],
    }


async def test_after_a_plan_change_the_successor_covers_the_events_under_the_same_external_id(
    factory: Factory,
) -> None:
    org = await factory.organization()
    given = await _catalogue(org)
    old = await subscribe(org, given["customer"], given["basic"], "sub_1", "2026-01-01T00:00:00+00:00")
    changed = (await org.admin(CHANGE, id=old, plan=given["premium"])).ok("changeSubscriptionPlan")
    now = datetime.now(UTC)

    response = await org.admin(
        BATCH,
        input={
            "events": [
                _event("before-everything", "2025-12-31T23:59:59Z"),
                _event("old-plan", "2026-02-01T00:00:00Z"),
                _event("new-plan", (now + timedelta(days=1)).isoformat()),
            ]
        },
    )

    assert changed["status"] == "ACTIVE"  # an upgrade: the successor starts now, the old one ends now
    result = response.ok("createEvents")
    assert (result["created"], result["warned"]) == (3, 1)
    assert _warnings(result) == {
        "before-everything": [
            (
                "BEFORE_SUBSCRIPTION_START",
                "the event is before its subscription starts (2026-01-01T00:00:00Z); no period will bill it",
            )
        ],
        "old-plan": [],
        "new-plan": [],
    }


async def test_an_event_in_a_finalized_period_is_already_invoiced_but_a_draft_still_takes_it(
    factory: Factory, db: Database
) -> None:
    finalized, draft = await factory.organization(), await factory.organization()
    await draft.admin("mutation { updateOrganization(input: {invoiceGracePeriod: 3}) { id } }")
    for org in (finalized, draft):
        given = await _catalogue(org)
        await subscribe(org, given["customer"], given["basic"], "sub_1", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    late = {"events": [_event("late", "2026-01-31T23:00:00Z"), _event("next", "2026-02-01T00:00:00Z")]}

    on_finalized = (await finalized.admin(BATCH, input=late)).ok("createEvents")
    on_draft = (await draft.admin(BATCH, input=late)).ok("createEvents")

    assert (on_finalized["created"], on_finalized["warned"]) == (2, 1)
    assert _warnings(on_finalized) == {
        "late": [
            (
                "ALREADY_INVOICED",
                "the event is in a period already invoiced (through 2026-02-01T00:00:00Z); "
                "it will not be billed",
            )
        ],
        "next": [],
    }
    assert (on_draft["created"], on_draft["warned"]) == (2, 0)
    assert _warnings(on_draft) == {"late": [], "next": []}


async def test_a_single_event_answers_its_warning_on_the_graph_and_over_http(
    factory: Factory, api: Api
) -> None:
    org = await factory.organization()
    given = await _catalogue(org)
    await subscribe(org, given["customer"], given["basic"], "sub_1", "2026-03-01T00:00:00+00:00")
    key = await factory.api_key(org, "admin")

    graph = await org.admin(ONE, input=_event("g1", "2026-02-01T00:00:00Z"))
    http = await api.client.post(
        "/api/v1/events",
        json={
            "event": {
                "transaction_id": "h1",
                "external_subscription_id": "sub_1",
                "code": "api_calls",
                "timestamp": "2026-02-01T00:00:00Z",
            }
        },
        headers={"authorization": f"Bearer {key.secret}"},
    )

    assert graph.ok("createEvent") == {
        "transactionId": "g1",
        "status": "CREATED",
        "warnings": [{"code": "BEFORE_SUBSCRIPTION_START", "message": BEFORE_MARCH}],
    }
    assert http.status_code == 200
    assert http.json()["event"] == {
        "transaction_id": "h1",
        "external_subscription_id": "sub_1",
        "code": "api_calls",
        "status": "created",
        "warnings": [{"code": "BEFORE_SUBSCRIPTION_START", "message": BEFORE_MARCH}],
    }


async def test_warned_events_are_delivered_in_an_events_warned_webhook(
    factory: Factory, db: Database, settings: Settings, receiver: Receiver
) -> None:
    org = await factory.organization()
    given = await _catalogue(org)
    await subscribe(org, given["customer"], given["basic"], "sub_1", "2026-03-01T00:00:00+00:00")
    await endpoint(org.admin, receiver.url, "EVENTS_WARNED")
    await org.admin(BATCH, input={"events": [_event("fine", "2026-03-02T00:00:00Z")]})  # nothing to say
    await org.admin(
        BATCH,
        input={
            "events": [
                _event("early", "2026-02-01T00:00:00Z"),
                _event("fine-2", "2026-03-02T00:00:00Z"),
                {**_event("bad", "2026-03-02T00:00:00Z"), "code": "nope"},
            ]
        },
    )
    await org.admin(BATCH, input={"events": [_event("early", "2026-02-01T00:00:00Z")]})  # a duplicate
    await org.admin(ONE, input=_event("early-one", "2026-02-02T00:00:00Z"))

    report = await deliver_due(db, settings)

    logged = await webhooks(org.admin)
    assert report.succeeded == 2
    assert sorted((w["eventType"], w["status"]) for w in logged) == [
        ("EVENTS_WARNED", "SUCCEEDED"),
        ("EVENTS_WARNED", "SUCCEEDED"),
    ]
    received = sorted((r.json for r in receiver.received), key=lambda body: body["created_at"])
    assert [(r["type"], r["object_type"]) for r in received] == [
        ("events.warned", "event_batch"),
        ("events.warned", "event_batch"),
    ]
    assert [r["event_batch"] for r in received] == [
        {
            "created": 2,
            "duplicates": 0,
            "warned": 1,
            "events": [
                {
                    "transaction_id": "early",
                    "external_subscription_id": "sub_1",
                    "code": "api_calls",
                    "timestamp": "2026-02-01T00:00:00+00:00",
                    "warnings": [{"code": "BEFORE_SUBSCRIPTION_START", "message": BEFORE_MARCH}],
                }
            ],
        },
        {
            "created": 1,
            "duplicates": 0,
            "warned": 1,
            "events": [
                {
                    "transaction_id": "early-one",
                    "external_subscription_id": "sub_1",
                    "code": "api_calls",
                    "timestamp": "2026-02-02T00:00:00+00:00",
                    "warnings": [{"code": "BEFORE_SUBSCRIPTION_START", "message": BEFORE_MARCH}],
                }
            ],
        },
    ]
