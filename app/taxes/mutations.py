from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.taxes import service
from app.taxes.types import CreateTaxInput, DestroyTaxInput, DestroyTaxPayload, TaxType, UpdateTaxInput


@strawberry.type
class TaxMutations:
    @strawberry.mutation(extensions=requires(P.TAXES_UPDATE))
    async def create_tax(self, info: Info[Context, Any], input: CreateTaxInput) -> TaxType | None:
        ctx = info.context
        data = service.TaxInput(
            input.name, input.code, input.rate, input.description, input.applied_to_organization
        )
        return await ctx.mutate(info, lambda s: service.create_tax(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.TAXES_UPDATE))
    async def update_tax(self, info: Info[Context, Any], input: UpdateTaxInput) -> TaxType | None:
        ctx, tax_id = info.context, parse_id("id", input.id)
        data = service.TaxInput(
            input.name, input.code, input.rate, input.description, input.applied_to_organization
        )
        return await ctx.mutate(info, lambda s: service.update_tax(s, ctx.actor, tax_id, data))

    @strawberry.mutation(extensions=requires(P.TAXES_UPDATE))
    async def destroy_tax(self, info: Info[Context, Any], input: DestroyTaxInput) -> DestroyTaxPayload | None:
        ctx, tax_id = info.context, parse_id("id", input.id)
        tax = await ctx.mutate(info, lambda s: service.destroy_tax(s, ctx.actor, tax_id))
        return DestroyTaxPayload(id=strawberry.ID(str(tax.id)))
