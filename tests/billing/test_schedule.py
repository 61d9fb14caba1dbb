"""Billing boundaries: when each invoice of a subscription is due and what it covers."""

from __future__ import annotations

from datetime import UTC, datetime

from app.billing.periods import BillingTime, Interval, Period
from app.invoicing.schedule import Boundary, next_boundary


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def walk(
    started: datetime, until: datetime, *, advance: bool, terminated: datetime | None = None
) -> list[Boundary]:
    boundaries, billed = [], None
    while True:
        boundary = next_boundary(
            started, billed, terminated, Interval.MONTHLY, BillingTime.CALENDAR, "UTC", advance
        )
        if boundary is None or boundary.at > until:
            return boundaries
        boundaries.append(boundary)
        billed = boundary.at


def test_a_plan_in_arrears_is_billed_at_each_period_end() -> None:
    boundaries = walk(utc(2026, 1, 15, 12), utc(2026, 3, 1), advance=False)

    assert boundaries == [
        Boundary(utc(2026, 2, 1), "period", Period(utc(2026, 1, 15, 12), utc(2026, 2, 1)), None),
        Boundary(utc(2026, 3, 1), "period", Period(utc(2026, 2, 1), utc(2026, 3, 1)), None),
    ]


def test_a_plan_in_advance_is_billed_at_the_start_then_each_period_end_for_the_next() -> None:
    boundaries = walk(utc(2026, 1, 15, 12), utc(2026, 2, 1), advance=True)

    assert boundaries == [
        Boundary(utc(2026, 1, 15, 12), "start", None, Period(utc(2026, 1, 15, 12), utc(2026, 2, 1))),
        Boundary(
            utc(2026, 2, 1),
            "period",
            Period(utc(2026, 1, 15, 12), utc(2026, 2, 1)),
            Period(utc(2026, 2, 1), utc(2026, 3, 1)),
        ),
    ]


def test_a_termination_mid_period_is_a_last_boundary_without_advance() -> None:
    boundaries = walk(utc(2026, 1, 1), utc(2026, 12, 31), advance=True, terminated=utc(2026, 2, 10, 8))

    assert [(b.at, b.kind) for b in boundaries] == [
        (utc(2026, 1, 1), "start"),
        (utc(2026, 2, 1), "period"),
        (utc(2026, 2, 10, 8), "termination"),
    ]
    assert boundaries[-1].arrears == Period(utc(2026, 2, 1), utc(2026, 2, 10, 8))
    assert boundaries[-1].advance is None


def test_a_termination_at_a_period_end_bills_that_period_and_nothing_more() -> None:
    boundaries = walk(utc(2026, 1, 1), utc(2026, 12, 31), advance=True, terminated=utc(2026, 2, 1))

    assert [(b.at, b.kind, b.advance) for b in boundaries] == [
        (utc(2026, 1, 1), "start", Period(utc(2026, 1, 1), utc(2026, 2, 1))),
        (utc(2026, 2, 1), "period", None),
    ]
