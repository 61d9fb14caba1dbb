from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.subscriptions import service
from app.subscriptions.inputs import plan_overrides
from app.subscriptions.types import (
    ChangeSubscriptionPlanInput,
    CreateSubscriptionInput,
    SubscriptionType,
    TerminateSubscriptionInput,
    UpdateSubscriptionInput,
)


@strawberry.type
class SubscriptionMutations:
    @strawberry.mutation(
        extensions=requires(P.SUBSCRIPTIONS_CREATE),
        description="Subscribe a customer, with negotiated prices.",
    )
    async def create_subscription(
        self, info: Info[Context, Any], input: CreateSubscriptionInput
    ) -> SubscriptionType | None:
        ctx = info.context
        data = service.SubscriptionInput(
            customer_id=str(input.customer_id),
            plan_id=str(input.plan_id),
            external_id=input.external_id,
            name=input.name,
            billing_time=input.billing_time,
            subscription_at=input.subscription_at,
            ending_at=input.ending_at,
            overrides=plan_overrides(input.plan_overrides),
        )
        return await ctx.mutate(info, lambda s: service.create_subscription(s, ctx.actor, data))

    @strawberry.mutation(
        extensions=requires(P.SUBSCRIPTIONS_UPDATE),
        description="Rename, set an end date, renegotiate prices.",
    )
    async def update_subscription(
        self, info: Info[Context, Any], input: UpdateSubscriptionInput
    ) -> SubscriptionType | None:
        ctx, subscription_id = info.context, parse_id("id", input.id)
        overrides = plan_overrides(input.plan_overrides)
        return await ctx.mutate(
            info,
            lambda s: service.update_subscription(
                s,
                ctx.actor,
                subscription_id,
                input.name,
                service.EndDate(input.ending_at, input.clear_ending_at),
                overrides,
            ),
        )

    @strawberry.mutation(
        extensions=requires(P.SUBSCRIPTIONS_UPDATE),
        description="Upgrade at once or downgrade at the end of the period; returns the new subscription.",
    )
    async def change_subscription_plan(
        self, info: Info[Context, Any], input: ChangeSubscriptionPlanInput
    ) -> SubscriptionType | None:
        ctx, subscription_id = info.context, parse_id("id", input.id)
        overrides = plan_overrides(input.plan_overrides)
        return await ctx.mutate(
            info, lambda s: service.change_plan(s, ctx.actor, subscription_id, str(input.plan_id), overrides)
        )

    @strawberry.mutation(extensions=requires(P.SUBSCRIPTIONS_UPDATE))
    async def terminate_subscription(
        self, info: Info[Context, Any], input: TerminateSubscriptionInput
    ) -> SubscriptionType | None:
        ctx, subscription_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.terminate_subscription(s, ctx.actor, subscription_id))
