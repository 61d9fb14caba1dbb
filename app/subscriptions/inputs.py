"""From the graph's subscription inputs to the service's plain data."""

from __future__ import annotations

import strawberry

from app.plans.overrides import ChargeOverride, PlanOverrides
from app.subscriptions.types import PlanOverridesInput


def plan_overrides(given: PlanOverridesInput | None) -> PlanOverrides | None:
    if given is None:
        return None
    return PlanOverrides(
        amount_cents=None if given.amount_cents is None else int(given.amount_cents),
        trial_period=given.trial_period,
        tax_codes=given.tax_codes,
        charges=[
            ChargeOverride(
                id=str(charge.id),
                properties=None if charge.properties is None else strawberry.asdict(charge.properties),
                min_amount_cents=None if charge.min_amount_cents is None else int(charge.min_amount_cents),
                invoice_display_name=charge.invoice_display_name,
            )
            for charge in given.charges or []
        ],
    )
