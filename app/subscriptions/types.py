from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from app.billing.periods import BillingTime, period_at
from app.customers.loaders import customers
from app.graphql.context import Context
from app.graphql.scalars import BigInt
from app.organizations.loaders import organizations
from app.plans.loaders import plans
from app.plans.types import ChargePropertiesInput, PlanType
from app.subscriptions.loaders import subscriptions, successors
from app.subscriptions.models import Subscription, SubscriptionStatus

if TYPE_CHECKING:
    from app.customers.types import CustomerType

strawberry.enum(SubscriptionStatus, name="SubscriptionStatus")
strawberry.enum(BillingTime, name="BillingTime")


@strawberry.type(name="BillingPeriod")
class BillingPeriodType:
    start: datetime
    end: datetime


@strawberry.type(name="Subscription", description="A customer on a plan, or on its negotiated copy.")
class SubscriptionType:
    id: strawberry.ID
    external_id: str = strawberry.field(
        description="Your identifier; usage events name it. Kept across plan changes."
    )
    name: str | None
    status: SubscriptionStatus
    billing_time: BillingTime
    subscription_at: datetime
    started_at: datetime | None
    ending_at: datetime | None
    terminated_at: datetime | None
    canceled_at: datetime | None
    trial_ends_at: datetime | None
    created_at: datetime

    @strawberry.field
    async def plan(self, root: strawberry.Parent[Subscription], info: Info[Context, Any]) -> PlanType:
        return await plans(info.context).load(root.plan_id)

    @strawberry.field
    async def customer(
        self, root: strawberry.Parent[Subscription], info: Info[Context, Any]
    ) -> Annotated[CustomerType, strawberry.lazy("app.customers.types")]:
        return await customers(info.context).load(root.customer_id)

    @strawberry.field(description="The subscription this one replaced (a plan change).")
    async def previous_subscription(
        self, root: strawberry.Parent[Subscription], info: Info[Context, Any]
    ) -> SubscriptionType | None:
        if root.previous_subscription_id is None:
            return None
        return await subscriptions(info.context).load(root.previous_subscription_id)

    @strawberry.field(description="The subscription scheduled to replace this one (a downgrade).")
    async def next_subscription(
        self, root: strawberry.Parent[Subscription], info: Info[Context, Any]
    ) -> SubscriptionType | None:
        return await successors(info.context).load(root.id)

    @strawberry.field(description="The billing period running now (null unless active).")
    async def current_billing_period(
        self, root: strawberry.Parent[Subscription], info: Info[Context, Any]
    ) -> BillingPeriodType | None:
        if root.status is not SubscriptionStatus.ACTIVE or root.started_at is None:
            return None
        plan = await plans(info.context).load(root.plan_id)
        customer = await customers(info.context).load(root.customer_id)
        assert plan is not None
        assert customer is not None
        timezone = (
            customer.timezone or (await organizations(info.context).load(root.organization_id)).timezone
        )
        period = period_at(datetime.now(UTC), root.started_at, plan.interval, root.billing_time, timezone)
        return BillingPeriodType(start=period.start, end=period.end)


@strawberry.input
class ChargeOverridesInput:
    id: strawberry.ID = strawberry.field(description="The id of one of the plan's charges.")
    properties: ChargePropertiesInput | None = None
    min_amount_cents: BigInt | None = None
    invoice_display_name: str | None = None


@strawberry.input
class PlanOverridesInput:
    amount_cents: BigInt | None = None
    trial_period: int | None = None
    tax_codes: list[str] | None = None
    charges: list[ChargeOverridesInput] | None = None


@strawberry.input
class CreateSubscriptionInput:
    customer_id: strawberry.ID
    plan_id: strawberry.ID
    external_id: str
    name: str | None = None
    billing_time: BillingTime = BillingTime.CALENDAR
    subscription_at: datetime | None = strawberry.field(
        default=None, description="Default now; later: PENDING."
    )
    ending_at: datetime | None = None
    plan_overrides: PlanOverridesInput | None = None


@strawberry.input
class UpdateSubscriptionInput:
    id: strawberry.ID
    name: str | None = None
    ending_at: datetime | None = strawberry.field(
        default=None, description="A new end date (null: unchanged)."
    )
    clear_ending_at: bool = strawberry.field(
        default=False, description="Remove the end date: the subscription renews until terminated."
    )
    plan_overrides: PlanOverridesInput | None = None


@strawberry.input
class ChangeSubscriptionPlanInput:
    id: strawberry.ID
    plan_id: strawberry.ID
    plan_overrides: PlanOverridesInput | None = None


@strawberry.input
class TerminateSubscriptionInput:
    id: strawberry.ID
