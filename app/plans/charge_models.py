"""The properties of each charge model, validated and normalized (pure: no database, no GraphQL).

Stored with snake_case keys and decimal amounts as canonical strings, exactly as the rating engine reads
them. Every problem is reported at its path in the caller's camelCase terms, e.g.
``charges.0.properties.graduatedRanges.1.fromValue``.

Tiers are contiguous: the first starts at 0, each next one starts where the previous ends, and the last
is open-ended (``toValue`` null). A tier covers the units above its ``fromValue`` up to its ``toValue``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.billing.charges import ChargeModel
from app.core import decimals
from app.core.currencies import EXPONENTS
from app.core.errors import Collector
from app.core.validation import MAX_AMOUNT_CENTS

MAX_RANGES = 20  # tiers of a graduated or volume charge
MAX_PRICE = Decimal(MAX_AMOUNT_CENTS) / 10 ** max(EXPONENTS.values())
"""The largest price in major units, in any currency, so that one unit stays within the largest amount."""
_CAMEL = {
    "amount": "amount",
    "package_size": "packageSize",
    "free_units": "freeUnits",
    "graduated_ranges": "graduatedRanges",
    "volume_ranges": "volumeRanges",
    "rate": "rate",
    "fixed_amount": "fixedAmount",
    "free_units_per_events": "freeUnitsPerEvents",
    "free_units_per_total_aggregation": "freeUnitsPerTotalAggregation",
    "per_transaction_min_amount": "perTransactionMinAmount",
    "per_transaction_max_amount": "perTransactionMaxAmount",
}

ALLOWED: dict[ChargeModel, frozenset[str]] = {
    ChargeModel.STANDARD: frozenset({"amount"}),
    ChargeModel.PACKAGE: frozenset({"amount", "package_size", "free_units"}),
    ChargeModel.GRADUATED: frozenset({"graduated_ranges"}),
    ChargeModel.VOLUME: frozenset({"volume_ranges"}),
    ChargeModel.PERCENTAGE: frozenset(
        {
            "rate",
            "fixed_amount",
            "free_units_per_events",
            "free_units_per_total_aggregation",
            "per_transaction_min_amount",
            "per_transaction_max_amount",
        }
    ),
}


def _amount(errors: Collector, path: str, value: Any, *, required: bool = True) -> str | None:
    if value is None:
        if required:
            errors.add(path, "is required")
        return None
    number = decimals.parse(errors, path, value, maximum=MAX_PRICE)
    return decimals.text_of(number) if number is not None and path not in errors.fields else None


def _count(errors: Collector, path: str, value: Any, *, minimum: int, required: bool = False) -> int | None:
    if value is None:
        if required:
            errors.add(path, "is required")
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        errors.add(path, f"must be a whole number of at least {minimum}")
        return None
    return value


def _ranges(errors: Collector, path: str, ranges: Any) -> list[dict[str, str | None]]:
    if not ranges:
        errors.add(path, "at least one tier is required")
        return []
    if len(ranges) > MAX_RANGES:
        errors.add(path, f"at most {MAX_RANGES} tiers")
        return []
    cleaned: list[dict[str, str | None]] = []
    previous_to: Decimal | None = None
    for index, tier in enumerate(ranges):
        at = f"{path}.{index}"
        start = decimals.parse(errors, f"{at}.fromValue", tier.get("from_value"))
        end_value = tier.get("to_value")
        end = decimals.parse(errors, f"{at}.toValue", end_value) if end_value is not None else None
        if tier.get("from_value") is None:
            errors.add(f"{at}.fromValue", "is required")
        elif start is not None:
            if index == 0 and start != 0:
                errors.add(f"{at}.fromValue", "the first tier must start at 0")
            elif index > 0 and previous_to is not None and start != previous_to:
                errors.add(
                    f"{at}.fromValue",
                    f"must equal the previous tier's toValue ({decimals.text_of(previous_to)})",
                )
        last = index == len(ranges) - 1
        if last and end_value is not None:
            errors.add(f"{at}.toValue", "the last tier must be open-ended (null)")
        elif not last and end_value is None:
            errors.add(f"{at}.toValue", "only the last tier may be open-ended")
        elif end is not None and start is not None and end <= start:
            errors.add(f"{at}.toValue", "must be greater than fromValue")
        per_unit = _amount(errors, f"{at}.perUnitAmount", tier.get("per_unit_amount"))
        flat = _amount(errors, f"{at}.flatAmount", tier.get("flat_amount") or "0")
        previous_to = end
        cleaned.append(
            {
                "from_value": decimals.text_of(start) if start is not None else None,
                "to_value": decimals.text_of(end) if end is not None else None,
                "per_unit_amount": per_unit,
                "flat_amount": flat,
            }
        )
    return cleaned


def validate(errors: Collector, path: str, model: ChargeModel, properties: dict[str, Any]) -> dict[str, Any]:
    """Normalized properties for ``model``; each problem recorded under ``path``."""
    given = {key for key, value in properties.items() if value is not None}
    for key in sorted(given - ALLOWED[model]):
        errors.add(f"{path}.{_CAMEL.get(key, key)}", f"is not used by the {model.name} charge model")
    p = properties
    if model is ChargeModel.STANDARD:
        return {"amount": _amount(errors, f"{path}.amount", p.get("amount"))}
    if model is ChargeModel.PACKAGE:
        return {
            "amount": _amount(errors, f"{path}.amount", p.get("amount")),
            "package_size": _count(
                errors, f"{path}.packageSize", p.get("package_size"), minimum=1, required=True
            ),
            "free_units": _count(errors, f"{path}.freeUnits", p.get("free_units"), minimum=0) or 0,
        }
    if model is ChargeModel.GRADUATED:
        return {"graduated_ranges": _ranges(errors, f"{path}.graduatedRanges", p.get("graduated_ranges"))}
    if model is ChargeModel.VOLUME:
        return {"volume_ranges": _ranges(errors, f"{path}.volumeRanges", p.get("volume_ranges"))}
    return _percentage(errors, path, p)


def _percentage(errors: Collector, path: str, p: dict[str, Any]) -> dict[str, Any]:
    rate = decimals.parse(errors, f"{path}.rate", p.get("rate"), maximum=decimals.HUNDRED)
    if p.get("rate") is None:
        errors.add(f"{path}.rate", "is required")
    minimum = _amount(
        errors, f"{path}.perTransactionMinAmount", p.get("per_transaction_min_amount"), required=False
    )
    maximum = _amount(
        errors, f"{path}.perTransactionMaxAmount", p.get("per_transaction_max_amount"), required=False
    )
    if minimum is not None and maximum is not None and Decimal(minimum) > Decimal(maximum):
        errors.add(f"{path}.perTransactionMaxAmount", "must be at least perTransactionMinAmount")
    free_total = p.get("free_units_per_total_aggregation")
    if (minimum is not None or maximum is not None) and (
        free_total is not None or p.get("free_units_per_events")
    ):
        errors.add(
            f"{path}.perTransactionMinAmount" if minimum is not None else f"{path}.perTransactionMaxAmount",
            "per-transaction limits do not combine with free units",
        )
    return {
        "rate": decimals.text_of(rate) if rate is not None else None,
        "fixed_amount": _amount(errors, f"{path}.fixedAmount", p.get("fixed_amount"), required=False),
        "free_units_per_events": _count(
            errors, f"{path}.freeUnitsPerEvents", p.get("free_units_per_events"), minimum=0
        ),
        "free_units_per_total_aggregation": _amount(
            errors, f"{path}.freeUnitsPerTotalAggregation", free_total, required=False
        ),
        "per_transaction_min_amount": minimum,
        "per_transaction_max_amount": maximum,
    }
