from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.webhooks import service
from app.webhooks.models import WebhookEventType, WebhookStatus
from app.webhooks.types import WebhookEndpointType, WebhookType


@strawberry.type
class WebhookQueries:
    @strawberry.field(extensions=requires(P.DEVELOPERS_MANAGE))
    async def webhook_endpoints(self, info: Info[Context, Any]) -> list[WebhookEndpointType] | None:
        org = info.context.actor.org()
        return await info.context.read(lambda s: service.list_endpoints(s, org))

    @strawberry.field(extensions=requires(P.DEVELOPERS_MANAGE), description="Deliveries, newest first.")
    async def webhooks(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        endpoint_id: strawberry.ID | None = None,
        status: list[WebhookStatus] | None = None,
        event_type: list[WebhookEventType] | None = None,
    ) -> Collection[WebhookType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        filters = service.WebhookFilter(
            endpoint_id=parse_id("endpointId", endpoint_id) if endpoint_id else None,
            statuses=status,
            event_types=event_type,
        )
        return collection(await ctx.read(lambda s: service.list_webhooks(s, org, filters, request)))
