from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.customers import service
from app.customers.loaders import customers as customers_by_id
from app.customers.types import CustomerType
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request


@strawberry.type
class CustomerQueries:
    @strawberry.field(
        extensions=requires(P.CUSTOMERS_VIEW), description="Customers, by name; search by name, id or email."
    )
    async def customers(
        self,
        info: Info[Context, Any],
        page: int | None = None,
        limit: int | None = None,
        search_term: str | None = None,
    ) -> Collection[CustomerType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        found = await ctx.read(lambda s: service.list_customers(s, org, request, search_term))
        return collection(found, prime=customers_by_id(ctx))

    @strawberry.field(extensions=requires(P.CUSTOMERS_VIEW))
    async def customer(self, info: Info[Context, Any], id: strawberry.ID) -> CustomerType | None:
        org, customer_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_customer(s, org, customer_id))
