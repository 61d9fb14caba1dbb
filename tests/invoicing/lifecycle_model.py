"""The lifecycle property's own model: which subscription is in force when, and what its fees should
be, computed with zoneinfo and dates only (none of the engine's period functions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from tests.invoicing.lifecycle import half_up, local_date, local_midnight

ZONES = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"]
# code: (amount_cents per month, pay in advance, trial days)
PLANS = {
    "basic": (1000, False, 0),
    "pro": (3100, False, 0),
    "trial": (2000, True, 10),
    "max": (6200, True, 0),
}
CODES = sorted(PLANS)
MINUTE = timedelta(minutes=1)
DAY_MINUTES = 24 * 60


@dataclass
class Sub:
    id: str
    plan: str
    start: datetime
    ending_at: datetime | None
    first_of_chain: bool
    ended_at: datetime | None = None  # terminated or upgraded
    ended_by: str = "ORDER_CANCELLATION"  # ORDER_CHANGE after an upgrade
    canceled: bool = False
    successor: Sub | None = None

    @property
    def never_starts(self) -> bool:
        return self.canceled or (self.ending_at is not None and self.ending_at <= self.start)

    def end(self) -> datetime | None:
        ends = [t for t in (self.ending_at, self.ended_at) if t is not None]
        if self.successor is not None and not self.successor.canceled:
            ends.append(self.successor.start)
        return min(ends) if ends else None

    def status_at(self, now: datetime) -> str:
        if self.canceled:
            return "canceled"
        if self.start > now:
            if self.never_starts and self.ending_at is not None and self.ending_at <= now:
                return "canceled"  # its predecessor's end came first: a change scheduled past it is off
            return "pending"
        if self.never_starts:
            return "canceled"
        end = self.end()
        return "terminated" if end is not None and end <= now else "active"


@dataclass
class Slot:
    customer_id: str
    external_id: str
    zone: str
    subs: list[Sub] = field(default_factory=list)
    events: list[datetime] = field(default_factory=list)

    def live(self, now: datetime) -> Sub | None:
        """The active subscription, else the pending one (a successor only through its predecessor)."""
        states = [(s, s.status_at(now)) for s in self.subs]
        for sub, state in states:
            if state == "active":
                return sub
        pending = [s for s, state in states if state == "pending"]
        return pending[0] if pending else None


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month_pieces(start: datetime, end: datetime, zone: str) -> list[tuple[datetime, datetime, int]]:
    """[start, end) cut at the customer's local month starts: (from, to, days in that whole month)."""
    pieces = []
    month = local_date(start, zone).replace(day=1)
    while local_midnight(month, zone) < end:
        following = next_month(month)
        begin, finish = local_midnight(month, zone), local_midnight(following, zone)
        if finish > start:
            pieces.append((max(start, begin), min(end, finish), (following - month).days))
        month = following
    return pieces


def fee_days(sub: Sub, begin: datetime, finish: datetime, zone: str) -> int:
    """The local days of [begin, finish) billed as a fee: from its first day after any trial."""
    first = local_date(begin, zone)
    if PLANS[sub.plan][2] and sub.first_of_chain:
        first = max(first, local_date(sub.start + timedelta(days=PLANS[sub.plan][2]), zone))
    return max(0, (local_date(finish, zone) - first).days)


def fee_cents(sub: Sub, begin: datetime, finish: datetime, zone: str) -> int:
    """The fee of [begin, finish), inside one local month: its days over the month's, half up."""
    month = local_date(begin, zone).replace(day=1)
    month_days = (next_month(month) - month).days
    return half_up(Decimal(PLANS[sub.plan][0]) * fee_days(sub, begin, finish, zone) / month_days)
