"""Negotiated prices: a subscription's own copy of a plan, with an overridden amount, trial, taxes and
charge properties (validated exactly like the plan's). The parent plan and every other subscription
keep their prices; the copy never appears in the catalogue."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core import validation
from app.core.errors import Collector
from app.plans import charge_models
from app.plans.models import Charge, Plan, PlanTax, PlanVersion
from app.plans.service import add_version, charges_by_version, snapshot
from app.taxes import service as taxes

PATH = "planOverrides"


@dataclass(frozen=True)
class ChargeOverride:
    id: str
    properties: dict[str, Any] | None = None
    min_amount_cents: int | None = None
    invoice_display_name: str | None = None


@dataclass(frozen=True)
class PlanOverrides:
    amount_cents: int | None = None
    trial_period: int | None = None
    tax_codes: list[str] | None = None
    charges: list[ChargeOverride] = field(default_factory=list)


async def _current(session: AsyncSession, plan: Plan) -> tuple[PlanVersion, list[Charge]]:
    version = await session.get_one(PlanVersion, plan.current_version_id)
    return version, (await charges_by_version(session, [version.id])).get(version.id, [])


def _apply_charges(
    errors: Collector, charges: list[Charge], overrides: list[ChargeOverride]
) -> list[dict[str, Any]]:
    rows = snapshot(charges)
    by_id = {str(charge.id): index for index, charge in enumerate(charges)}
    for position, override in enumerate(overrides):
        path = f"{PATH}.charges.{position}"
        index = by_id.get(str(override.id))
        if index is None:
            errors.add(f"{path}.id", "is not a charge of the plan")
            continue
        row = rows[index]
        if override.properties is not None:
            row["properties"] = charge_models.validate(
                errors, f"{path}.properties", row["charge_model"], override.properties
            )
        if override.min_amount_cents is not None:
            row["min_amount_cents"] = validation.integer(
                errors, f"{path}.minAmountCents", override.min_amount_cents
            )
        if override.invoice_display_name is not None:
            row["invoice_display_name"] = (
                validation.text(
                    errors, f"{path}.invoiceDisplayName", override.invoice_display_name, required=False
                )
                or None
            )
    return rows


def _check(errors: Collector, overrides: PlanOverrides) -> None:
    validation.integer(errors, f"{PATH}.amountCents", overrides.amount_cents)
    validation.integer(errors, f"{PATH}.trialPeriod", overrides.trial_period, maximum=3650)


async def create_override(
    session: AsyncSession,
    parent: Plan,
    overrides: PlanOverrides,
    *,
    keep_parent_until: datetime | None = None,
) -> Plan:
    """A copy of ``parent`` with ``overrides``. With ``keep_parent_until``, the copy's first version holds
    the parent's prices (for the period already running) and the negotiated ones start then."""
    errors = Collector()
    _check(errors, overrides)
    version, charges = await _current(session, parent)
    rows = _apply_charges(errors, charges, overrides.charges)
    errors.raise_if_any()
    if overrides.tax_codes is None:
        chosen = (await taxes.taxes_by_owner(session, PlanTax, "plan_id", [parent.id])).get(parent.id, [])
    else:
        chosen = await taxes.resolve_codes(
            session, parent.organization_id, overrides.tax_codes, f"{PATH}.taxCodes"
        )
    copy = Plan(
        id=uuid.uuid4(),
        organization_id=parent.organization_id,
        parent_id=parent.id,
        name=parent.name,
        code=parent.code,
        description=parent.description,
        interval=parent.interval,
        amount_cents=parent.amount_cents,
        amount_currency=parent.amount_currency,
        pay_in_advance=parent.pay_in_advance,
        trial_period=parent.trial_period if overrides.trial_period is None else overrides.trial_period,
    )
    session.add(copy)
    await session.flush()
    amount = parent.amount_cents if overrides.amount_cents is None else overrides.amount_cents
    if keep_parent_until is not None:
        await add_version(
            session, copy, 1, version.amount_cents, snapshot(charges), effective_from=version.effective_from
        )
        await add_version(session, copy, 2, amount, rows, effective_from=keep_parent_until)
    else:
        await add_version(session, copy, 1, amount, rows)
    await taxes.set_links(session, PlanTax, "plan_id", copy, chosen)
    return copy


async def update_override(session: AsyncSession, copy: Plan, overrides: PlanOverrides) -> Plan:
    """New negotiated prices for a subscription's own plan, in force from now on."""
    errors = Collector()
    _check(errors, overrides)
    version, charges = await _current(session, copy)
    rows = _apply_charges(errors, charges, overrides.charges)
    errors.raise_if_any()
    if overrides.trial_period is not None:
        copy.trial_period = overrides.trial_period
    if overrides.tax_codes is not None:
        chosen = await taxes.resolve_codes(
            session, copy.organization_id, overrides.tax_codes, f"{PATH}.taxCodes"
        )
        await taxes.set_links(session, PlanTax, "plan_id", copy, chosen)
    amount = copy.amount_cents if overrides.amount_cents is None else overrides.amount_cents
    if amount != version.amount_cents or rows != snapshot(charges):
        await add_version(session, copy, version.number + 1, amount, rows)
    await session.flush()
    return copy
