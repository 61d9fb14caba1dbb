from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.customers import service
from app.customers.types import (
    AddressInput,
    CreateCustomerInput,
    CustomerType,
    DestroyCustomerInput,
    DestroyCustomerPayload,
    UpdateCustomerInput,
)
from app.graphql.context import Context


def _address(given: AddressInput | None) -> dict[str, Any] | None:
    return None if given is None else strawberry.asdict(given)


def _data(given: CreateCustomerInput | UpdateCustomerInput) -> service.CustomerInput:
    return service.CustomerInput(
        external_id=given.external_id,
        name=given.name,
        legal_name=given.legal_name,
        email=given.email,
        phone=given.phone,
        billing_address=_address(given.billing_address),
        shipping_address=_address(given.shipping_address),
        currency=given.currency,
        timezone=given.timezone,
        tax_identification_number=given.tax_identification_number,
        invoice_grace_period=given.invoice_grace_period,
        net_payment_term=given.net_payment_term,
        tax_codes=given.tax_codes,
    )


@strawberry.type
class CustomerMutations:
    @strawberry.mutation(extensions=requires(P.CUSTOMERS_CREATE))
    async def create_customer(
        self, info: Info[Context, Any], input: CreateCustomerInput
    ) -> CustomerType | None:
        ctx, data = info.context, _data(input)
        return await ctx.mutate(info, lambda s: service.create_customer(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.CUSTOMERS_UPDATE))
    async def update_customer(
        self, info: Info[Context, Any], input: UpdateCustomerInput
    ) -> CustomerType | None:
        ctx, customer_id, data = info.context, parse_id("id", input.id), _data(input)
        return await ctx.mutate(info, lambda s: service.update_customer(s, ctx.actor, customer_id, data))

    @strawberry.mutation(extensions=requires(P.CUSTOMERS_DELETE))
    async def destroy_customer(
        self, info: Info[Context, Any], input: DestroyCustomerInput
    ) -> DestroyCustomerPayload | None:
        ctx, customer_id = info.context, parse_id("id", input.id)
        customer = await ctx.mutate(info, lambda s: service.destroy_customer(s, ctx.actor, customer_id))
        return DestroyCustomerPayload(id=strawberry.ID(str(customer.id)))
