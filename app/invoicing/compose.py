"""What a subscription owes at a boundary, as invoice lines: its fee (prorated by days, after any
trial) and its charges (the usage of the period, rated by the plan version in force at the period's
start). Everything a batch of subscriptions needs is loaded in a fixed number of statements."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing import charges as rating
from app.billing.charges import Usage
from app.billing.money import to_minor
from app.billing.periods import Period, full_period_at, service_days
from app.customers.models import Customer, CustomerTax
from app.events.aggregation import UsageRequest
from app.invoices.builder import Line
from app.invoices.models import FeeKind
from app.invoicing.schedule import Boundary
from app.metrics.models import BillableMetric
from app.organizations.models import Organization
from app.plans.models import Charge, Plan, PlanTax, PlanVersion
from app.subscriptions.models import Subscription
from app.taxes.models import Tax


@dataclass
class BillingData:
    plans: dict[uuid.UUID, Plan] = field(default_factory=dict)
    versions: dict[uuid.UUID, list[PlanVersion]] = field(default_factory=dict)
    charges: dict[uuid.UUID, list[Charge]] = field(default_factory=dict)
    metrics: dict[uuid.UUID, BillableMetric] = field(default_factory=dict)
    customers: dict[uuid.UUID, Customer] = field(default_factory=dict)
    organizations: dict[uuid.UUID, Organization] = field(default_factory=dict)
    plan_taxes: dict[uuid.UUID, list[Tax]] = field(default_factory=dict)
    customer_taxes: dict[uuid.UUID, list[Tax]] = field(default_factory=dict)
    default_taxes: dict[uuid.UUID, list[Tax]] = field(default_factory=dict)
    plan_of_subscription: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)

    def version_at(self, plan_id: uuid.UUID, at: datetime) -> PlanVersion:
        versions = self.versions[plan_id]
        current = versions[0]
        for version in versions:
            if version.effective_from <= at:
                current = version
        return current

    def timezone(self, customer: Customer) -> str:
        return customer.timezone or self.organizations[customer.organization_id].timezone

    def taxes(self, plan: Plan, customer: Customer) -> list[Tax]:
        """The plan's own taxes, else the customer's, else the organization's defaults."""
        return (
            self.plan_taxes.get(plan.id)
            or self.customer_taxes.get(customer.id)
            or self.default_taxes.get(customer.organization_id, [])
        )


async def load(session: AsyncSession, subscriptions: Sequence[Subscription]) -> BillingData:
    data = BillingData(plan_of_subscription={s.id: s.plan_id for s in subscriptions})
    plan_ids = {s.plan_id for s in subscriptions}
    customer_ids = {s.customer_id for s in subscriptions}
    data.plans = {p.id: p for p in await session.scalars(sa.select(Plan).where(Plan.id.in_(plan_ids)))}
    for version in await session.scalars(
        sa.select(PlanVersion).where(PlanVersion.plan_id.in_(plan_ids)).order_by(PlanVersion.number)
    ):
        data.versions.setdefault(version.plan_id, []).append(version)
    grouped: dict[uuid.UUID, list[Charge]] = defaultdict(list)
    for charge in await session.scalars(
        sa.select(Charge).where(Charge.plan_id.in_(plan_ids)).order_by(Charge.position)
    ):
        grouped[charge.plan_version_id].append(charge)
    data.charges = dict(grouped)
    metric_ids = {c.billable_metric_id for cs in data.charges.values() for c in cs}
    data.metrics = {
        m.id: m
        for m in await session.scalars(sa.select(BillableMetric).where(BillableMetric.id.in_(metric_ids)))
    }
    data.customers = {
        c.id: c for c in await session.scalars(sa.select(Customer).where(Customer.id.in_(customer_ids)))
    }
    organization_ids = {c.organization_id for c in data.customers.values()}
    data.organizations = {
        o.id: o
        for o in await session.scalars(sa.select(Organization).where(Organization.id.in_(organization_ids)))
    }
    data.plan_taxes = await _taxes(session, PlanTax.plan_id, PlanTax.tax_id, plan_ids)
    data.customer_taxes = await _taxes(session, CustomerTax.customer_id, CustomerTax.tax_id, customer_ids)
    for tax in await session.scalars(
        sa.select(Tax)
        .where(
            Tax.organization_id.in_(organization_ids), Tax.applied_to_organization, Tax.deleted_at.is_(None)
        )
        .order_by(Tax.name)
    ):
        data.default_taxes.setdefault(tax.organization_id, []).append(tax)
    return data


async def _taxes(
    session: AsyncSession, owner: Any, link_tax: Any, ids: set[uuid.UUID]
) -> dict[uuid.UUID, list[Tax]]:
    grouped: dict[uuid.UUID, list[Tax]] = defaultdict(list)
    rows = await session.execute(
        sa.select(owner, Tax)
        .join(Tax, Tax.id == link_tax)
        .where(owner.in_(ids), Tax.deleted_at.is_(None))
        .order_by(Tax.name)
    )
    for owner_id, tax in rows:
        grouped[owner_id].append(tax)
    return dict(grouped)


def _share(
    period: Period, subscription: Subscription, plan: Plan, timezone: str, *, after_trial: bool
) -> Fraction:
    """The part of a whole period that ``period`` covers, in days; after the trial when asked."""
    assert subscription.started_at is not None
    whole = full_period_at(
        period.start, subscription.started_at, plan.interval, subscription.billing_time, timezone
    )
    start = period.start
    if after_trial and subscription.trial_ends_at is not None:
        start = max(start, subscription.trial_ends_at)
    if start >= period.end:
        return Fraction(0)
    return Fraction(service_days(start, period.end, timezone), service_days(whole.start, whole.end, timezone))


def _fraction(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def usage_requests(
    subscription: Subscription, boundary: Boundary, data: BillingData
) -> list[tuple[Charge, UsageRequest]]:
    if boundary.arrears is None:
        return []
    plan = data.plans[subscription.plan_id]
    version = data.version_at(plan.id, boundary.arrears.start)
    requests = []
    for charge in data.charges.get(version.id, []):
        metric = data.metrics[charge.billable_metric_id]
        requests.append(
            (
                charge,
                UsageRequest(
                    external_subscription_id=subscription.external_id,
                    code=metric.code,
                    aggregation=metric.aggregation_type,
                    field_name=metric.field_name,
                    start=boundary.arrears.start,
                    end=boundary.arrears.end,
                    recurring=metric.recurring,
                    charge_model=charge.charge_model,
                    properties=charge.properties,
                ),
            )
        )
    return requests


def _fee_line(
    subscription: Subscription, plan: Plan, period: Period, data: BillingData, taxes: list[Tax]
) -> Line | None:
    customer = data.customers[subscription.customer_id]
    share = _share(period, subscription, plan, data.timezone(customer), after_trial=True)
    if share == 0:
        return None
    version = data.version_at(plan.id, period.start)
    return Line(
        FeeKind.SUBSCRIPTION,
        f"{plan.name} ({plan.interval.value})",
        _fraction(share),
        Decimal(version.amount_cents),
        taxes,
        subscription_id=subscription.id,
        period_start=period.start,
        period_end=period.end,
        precise_amount_cents=Decimal(version.amount_cents) * share.numerator / share.denominator,
    )


def lines_for(
    subscription: Subscription,
    boundary: Boundary,
    data: BillingData,
    usages: list[tuple[Charge, Usage]],
) -> list[Line]:
    plan = data.plans[subscription.plan_id]
    customer = data.customers[subscription.customer_id]
    taxes = data.taxes(plan, customer)
    lines: list[Line] = []
    if boundary.arrears is not None and not plan.pay_in_advance:
        line = _fee_line(subscription, plan, boundary.arrears, data, taxes)
        if line is not None:
            lines.append(line)
    if boundary.arrears is not None:
        share = _share(boundary.arrears, subscription, plan, data.timezone(customer), after_trial=False)
        for charge, usage in usages:
            line = _charge_line(subscription, plan, boundary.arrears, charge, usage, share, data, taxes)
            if line is not None:
                lines.append(line)
    if boundary.advance is not None:
        line = _fee_line(subscription, plan, boundary.advance, data, taxes)
        if line is not None:
            lines.append(line)
    return lines


def _charge_line(
    subscription: Subscription,
    plan: Plan,
    period: Period,
    charge: Charge,
    usage: Usage,
    share: Fraction,
    data: BillingData,
    taxes: list[Tax],
) -> Line | None:
    precise = to_minor(rating.amount(charge.charge_model, charge.properties, usage), plan.amount_currency)
    if charge.min_amount_cents:  # a minimum commitment, prorated like the period
        precise = max(precise, Decimal(charge.min_amount_cents) * share.numerator / share.denominator)
    if usage.units == 0 and precise == 0:
        return None
    metric = data.metrics[charge.billable_metric_id]
    return Line(
        FeeKind.CHARGE,
        charge.invoice_display_name or metric.name,
        usage.units,
        precise / usage.units if usage.units else Decimal(0),
        taxes,
        charge_id=charge.id,
        subscription_id=subscription.id,
        period_start=period.start,
        period_end=period.end,
        precise_amount_cents=precise,
    )
