from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.events import service
from app.events.types import EventType, RejectedEventType
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request


@strawberry.type
class EventQueries:
    @strawberry.field(extensions=requires(P.EVENTS_VIEW), description="The latest events received.")
    async def events(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        external_subscription_id: str | None = None,
        code: str | None = None,
    ) -> Collection[EventType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        return collection(
            await ctx.read(lambda s: service.latest_events(s, org, request, external_subscription_id, code))
        )

    @strawberry.field(
        extensions=requires(P.EVENTS_VIEW),
        description="The latest events refused at ingestion, and why (kept 30 days).",
    )
    async def rejected_events(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        external_subscription_id: str | None = None,
        code: str | None = None,
    ) -> Collection[RejectedEventType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        return collection(
            await ctx.read(lambda s: service.rejected_events(s, org, request, external_subscription_id, code))
        )
