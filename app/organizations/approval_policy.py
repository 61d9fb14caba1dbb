"""The credit-note approval policy (four eyes): per currency, a threshold above which a credit note waits
for a second person. Loosening waits, tightening is immediate (``permissions.md``):

- lowering a threshold, or adding one where a currency had none, applies at once;
- raising or removing one waits ``LOOSENING_DELAY`` (its ``effective_at``) while the value in force stays,
  so a threshold raised and restored around a note, even within one request, never lets the note through;
- what is in force is computed whenever it is read, from the stored thresholds and any pending change
  whose time has come, so no job has to apply a change and every reader sees the same policy.

The policy asked for replaces the previous one: asking again for a pending value keeps its
``effective_at``, asking for the value in force cancels the pending change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.organizations.models import Organization

LOOSENING_DELAY = timedelta(hours=24)

_Waiting = dict[str, tuple[int | None, datetime]]  # currency -> (cents or None: removed, effective at)


@dataclass(frozen=True)
class Threshold:
    currency: str
    amount_cents: int  # in force
    pending_amount_cents: int | None = None  # what applies at effective_at (None: no threshold then)
    effective_at: datetime | None = None  # None: no change waits


def _settle(organization: Organization, now: datetime) -> tuple[dict[str, int], _Waiting]:
    """The thresholds in force at ``now`` and the changes still waiting then."""
    in_force = dict(organization.credit_note_approval_thresholds or {})
    waiting: _Waiting = {}
    for currency, change in (organization.credit_note_approval_pending or {}).items():
        cents, effective_at = change.get("amount_cents"), datetime.fromisoformat(change["effective_at"])
        if effective_at > now:
            waiting[currency] = (cents, effective_at)
        elif cents is None:
            in_force.pop(currency, None)
        else:
            in_force[currency] = cents
    return in_force, waiting


def in_force(organization: Organization, now: datetime | None = None) -> dict[str, int]:
    """Currency -> cents: a credit note whose total is above it waits for approval (read at ``now``)."""
    return _settle(organization, now or datetime.now(UTC))[0]


def thresholds(organization: Organization, now: datetime | None = None) -> list[Threshold]:
    """Every threshold in force, by currency, with the change that waits on it if any."""
    force, waiting = _settle(organization, now or datetime.now(UTC))
    return [
        Threshold(currency, cents, *waiting.get(currency, (None, None)))
        for currency, cents in sorted(force.items())
    ]


def requested(organization: Organization, now: datetime) -> dict[str, int]:
    """The policy as last asked for: what is in force with the waiting changes applied."""
    force, waiting = _settle(organization, now)
    for currency, (cents, _) in waiting.items():
        if cents is None:
            force.pop(currency, None)
        else:
            force[currency] = cents
    return force


def _looser(new: int | None, old: int | None) -> bool:
    """Whether ``new`` lets through a note that ``old`` holds (no threshold is the loosest)."""
    return old is not None and (new is None or new > old)


def change(organization: Organization, wanted: dict[str, int], now: datetime) -> bool:
    """Ask for the policy ``wanted`` (currency -> cents; a currency left out has no threshold).
    Tightenings apply now, loosenings wait; True when the policy (in force or waiting) changed."""
    force, waiting = _settle(organization, now)
    applied: dict[str, int] = {}
    pending: _Waiting = {}
    for currency in sorted(force.keys() | wanted.keys()):
        old, new = force.get(currency), wanted.get(currency)
        if _looser(new, old):
            assert old is not None
            applied[currency] = old
            same = waiting.get(currency)
            pending[currency] = same if same and same[0] == new else (new, now + LOOSENING_DELAY)
        elif new is not None:
            applied[currency] = new
    if applied == force and pending == waiting:
        return False
    organization.credit_note_approval_thresholds = applied
    organization.credit_note_approval_pending = {
        currency: {"amount_cents": cents, "effective_at": at.isoformat()}
        for currency, (cents, at) in pending.items()
    }
    return True


def payload(organization: Organization, now: datetime) -> dict[str, Any]:
    """The ``approval_policy.updated`` webhook's body: the policy as the graph shows it."""
    return {
        "credit_note_approval_thresholds": [
            {
                "currency": t.currency,
                "amount_cents": t.amount_cents,
                "pending_amount_cents": t.pending_amount_cents,
                "effective_at": t.effective_at,
            }
            for t in thresholds(organization, now)
        ]
    }
