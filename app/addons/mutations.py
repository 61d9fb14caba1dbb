from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.addons import service
from app.addons.types import (
    AddOnType,
    CreateAddOnInput,
    DestroyAddOnInput,
    DestroyAddOnPayload,
    UpdateAddOnInput,
)
from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context


def _data(given: CreateAddOnInput | UpdateAddOnInput) -> service.AddOnInput:
    return service.AddOnInput(
        name=given.name,
        code=given.code,
        description=given.description,
        invoice_display_name=given.invoice_display_name,
        amount_cents=None if given.amount_cents is None else int(given.amount_cents),
        amount_currency=given.amount_currency,
        tax_codes=given.tax_codes,
    )


@strawberry.type
class AddOnMutations:
    @strawberry.mutation(extensions=requires(P.ADDONS_CREATE))
    async def create_add_on(self, info: Info[Context, Any], input: CreateAddOnInput) -> AddOnType | None:
        ctx, data = info.context, _data(input)
        return await ctx.mutate(info, lambda s: service.create_add_on(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.ADDONS_UPDATE))
    async def update_add_on(self, info: Info[Context, Any], input: UpdateAddOnInput) -> AddOnType | None:
        ctx, add_on_id, data = info.context, parse_id("id", input.id), _data(input)
        return await ctx.mutate(info, lambda s: service.update_add_on(s, ctx.actor, add_on_id, data))

    @strawberry.mutation(extensions=requires(P.ADDONS_DELETE))
    async def destroy_add_on(
        self, info: Info[Context, Any], input: DestroyAddOnInput
    ) -> DestroyAddOnPayload | None:
        ctx, add_on_id = info.context, parse_id("id", input.id)
        add_on = await ctx.mutate(info, lambda s: service.destroy_add_on(s, ctx.actor, add_on_id))
        return DestroyAddOnPayload(id=strawberry.ID(str(add_on.id)))
