from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.api_keys import service
from app.api_keys.types import ApiKeyType
from app.auth.graphql import requires
from app.auth.permissions import P
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window


@strawberry.type
class ApiKeyQueries:
    @strawberry.field(extensions=requires(P.DEVELOPERS_KEYS_MANAGE), description="API keys, newest first.")
    async def api_keys(
        self, info: Info[Context, Any], limit: Limit = None, offset: Offset = None
    ) -> list[ApiKeyType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: service.list_keys(s, org, page))
