from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.taxes import service
from app.taxes.types import TaxType


@strawberry.type
class TaxQueries:
    @strawberry.field(extensions=requires(P.TAXES_VIEW), description="Tax rates, by name.")
    async def taxes(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        search_term: str | None = None,
        applied_to_organization: bool | None = None,
    ) -> Collection[TaxType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        return collection(
            await ctx.read(
                lambda s: service.list_taxes(s, org, request, search_term, applied_to_organization)
            )
        )

    @strawberry.field(extensions=requires(P.TAXES_VIEW))
    async def tax(self, info: Info[Context, Any], id: strawberry.ID) -> TaxType | None:
        org, tax_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_tax(s, org, tax_id))
