from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.subscriptions import service
from app.subscriptions.models import SubscriptionStatus
from app.subscriptions.types import SubscriptionType


@strawberry.type
class SubscriptionQueries:
    @strawberry.field(extensions=requires(P.SUBSCRIPTIONS_VIEW), description="Subscriptions, newest first.")
    async def subscriptions(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        customer_id: strawberry.ID | None = None,
        plan_id: strawberry.ID | None = None,
        status: list[SubscriptionStatus] | None = None,
    ) -> Collection[SubscriptionType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        customer = parse_id("customerId", customer_id) if customer_id else None
        plan = parse_id("planId", plan_id) if plan_id else None
        return collection(
            await ctx.read(lambda s: service.list_subscriptions(s, org, request, customer, plan, status))
        )

    @strawberry.field(extensions=requires(P.SUBSCRIPTIONS_VIEW))
    async def subscription(self, info: Info[Context, Any], id: strawberry.ID) -> SubscriptionType | None:
        org, subscription_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_subscription(s, org, subscription_id))
