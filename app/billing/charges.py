"""Charge models: aggregated usage x properties -> a precise amount in major units of the currency.

Properties are as stored (snake_case, decimal strings). Nothing is rounded here: the caller converts to
minor units and rounds once, half-up (``app.billing.money``).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.billing.money import percent_of

ZERO = Decimal(0)


class ChargeModel(enum.Enum):
    STANDARD = "standard"
    GRADUATED = "graduated"
    VOLUME = "volume"
    PACKAGE = "package"
    PERCENTAGE = "percentage"


@dataclass(frozen=True)
class Usage:
    """What the aggregation of a period's events gave for one charge.

    ``units`` is the metric's value (count, sum, max, unique count, latest, weighted sum). Percentage
    charges also need, computed by the database over the events themselves: the number of events, the
    number not wholly inside the free allowance (each pays the fixed fee), the amount past the free
    allowance (the total less the free amount, already subtracted) and, with per-transaction limits,
    the sum of each paying transaction's clamped fee."""

    units: Decimal = ZERO
    events: int = 0
    paying_events: int = 0
    paying_amount: Decimal = ZERO
    clamped_fees: Decimal | None = None


def _d(value: Any) -> Decimal:
    return Decimal(str(value)) if value is not None else ZERO


def standard(units: Decimal, properties: dict[str, Any]) -> Decimal:
    return units * _d(properties["amount"])


def graduated(units: Decimal, ranges: list[dict[str, Any]]) -> Decimal:
    """Each tier prices the units that fall in it, plus its flat fee once units reach into it."""
    total = ZERO
    for tier in ranges:
        start = _d(tier["from_value"])
        if units <= start:
            break
        end = _d(tier["to_value"]) if tier["to_value"] is not None else None
        in_tier = (units if end is None else min(units, end)) - start
        total += in_tier * _d(tier["per_unit_amount"]) + _d(tier["flat_amount"])
    return total


def volume_tier(units: Decimal, ranges: list[dict[str, Any]]) -> dict[str, Any]:
    """The tier whose range holds the total (a tier covers units above its start up to its end)."""
    for tier in ranges:
        if tier["to_value"] is None or units <= _d(tier["to_value"]):
            return tier
    return ranges[-1]


def volume(units: Decimal, ranges: list[dict[str, Any]]) -> Decimal:
    """Every unit at the price of the one tier the total falls in, plus that tier's flat fee."""
    if units <= 0:
        return ZERO
    tier = volume_tier(units, ranges)
    return units * _d(tier["per_unit_amount"]) + _d(tier["flat_amount"])


def package(units: Decimal, properties: dict[str, Any]) -> Decimal:
    """``ceil((units - free) / size)`` packages at ``amount`` each."""
    billable = max(ZERO, units - Decimal(properties.get("free_units") or 0))
    packages = math.ceil(billable / Decimal(properties["package_size"]))
    return packages * _d(properties["amount"])


def per_transaction_fee(amount: Decimal, properties: dict[str, Any]) -> Decimal:
    """One transaction's percentage fee with its fixed fee, within the per-transaction limits."""
    fee = percent_of(amount, _d(properties["rate"])) + _d(properties.get("fixed_amount"))
    if properties.get("per_transaction_min_amount") is not None:
        fee = max(fee, _d(properties["per_transaction_min_amount"]))
    if properties.get("per_transaction_max_amount") is not None:
        fee = min(fee, _d(properties["per_transaction_max_amount"]))
    return fee


def has_transaction_limits(properties: dict[str, Any]) -> bool:
    return (
        properties.get("per_transaction_min_amount") is not None
        or properties.get("per_transaction_max_amount") is not None
    )


def percentage(usage: Usage, properties: dict[str, Any]) -> Decimal:
    """A rate on the amount past the one free allowance (the first ``free_units_per_events`` events or
    the first ``free_units_per_total_aggregation``, whichever ends first), plus a fixed fee per event not
    wholly inside it; with per-transaction limits, the sum of each paying transaction's limited fee.
    The allowance is applied once, by the aggregation (``app.events.aggregation``)."""
    if has_transaction_limits(properties):
        return usage.clamped_fees or ZERO
    base = max(ZERO, usage.paying_amount)
    return percent_of(base, _d(properties["rate"])) + _d(properties.get("fixed_amount")) * usage.paying_events


def amount(model: ChargeModel, properties: dict[str, Any], usage: Usage) -> Decimal:
    """The precise amount (major units) of one charge for one period's usage."""
    if model is ChargeModel.STANDARD:
        return standard(usage.units, properties)
    if model is ChargeModel.GRADUATED:
        return graduated(usage.units, properties["graduated_ranges"])
    if model is ChargeModel.VOLUME:
        return volume(usage.units, properties["volume_ranges"])
    if model is ChargeModel.PACKAGE:
        return package(usage.units, properties)
    return percentage(usage, properties)
