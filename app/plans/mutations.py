from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.plans import service
from app.plans.inputs import plan_input
from app.plans.types import CreatePlanInput, DestroyPlanInput, DestroyPlanPayload, PlanType, UpdatePlanInput


@strawberry.type
class PlanMutations:
    @strawberry.mutation(extensions=requires(P.PLANS_CREATE))
    async def create_plan(self, info: Info[Context, Any], input: CreatePlanInput) -> PlanType | None:
        ctx, data = info.context, plan_input(input)
        return await ctx.mutate(info, lambda s: service.create_plan(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.PLANS_UPDATE))
    async def update_plan(self, info: Info[Context, Any], input: UpdatePlanInput) -> PlanType | None:
        ctx, plan_id, data = info.context, parse_id("id", input.id), plan_input(input)
        return await ctx.mutate(info, lambda s: service.update_plan(s, ctx.actor, plan_id, data))

    @strawberry.mutation(extensions=requires(P.PLANS_DELETE))
    async def destroy_plan(
        self, info: Info[Context, Any], input: DestroyPlanInput
    ) -> DestroyPlanPayload | None:
        ctx, plan_id = info.context, parse_id("id", input.id)
        plan = await ctx.mutate(info, lambda s: service.destroy_plan(s, ctx.actor, plan_id))
        return DestroyPlanPayload(id=strawberry.ID(str(plan.id)))
