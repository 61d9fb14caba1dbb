"""Usage per charge and period, aggregated in PostgreSQL: many (subscription, charge, period) requests
in a handful of statements, whatever the number of events (nothing but totals comes back).

Numeric properties are cast only for numeric aggregations (a unique count may count strings).
Recurring metrics count from the beginning instead of the period's start; a weighted sum weighs each
running total (the sum of the deltas so far, from before the period if recurring) by how long it held.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from app.billing.charges import ChargeModel, Usage, has_transaction_limits
from app.metrics.models import AggregationType

Fetch = Callable[..., Awaitable[list[Any]]]
BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)

_REQUESTS = """unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
    $8::timestamptz[]) AS r(k, ext, code, field, agg, s, e)"""
_MATCH = """e.organization_id = $1 AND e.external_subscription_id = r.ext AND e.code = r.code
    AND e.timestamp >= r.s AND e.timestamp < r.e"""

# The f-strings below only assemble constant SQL fragments; every value is a bound parameter.
_TOTALS = f"""
SELECT r.k,
       count(e.id) AS events,
       coalesce(sum(CASE WHEN r.agg = 'sum_agg' THEN (e.properties->>r.field)::numeric END), 0) AS total,
       max(CASE WHEN r.agg = 'max_agg' THEN (e.properties->>r.field)::numeric END) AS maximum,
       count(DISTINCT CASE WHEN r.agg = 'unique_count_agg' THEN e.properties->>r.field END) AS uniques
FROM {_REQUESTS}
LEFT JOIN events e ON {_MATCH}
GROUP BY r.k"""

_LATEST = f"""
SELECT DISTINCT ON (r.k) r.k, (e.properties->>r.field)::numeric AS latest
FROM {_REQUESTS}
JOIN events e ON {_MATCH}
ORDER BY r.k, e.timestamp DESC, e.created_at DESC"""

# $9: where the running total starts (the period's start, or the beginning for a recurring metric).
_WEIGHTED = f"""
WITH r AS (SELECT * FROM {_REQUESTS.replace(" AS r(", " AS q(").replace("q(k", "q(k")}),
initial AS (
    SELECT r.k, coalesce(sum((e.properties->>r.field)::numeric), 0) AS value
    FROM r LEFT JOIN unnest($2::int[], $9::timestamptz[]) AS o(k, since) ON o.k = r.k
    LEFT JOIN events e ON e.organization_id = $1 AND e.external_subscription_id = r.ext AND e.code = r.code
        AND e.timestamp >= o.since AND e.timestamp < r.s
    GROUP BY r.k
),
points AS (
    SELECT r.k, r.s AS t, 0::numeric AS delta, 0 AS anchor FROM r
    UNION ALL
    SELECT r.k, e.timestamp, (e.properties->>r.field)::numeric, 1
    FROM r JOIN events e ON {_MATCH}
),
running AS (
    SELECT k, t,
           sum(delta) OVER (PARTITION BY k ORDER BY t, anchor ROWS UNBOUNDED PRECEDING) AS cumulated,
           lead(t) OVER (PARTITION BY k ORDER BY t, anchor) AS next_t
    FROM points
)
SELECT r.k,
       coalesce(sum((initial.value + running.cumulated)
           * extract(epoch FROM coalesce(running.next_t, r.e) - running.t)), 0) AS weighted_seconds,
       extract(epoch FROM r.e - r.s) AS seconds
FROM r JOIN initial ON initial.k = r.k JOIN running ON running.k = r.k
GROUP BY r.k, r.s, r.e"""

# $9..$14: per request free events (0: none), rate, fixed fee, per-transaction min and max, free amount
# (0: none). Only events carrying the field count, in (timestamp, id) order; cum is the running sum. One
# allowance: it ends after event N or where cum reaches A, whichever comes first, so the free amount is
# F = min(cum_N, A) over the allowances set. The rate applies to the total less F; an event wholly inside
# (rn <= N and cum <= A) pays no fixed fee; with limits each other event pays clamp(its part past F).
_PERCENTAGE = """
SELECT q.k,
       count(ev.amount) AS events,
       count(ev.amount) FILTER (WHERE NOT ev.inside) AS paying_events,
       coalesce(GREATEST(sum(ev.amount) - max(ev.free), 0), 0) AS paying_amount,
       coalesce(sum(LEAST(GREATEST(ev.paying * q.rate / 100 + q.fixed, q.low), q.high))
           FILTER (WHERE NOT ev.inside), 0) AS clamped
FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[],
            $9::int[], $10::numeric[], $11::numeric[], $12::numeric[], $13::numeric[], $14::numeric[])
     AS q(k, ext, code, field, agg, s, e, free, rate, fixed, low, high, free_amount)
LEFT JOIN LATERAL (
    SELECT f.amount, f.free,
           (q.free > 0 OR q.free_amount > 0) AND (q.free <= 0 OR f.rn <= q.free)
               AND (q.free_amount <= 0 OR f.cum <= q.free_amount) AS inside,
           f.amount - GREATEST(0, LEAST(f.amount, f.free - (f.cum - f.amount))) AS paying
    FROM (
        SELECT c.amount, c.rn, c.cum,
               GREATEST(0, coalesce(LEAST(
                   CASE WHEN q.free > 0 THEN sum(c.amount) FILTER (WHERE c.rn <= q.free) OVER () END,
                   CASE WHEN q.free_amount > 0 THEN q.free_amount END), 0)) AS free
        FROM (
            SELECT (e.properties->>q.field)::numeric AS amount,
                   row_number() OVER w AS rn,
                   sum((e.properties->>q.field)::numeric) OVER w AS cum
            FROM events e
            WHERE e.organization_id = $1 AND e.external_subscription_id = q.ext AND e.code = q.code
              AND e.timestamp >= q.s AND e.timestamp < q.e AND e.properties->>q.field IS NOT NULL
            WINDOW w AS (ORDER BY e.timestamp, e.id ROWS UNBOUNDED PRECEDING)
        ) c
    ) f
) ev ON true
GROUP BY q.k"""


@dataclass(frozen=True)
class UsageRequest:
    external_subscription_id: str
    code: str
    aggregation: AggregationType
    field_name: str | None
    start: datetime
    end: datetime
    recurring: bool = False
    charge_model: ChargeModel = ChargeModel.STANDARD
    properties: dict[str, Any] | None = None


def _arguments(
    requests: list[tuple[int, UsageRequest]], start_of: Callable[[UsageRequest], datetime]
) -> list[Any]:
    return [
        [k for k, _ in requests],
        [r.external_subscription_id for _, r in requests],
        [r.code for _, r in requests],
        [r.field_name for _, r in requests],
        [r.aggregation.value for _, r in requests],
        [start_of(r) for _, r in requests],
        [r.end for _, r in requests],
    ]


def _period_start(request: UsageRequest) -> datetime:
    if request.recurring and request.aggregation is not AggregationType.WEIGHTED_SUM_AGG:
        return BEGINNING
    return request.start


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


async def aggregate(fetch: Fetch, organization_id: Any, requests: list[UsageRequest]) -> list[Usage]:
    """One ``Usage`` per request, in order."""
    results = [Usage() for _ in requests]
    indexed = list(enumerate(requests))
    percentage = [(k, r) for k, r in indexed if r.charge_model is ChargeModel.PERCENTAGE]
    weighted = [(k, r) for k, r in indexed if r.aggregation is AggregationType.WEIGHTED_SUM_AGG]
    latest = [(k, r) for k, r in indexed if r.aggregation is AggregationType.LATEST_AGG]
    simple = [
        (k, r)
        for k, r in indexed
        if r.aggregation not in (AggregationType.WEIGHTED_SUM_AGG, AggregationType.LATEST_AGG)
    ]
    if simple:
        for row in await fetch(_TOTALS, organization_id, *_arguments(simple, _period_start)):
            request = requests[row["k"]]
            units = {
                AggregationType.COUNT_AGG: Decimal(row["events"]),
                AggregationType.SUM_AGG: Decimal(row["total"]),
                AggregationType.MAX_AGG: _decimal(row["maximum"]) or Decimal(0),
                AggregationType.UNIQUE_COUNT_AGG: Decimal(row["uniques"]),
            }[request.aggregation]
            results[row["k"]] = Usage(units=units, events=row["events"])
    if latest:
        for row in await fetch(_LATEST, organization_id, *_arguments(latest, _period_start)):
            results[row["k"]] = Usage(units=Decimal(row["latest"]), events=results[row["k"]].events)
    if weighted:
        since = [BEGINNING if r.recurring else r.start for _, r in weighted]
        for row in await fetch(_WEIGHTED, organization_id, *_arguments(weighted, lambda r: r.start), since):
            seconds = Decimal(row["seconds"])  # divided here, at Decimal's full precision
            results[row["k"]] = Usage(
                units=Decimal(row["weighted_seconds"]) / seconds if seconds else Decimal(0)
            )
    if percentage:
        await _percentage(fetch, organization_id, percentage, results)
    return results


async def _percentage(
    fetch: Fetch, organization_id: Any, requests: list[tuple[int, UsageRequest]], results: list[Usage]
) -> None:
    def prop(r: UsageRequest, key: str) -> Decimal | None:
        value = (r.properties or {}).get(key)
        return None if value is None else Decimal(str(value))

    limited = {k for k, r in requests if has_transaction_limits(r.properties or {})}
    rows = await fetch(
        _PERCENTAGE,
        organization_id,
        *_arguments(requests, _period_start),
        [int((r.properties or {}).get("free_units_per_events") or 0) for _, r in requests],
        [prop(r, "rate") or Decimal(0) for _, r in requests],
        [prop(r, "fixed_amount") or Decimal(0) for _, r in requests],
        [prop(r, "per_transaction_min_amount") for _, r in requests],
        [prop(r, "per_transaction_max_amount") for _, r in requests],
        [prop(r, "free_units_per_total_aggregation") or Decimal(0) for _, r in requests],
    )
    for row in rows:
        base = results[row["k"]]
        results[row["k"]] = Usage(
            units=base.units,
            events=row["events"],
            paying_events=row["paying_events"],
            paying_amount=Decimal(row["paying_amount"]),
            clamped_fees=Decimal(row["clamped"]) if row["k"] in limited else None,
        )
