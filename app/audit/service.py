"""Writing and reading the audit log. Entries are only ever inserted (a trigger refuses the rest)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.models import ActorType, AuditLog
from app.auth.actor import Actor, ActorKind
from app.core.pagination import Page, PageRequest
from app.db.base import Model
from app.db.pagination import paginate


def subject_of(result: Any, changes: list[dict[str, Any]]) -> tuple[str | None, uuid.UUID | None]:
    """The object a mutation was about: its result, or what the result names, or the first change."""
    subject = getattr(result, "audit_subject", result)
    if isinstance(subject, Model):
        return type(subject).__name__, subject.id
    for change in changes:
        if "id" in change:
            return change["type"], uuid.UUID(change["id"])
    return None, None


async def record(
    session: AsyncSession,
    *,
    actor: Actor,
    operation: str,
    result: Any,
    changes: list[dict[str, Any]],
    request_id: str | None,
) -> AuditLog | None:
    """Add the entry for one successful mutation (same transaction). Nothing to record without a tenant."""
    if actor.organization_id is None or actor.kind is ActorKind.ANONYMOUS:
        return None
    object_type, object_id = subject_of(result, changes)
    entry = AuditLog(
        organization_id=actor.organization_id,
        actor_type=ActorType.API_KEY if actor.kind is ActorKind.API_KEY else ActorType.USER,
        actor_user_id=actor.user_id,
        actor_api_key_id=actor.api_key_id,
        operation=operation,
        object_type=object_type,
        object_id=object_id,
        changes=changes,
        request_id=request_id,
    )
    session.add(entry)
    await session.flush()
    return entry


@dataclass(frozen=True)
class AuditFilter:
    operation: str | None = None
    object_type: str | None = None
    object_id: uuid.UUID | None = None
    actor_user_id: uuid.UUID | None = None
    actor_api_key_id: uuid.UUID | None = None
    from_time: datetime | None = None
    to_time: datetime | None = None


async def list_entries(
    session: AsyncSession, organization_id: uuid.UUID, filters: AuditFilter, page: PageRequest
) -> Page[AuditLog]:
    query = sa.select(AuditLog).where(AuditLog.organization_id == organization_id)
    if filters.operation:
        query = query.where(AuditLog.operation == filters.operation)
    if filters.object_type:
        query = query.where(AuditLog.object_type == filters.object_type)
    if filters.object_id:
        query = query.where(AuditLog.object_id == filters.object_id)
    if filters.actor_user_id:
        query = query.where(AuditLog.actor_user_id == filters.actor_user_id)
    if filters.actor_api_key_id:
        query = query.where(AuditLog.actor_api_key_id == filters.actor_api_key_id)
    if filters.from_time:
        query = query.where(AuditLog.created_at >= filters.from_time)
    if filters.to_time:
        query = query.where(AuditLog.created_at < filters.to_time)
    query = query.order_by(AuditLog.created_at.desc(), AuditLog.id.desc())
    return await paginate(session, query, page)
