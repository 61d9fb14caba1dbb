from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.addons.models import AddOn, AddOnTax
from app.graphql.context import Context
from app.graphql.scalars import BigInt
from app.taxes.loaders import taxes_of
from app.taxes.types import TaxType


@strawberry.type(name="AddOn", description="A one-off item, invoiced on its own.")
class AddOnType:
    id: strawberry.ID
    name: str
    code: str
    description: str | None
    invoice_display_name: str | None
    amount_cents: BigInt
    amount_currency: str
    created_at: datetime
    updated_at: datetime

    @strawberry.field
    async def taxes(self, root: strawberry.Parent[AddOn], info: Info[Context, Any]) -> list[TaxType]:
        return await taxes_of(info.context, AddOnTax, "add_on_id").load(root.id)


@strawberry.input
class CreateAddOnInput:
    name: str
    code: str
    amount_cents: BigInt
    amount_currency: str
    description: str | None = None
    invoice_display_name: str | None = None
    tax_codes: list[str] | None = None


@strawberry.input
class UpdateAddOnInput:
    id: strawberry.ID
    name: str | None = None
    code: str | None = None
    amount_cents: BigInt | None = None
    amount_currency: str | None = None
    description: str | None = None
    invoice_display_name: str | None = None
    tax_codes: list[str] | None = None


@strawberry.input
class DestroyAddOnInput:
    id: strawberry.ID


@strawberry.type
class DestroyAddOnPayload:
    id: strawberry.ID
