"""Rejected events are kept with what was sent and why, from the graph and the REST API alike, scoped
to their organization, read with events:view, and pruned (30 days, at most REJECTED_KEPT)."""

from __future__ import annotations

import json

import httpx
import pytest

from app.db.engine import Database
from app.events import ingest
from tests.events.test_ingestion import BATCH, ONE, _rest, _setup, event, rest_event
from tests.helpers import Factory

REJECTED = """query($code: String, $sub: String, $limit: Int) {
  rejectedEvents(code: $code, externalSubscriptionId: $sub, limit: $limit) {
    collection { transactionId externalSubscriptionId code errors sent source }
    metadata { totalCount } } }"""


async def test_a_rejected_batch_event_is_kept_with_what_was_sent_and_why(factory: Factory) -> None:
    # given an organization with a metric and a subscription
    org = await factory.organization()
    await _setup(org)

    # when a batch holds a good event and two bad ones
    await org.admin(
        BATCH,
        input={
            "events": [
                event("ok"),
                event("bad-code", code="nope"),
                {**event("bad-sub"), "externalSubscriptionId": "sub_404", "properties": {"n": 1}},
            ]
        },
    )
    kept = await org.admin(REJECTED)

    # then both bad ones are kept, newest first, and the good one is not
    assert kept.ok("rejectedEvents")["metadata"]["totalCount"] == 2
    first, second = kept.ok("rejectedEvents")["collection"]
    assert first | {"sent": None} == {
        "transactionId": "bad-sub",
        "externalSubscriptionId": "sub_404",
        "code": "api_calls",
        "errors": {"externalSubscriptionId": "no subscription with this external id"},
        "sent": None,
        "source": "GRAPH",
    }
    assert json.loads(first["sent"]) == {
        "transactionId": "bad-sub",
        "externalSubscriptionId": "sub_404",
        "code": "api_calls",
        "timestamp": None,
        "properties": {"n": 1},
    }
    assert (second["transactionId"], second["errors"]) == ("bad-code", {"code": "no billable metric 'nope'"})


async def test_a_single_rejected_event_is_kept_though_its_mutation_fails(factory: Factory) -> None:
    # given an organization with a metric and a subscription
    org = await factory.organization()
    await _setup(org)

    # when one bad event is sent alone
    answer = await org.admin(ONE, input=event("alone", code="nope"))
    kept = await org.admin(REJECTED)
    stored = await org.admin("{ events { metadata { totalCount } } }")

    # then the mutation is a VALIDATION_ERROR that stored no event, and the rejection is kept
    assert answer.code == "VALIDATION_ERROR"
    assert stored.ok("events")["metadata"]["totalCount"] == 0
    assert [
        (e["transactionId"], e["errors"], e["source"]) for e in kept.ok("rejectedEvents")["collection"]
    ] == [("alone", {"code": "no billable metric 'nope'"}, "GRAPH")]


async def test_the_rest_api_keeps_its_rejections_as_sent(factory: Factory, client: httpx.AsyncClient) -> None:
    # given an organization and an ingesting key
    org = await factory.organization()
    await _setup(org)
    await factory.role(org, "ingest", ["events:create"])
    key = await factory.api_key(org, "ingest")

    # when a single bad event and a batch with a non-object are sent over REST
    one = await _rest(client, key, "/api/v1/events", {"event": rest_event("r1", code="nope")})
    batch = await _rest(client, key, "/api/v1/events/batch", {"events": [rest_event("r2"), 7]})
    kept = (await org.admin(REJECTED)).ok("rejectedEvents")["collection"]

    # then both rejections are kept, from the API, the non-object with what it was
    assert (one.status_code, batch.status_code) == (422, 200)
    assert [(e["transactionId"], e["code"], e["errors"], e["sent"], e["source"]) for e in kept] == [
        (None, None, {"event": "must be an object"}, "7", "API"),
        (
            "r1",
            "nope",
            {"code": "no billable metric 'nope'"},
            json.dumps(rest_event("r1", code="nope")),
            "API",
        ),
    ]


async def test_rejections_filter_by_code_and_subscription(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)
    await org.admin(
        BATCH,
        input={
            "events": [
                event("a", code="nope"),
                event("b", code="other"),
                {**event("c", code="nope"), "externalSubscriptionId": "sub_x"},
            ]
        },
    )

    by_code = await org.admin(REJECTED, code="nope")
    by_both = await org.admin(REJECTED, code="nope", sub="sub_x")

    assert [e["transactionId"] for e in by_code.ok("rejectedEvents")["collection"]] == ["c", "a"]
    assert [e["transactionId"] for e in by_both.ok("rejectedEvents")["collection"]] == ["c"]


async def test_another_organization_never_sees_them(factory: Factory) -> None:
    ours, theirs = await factory.organization(), await factory.organization()
    await _setup(ours)
    await ours.admin(BATCH, input={"events": [event("secret", code="nope")]})

    seen = await theirs.admin(REJECTED)

    assert seen.ok("rejectedEvents")["metadata"]["totalCount"] == 0


async def test_reading_them_takes_events_view_both_ways(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)
    await org.admin(BATCH, input={"events": [event("x", code="nope")]})
    await factory.role(org, "watcher", ["events:view"])
    await factory.role(org, "sender", ["events:create"])
    watcher, sender = await factory.member(org, "watcher"), await factory.member(org, "sender")

    allowed = await watcher(REJECTED)
    refused = await sender(REJECTED)

    assert allowed.ok("rejectedEvents")["metadata"]["totalCount"] == 1
    assert refused.code == "FORBIDDEN"
    assert refused.error()["extensions"]["requiredPermissions"] == ["events:view"]


async def test_a_long_event_is_kept_cut_at_the_limit(factory: Factory) -> None:
    org = await factory.organization()
    await _setup(org)
    await org.admin(BATCH, input={"events": [event("long", code="nope", properties={"blob": "x" * 5000})]})

    kept = (await org.admin(REJECTED)).ok("rejectedEvents")["collection"][0]

    assert len(kept["sent"]) == ingest.SENT_LIMIT
    assert kept["sent"].endswith("…")


async def test_old_and_surplus_rejections_are_pruned_as_new_ones_arrive(
    factory: Factory, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given three kept rejections, one of them 31 days old
    org = await factory.organization()
    await _setup(org)
    await org.admin(BATCH, input={"events": [event(f"old-{i}", code="nope") for i in range(3)]})
    async with db.fetcher() as fetch:
        await fetch(
            "UPDATE rejected_events SET created_at = now() - interval '31 days' "
            "WHERE organization_id = $1 AND transaction_id = 'old-0'",
            org.id,
        )
    monkeypatch.setattr(ingest, "REJECTED_KEPT", 3)

    # when two more arrive, with at most three kept
    await org.admin(BATCH, input={"events": [event("new-1", code="nope"), event("new-2", code="nope")]})
    kept = await org.admin(REJECTED)

    # then the old one went, and of the rest only the three newest stay
    assert [e["transactionId"] for e in kept.ok("rejectedEvents")["collection"]] == [
        "new-2",
        "new-1",
        "old-2",
    ]


async def test_a_failure_to_keep_a_rejection_never_changes_the_answer(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given keeping rejections fails
    org = await factory.organization()
    await _setup(org)

    async def broken(*_: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(ingest, "record_rejected", broken)

    # when one bad event is sent alone
    answer = await org.admin(ONE, input=event("alone", code="nope"))

    # then the sender still learns why it was rejected
    assert answer.code == "VALIDATION_ERROR"
    assert answer.error()["extensions"]["fields"] == {"code": "no billable metric 'nope'"}
