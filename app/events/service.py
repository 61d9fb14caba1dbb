"""Reading events; ingestion lives in ``app.events.ingest``."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.pagination import Page, PageRequest
from app.db.pagination import paginate
from app.events.models import Event, RejectedEvent

GRAPH_NAMES = {"transaction_id": "transactionId", "external_subscription_id": "externalSubscriptionId"}
REST_NAMES = {"transaction_id": "transaction_id", "external_subscription_id": "external_subscription_id"}


async def latest_events(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    external_subscription_id: str | None = None,
    code: str | None = None,
) -> Page[Event]:
    query = sa.select(Event).where(Event.organization_id == organization_id)
    if external_subscription_id:
        query = query.where(Event.external_subscription_id == external_subscription_id)
    if code:
        query = query.where(Event.code == code)
    return await paginate(session, query.order_by(Event.created_at.desc(), Event.id), page)


async def rejected_events(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    external_subscription_id: str | None = None,
    code: str | None = None,
) -> Page[RejectedEvent]:
    query = sa.select(RejectedEvent).where(RejectedEvent.organization_id == organization_id)
    if external_subscription_id:
        query = query.where(RejectedEvent.external_subscription_id == external_subscription_id)
    if code:
        query = query.where(RejectedEvent.code == code)
    return await paginate(session, query.order_by(RejectedEvent.created_at.desc(), RejectedEvent.id), page)
