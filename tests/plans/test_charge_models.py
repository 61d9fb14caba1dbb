"""Each charge model's properties, validated both ways, each problem at its path."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.errors import Collector
from app.plans.charge_models import validate
from app.plans.models import ChargeModel

P = "charges.0.properties"


def check(model: ChargeModel, properties: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    errors = Collector()
    normalized = validate(errors, P, model, properties)
    return normalized, errors.fields


def tiers(
    *bounds: tuple[str, str | None], per_unit: str = "1", flat: str | None = "0"
) -> list[dict[str, Any]]:
    return [
        {"from_value": start, "to_value": end, "per_unit_amount": per_unit, "flat_amount": flat}
        for start, end in bounds
    ]


def test_standard_takes_an_amount_normalized() -> None:
    assert check(ChargeModel.STANDARD, {"amount": "0.0200"}) == ({"amount": "0.02"}, {})


@pytest.mark.parametrize(
    ("properties", "fields"),
    [
        ({}, {f"{P}.amount": "is required"}),
        ({"amount": "-1"}, {f"{P}.amount": "must be at least 0"}),
        ({"amount": "1e3"}, {f"{P}.amount": 'must be a decimal number written as a string, like "12.50"'}),
        ({"amount": "NaN"}, {f"{P}.amount": 'must be a decimal number written as a string, like "12.50"'}),
        ({"amount": "1", "rate": "5"}, {f"{P}.rate": "is not used by the STANDARD charge model"}),
    ],
)
def test_standard_refuses(properties: dict[str, Any], fields: dict[str, str]) -> None:
    assert check(ChargeModel.STANDARD, properties)[1] == fields


def test_package_takes_amount_size_and_free_units() -> None:
    normalized, fields = check(ChargeModel.PACKAGE, {"amount": "5", "package_size": 1000, "free_units": 100})

    assert fields == {}
    assert normalized == {"amount": "5", "package_size": 1000, "free_units": 100}


@pytest.mark.parametrize(
    ("properties", "fields"),
    [
        ({"amount": "5"}, {f"{P}.packageSize": "is required"}),
        ({"amount": "5", "package_size": 0}, {f"{P}.packageSize": "must be a whole number of at least 1"}),
        (
            {"amount": "5", "package_size": 10, "free_units": -1},
            {f"{P}.freeUnits": "must be a whole number of at least 0"},
        ),
    ],
)
def test_package_refuses(properties: dict[str, Any], fields: dict[str, str]) -> None:
    assert check(ChargeModel.PACKAGE, properties)[1] == fields


@pytest.mark.parametrize("model", [ChargeModel.GRADUATED, ChargeModel.VOLUME])
def test_tiers_contiguous_from_zero_and_open_ended_are_accepted(model: ChargeModel) -> None:
    key = "graduated_ranges" if model is ChargeModel.GRADUATED else "volume_ranges"

    normalized, fields = check(model, {key: tiers(("0", "100"), ("100", "1000.5"), ("1000.5", None))})

    assert fields == {}
    assert [(t["from_value"], t["to_value"]) for t in normalized[key]] == [
        ("0", "100"),
        ("100", "1000.5"),
        ("1000.5", None),
    ]


@pytest.mark.parametrize(
    ("ranges", "fields"),
    [
        ([], {f"{P}.graduatedRanges": "at least one tier is required"}),
        (tiers(("1", None)), {f"{P}.graduatedRanges.0.fromValue": "the first tier must start at 0"}),
        (
            tiers(("0", "10"), ("11", None)),
            {f"{P}.graduatedRanges.1.fromValue": "must equal the previous tier's toValue (10)"},
        ),
        (tiers(("0", "10")), {f"{P}.graduatedRanges.0.toValue": "the last tier must be open-ended (null)"}),
        (
            tiers(("0", None), ("10", None)),
            {f"{P}.graduatedRanges.0.toValue": "only the last tier may be open-ended"},
        ),
        (
            tiers(("0", "0"), ("0", None)),
            {f"{P}.graduatedRanges.0.toValue": "must be greater than fromValue"},
        ),
        (
            tiers(("0", None), per_unit="-0.01"),
            {f"{P}.graduatedRanges.0.perUnitAmount": "must be at least 0"},
        ),
        (tiers(("0", None), flat="-5"), {f"{P}.graduatedRanges.0.flatAmount": "must be at least 0"}),
    ],
)
def test_graduated_tiers_are_refused_at_the_offending_tier(
    ranges: list[dict[str, Any]], fields: dict[str, str]
) -> None:
    assert check(ChargeModel.GRADUATED, {"graduated_ranges": ranges})[1] == fields


def test_volume_tiers_are_checked_the_same_way() -> None:
    fields = check(ChargeModel.VOLUME, {"volume_ranges": tiers(("0", "10"), ("20", None))})[1]

    assert fields == {f"{P}.volumeRanges.1.fromValue": "must equal the previous tier's toValue (10)"}


def test_percentage_takes_its_rate_fees_and_free_units_or_limits() -> None:
    free = check(
        ChargeModel.PERCENTAGE,
        {
            "rate": "2.9",
            "fixed_amount": "0.30",
            "free_units_per_events": 5,
            "free_units_per_total_aggregation": "100",
        },
    )
    limited = check(
        ChargeModel.PERCENTAGE,
        {"rate": "2.9", "per_transaction_min_amount": "0.5", "per_transaction_max_amount": "20"},
    )

    assert free == (
        {
            "rate": "2.9",
            "fixed_amount": "0.3",
            "free_units_per_events": 5,
            "free_units_per_total_aggregation": "100",
            "per_transaction_min_amount": None,
            "per_transaction_max_amount": None,
        },
        {},
    )
    assert limited[1] == {}
    assert (limited[0]["per_transaction_min_amount"], limited[0]["per_transaction_max_amount"]) == (
        "0.5",
        "20",
    )


@pytest.mark.parametrize(
    ("properties", "fields"),
    [
        ({}, {f"{P}.rate": "is required"}),
        ({"rate": "100.01"}, {f"{P}.rate": "must be at most 100"}),
        ({"rate": "-1"}, {f"{P}.rate": "must be at least 0"}),
        (
            {"rate": "1", "per_transaction_min_amount": "5", "per_transaction_max_amount": "1"},
            {f"{P}.perTransactionMaxAmount": "must be at least perTransactionMinAmount"},
        ),
        ({"rate": "1", "amount": "1"}, {f"{P}.amount": "is not used by the PERCENTAGE charge model"}),
    ],
)
def test_percentage_refuses(properties: dict[str, Any], fields: dict[str, str]) -> None:
    assert check(ChargeModel.PERCENTAGE, properties)[1] == fields


def test_percentage_limits_do_not_combine_with_free_units() -> None:
    fields = check(
        ChargeModel.PERCENTAGE, {"rate": "1", "per_transaction_max_amount": "5", "free_units_per_events": 3}
    )[1]

    assert fields == {f"{P}.perTransactionMaxAmount": "per-transaction limits do not combine with free units"}
