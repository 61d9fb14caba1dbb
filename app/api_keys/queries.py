from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.api_keys import service
from app.api_keys.types import ApiKeyType
from app.auth.graphql import requires
from app.auth.permissions import P
from app.graphql.context import Context


@strawberry.type
class ApiKeyQueries:
    @strawberry.field(extensions=requires(P.DEVELOPERS_KEYS_MANAGE), description="API keys, newest first.")
    async def api_keys(self, info: Info[Context, Any]) -> list[ApiKeyType] | None:
        org = info.context.actor.org()
        return await info.context.read(lambda s: service.list_keys(s, org))
