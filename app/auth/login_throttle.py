"""Every password check goes through this throttle, counted in PostgreSQL for all server processes.

Checks are counted per email (whoever sends them) and per client address (whichever emails it tries),
over a sliding window. A check is reserved before the password is verified, atomically under the
counter rows' locks (``login_reserve`` in migration 0012): however many requests race, in however many
processes, at most the limit is evaluated per window; the others are ``RATE_LIMITED`` without a look at
the password. A check that succeeds gives its reservation back and clears the email's count; one that
fails (or breaks) keeps it.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from app.auth.throttle import retry_after_seconds
from app.core.errors import NotFound, RateLimited
from app.db.engine import Database
from app.settings import Settings

T = TypeVar("T")

_RESERVE = "SELECT wait, reserved_at FROM login_reserve($1::text[], $2::integer[], $3::float8)"
_EMAIL = "SELECT email FROM users WHERE id = $1"
# The rows are locked in key order, as login_reserve locks them: otherwise a give-back and a reservation
# sharing an email and an address could each hold one row and wait for the other (a deadlock).
_RELEASE = """
WITH locked AS (SELECT key FROM login_attempts WHERE key = ANY($2::text[]) ORDER BY key FOR UPDATE)
UPDATE login_attempts a
   SET attempts = CASE WHEN a.key = $1 THEN '{}'::timestamptz[] ELSE array_remove(a.attempts, $3) END
  FROM locked WHERE a.key = locked.key"""


def email_key(email: str) -> str:
    return f"email:{email.strip().lower()[:320]}"


@dataclass(frozen=True, slots=True)
class Reservation:
    keys: tuple[str, ...]
    email_key: str
    reserved_at: datetime | None  # None: no limit applies


@dataclass(slots=True)
class PasswordThrottle:
    """One request's way to the throttle. Reservations are made at once, outside the request's
    transaction; a success's reservation is given back when the request has finished (``settle``), so
    that it never belongs to the request's transaction either."""

    db: Database
    max_failures: int
    max_failures_per_address: int
    window: float
    _succeeded: list[Reservation] = field(default_factory=list)

    @classmethod
    def for_settings(cls, db: Database, settings: Settings) -> PasswordThrottle:
        return cls(
            db,
            settings.login_max_failures,
            settings.login_max_failures_per_address,
            settings.login_failure_window_seconds,
        )

    async def account_email(self, user_id: uuid.UUID) -> str:
        """The email a signed-in user's password checks count against (read outside the request's
        transaction, like the counts themselves)."""
        rows = await self.db.fetch(_EMAIL, user_id)
        if not rows:
            raise NotFound("User")
        email: str = rows[0]["email"]
        return email

    async def reserve(self, email: str, address: str) -> Reservation:
        """Count one password check for ``email`` from ``address``, or ``RateLimited`` if either is spent."""
        candidates = [(email_key(email), self.max_failures)]
        if address:  # no client address known: no key that every such caller would share
            candidates.append((f"ip:{address}", self.max_failures_per_address))
        limited = [(key, limit) for key, limit in candidates if limit > 0]
        keys = tuple(key for key, _ in limited)
        if not keys:
            return Reservation(keys, email_key(email), None)
        rows = await self.db.fetch(_RESERVE, list(keys), [limit for _, limit in limited], self.window)
        wait, reserved_at = rows[0]["wait"], rows[0]["reserved_at"]
        if wait > 0:
            raise RateLimited(retry_after_seconds(wait), "Too many failed password attempts")
        return Reservation(keys, email_key(email), reserved_at)

    async def check(self, email: str, address: str, attempt: Callable[[], Awaitable[T]]) -> T:
        """Run ``attempt`` (which verifies a password and raises when it is wrong) under the throttle."""
        reservation = await self.reserve(email, address)
        result = await attempt()
        if reservation.reserved_at is not None:
            self._succeeded.append(reservation)
        return result

    async def settle(self) -> None:
        """After the request: give back the reservations of the checks that succeeded, and forget the
        failures of their emails."""
        succeeded, self._succeeded = self._succeeded, []
        for reservation in succeeded:
            keys, when = list(reservation.keys), reservation.reserved_at
            await self.db.fetch(_RELEASE, reservation.email_key, keys, when)
