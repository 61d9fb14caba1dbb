"""Revenue analytics, by calendar month and currency, each figure one grouped statement.

- Gross revenue: what finalized invoices issued in the month ask customers to pay (their totals: after
  coupons, with taxes, net of credit-note credits and prepaid credits spent, purchases of credits
  included), less the refunds of credit notes issued in the month.
- MRR: recurring revenue of the month, from the subscription fees of finalized invoices (after
  coupons, before taxes): each fee is spread over the days of its service period, in the customer's
  local dates, and the month takes its days' share. A monthly calendar fee lands whole in its month.
  Unused time given back at a subscription's end comes off the months of the days it gives back.
- Invoiced usage: charge fees of finalized invoices issued in the month, per billable metric; a metric's
  units count once per billed period (invoice, subscription, period) however many charges price it.
- Outstanding invoices: finalized invoices issued in the month and not paid (pending or failed), with
  the part past its due date.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.money import round_minor
from app.billing.periods import Interval
from app.core import validation
from app.core.errors import Collector, ValidationFailed

MAX_MONTHS = 120
MONTHS_PER_INTERVAL = {
    Interval.WEEKLY: Decimal(12) / Decimal(52),
    Interval.MONTHLY: Decimal(1),
    Interval.QUARTERLY: Decimal(3),
    Interval.YEARLY: Decimal(12),
}


def _add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Months:
    """Calendar months from ``first`` to ``last`` inclusive (both the first day of their month)."""

    first: date
    last: date

    @classmethod
    def of(cls, from_month: date | None, to_month: date | None, today: date) -> Months:
        last = (to_month or today).replace(day=1)
        first = (from_month or _add_months(last, -11)).replace(day=1)
        if first > last:
            raise ValidationFailed.one("fromMonth", "must not be after toMonth")
        if _add_months(first, MAX_MONTHS) <= last:
            raise ValidationFailed.one("fromMonth", f"a range covers at most {MAX_MONTHS} months")
        return cls(first, last)

    @property
    def after(self) -> date:
        return _add_months(self.last, 1)

    def each(self) -> list[date]:
        months, month = [], self.first
        while month <= self.last:
            months.append(month)
            month = _add_months(month, 1)
        return months


@dataclass(frozen=True)
class Filters:
    organization_id: uuid.UUID
    months: Months
    currency: str | None = None
    customer_id: uuid.UUID | None = None

    def params(self) -> dict[str, Any]:
        return {
            "org": self.organization_id,
            "first": self.months.first,
            "after": self.months.after,
            "currency": self.currency,
            "customer": self.customer_id,
        }


@dataclass(frozen=True)
class GrossRevenue:
    month: date
    currency: str
    invoices_count: int
    invoiced_amount_cents: int
    refunded_amount_cents: int

    @property
    def amount_cents(self) -> int:
        return self.invoiced_amount_cents - self.refunded_amount_cents


@dataclass(frozen=True)
class Mrr:
    month: date
    currency: str
    amount_cents: int


@dataclass(frozen=True)
class InvoicedUsage:
    month: date
    currency: str
    billable_metric_code: str
    billable_metric_name: str
    units: Decimal
    amount_cents: int


@dataclass(frozen=True)
class Outstanding:
    month: date
    currency: str
    invoices_count: int
    amount_cents: int
    overdue_invoices_count: int
    overdue_amount_cents: int


async def filters_for(
    session: AsyncSession,
    organization_id: uuid.UUID,
    from_month: date | None,
    to_month: date | None,
    currency: str | None,
    customer_id: uuid.UUID | None,
) -> Filters:
    """The range (by default the twelve months to the organization's current one) and filters."""
    errors = Collector()
    wanted = validation.currency(errors, "currency", currency)
    errors.raise_if_any()
    months = Months.of(from_month, to_month, await organization_today(session, organization_id))
    return Filters(organization_id, months, wanted, customer_id)


async def organization_today(session: AsyncSession, organization_id: uuid.UUID) -> date:
    today = await session.scalar(
        sa.text("SELECT (now() AT TIME ZONE timezone)::date FROM organizations WHERE id = :org"),
        {"org": organization_id},
    )
    return today or datetime.now(UTC).date()


# A constant fragment (no input is ever formatted into SQL here: values are bound parameters).
_SCOPE = """organization_id = :org AND status = 'finalized' AND issuing_date >= :first
  AND issuing_date < :after AND (CAST(:currency AS text) IS NULL OR currency = :currency)
  AND (CAST(:customer AS uuid) IS NULL OR customer_id = :customer)"""

GROSS_REVENUES = sa.text(
    """
WITH invoiced AS (
  SELECT date_trunc('month', issuing_date::timestamp)::date AS month, currency,
         count(*) AS invoices, sum(total_amount_cents) AS amount
  FROM invoices WHERE {_SCOPE} GROUP BY 1, 2
), refunded AS (
  SELECT date_trunc('month', issuing_date::timestamp)::date AS month, currency,
         sum(refund_amount_cents) AS amount
  FROM credit_notes WHERE {_SCOPE} AND refund_amount_cents > 0 GROUP BY 1, 2
)
SELECT month, currency, coalesce(i.invoices, 0), coalesce(i.amount, 0), coalesce(r.amount, 0)
FROM invoiced i FULL JOIN refunded r USING (month, currency)""".replace("{_SCOPE}", _SCOPE)
)


async def gross_revenues(session: AsyncSession, filters: Filters) -> list[GrossRevenue]:
    rows = await session.execute(GROSS_REVENUES, filters.params())
    found = {(m, c): GrossRevenue(m, c, int(n), int(i), int(r)) for m, c, n, i, r in rows}
    return _filled(found, filters.months, lambda m, c: GrossRevenue(m, c, 0, 0, 0))


# Each subscription fee in scope spread over its service days, less each unused-time credit the
# billing gave back on it (app.invoicing.unused) spread over the days it covers: from the
# subscription's end (in the customer's dates) to the period's end. Those notes name no requester,
# unlike a person's.
MRRS = sa.text("""
WITH billed AS (
  SELECT f.id, f.subscription_id, f.period_start, f.period_end, i.currency,
         coalesce(c.timezone, o.timezone) AS tz, (f.amount_cents - f.coupons_amount_cents)::numeric AS amount
  FROM fees f
  JOIN invoices i ON i.id = f.invoice_id
  JOIN customers c ON c.id = i.customer_id
  JOIN organizations o ON o.id = i.organization_id
  WHERE i.organization_id = :org AND i.status = 'finalized' AND f.fee_type = 'subscription'
    AND f.period_start < CAST(:after AS date) + 2 AND f.period_end > CAST(:first AS date) - 2
    AND (CAST(:currency AS text) IS NULL OR i.currency = :currency)
    AND (CAST(:customer AS uuid) IS NULL OR i.customer_id = :customer)
), spread(s, e, amount, currency) AS (
  SELECT (b.period_start AT TIME ZONE b.tz)::date, (b.period_end AT TIME ZONE b.tz)::date,
         b.amount, b.currency
  FROM billed b
  UNION ALL
  SELECT (greatest(sub.terminated_at, b.period_start, coalesce(sub.trial_ends_at, b.period_start))
          AT TIME ZONE b.tz)::date,
         (b.period_end AT TIME ZONE b.tz)::date, -ci.amount_cents::numeric, b.currency
  FROM billed b
  JOIN credit_note_items ci ON ci.fee_id = b.id
  JOIN credit_notes n ON n.id = ci.credit_note_id
  JOIN subscriptions sub ON sub.id = b.subscription_id
  WHERE n.status = 'finalized' AND n.reason IN ('order_change', 'order_cancellation')
    AND n.created_by_user_id IS NULL AND n.created_by_api_key_id IS NULL
    AND sub.terminated_at < b.period_end
)
SELECT m.month::date, p.currency,
       sum(p.amount * (least(p.e, (m.month + interval '1 month')::date) - greatest(p.s, m.month::date))
           / (p.e - p.s))
FROM spread p
CROSS JOIN LATERAL generate_series(
  date_trunc('month', p.s::timestamp), (p.e - 1)::timestamp, interval '1 month'
) AS m(month)
WHERE p.e > p.s AND m.month >= :first AND m.month < :after
GROUP BY 1, 2""")


async def mrrs(session: AsyncSession, filters: Filters) -> list[Mrr]:
    rows = await session.execute(MRRS, filters.params())
    found = {(m, c): Mrr(m, c, round_minor(Decimal(amount))) for m, c, amount in rows}
    return _filled(found, filters.months, lambda m, c: Mrr(m, c, 0))


INVOICED_USAGES = sa.text(
    """
SELECT month, currency, code, name, sum(units), sum(amount)
FROM (
  SELECT date_trunc('month', i.issuing_date::timestamp)::date AS month, i.currency, bm.code, bm.name,
         max(f.units) AS units, sum(f.amount_cents) AS amount
  FROM fees f
  JOIN (SELECT * FROM invoices WHERE {_SCOPE}) i ON i.id = f.invoice_id
  JOIN charges ch ON ch.id = f.charge_id
  JOIN billable_metrics bm ON bm.id = ch.billable_metric_id
  WHERE f.fee_type = 'charge'
  GROUP BY 1, 2, bm.id, bm.code, bm.name, f.invoice_id, f.subscription_id, f.period_start, f.period_end
) per_period
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 3""".replace("{_SCOPE}", _SCOPE)
)


async def invoiced_usages(session: AsyncSession, filters: Filters) -> list[InvoicedUsage]:
    rows = await session.execute(INVOICED_USAGES, filters.params())
    return [
        InvoicedUsage(m, c, code, name, Decimal(units), int(amount))
        for m, c, code, name, units, amount in rows
    ]


OUTSTANDING = sa.text(
    """
SELECT date_trunc('month', issuing_date::timestamp)::date, currency, count(*), sum(total_amount_cents),
       count(*) FILTER (WHERE payment_due_date < :today),
       coalesce(sum(total_amount_cents) FILTER (WHERE payment_due_date < :today), 0)
FROM invoices
WHERE {_SCOPE} AND payment_status <> 'succeeded' AND total_amount_cents > 0
GROUP BY 1, 2""".replace("{_SCOPE}", _SCOPE)
)


async def outstanding_invoices(session: AsyncSession, filters: Filters) -> list[Outstanding]:
    today = await organization_today(session, filters.organization_id)
    rows = await session.execute(OUTSTANDING, {**filters.params(), "today": today})
    found = {(m, c): Outstanding(m, c, int(n), int(a), int(on), int(oa)) for m, c, n, a, on, oa in rows}
    return _filled(found, filters.months, lambda m, c: Outstanding(m, c, 0, 0, 0, 0))


def _filled(found: dict[tuple[date, str], Any], months: Months, empty: Any) -> list[Any]:
    """Every month of the range for each currency that has a figure, months in order, zero where none."""
    currencies = sorted({currency for _, currency in found})
    return [found.get((month, c)) or empty(month, c) for month in months.each() for c in currencies]


# --- per customer ----------------------------------------------------------------------------------------


async def gross_revenue_by_customer(
    session: AsyncSession, customer_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    """All-time gross revenue of each customer, by currency."""
    totals: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    invoiced = await session.execute(
        sa.text("""SELECT customer_id, currency, sum(total_amount_cents) FROM invoices
          WHERE customer_id = ANY(:ids) AND status = 'finalized' GROUP BY 1, 2"""),
        {"ids": customer_ids},
    )
    for customer_id, currency, amount in invoiced:
        totals[customer_id][currency] += int(amount)
    refunded = await session.execute(
        sa.text("""SELECT customer_id, currency, sum(refund_amount_cents) FROM credit_notes
          WHERE customer_id = ANY(:ids) AND status = 'finalized' GROUP BY 1, 2"""),
        {"ids": customer_ids},
    )
    for customer_id, currency, amount in refunded:
        totals[customer_id][currency] -= int(amount)
    return totals


async def contracted_mrr_by_customer(
    session: AsyncSession, customer_ids: list[uuid.UUID], now: datetime
) -> dict[uuid.UUID, dict[str, int]]:
    """Each customer's monthly recurring revenue under contract now: the plan price (negotiated price
    included, before coupons and taxes) of every active subscription past its trial, per month."""
    rows = await session.execute(
        sa.text("""SELECT s.customer_id, p.amount_currency, p.interval, p.amount_cents
          FROM subscriptions s JOIN plans p ON p.id = s.plan_id
          WHERE s.customer_id = ANY(:ids) AND s.status = 'active'
            AND (s.trial_ends_at IS NULL OR s.trial_ends_at <= :now)"""),
        {"ids": customer_ids, "now": now},
    )
    precise: dict[uuid.UUID, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for customer_id, currency, interval, amount in rows:
        precise[customer_id][currency] += Decimal(amount) / MONTHS_PER_INTERVAL[Interval(interval)]
    return {
        customer_id: {currency: round_minor(amount) for currency, amount in by_currency.items()}
        for customer_id, by_currency in precise.items()
    }
