from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.plans import service
from app.plans.loaders import plans as plans_by_id
from app.plans.types import PlanType


@strawberry.type
class PlanQueries:
    @strawberry.field(extensions=requires(P.PLANS_VIEW), description="The plan catalogue, by name.")
    async def plans(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        search_term: str | None = None,
    ) -> Collection[PlanType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        found = await ctx.read(lambda s: service.list_plans(s, org, request, search_term))
        return collection(found, prime=plans_by_id(ctx))

    @strawberry.field(extensions=requires(P.PLANS_VIEW))
    async def plan(self, info: Info[Context, Any], id: strawberry.ID) -> PlanType | None:
        org, plan_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_plan(s, org, plan_id))
