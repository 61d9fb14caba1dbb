"""Whether a period will ever bill an event: the subscriptions sharing its external id (a plan change's
successors keep it) cover it from their start (``started_at``, else ``subscription_at`` while pending)
until their end (``terminated_at``, else ``ending_at``); canceled ones never bill. An event outside
every span, or in a span already invoiced for good, is stored all the same, with a warning.

One statement for the whole batch (it also tells which external ids exist): the subscriptions of the
batch's external ids, each with the start of its oldest draft invoice, since a draft is recomputed
with late events until it is finalized."""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SUBSCRIPTIONS = """SELECT s.external_id, s.status = 'canceled' AS canceled,
    coalesce(s.started_at, s.subscription_at) AS starts, coalesce(s.terminated_at, s.ending_at) AS ends,
    s.billed_through,
    CASE WHEN s.billed_through IS NOT NULL AND s.status <> 'canceled' THEN
        (SELECT min(l.arrears_start) FROM invoice_subscriptions l JOIN invoices i ON i.id = l.invoice_id
         WHERE l.subscription_id = s.id AND i.status = 'draft')
    END AS draft_from
FROM subscriptions s
WHERE s.organization_id = $1 AND s.external_id = ANY($2::text[])"""


class WarningCode(enum.Enum):
    BEFORE_SUBSCRIPTION_START = "BEFORE_SUBSCRIPTION_START"
    AFTER_SUBSCRIPTION_END = "AFTER_SUBSCRIPTION_END"
    BETWEEN_SUBSCRIPTIONS = "BETWEEN_SUBSCRIPTIONS"
    SUBSCRIPTION_CANCELED = "SUBSCRIPTION_CANCELED"
    ALREADY_INVOICED = "ALREADY_INVOICED"


@dataclass(frozen=True)
class EventWarning:
    code: WarningCode
    message: str

    def body(self) -> dict[str, str]:
        return {"code": self.code.value, "message": self.message}


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class _Span:
    starts: datetime
    ends: datetime | None
    billed_through: datetime | None
    draft_from: datetime | None

    def covers(self, at: datetime) -> bool:
        return self.starts <= at and (self.ends is None or at < self.ends)

    def bills_after(self, at: datetime) -> bool:
        """A period of it ending after ``at`` is still to bill (or to recompute, as a draft)."""
        if self.ends is not None and self.ends <= at:
            return False
        return (
            self.billed_through is None
            or self.ends is None
            or self.billed_through < self.ends
            or (self.draft_from is not None)
        )

    def still_bills(self, at: datetime) -> bool:
        """Not invoiced yet, or invoiced in a draft that will be recomputed."""
        if self.billed_through is None or at >= self.billed_through:
            return True
        return self.draft_from is not None and at >= self.draft_from


class Coverage:
    """The subscriptions of a batch's external ids, from the rows of ``SUBSCRIPTIONS``."""

    def __init__(self, rows: list[Any]) -> None:
        self.known: set[str] = set()
        self._spans: dict[str, list[_Span]] = defaultdict(list)
        for row in rows:
            self.known.add(row["external_id"])
            if not row["canceled"]:
                span = _Span(row["starts"], row["ends"], row["billed_through"], row["draft_from"])
                self._spans[row["external_id"]].append(span)

    def warning(self, external_id: str, at: datetime, *, recurring: bool = False) -> EventWarning | None:
        """Why no period will bill an event of ``external_id`` at ``at`` (None: one will). A recurring
        metric's periods count every event since the beginning, so its event is billed by any period
        still to bill after it, whenever it happened."""
        spans = self._spans.get(external_id, [])
        if not spans:
            return EventWarning(
                WarningCode.SUBSCRIPTION_CANCELED,
                "every subscription with this external id is canceled; no period will bill it",
            )
        if recurring and any(span.bills_after(at) for span in spans):
            return None
        covering = [span for span in spans if span.covers(at)]
        if covering:
            if any(span.still_bills(at) for span in covering):
                return None
            through = max(span.billed_through for span in covering if span.billed_through)
            return EventWarning(
                WarningCode.ALREADY_INVOICED,
                f"the event is in a period already invoiced (through {_iso(through)}); it will not be billed",
            )
        first = min(span.starts for span in spans)
        if at < first:
            return EventWarning(
                WarningCode.BEFORE_SUBSCRIPTION_START,
                f"the event is before its subscription starts ({_iso(first)}); no period will bill it",
            )
        ended = max(span.ends for span in spans if span.ends is not None and span.ends <= at)
        following = [span.starts for span in spans if span.starts > at]
        if not following:
            return EventWarning(
                WarningCode.AFTER_SUBSCRIPTION_END,
                f"the event is after its subscription ended ({_iso(ended)}); no period will bill it",
            )
        return EventWarning(
            WarningCode.BETWEEN_SUBSCRIPTIONS,
            f"the event is between a subscription that ended ({_iso(ended)}) and the next one "
            f"({_iso(min(following))}); no period will bill it",
        )
