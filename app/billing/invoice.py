"""An invoice's amounts, in the order that billing law and the customer expect:

1. each fee's amount (rounded half-up to a minor unit, the precise value kept);
2. coupons, before taxes, spread over the fees in proportion to their amounts, never more than a fee;
3. taxes, per fee, on what remains of it after coupons, per tax rate;
4. credit-note credits, then prepaid wallet credits, after taxes, never more than what is still due.

Every split of a rounded total over fees uses the largest remainder, so that the parts always add up to
the whole: no cent appears or disappears between the fees and the invoice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.billing.money import percent_of, round_minor


@dataclass(frozen=True)
class TaxRate:
    key: str  # what the caller wants back (a tax id)
    rate: Decimal  # percent


@dataclass(frozen=True)
class FeeInput:
    precise_amount_cents: Decimal
    taxes: tuple[TaxRate, ...] = ()
    coupon_eligible: bool = True


@dataclass(frozen=True)
class CouponInput:
    """A coupon for this invoice: at most ``amount_cents`` (fixed) or ``rate`` percent (percentage) of
    what the fees it applies to still carry. ``fee_indexes`` None: every coupon-eligible fee."""

    amount_cents: int | None = None
    rate: Decimal | None = None
    fee_indexes: tuple[int, ...] | None = None


@dataclass(frozen=True)
class FeeTaxAmount:
    key: str
    rate: Decimal
    precise_amount_cents: Decimal
    amount_cents: int


@dataclass(frozen=True)
class FeeAmounts:
    amount_cents: int
    precise_amount_cents: Decimal
    coupons_amount_cents: int
    taxes: tuple[FeeTaxAmount, ...]

    @property
    def taxes_amount_cents(self) -> int:
        return sum(tax.amount_cents for tax in self.taxes)

    @property
    def taxes_rate(self) -> Decimal:
        return sum((tax.rate for tax in self.taxes), Decimal(0))

    @property
    def total_amount_cents(self) -> int:
        return self.amount_cents - self.coupons_amount_cents + self.taxes_amount_cents


@dataclass(frozen=True)
class InvoiceAmounts:
    fees: tuple[FeeAmounts, ...]
    credit_notes_amount_cents: int = 0
    prepaid_credit_amount_cents: int = 0
    coupon_breakdown: tuple[int, ...] = field(default=())

    @property
    def fees_amount_cents(self) -> int:
        return sum(fee.amount_cents for fee in self.fees)

    @property
    def coupons_amount_cents(self) -> int:
        return sum(fee.coupons_amount_cents for fee in self.fees)

    @property
    def sub_total_excluding_taxes_amount_cents(self) -> int:
        return self.fees_amount_cents - self.coupons_amount_cents

    @property
    def taxes_amount_cents(self) -> int:
        return sum(fee.taxes_amount_cents for fee in self.fees)

    @property
    def sub_total_including_taxes_amount_cents(self) -> int:
        return self.sub_total_excluding_taxes_amount_cents + self.taxes_amount_cents

    @property
    def total_amount_cents(self) -> int:
        return (
            self.sub_total_including_taxes_amount_cents
            - self.credit_notes_amount_cents
            - self.prepaid_credit_amount_cents
        )


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` split over ``weights`` proportionally, in whole units that add up to ``total`` exactly
    (largest remainder; ties go to the earlier weight)."""
    whole = sum(weights)
    if total == 0 or whole == 0:
        return [0] * len(weights)
    exact = [Decimal(total) * weight / whole for weight in weights]
    parts = [int(share) for share in exact]  # toward zero: never more than the exact share
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for index in order[: total - sum(parts)]:
        parts[index] += 1
    return parts


def compute(
    fees: list[FeeInput],
    coupons: list[CouponInput] | None = None,
    credit_note_cents: int = 0,
    wallet_cents: int = 0,
) -> InvoiceAmounts:
    """The amounts of an invoice with ``fees``. Coupons apply in order, each on what the fees it
    covers still carry after the coupons before it, and never more than that."""
    amounts = [round_minor(fee.precise_amount_cents) for fee in fees]
    remaining = [
        max(0, amount) if fee.coupon_eligible else 0 for amount, fee in zip(amounts, fees, strict=True)
    ]
    coupon_per_fee = [0] * len(fees)
    applied_coupons = []
    for coupon in coupons or []:
        covered = range(len(fees)) if coupon.fee_indexes is None else coupon.fee_indexes
        weights = [remaining[i] if i in covered else 0 for i in range(len(fees))]
        base = sum(weights)
        if coupon.rate is not None:
            granted = min(base, round_minor(percent_of(Decimal(base), coupon.rate)))
        else:
            granted = min(base, max(0, coupon.amount_cents or 0))
        applied_coupons.append(granted)
        for index, part in enumerate(split(granted, weights)):
            coupon_per_fee[index] += part
            remaining[index] -= part
    results = []
    for fee, amount, discount in zip(fees, amounts, coupon_per_fee, strict=True):
        taxable = Decimal(amount - discount)
        taxes = tuple(
            FeeTaxAmount(
                tax.key, tax.rate, percent_of(taxable, tax.rate), round_minor(percent_of(taxable, tax.rate))
            )
            for tax in fee.taxes
        )
        results.append(FeeAmounts(amount, fee.precise_amount_cents, discount, taxes))
    due = sum(result.total_amount_cents for result in results)
    credit_notes = max(0, min(credit_note_cents, due))
    wallet = max(0, min(wallet_cents, due - credit_notes))
    return InvoiceAmounts(tuple(results), credit_notes, wallet, tuple(applied_coupons))
