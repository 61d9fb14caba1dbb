"""Money: amounts are integer minor units of a currency (``*_cents``); prices and rates are ``Decimal``.

Rounding is half-up at the currency's exponent, in this one place; the precise value is kept beside
every rounded one so that nothing drifts when amounts are summed or split.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.core.currencies import exponent

HUNDRED = Decimal(100)


def minor_per_major(currency: str) -> Decimal:
    """How many minor units make one major unit (100 for EUR, 1 for JPY, 1000 for KWD)."""
    return Decimal(10) ** exponent(currency)


def to_minor(major: Decimal, currency: str) -> Decimal:
    """A precise amount in major units (``Decimal("0.0025")`` EUR) as precise minor units (0.25)."""
    return major * minor_per_major(currency)


def round_minor(precise: Decimal) -> int:
    """Half-up to a whole minor unit: 0.5 cent becomes 1, -0.5 becomes -1."""
    return int(precise.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(amount: Decimal, rate: Decimal) -> Decimal:
    """``rate`` percent of ``amount``, precisely."""
    return amount * rate / HUNDRED
