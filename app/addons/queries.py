from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.addons import service
from app.addons.types import AddOnType
from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request


@strawberry.type
class AddOnQueries:
    @strawberry.field(extensions=requires(P.ADDONS_VIEW), description="Add-ons, by name.")
    async def add_ons(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        search_term: str | None = None,
    ) -> Collection[AddOnType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        return collection(await ctx.read(lambda s: service.list_add_ons(s, org, request, search_term)))

    @strawberry.field(extensions=requires(P.ADDONS_VIEW))
    async def add_on(self, info: Info[Context, Any], id: strawberry.ID) -> AddOnType | None:
        org, add_on_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_add_on(s, org, add_on_id))
