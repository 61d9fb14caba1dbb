"""Plans, their charges and their versions. A change of price (amount or charges) adds a version in
force from now on; the periods that started before it keep the version they started with."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.billing.charges import ChargeModel
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest, Window
from app.db.errors import constraint_errors
from app.db.pagination import paginate, windowed_per
from app.metrics.models import AggregationType, BillableMetric
from app.plans import charge_models
from app.plans.models import Charge, Plan, PlanInterval, PlanTax, PlanVersion
from app.subscriptions.models import LIVE, Subscription
from app.taxes import service as taxes

MAX_CHARGES = 20  # charges of one plan (as a subscription at the best-known payment platform has 20 items)
_UNIQUE_CODE = {"uq_plans_live_code": ("code", "is already used by another plan")}
CHARGE_COLUMNS = (
    "billable_metric_id",
    "position",
    "charge_model",
    "properties",
    "pay_in_advance",
    "invoiceable",
    "min_amount_cents",
    "invoice_display_name",
)


@dataclass(frozen=True)
class ChargeSpec:
    billable_metric_id: str
    charge_model: ChargeModel
    properties: dict[str, Any]
    pay_in_advance: bool = False
    invoiceable: bool = True
    min_amount_cents: int = 0
    invoice_display_name: str | None = None


@dataclass(frozen=True)
class PlanInput:
    name: str | None = None
    code: str | None = None
    description: str | None = None
    interval: PlanInterval | None = None
    amount_cents: int | None = None
    amount_currency: str | None = None
    pay_in_advance: bool | None = None
    trial_period: int | None = None
    tax_codes: list[str] | None = None
    charges: list[ChargeSpec] | None = field(default=None)


def catalogue(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    """The organization's plans as the catalogue shows them: live, and not a subscription's own copy."""
    return [Plan.organization_id == organization_id, Plan.deleted_at.is_(None), Plan.parent_id.is_(None)]


async def list_plans(
    session: AsyncSession, organization_id: uuid.UUID, page: PageRequest, search: str | None = None
) -> Page[Plan]:
    query = sa.select(Plan).where(*catalogue(organization_id))
    pattern = validation.search_pattern(search)
    if pattern:
        query = query.where(sa.or_(Plan.name.ilike(pattern), Plan.code.ilike(pattern)))
    return await paginate(session, query.order_by(Plan.name, Plan.id), page)


async def get_plan(session: AsyncSession, organization_id: uuid.UUID, plan_id: uuid.UUID) -> Plan:
    plan = await session.scalar(
        sa.select(Plan).where(
            Plan.id == plan_id, Plan.organization_id == organization_id, Plan.deleted_at.is_(None)
        )
    )
    if plan is None:
        raise NotFound("Plan")
    return plan


async def plans_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, Plan]:
    rows = await session.scalars(
        sa.select(Plan).where(Plan.organization_id == organization_id, Plan.id.in_(ids))
    )
    return {plan.id: plan for plan in rows}


async def charges_by_version(
    session: AsyncSession, version_ids: list[uuid.UUID]
) -> dict[uuid.UUID, list[Charge]]:
    rows = await session.scalars(
        sa.select(Charge).where(Charge.plan_version_id.in_(version_ids)).order_by(Charge.position)
    )
    grouped: dict[uuid.UUID, list[Charge]] = defaultdict(list)
    for charge in rows:
        grouped[charge.plan_version_id].append(charge)
    return grouped


async def versions_by_plan(
    session: AsyncSession, plan_ids: list[uuid.UUID], window: Window
) -> dict[uuid.UUID, list[PlanVersion]]:
    """Each plan's versions, newest first, ``window`` of each (plans come already scoped to the caller)."""
    query = (
        sa.select(PlanVersion).where(PlanVersion.plan_id.in_(plan_ids)).order_by(PlanVersion.number.desc())
    )
    rows = await session.scalars(windowed_per(PlanVersion, query, PlanVersion.plan_id, window))
    grouped: dict[uuid.UUID, list[PlanVersion]] = defaultdict(list)
    for version in rows:
        grouped[version.plan_id].append(version)
    return grouped


async def version_at(session: AsyncSession, plan_id: uuid.UUID, at: datetime) -> PlanVersion:
    """The version in force at ``at`` (the first one for anything earlier)."""
    version = await session.scalar(
        sa.select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id, PlanVersion.effective_from <= at)
        .order_by(PlanVersion.effective_from.desc(), PlanVersion.number.desc())
        .limit(1)
    )
    if version is None:
        version = await session.scalar(
            sa.select(PlanVersion).where(PlanVersion.plan_id == plan_id).order_by(PlanVersion.number).limit(1)
        )
    if version is None:
        raise NotFound("Plan version")
    return version


def _apply(errors: Collector, plan: Plan, data: PlanInput, creating: bool) -> None:
    if creating or data.name is not None:
        plan.name = validation.text(errors, "name", data.name) or ""
    if creating or data.code is not None:
        plan.code = validation.code(errors, "code", data.code or "")
    if data.description is not None:
        plan.description = validation.text(
            errors, "description", data.description, required=False, max_length=1000
        )
    if creating or data.interval is not None:
        if data.interval is None:
            errors.add("interval", "is required")
        plan.interval = data.interval or PlanInterval.MONTHLY
    if creating or data.amount_currency is not None:
        if data.amount_currency is None:
            errors.add("amountCurrency", "is required")
        plan.amount_currency = validation.currency(errors, "amountCurrency", data.amount_currency) or ""
    if data.pay_in_advance is not None:
        plan.pay_in_advance = data.pay_in_advance
    if data.trial_period is not None:
        plan.trial_period = validation.integer(errors, "trialPeriod", data.trial_period, maximum=3650) or 0


async def _charge_rows(
    session: AsyncSession, errors: Collector, organization_id: uuid.UUID, specs: list[ChargeSpec]
) -> list[dict[str, Any]]:
    """Validated, normalized charge rows (without plan and version ids)."""
    if len(specs) > MAX_CHARGES:
        errors.add("charges", f"a plan has at most {MAX_CHARGES} charges")
        return []
    ids: dict[int, uuid.UUID] = {}
    for index, spec in enumerate(specs):
        try:
            ids[index] = uuid.UUID(str(spec.billable_metric_id))
        except ValueError:
            errors.add(f"charges.{index}.billableMetricId", "is not a valid ID")
    found = {
        metric.id: metric
        for metric in await session.scalars(
            sa.select(BillableMetric).where(
                BillableMetric.organization_id == organization_id,
                BillableMetric.deleted_at.is_(None),
                BillableMetric.id.in_(list(ids.values())),
            )
        )
    }
    rows = []
    for index, spec in enumerate(specs):
        path = f"charges.{index}"
        metric = found.get(ids.get(index))  # type: ignore[arg-type]
        if index in ids and metric is None:
            errors.add(f"{path}.billableMetricId", "no such billable metric")
        properties = charge_models.validate(errors, f"{path}.properties", spec.charge_model, spec.properties)
        _check_charge_rules(errors, path, spec, metric)
        rows.append(
            {
                "billable_metric_id": ids.get(index),
                "position": index,
                "charge_model": spec.charge_model,
                "properties": properties,
                "pay_in_advance": spec.pay_in_advance,
                "invoiceable": spec.invoiceable,
                "min_amount_cents": spec.min_amount_cents,
                "invoice_display_name": validation.text(
                    errors, f"{path}.invoiceDisplayName", spec.invoice_display_name, required=False
                )
                or None,
            }
        )
    return rows


def _check_charge_rules(
    errors: Collector, path: str, spec: ChargeSpec, metric: BillableMetric | None
) -> None:
    validation.integer(errors, f"{path}.minAmountCents", spec.min_amount_cents)
    # Usage is billed in arrears, on the period's invoice; per-event (instant) billing is not offered,
    # so the flags that only make sense with it are refused rather than silently ignored.
    if spec.pay_in_advance:
        errors.add(
            f"{path}.payInAdvance", "usage is billed in arrears: pay-in-advance charges are not offered"
        )
    if not spec.invoiceable:
        errors.add(f"{path}.invoiceable", "every charge is invoiced")
    if (
        spec.charge_model is ChargeModel.PERCENTAGE
        and metric is not None
        and metric.aggregation_type is not AggregationType.SUM_AGG
    ):
        errors.add(f"{path}.chargeModel", "PERCENTAGE applies to a summed amount (a SUM_AGG metric)")


def snapshot(charges: Sequence[Charge]) -> list[dict[str, Any]]:
    return [{key: getattr(charge, key) for key in CHARGE_COLUMNS} for charge in charges]


async def add_version(
    session: AsyncSession,
    plan: Plan,
    number: int,
    amount_cents: int,
    rows: list[dict[str, Any]],
    effective_from: datetime | None = None,
) -> None:
    """Add the plan's next prices, in force from ``effective_from`` (default: now), and make them current."""
    version = PlanVersion(
        organization_id=plan.organization_id,
        plan_id=plan.id,
        number=number,
        effective_from=effective_from or datetime.now(UTC),
        amount_cents=amount_cents,
    )
    session.add(version)
    await session.flush()
    for row in rows:
        session.add(
            Charge(organization_id=plan.organization_id, plan_id=plan.id, plan_version_id=version.id, **row)
        )
    plan.current_version_id = version.id
    plan.amount_cents = amount_cents
    await session.flush()


async def _ensure_code_free(session: AsyncSession, plan: Plan) -> None:
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(
            *catalogue(plan.organization_id), Plan.code == plan.code, Plan.id != plan.id
        )
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE_CODE["uq_plans_live_code"]]))


async def create_plan(session: AsyncSession, actor: Actor, data: PlanInput) -> Plan:
    organization_id = actor.org()
    plan = Plan(id=uuid.uuid4(), organization_id=organization_id, pay_in_advance=False, trial_period=0)
    errors = Collector()
    _apply(errors, plan, data, creating=True)
    if data.amount_cents is None:
        errors.add("amountCents", "is required")
    amount_cents = validation.integer(errors, "amountCents", data.amount_cents) or 0
    rows = await _charge_rows(session, errors, organization_id, data.charges or [])
    errors.raise_if_any()
    plan_taxes = await taxes.resolve_codes(session, organization_id, data.tax_codes or [], "taxCodes")
    await _ensure_code_free(session, plan)
    plan.amount_cents = amount_cents
    session.add(plan)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    await add_version(session, plan, 1, amount_cents, rows)
    await taxes.set_links(session, PlanTax, "plan_id", plan, plan_taxes)
    return plan


async def update_plan(session: AsyncSession, actor: Actor, plan_id: uuid.UUID, data: PlanInput) -> Plan:
    organization_id = actor.org()
    plan = await get_plan(session, organization_id, plan_id)
    await session.execute(sa.select(Plan.id).where(Plan.id == plan.id).with_for_update(key_share=True))
    errors = Collector()
    # how running subscriptions are billed: their periods, currency, and whether a period is paid at
    # its start (what has been paid in advance is given back on that basis)
    billed_as = (plan.interval, plan.amount_currency, plan.pay_in_advance)
    _apply(errors, plan, data, creating=False)
    now_billed_as = (plan.interval, plan.amount_currency, plan.pay_in_advance)
    if now_billed_as != billed_as and await live_on_plan(session, plan.id):
        for path, before, after in (
            ("interval", billed_as[0], plan.interval),
            ("amountCurrency", billed_as[1], plan.amount_currency),
            ("payInAdvance", billed_as[2], plan.pay_in_advance),
        ):
            if before != after:
                errors.add(path, "cannot change while subscriptions use the plan")
    amount_cents = validation.integer(errors, "amountCents", data.amount_cents)
    version = await session.get_one(PlanVersion, plan.current_version_id)
    current = (await charges_by_version(session, [version.id])).get(version.id, [])
    if data.charges is None:
        rows = snapshot(current)
    else:
        rows = await _charge_rows(session, errors, organization_id, data.charges)
    errors.raise_if_any()
    if data.tax_codes is not None:
        await taxes.set_links(
            session,
            PlanTax,
            "plan_id",
            plan,
            await taxes.resolve_codes(session, organization_id, data.tax_codes, "taxCodes"),
        )
    await _ensure_code_free(session, plan)
    new_amount = plan.amount_cents if amount_cents is None else amount_cents
    if new_amount != version.amount_cents or rows != snapshot(current):
        await add_version(session, plan, version.number + 1, new_amount, rows)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return plan


async def live_on_plan(session: AsyncSession, plan_id: uuid.UUID) -> bool:
    """Whether a pending or active subscription uses the plan or a negotiated copy of it."""
    copies = sa.select(Plan.id).where(Plan.parent_id == plan_id)
    return bool(
        await session.scalar(
            sa.select(sa.literal(True))
            .where(
                sa.or_(Subscription.plan_id == plan_id, Subscription.plan_id.in_(copies)),
                Subscription.status.in_(LIVE),
            )
            .limit(1)
        )
    )


async def destroy_plan(session: AsyncSession, actor: Actor, plan_id: uuid.UUID) -> Plan:
    plan = await get_plan(session, actor.org(), plan_id)
    if await live_on_plan(session, plan.id):
        raise ValidationFailed.one("id", "the plan has live subscriptions; terminate or move them first")
    plan.deleted_at = datetime.now(UTC)
    await session.flush()
    return plan
