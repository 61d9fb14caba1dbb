"""Reading events; ingestion lives in ``app.events.ingest``."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.pagination import Page, PageRequest
from app.db.pagination import paginate
from app.events.models import Event, RejectedEvent

GRAPH_NAMES = {"transaction_id": "transactionId", "external_subscription_id": "externalSubscriptionId"}
REST_NAMES = {"transaction_id": "transaction_id", "external_subscription_id": "external_subscription_id"}


async def _newest(
    session: AsyncSession,
    model: type[Event] | type[RejectedEvent],
    organization_id: uuid.UUID,
    page: PageRequest,
    external_subscription_id: str | None,
    code: str | None,
) -> Page[Any]:
    query = sa.select(model).where(model.organization_id == organization_id)
    if external_subscription_id:
        query = query.where(model.external_subscription_id == external_subscription_id)
    if code:
        query = query.where(model.code == code)
    return await paginate(session, query.order_by(model.created_at.desc(), model.id), page)


async def latest_events(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    external_subscription_id: str | None = None,
    code: str | None = None,
) -> Page[Event]:
    return await _newest(session, Event, organization_id, page, external_subscription_id, code)


async def rejected_events(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    external_subscription_id: str | None = None,
    code: str | None = None,
) -> Page[RejectedEvent]:
    return await _newest(session, RejectedEvent, organization_id, page, external_subscription_id, code)
