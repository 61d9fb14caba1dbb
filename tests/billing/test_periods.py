from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.billing.periods import BillingTime, Interval, Period, period_at


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("interval", "at", "expected"),
    [
        (Interval.MONTHLY, utc(2026, 2, 14, 12), Period(utc(2026, 2, 1), utc(2026, 3, 1))),
        (Interval.WEEKLY, utc(2026, 11, 25, 9), Period(utc(2026, 11, 23), utc(2026, 11, 30))),
        (Interval.QUARTERLY, utc(2026, 8, 2), Period(utc(2026, 7, 1), utc(2026, 10, 1))),
        (Interval.YEARLY, utc(2026, 12, 31, 23, 59), Period(utc(2026, 1, 1), utc(2027, 1, 1))),
    ],
)
def test_calendar_periods_follow_the_calendar(interval: Interval, at: datetime, expected: Period) -> None:
    assert period_at(at, utc(2025, 6, 1), interval, BillingTime.CALENDAR, "UTC") == expected


def test_a_calendar_subscription_started_mid_month_has_a_short_first_period() -> None:
    started = utc(2026, 3, 10, 15)

    assert period_at(utc(2026, 3, 20), started, Interval.MONTHLY, BillingTime.CALENDAR, "UTC") == Period(
        started, utc(2026, 4, 1)
    )


def test_anniversary_periods_follow_the_start_and_keep_the_31st() -> None:
    started = utc(2026, 1, 31, 10)

    periods = [
        period_at(at, started, Interval.MONTHLY, BillingTime.ANNIVERSARY, "UTC")
        for at in (utc(2026, 2, 10), utc(2026, 3, 5), utc(2026, 4, 29), utc(2026, 5, 1))
    ]

    assert periods == [
        Period(started, utc(2026, 2, 28)),
        Period(utc(2026, 2, 28), utc(2026, 3, 31)),
        Period(utc(2026, 3, 31), utc(2026, 4, 30)),
        Period(utc(2026, 4, 30), utc(2026, 5, 31)),
    ]


def test_periods_are_cut_at_midnight_in_the_customers_timezone() -> None:
    period = period_at(
        utc(2026, 7, 15), utc(2026, 1, 1), Interval.MONTHLY, BillingTime.CALENDAR, "Europe/Paris"
    )

    assert period == Period(utc(2026, 6, 30, 22), utc(2026, 7, 31, 22))  # CEST is UTC+2


def test_boundaries_belong_to_the_next_period() -> None:
    started = utc(2026, 1, 1)

    assert period_at(utc(2026, 2, 1), started, Interval.MONTHLY, BillingTime.ANNIVERSARY, "UTC").start == utc(
        2026, 2, 1
    )
