from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import authenticated
from app.graphql.context import Context
from app.users import service
from app.users.types import CurrentUserType


@strawberry.type
class UserQueries:
    @strawberry.field(extensions=authenticated(), description="The signed-in user (null for an API key).")
    async def current_user(self, info: Info[Context, Any]) -> CurrentUserType | None:
        user_id = info.context.actor.user_id
        if user_id is None:
            return None
        return await info.context.read(lambda s: service.get(s, user_id))
