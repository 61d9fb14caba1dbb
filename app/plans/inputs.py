"""From the graph's plan inputs to the service's plain data."""

from __future__ import annotations

from typing import Any

import strawberry

from app.plans.service import ChargeSpec, PlanInput
from app.plans.types import ChargeInput, CreatePlanInput, UpdatePlanInput


def charge_specs(charges: list[ChargeInput] | None) -> list[ChargeSpec] | None:
    if charges is None:
        return None
    return [
        ChargeSpec(
            billable_metric_id=str(charge.billable_metric_id),
            charge_model=charge.charge_model,
            properties=_plain(strawberry.asdict(charge.properties)),
            pay_in_advance=charge.pay_in_advance,
            invoiceable=charge.invoiceable,
            min_amount_cents=int(charge.min_amount_cents),
            invoice_display_name=charge.invoice_display_name,
        )
        for charge in charges
    ]


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def plan_input(given: CreatePlanInput | UpdatePlanInput) -> PlanInput:
    return PlanInput(
        name=given.name,
        code=given.code,
        description=given.description,
        interval=given.interval,
        amount_cents=None if given.amount_cents is None else int(given.amount_cents),
        amount_currency=given.amount_currency,
        pay_in_advance=given.pay_in_advance,
        trial_period=given.trial_period,
        tax_codes=given.tax_codes,
        charges=charge_specs(given.charges),
    )
