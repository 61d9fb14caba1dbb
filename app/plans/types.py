from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.billing.charges import ChargeModel
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.graphql.scalars import BigInt
from app.metrics.loaders import metrics
from app.metrics.types import BillableMetricType
from app.plans.loaders import charges_of, plans, versions_of
from app.plans.models import Charge, Plan, PlanInterval, PlanTax, PlanVersion
from app.taxes.loaders import taxes_of
from app.taxes.types import TaxType

strawberry.enum(PlanInterval, name="PlanInterval")
strawberry.enum(ChargeModel, name="ChargeModel")


@strawberry.type(name="Range", description="A tier: units above fromValue up to toValue (null: no end).")
class RangeType:
    from_value: str
    to_value: str | None
    per_unit_amount: str
    flat_amount: str


@strawberry.type(name="ChargeProperties", description="Prices as decimal strings in the plan's currency.")
class ChargePropertiesType:
    amount: str | None = None
    package_size: int | None = None
    free_units: int | None = None
    graduated_ranges: list[RangeType] | None = None
    volume_ranges: list[RangeType] | None = None
    rate: str | None = None
    fixed_amount: str | None = None
    free_units_per_events: int | None = None
    free_units_per_total_aggregation: str | None = None
    per_transaction_min_amount: str | None = None
    per_transaction_max_amount: str | None = None


def properties_view(stored: dict[str, Any]) -> ChargePropertiesType:
    values = dict(stored)
    for key in ("graduated_ranges", "volume_ranges"):
        if values.get(key) is not None:
            values[key] = [RangeType(**tier) for tier in values[key]]
    return ChargePropertiesType(**values)


@strawberry.type(name="Charge", description="How one billable metric is priced in a plan.")
class ChargeType:
    id: strawberry.ID
    charge_model: ChargeModel
    pay_in_advance: bool
    invoiceable: bool
    min_amount_cents: BigInt
    invoice_display_name: str | None
    created_at: datetime

    @strawberry.field
    def properties(self, root: strawberry.Parent[Charge]) -> ChargePropertiesType:
        return properties_view(root.properties)

    @strawberry.field
    async def billable_metric(
        self, root: strawberry.Parent[Charge], info: Info[Context, Any]
    ) -> BillableMetricType:
        return await metrics(info.context).load(root.billable_metric_id)


@strawberry.type(
    name="PlanVersion",
    description="A plan's prices from effectiveFrom on; a billing period is priced by the version in force "
    "at its start. Versions never change: a price change adds one.",
)
class PlanVersionType:
    id: strawberry.ID
    number: int
    effective_from: datetime
    amount_cents: BigInt

    @strawberry.field
    async def charges(
        self, root: strawberry.Parent[PlanVersion], info: Info[Context, Any]
    ) -> list[ChargeType]:
        return await charges_of(info.context).load(root.id)


@strawberry.type(name="Plan")
class PlanType:
    id: strawberry.ID
    name: str
    code: str
    description: str | None
    interval: PlanInterval
    amount_cents: BigInt
    amount_currency: str
    pay_in_advance: bool
    trial_period: int = strawberry.field(description="Days free at the start of a subscription.")
    created_at: datetime
    updated_at: datetime

    @strawberry.field(description="Today's charges (a change applies to periods that start after it).")
    async def charges(self, root: strawberry.Parent[Plan], info: Info[Context, Any]) -> list[ChargeType]:
        return await charges_of(info.context).load(root.current_version_id)

    @strawberry.field(description="The versions of the plan's prices, newest (today's) first.")
    async def versions(
        self,
        root: strawberry.Parent[Plan],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[PlanVersionType]:
        return await versions_of(info.context, window(info.context.settings, limit, offset)).load(root.id)

    @strawberry.field
    async def taxes(self, root: strawberry.Parent[Plan], info: Info[Context, Any]) -> list[TaxType]:
        return await taxes_of(info.context, PlanTax, "plan_id").load(root.id)

    @strawberry.field(description="For a subscription's negotiated copy: the catalogue plan it copies.")
    async def parent(self, root: strawberry.Parent[Plan], info: Info[Context, Any]) -> PlanType | None:
        return None if root.parent_id is None else await plans(info.context).load(root.parent_id)


@strawberry.input
class RangeInput:
    from_value: str
    to_value: str | None = None
    per_unit_amount: str
    flat_amount: str | None = None


@strawberry.input
class ChargePropertiesInput:
    amount: str | None = None
    package_size: int | None = None
    free_units: int | None = None
    graduated_ranges: list[RangeInput] | None = None
    volume_ranges: list[RangeInput] | None = None
    rate: str | None = None
    fixed_amount: str | None = None
    free_units_per_events: int | None = None
    free_units_per_total_aggregation: str | None = None
    per_transaction_min_amount: str | None = None
    per_transaction_max_amount: str | None = None


@strawberry.input
class ChargeInput:
    billable_metric_id: strawberry.ID
    charge_model: ChargeModel
    properties: ChargePropertiesInput
    pay_in_advance: bool = False
    invoiceable: bool = True
    min_amount_cents: BigInt = BigInt(0)
    invoice_display_name: str | None = None


@strawberry.input
class CreatePlanInput:
    name: str
    code: str
    interval: PlanInterval
    amount_cents: BigInt
    amount_currency: str
    description: str | None = None
    pay_in_advance: bool = False
    trial_period: int = 0
    tax_codes: list[str] | None = None
    charges: list[ChargeInput] | None = None


@strawberry.input
class UpdatePlanInput:
    id: strawberry.ID
    name: str | None = None
    code: str | None = None
    description: str | None = None
    interval: PlanInterval | None = None
    amount_cents: BigInt | None = None
    amount_currency: str | None = None
    pay_in_advance: bool | None = None
    trial_period: int | None = None
    tax_codes: list[str] | None = None
    charges: list[ChargeInput] | None = strawberry.field(
        default=None, description="Replaces every charge; a change of price takes effect for new periods."
    )


@strawberry.input
class DestroyPlanInput:
    id: strawberry.ID


@strawberry.type
class DestroyPlanPayload:
    id: strawberry.ID
