"""Ingesting usage events: validate each one against the organization's metrics and subscriptions,
then write the whole batch in one statement that skips what is already stored.

Exactly once: a unique key on (organization, subscription's external id, transaction id) decides; the
insert is ``INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING RETURNING``, so concurrent
senders of the same event store it once and each answer says whether it was new or a duplicate. A bad
event is rejected on its own; the valid ones of its batch are stored. A valid event that no period
will bill (outside its subscriptions, or in a period invoiced for good) is stored with warnings
(``app.events.coverage``), found by the statement that checks the external ids.
"""

from __future__ import annotations

import enum
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from app.events.coverage import SUBSCRIPTIONS, Coverage, EventWarning
from app.events.models import EventSource
from app.metrics.models import AggregationType
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit_on_connection

MAX_BATCH = 1000
_NUMERIC = {
    AggregationType.SUM_AGG,
    AggregationType.MAX_AGG,
    AggregationType.LATEST_AGG,
    AggregationType.WEIGHTED_SUM_AGG,
}

Fetch = Callable[..., Awaitable[list[Any]]]

_METRICS = """SELECT code, aggregation_type, field_name, recurring FROM billable_metrics
WHERE organization_id = $1 AND deleted_at IS NULL AND code = ANY($2::text[])"""
_INSERT = """INSERT INTO events
    (organization_id, external_subscription_id, transaction_id, code, timestamp, properties)
SELECT $1, e.ext, e.tx, e.code, e.ts, e.props::jsonb
FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS e(ext, tx, code, ts, props)
ON CONFLICT (organization_id, external_subscription_id, transaction_id) DO NOTHING
RETURNING external_subscription_id, transaction_id"""
_REJECTED = """INSERT INTO rejected_events
    (organization_id, transaction_id, external_subscription_id, code, errors, sent, source, created_at)
SELECT $1, r.tx, r.ext, r.code, r.errors::jsonb, r.sent, $7, clock_timestamp()
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(tx, ext, code, errors, sent)"""
# clock_timestamp(): the order received, even within one transaction. What is kept: 30 days, and at
# most REJECTED_KEPT per organization (the index makes both cheap).
_PRUNE_REJECTED = """DELETE FROM rejected_events WHERE organization_id = $1 AND (
    created_at < now() - interval '30 days'
    OR created_at <= (SELECT created_at FROM rejected_events WHERE organization_id = $1
                     ORDER BY created_at DESC OFFSET $2 LIMIT 1))"""
REJECTED_KEPT = 10_000
SENT_LIMIT = 2_000


class EventStatus(enum.Enum):
    CREATED = "created"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass
class EventOutcome:
    transaction_id: str | None
    external_subscription_id: str | None
    code: str | None
    status: EventStatus = EventStatus.REJECTED
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[EventWarning] = field(default_factory=list)
    timestamp: datetime | None = None  # of a valid event


@dataclass
class BatchOutcome:
    events: list[EventOutcome]

    def count(self, status: EventStatus) -> int:
        return sum(1 for event in self.events if event.status is status)

    def rejections(self) -> dict[str, Any]:
        """What a webhook says of a batch with rejected events."""
        return {
            "created": self.count(EventStatus.CREATED),
            "duplicates": self.count(EventStatus.DUPLICATE),
            "rejected": self.count(EventStatus.REJECTED),
            "events": [
                {
                    "transaction_id": event.transaction_id,
                    "external_subscription_id": event.external_subscription_id,
                    "code": event.code,
                    "errors": event.errors,
                }
                for event in self.events
                if event.status is EventStatus.REJECTED
            ],
        }

    def warned(self) -> list[EventOutcome]:
        """The stored events that no period will bill."""
        return [event for event in self.events if event.status is EventStatus.CREATED and event.warnings]

    def warning_report(self) -> dict[str, Any]:
        """What a webhook says of a batch that stored events no period will bill."""
        warned = self.warned()
        return {
            "created": self.count(EventStatus.CREATED),
            "duplicates": self.count(EventStatus.DUPLICATE),
            "warned": len(warned),
            "events": [
                {
                    "transaction_id": event.transaction_id,
                    "external_subscription_id": event.external_subscription_id,
                    "code": event.code,
                    "timestamp": event.timestamp,
                    "warnings": [warning.body() for warning in event.warnings],
                }
                for event in warned
            ],
        }

    @property
    def audit_changes(self) -> list[dict[str, Any]]:
        return [
            {
                "type": "EventBatch",
                "action": "create",
                "changes": {status.value: self.count(status) for status in EventStatus},
            }
        ]


@dataclass
class _Valid:
    outcome: EventOutcome
    timestamp: datetime
    properties: str


def _text(errors: dict[str, str], name: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        errors[name] = "is required (a non-empty string)"
        return None
    if len(value) > 255 or "\x00" in value:
        errors[name] = "must be at most 255 characters, without NUL"
        return None
    return value


def _timestamp(errors: dict[str, str], name: str, value: Any) -> datetime:
    now = datetime.now(UTC)
    if value is None:
        return now
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            pass
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    errors[name] = "must be an ISO 8601 date-time or Unix seconds"
    return now


def _numeric(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, str):
        try:
            return Decimal(value).is_finite()
        except InvalidOperation:
            return False
    return False


def _parse(raw: Any, names: dict[str, str]) -> tuple[EventOutcome, datetime, dict[str, Any]]:
    """``names`` maps our keys to the caller's spelling (camelCase on the graph, snake_case over REST)."""
    if not isinstance(raw, dict):
        return EventOutcome(None, None, None, errors={"event": "must be an object"}), datetime.now(UTC), {}
    event = raw
    errors: dict[str, str] = {}
    outcome = EventOutcome(
        _text(errors, names["transaction_id"], event.get(names["transaction_id"])),
        _text(errors, names["external_subscription_id"], event.get(names["external_subscription_id"])),
        _text(errors, "code", event.get("code")),
        errors=errors,
    )
    timestamp = _timestamp(errors, "timestamp", event.get("timestamp"))
    properties = event.get("properties")
    if properties is None:
        properties = {}
    elif not isinstance(properties, dict):
        errors["properties"] = "must be an object"
        properties = {}
    return outcome, timestamp, properties


async def ingest(
    fetch: Fetch,
    organization_id: uuid.UUID,
    raw_events: list[Any],
    names: dict[str, str],
    *,
    batch: bool = True,
    source: EventSource = EventSource.GRAPH,
    keep_rejected: bool = True,
) -> BatchOutcome:
    """Validate and store events; ``fetch(sql, *args)`` runs a statement on the caller's connection.
    A ``batch`` with rejected events is announced to webhooks (``events.rejected``) on the same
    connection (a single event's rejection is the caller's error answer). Newly stored events with
    warnings are announced (``events.warned``) for a single event too: its answer is a success that a
    sender may never read. With ``keep_rejected``, rejected events are kept (``rejected_events``, from
    ``source``) on the same connection; a caller whose transaction rolls back on a rejection passes False
    and keeps them afterwards with ``record_rejected``."""
    parsed = [_parse(raw, names) for raw in raw_events]
    codes = sorted({o.code for o, _, _ in parsed if o.code})
    externals = sorted({o.external_subscription_id for o, _, _ in parsed if o.external_subscription_id})
    metrics = {row["code"]: row for row in await fetch(_METRICS, organization_id, codes)} if codes else {}
    coverage = Coverage(await fetch(SUBSCRIPTIONS, organization_id, externals) if externals else [])
    valid: dict[tuple[str, str], _Valid] = {}
    outcomes = []
    for outcome, timestamp, properties in parsed:
        outcomes.append(outcome)
        if outcome.errors:
            continue
        metric = metrics.get(outcome.code)
        if metric is None:
            outcome.errors["code"] = f"no billable metric '{outcome.code}'"
        if outcome.external_subscription_id not in coverage.known:
            outcome.errors[names["external_subscription_id"]] = "no subscription with this external id"
        if metric is not None and not outcome.errors:
            aggregation = AggregationType(metric["aggregation_type"])
            field_name = metric["field_name"]
            if aggregation is not AggregationType.COUNT_AGG and field_name not in properties:
                outcome.errors[f"properties.{field_name}"] = f"is required by the {outcome.code} metric"
            elif aggregation in _NUMERIC and not _numeric(properties[field_name]):
                outcome.errors[f"properties.{field_name}"] = "must be a number"
        if outcome.errors:
            continue
        outcome.timestamp = timestamp
        recurring = metric is not None and bool(metric["recurring"])
        warning = coverage.warning(outcome.external_subscription_id or "", timestamp, recurring=recurring)
        if warning is not None:
            outcome.warnings.append(warning)
        key = (outcome.external_subscription_id or "", outcome.transaction_id or "")
        if key in valid:  # the same transaction twice in one batch: the first one counts
            outcome.status = EventStatus.DUPLICATE
            continue
        valid[key] = _Valid(outcome, timestamp, json.dumps(properties))
    if valid:
        entries = list(valid.values())
        inserted = await fetch(
            _INSERT,
            organization_id,
            [e.outcome.external_subscription_id for e in entries],
            [e.outcome.transaction_id for e in entries],
            [e.outcome.code for e in entries],
            [e.timestamp for e in entries],
            [e.properties for e in entries],
        )
        new = {(row["external_subscription_id"], row["transaction_id"]) for row in inserted}
        for key, entry in valid.items():
            entry.outcome.status = EventStatus.CREATED if key in new else EventStatus.DUPLICATE
    result = BatchOutcome(outcomes)
    if keep_rejected:
        await record_rejected(fetch, organization_id, raw_events, result, source)
    if batch and result.count(EventStatus.REJECTED):
        await emit_on_connection(
            fetch, organization_id, WebhookEventType.EVENTS_REJECTED, "event_batch", result.rejections()
        )
    if result.warned():
        await emit_on_connection(
            fetch, organization_id, WebhookEventType.EVENTS_WARNED, "event_batch", result.warning_report()
        )
    return result


def _sent(raw: Any) -> str:
    try:
        text = json.dumps(raw, default=str, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(raw)
    return text if len(text) <= SENT_LIMIT else text[: SENT_LIMIT - 1] + "…"


async def record_rejected(
    fetch: Fetch,
    organization_id: uuid.UUID,
    raw_events: list[Any],
    result: BatchOutcome,
    source: EventSource,
) -> None:
    """Keep the rejected events of ``result`` (``raw_events`` in the same order) and prune old ones."""
    rejected = [
        (outcome, raw)
        for outcome, raw in zip(result.events, raw_events, strict=True)
        if outcome.status is EventStatus.REJECTED
    ]
    if not rejected:
        return
    await fetch(
        _REJECTED,
        organization_id,
        [outcome.transaction_id for outcome, _ in rejected],
        [outcome.external_subscription_id for outcome, _ in rejected],
        [outcome.code for outcome, _ in rejected],
        [json.dumps(outcome.errors) for outcome, _ in rejected],
        [_sent(raw) for _, raw in rejected],
        source.value,
    )
    await fetch(_PRUNE_REJECTED, organization_id, REJECTED_KEPT)
