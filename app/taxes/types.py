from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.type(name="Tax", description='A tax rate in percent (a decimal string: "20" is 20 %).')
class TaxType:
    id: strawberry.ID
    name: str
    code: str
    description: str | None
    rate: str
    applied_to_organization: bool = strawberry.field(description="Applied to every customer by default.")
    created_at: datetime
    updated_at: datetime


@strawberry.input
class CreateTaxInput:
    name: str
    code: str
    rate: str
    description: str | None = None
    applied_to_organization: bool = False


@strawberry.input
class UpdateTaxInput:
    id: strawberry.ID
    name: str | None = None
    code: str | None = None
    rate: str | None = None
    description: str | None = None
    applied_to_organization: bool | None = None


@strawberry.input
class DestroyTaxInput:
    id: strawberry.ID


@strawberry.type
class DestroyTaxPayload:
    id: strawberry.ID
