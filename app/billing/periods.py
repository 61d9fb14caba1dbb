"""Billing periods: half-open ``[start, end)`` instants in UTC, cut in the customer's timezone.

``CALENDAR`` periods follow the calendar (weeks from Monday, months from the 1st, quarters from January,
April, July, October, years from January 1st). ``ANNIVERSARY`` periods follow the subscription's start
(a subscription started on January 31st renews on the last day of shorter months, and on the 31st again
when the month has one).
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo


class Interval(enum.Enum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class BillingTime(enum.Enum):
    CALENDAR = "calendar"
    ANNIVERSARY = "anniversary"


MONTHS = {Interval.MONTHLY: 1, Interval.QUARTERLY: 3, Interval.YEARLY: 12}


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


def _add_months(day: date, months: int, anchor_day: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(anchor_day, calendar.monthrange(year, month)[1]))


def _boundary(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _calendar_start(day: date, interval: Interval) -> date:
    if interval is Interval.WEEKLY:
        return day - timedelta(days=day.weekday())
    if interval is Interval.MONTHLY:
        return day.replace(day=1)
    if interval is Interval.QUARTERLY:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def _next(day: date, interval: Interval, anchor_day: int) -> date:
    if interval is Interval.WEEKLY:
        return day + timedelta(days=7)
    return _add_months(day, MONTHS[interval], anchor_day)


def full_period_at(
    at: datetime, started_at: datetime, interval: Interval, billing_time: BillingTime, timezone: str
) -> Period:
    """The whole period (by the calendar or the anniversary) that contains ``at``, even where the
    subscription started inside it: what a partial period is prorated against."""
    zone = ZoneInfo(timezone)
    local_start = started_at.astimezone(zone).date()
    local_at = at.astimezone(zone).date()
    if billing_time is BillingTime.CALENDAR:
        begin = _calendar_start(local_at, interval)
        end = _next(begin, interval, 1)
    else:
        anchor_day = local_start.day
        begin = local_start
        end = _next(begin, interval, anchor_day)
        steps = 1
        while _boundary(end, zone) <= at:
            begin = end
            steps += 1
            end = (
                local_start + timedelta(days=7 * steps)
                if interval is Interval.WEEKLY
                else _add_months(local_start, MONTHS[interval] * steps, anchor_day)
            )
    return Period(_boundary(begin, zone), _boundary(end, zone))


def period_at(
    at: datetime, started_at: datetime, interval: Interval, billing_time: BillingTime, timezone: str
) -> Period:
    """The period of a subscription that contains ``at`` (``at`` >= ``started_at``).

    The first period starts at ``started_at`` itself (a calendar subscription started mid-month has a
    short first period, which the billing prorates)."""
    whole = full_period_at(at, started_at, interval, billing_time, timezone)
    return Period(max(whole.start, started_at), whole.end)


def service_days(start: datetime, end: datetime, timezone: str) -> int:
    """How many local calendar days ``[start, end)`` is billed for: the days from the one it starts on
    up to, not including, the one it ends on.

    A day belongs to exactly one subscription, the one in force when the day ends: the day of a plan
    change is the new plan's (the old plan's service ends the day before, as an upgrade on 15 January
    bills 14 days of the old plan), the day a subscription starts is its own, and the day one ends on
    with nothing after it is not billed. So ``[a, b)`` and ``[b, c)`` never share a day."""
    if end <= start:
        return 0
    zone = ZoneInfo(timezone)
    return (end.astimezone(zone).date() - start.astimezone(zone).date()).days


def proration(part: Period, whole: Period, timezone: str) -> Fraction:
    """The share of ``whole`` that ``part`` covers, in days (exact, as a fraction)."""
    return Fraction(
        service_days(part.start, part.end, timezone), service_days(whole.start, whole.end, timezone)
    )


def yearly_factor(interval: Interval) -> int:
    """How many periods of ``interval`` make a year (to compare plans of different intervals)."""
    return {Interval.WEEKLY: 52, Interval.MONTHLY: 12, Interval.QUARTERLY: 4, Interval.YEARLY: 1}[interval]
