from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.api_keys import service
from app.api_keys.types import ApiKeyIdInput, ApiKeyType, CreateApiKeyInput, IssuedApiKeyPayload
from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context


@strawberry.type
class ApiKeyMutations:
    @strawberry.mutation(extensions=requires(P.DEVELOPERS_KEYS_MANAGE))
    async def create_api_key(
        self, info: Info[Context, Any], input: CreateApiKeyInput
    ) -> IssuedApiKeyPayload | None:
        ctx = info.context
        issued = await ctx.mutate(
            info, lambda s: service.create_key(s, ctx.actor, input.name, input.roles, input.expires_at)
        )
        return IssuedApiKeyPayload(api_key=issued.api_key, secret=issued.secret)

    @strawberry.mutation(extensions=requires(P.DEVELOPERS_KEYS_MANAGE))
    async def revoke_api_key(self, info: Info[Context, Any], input: ApiKeyIdInput) -> ApiKeyType | None:
        ctx, key_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.revoke_key(s, ctx.actor, key_id))

    @strawberry.mutation(
        extensions=requires(P.DEVELOPERS_KEYS_MANAGE),
        description="New secret, same key; the old one stops now.",
    )
    async def rotate_api_key(
        self, info: Info[Context, Any], input: ApiKeyIdInput
    ) -> IssuedApiKeyPayload | None:
        ctx, key_id = info.context, parse_id("id", input.id)
        issued = await ctx.mutate(info, lambda s: service.rotate_key(s, ctx.actor, key_id))
        return IssuedApiKeyPayload(api_key=issued.api_key, secret=issued.secret)
