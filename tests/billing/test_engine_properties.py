"""Invariants of the rating engine, for any tiers, usage, coupons, taxes and credits (hypothesis)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.billing.charges import graduated, package, volume
from app.billing.invoice import CouponInput, FeeInput, TaxRate, compute, split

prices = st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False)
rates = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def tiers(draw: Any) -> list[dict[str, Any]]:
    bounds = sorted(set(draw(st.lists(st.integers(1, 400), min_size=0, max_size=5))))
    starts = [0, *bounds]
    ends: list[int | None] = [*bounds, None]
    return [
        {
            "from_value": str(start),
            "to_value": None if end is None else str(end),
            "per_unit_amount": str(draw(prices)),
            "flat_amount": str(draw(prices)),
        }
        for start, end in zip(starts, ends, strict=True)
    ]


def tier_of(unit: int, ranges: list[dict[str, Any]]) -> dict[str, Any]:
    """The tier that unit number ``unit`` (1, 2, 3, ...) falls in: above its start, up to its end."""
    return next(
        t
        for t in ranges
        if int(t["from_value"]) < unit and (t["to_value"] is None or unit <= int(t["to_value"]))
    )


@given(tiers(), st.integers(0, 500))
def test_graduated_is_the_sum_of_its_tiers_unit_by_unit(ranges: list[dict[str, Any]], units: int) -> None:
    by_unit = sum((Decimal(tier_of(k, ranges)["per_unit_amount"]) for k in range(1, units + 1)), Decimal(0))
    flats = sum((Decimal(t["flat_amount"]) for t in ranges if units > int(t["from_value"])), Decimal(0))

    assert graduated(Decimal(units), ranges) == by_unit + flats


@given(tiers(), st.integers(1, 500))
def test_volume_charges_every_unit_at_one_tier_price(ranges: list[dict[str, Any]], units: int) -> None:
    tier = tier_of(units, ranges)

    assert volume(Decimal(units), ranges) == units * Decimal(tier["per_unit_amount"]) + Decimal(
        tier["flat_amount"]
    )


@given(tiers(), st.integers(0, 499))
def test_graduated_never_decreases_with_more_usage(ranges: list[dict[str, Any]], units: int) -> None:
    assert graduated(Decimal(units + 1), ranges) >= graduated(Decimal(units), ranges)


@given(st.integers(0, 10_000), st.integers(1, 500), st.integers(0, 1_000), prices)
def test_package_counts_started_packages_beyond_the_free_units(
    units: int, size: int, free: int, price: Decimal
) -> None:
    expected = math.ceil(max(0, units - free) / size) * price

    assert (
        package(Decimal(units), {"amount": str(price), "package_size": size, "free_units": free}) == expected
    )


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=20))
def test_a_split_adds_up_exactly_and_no_part_strays_more_than_a_unit(total: int, weights: list[int]) -> None:
    parts = split(total, weights)

    if sum(weights) == 0:
        assert parts == [0] * len(weights)
    else:
        assert sum(parts) == total
        for part, weight in zip(parts, weights, strict=True):
            assert abs(part - Decimal(total) * weight / sum(weights)) < 1


fees = st.lists(
    st.tuples(
        st.decimals(min_value=0, max_value=10**7, places=6, allow_nan=False, allow_infinity=False),
        st.lists(rates, max_size=3),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)
coupons = st.lists(
    st.one_of(
        st.builds(CouponInput, amount_cents=st.integers(0, 10**8)),
        st.builds(CouponInput, rate=rates),
    ),
    max_size=3,
)


@settings(max_examples=300)
@given(fees, coupons, st.integers(0, 10**8), st.integers(0, 10**8))
def test_invoice_amounts_hold_their_invariants(
    given_fees: list[tuple[Decimal, list[Decimal], bool]],
    given_coupons: list[CouponInput],
    credit_notes: int,
    wallet: int,
) -> None:
    inputs = [
        FeeInput(amount, tuple(TaxRate(f"t{i}", rate) for i, rate in enumerate(taxes)), eligible)
        for amount, taxes, eligible in given_fees
    ]

    result = compute(inputs, given_coupons, credit_notes, wallet)

    # totals never negative, and every part adds up
    assert result.total_amount_cents >= 0
    assert result.total_amount_cents == (
        result.fees_amount_cents
        - result.coupons_amount_cents
        + result.taxes_amount_cents
        - result.credit_notes_amount_cents
        - result.prepaid_credit_amount_cents
    )
    # coupons never exceed what they apply to, fee by fee and in all
    eligible = sum(
        fee.amount_cents for fee, given in zip(result.fees, inputs, strict=True) if given.coupon_eligible
    )
    assert result.coupons_amount_cents <= eligible
    assert result.coupons_amount_cents == sum(result.coupon_breakdown)
    for fee, line in zip(result.fees, inputs, strict=True):
        assert 0 <= fee.coupons_amount_cents <= fee.amount_cents
        assert line.coupon_eligible or fee.coupons_amount_cents == 0
        # rounding never drifts by more than half a cent per fee, and per tax
        assert abs(fee.amount_cents - line.precise_amount_cents) <= Decimal("0.5")
        for tax in fee.taxes:
            assert abs(tax.amount_cents - tax.precise_amount_cents) <= Decimal("0.5")
    # credits never more than what is due
    assert result.credit_notes_amount_cents + result.prepaid_credit_amount_cents <= (
        result.sub_total_including_taxes_amount_cents
    )
