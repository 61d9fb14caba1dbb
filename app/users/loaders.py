from __future__ import annotations

import uuid
from typing import Any

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.users.models import User
from app.users.service import users_by_id


def users(ctx: Context) -> DataLoader[uuid.UUID, Any]:
    """Users by id; ids come from objects already scoped to the caller (members, audit entries)."""

    async def batch(ids: list[uuid.UUID]) -> list[User | None]:
        found = await ctx.read(lambda session: users_by_id(session, ids))
        return [found.get(user_id) for user_id in ids]

    return ctx.loader("users", batch)
