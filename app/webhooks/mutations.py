from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.webhooks import service
from app.webhooks.types import (
    CreateWebhookEndpointInput,
    IssuedWebhookEndpointPayload,
    UpdateWebhookEndpointInput,
    WebhookEndpointIdInput,
    WebhookEndpointType,
    WebhookIdInput,
    WebhookType,
    issued,
)


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(
        extensions=requires(P.DEVELOPERS_MANAGE), description="Its signing secret is in the answer, once."
    )
    async def create_webhook_endpoint(
        self, info: Info[Context, Any], input: CreateWebhookEndpointInput
    ) -> IssuedWebhookEndpointPayload | None:
        ctx = info.context
        created = await ctx.mutate(
            info,
            lambda s: service.create_endpoint(
                s, ctx.settings, ctx.actor, input.url, input.event_types, input.signature_algorithm
            ),
        )
        return issued(created)

    @strawberry.mutation(extensions=requires(P.DEVELOPERS_MANAGE))
    async def update_webhook_endpoint(
        self, info: Info[Context, Any], input: UpdateWebhookEndpointInput
    ) -> WebhookEndpointType | None:
        ctx, endpoint_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(
            info,
            lambda s: service.update_endpoint(
                s, ctx.settings, ctx.actor, endpoint_id, input.url, input.event_types
            ),
        )

    @strawberry.mutation(
        extensions=requires(P.DEVELOPERS_MANAGE), description="Stop sending to it; pending deliveries fail."
    )
    async def destroy_webhook_endpoint(
        self, info: Info[Context, Any], input: WebhookEndpointIdInput
    ) -> WebhookEndpointType | None:
        ctx, endpoint_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.destroy_endpoint(s, ctx.actor, endpoint_id))

    @strawberry.mutation(
        extensions=requires(P.DEVELOPERS_MANAGE), description="Send a failed delivery again, now."
    )
    async def retry_webhook(self, info: Info[Context, Any], input: WebhookIdInput) -> WebhookType | None:
        ctx, webhook_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.retry_webhook(s, ctx.actor, webhook_id))
