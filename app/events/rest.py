"""``POST /api/v1/events`` (one event) and ``POST /api/v1/events/batch`` (up to 1,000): the plain HTTP
way to send usage, for high-volume integrations. Fields in snake_case; answers say, per event, whether it
was stored, a duplicate, or rejected and why, and warns of a stored event that no period will bill."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from app.auth.actor import Actor
from app.auth.permissions import P
from app.auth.rest import requires_permission
from app.events import ingest
from app.events.models import EventSource
from app.events.service import REST_NAMES
from app.http import BadJson, BodyTooLarge, error_body, parse_json, read_body, reply
from app.observability.metrics import count_events


def _outcome(event: ingest.EventOutcome) -> dict[str, Any]:
    body: dict[str, Any] = {
        "transaction_id": event.transaction_id,
        "external_subscription_id": event.external_subscription_id,
        "code": event.code,
        "status": event.status.value,
    }
    if event.errors:
        body["errors"] = event.errors
    if event.warnings:
        body["warnings"] = [warning.body() for warning in event.warnings]
    return body


async def _payload(request: Request, request_id: str, key: str) -> Any | Response:
    try:
        payload = parse_json(await read_body(request, request.app.state.settings.max_body_bytes))
    except BodyTooLarge:
        return reply({"errors": [error_body("QUERY_REJECTED", "Body too large")]}, request_id, 413)
    except BadJson as error:
        return reply({"errors": [error_body("VALIDATION_ERROR", str(error))]}, request_id, 400)
    if not isinstance(payload, dict) or key not in payload:
        body = error_body("VALIDATION_ERROR", f"Expected a JSON object with '{key}'")
        return reply({"errors": [body]}, request_id, 400)
    return payload[key]


@requires_permission(P.EVENTS_CREATE)
async def create_event(request: Request, actor: Actor, request_id: str) -> Response:
    raw = await _payload(request, request_id, "event")
    if isinstance(raw, Response):
        return raw
    async with request.app.state.db.fetcher() as fetch:
        outcome = await ingest.ingest(
            fetch, actor.org(), [raw], REST_NAMES, batch=False, source=EventSource.API
        )
    count_events(outcome.audit_changes[0]["changes"])
    event = outcome.events[0]
    if event.errors:
        body = error_body("VALIDATION_ERROR", "The event was rejected", fields=event.errors)
        return reply({"errors": [body], "event": _outcome(event)}, request_id, 422)
    return reply({"event": _outcome(event)}, request_id)


@requires_permission(P.EVENTS_CREATE)
async def create_events(request: Request, actor: Actor, request_id: str) -> Response:
    raw = await _payload(request, request_id, "events")
    if isinstance(raw, Response):
        return raw
    if not isinstance(raw, list) or not 1 <= len(raw) <= ingest.MAX_BATCH:
        body = error_body(
            "VALIDATION_ERROR",
            f"Send between 1 and {ingest.MAX_BATCH} events",
            fields={"events": f"a list of 1 to {ingest.MAX_BATCH} events"},
        )
        return reply({"errors": [body]}, request_id, 400)
    async with request.app.state.db.fetcher() as fetch:
        outcome = await ingest.ingest(fetch, actor.org(), raw, REST_NAMES, source=EventSource.API)
    count_events(outcome.audit_changes[0]["changes"])
    return reply(
        {
            "created": outcome.count(ingest.EventStatus.CREATED),
            "duplicates": outcome.count(ingest.EventStatus.DUPLICATE),
            "rejected": outcome.count(ingest.EventStatus.REJECTED),
            "warned": len(outcome.warned()),
            "events": [_outcome(event) for event in outcome.events],
        },
        request_id,
    )
