"""Writing webhooks: ``emit`` adds one delivery per subscribed endpoint to the session of the change it
tells, so both commit together or not at all (a crash never loses one, a rollback never sends one).

A service calls ``emit(session, event_type, objects)`` after flushing the objects. The endpoints of an
organization are read once per session; when nobody listens to the event type, nothing else happens
(no payload is built). ``emit_on_connection`` does the same in one statement for code that works on a
raw connection (event ingestion)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.capture import jsonable
from app.db.base import Model
from app.webhooks import payloads
from app.webhooks.models import Webhook, WebhookEndpoint, WebhookEventType

_CACHE_KEY = "billgraph.webhook_endpoints"


async def live_endpoints(session: AsyncSession, organization_id: uuid.UUID) -> list[WebhookEndpoint]:
    """The organization's endpoints (not destroyed), oldest first."""
    return list(
        await session.scalars(
            sa.select(WebhookEndpoint)
            .where(WebhookEndpoint.organization_id == organization_id, WebhookEndpoint.deleted_at.is_(None))
            .order_by(WebhookEndpoint.created_at, WebhookEndpoint.id)
        )
    )


async def _endpoints(session: AsyncSession, organization_id: uuid.UUID) -> list[WebhookEndpoint]:
    cache: dict[uuid.UUID, list[WebhookEndpoint]] = session.info.setdefault(_CACHE_KEY, {})
    if organization_id not in cache:
        cache[organization_id] = await live_endpoints(session, organization_id)
    return cache[organization_id]


def forget_endpoints(session: AsyncSession) -> None:
    """After endpoints change in this session."""
    session.info.pop(_CACHE_KEY, None)


def _envelope(
    delivery_id: uuid.UUID, event_type: WebhookEventType, organization_id: uuid.UUID, kind: str, body: Any
) -> dict[str, Any]:
    return {
        "id": str(delivery_id),
        "type": event_type.value,
        "created_at": datetime.now(UTC).isoformat(),
        "organization_id": str(organization_id),
        "object_type": kind,
        kind: body,
    }


async def _subscribed(
    session: AsyncSession, organization_id: uuid.UUID, event_type: WebhookEventType
) -> list[WebhookEndpoint]:
    return [
        endpoint
        for endpoint in await _endpoints(session, organization_id)
        if not endpoint.event_types or event_type.value in endpoint.event_types
    ]


def _queue(
    session: AsyncSession,
    endpoints: list[WebhookEndpoint],
    event_type: WebhookEventType,
    organization_id: uuid.UUID,
    kind: str,
    object_id: uuid.UUID | None,
    body: dict[str, Any],
) -> None:
    now = datetime.now(UTC)
    for endpoint in endpoints:
        delivery_id = uuid.uuid4()
        session.add(
            Webhook(
                id=delivery_id,
                organization_id=organization_id,
                endpoint_id=endpoint.id,
                event_type=event_type,
                object_type=kind,
                object_id=object_id,
                payload=_envelope(delivery_id, event_type, organization_id, kind, body),
                next_attempt_at=now,
            )
        )


async def emit(session: AsyncSession, event_type: WebhookEventType, objects: Sequence[Model]) -> None:
    """Queue ``event_type`` about each of ``objects`` (flushed, of one model, any organizations) for
    every endpoint subscribed to it."""
    listened: list[tuple[Model, list[WebhookEndpoint]]] = []
    for obj in objects:
        endpoints = await _subscribed(session, obj.organization_id, event_type)  # type: ignore[attr-defined]
        if endpoints:
            listened.append((obj, endpoints))
    if not listened:
        return
    bodies = await payloads.serialize(session, [obj for obj, _ in listened])
    for (obj, endpoints), body in zip(listened, bodies, strict=True):
        kind = payloads.object_type(obj)
        _queue(session, endpoints, event_type, obj.organization_id, kind, obj.id, body)  # type: ignore[attr-defined]


async def emit_data(
    session: AsyncSession,
    organization_id: uuid.UUID,
    event_type: WebhookEventType,
    kind: str,
    body: dict[str, Any],
    object_id: uuid.UUID | None = None,
) -> None:
    """Queue ``event_type`` with a body built by the caller (``kind`` names it in the payload)."""
    endpoints = await _subscribed(session, organization_id, event_type)
    if endpoints:
        _queue(session, endpoints, event_type, organization_id, kind, object_id, jsonable(body))


_EMIT = """
INSERT INTO webhooks (id, organization_id, endpoint_id, event_type, object_type, payload, status,
                      attempts, next_attempt_at, created_at, updated_at)
SELECT d.id, $1::uuid, d.endpoint_id, $2::text, $3::text,
       jsonb_build_object('id', d.id, 'type', $2::text, 'created_at', d.at, 'organization_id', $1::uuid,
                          'object_type', $3::text, $3::text, $4::jsonb),
       'pending', 0, d.at, d.at, d.at
FROM (SELECT gen_random_uuid() AS id, e.id AS endpoint_id, clock_timestamp() AS at FROM webhook_endpoints e
      WHERE e.organization_id = $1::uuid AND e.deleted_at IS NULL
        AND (cardinality(e.event_types) = 0 OR $2::text = ANY(e.event_types))) d"""


async def emit_on_connection(
    fetch: Callable[..., Awaitable[list[Any]]],
    organization_id: uuid.UUID,
    event_type: WebhookEventType,
    kind: str,
    body: dict[str, Any],
) -> None:
    """``emit_data`` as one statement on the caller's connection (and so in its transaction)."""
    await fetch(_EMIT, organization_id, event_type.value, kind, json.dumps(jsonable(body)))
