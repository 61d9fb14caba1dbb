from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.coupons import service
from app.coupons.models import CouponStatus
from app.coupons.types import CouponType
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request


@strawberry.type
class CouponQueries:
    @strawberry.field(extensions=requires(P.COUPONS_VIEW), description="Coupons, by name.")
    async def coupons(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        search_term: str | None = None,
        terminated: bool | None = None,
    ) -> Collection[CouponType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        status = (
            None if terminated is None else (CouponStatus.TERMINATED if terminated else CouponStatus.ACTIVE)
        )
        return collection(
            await ctx.read(lambda s: service.list_coupons(s, org, request, search_term, status))
        )

    @strawberry.field(extensions=requires(P.COUPONS_VIEW))
    async def coupon(self, info: Info[Context, Any], id: strawberry.ID) -> CouponType | None:
        org, coupon_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_coupon(s, org, coupon_id))
