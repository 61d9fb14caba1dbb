from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.audit import service
from app.audit.types import AuditLogType
from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request


@strawberry.type
class AuditQueries:
    @strawberry.field(extensions=requires(P.AUDIT_LOGS_VIEW), description="Audit entries, newest first.")
    async def audit_logs(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        operation: str | None = None,
        object_type: str | None = None,
        object_id: strawberry.ID | None = None,
        actor_user_id: strawberry.ID | None = None,
        actor_api_key_id: strawberry.ID | None = None,
        from_time: datetime | None = None,
        to_time: datetime | None = None,
    ) -> Collection[AuditLogType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        filters = service.AuditFilter(
            operation=operation,
            object_type=object_type,
            object_id=parse_id("objectId", object_id) if object_id else None,
            actor_user_id=parse_id("actorUserId", actor_user_id) if actor_user_id else None,
            actor_api_key_id=parse_id("actorApiKeyId", actor_api_key_id) if actor_api_key_id else None,
            from_time=from_time,
            to_time=to_time,
        )
        return collection(await ctx.read(lambda s: service.list_entries(s, org, filters, request)))
