"""Rate limits per caller and login throttling, in the process's memory.

Each user, API key and anonymous client address has a token bucket (a sustained rate and a burst); a
request over it is answered ``RATE_LIMITED`` with the seconds to wait. Failed logins are counted per
email and per client address over a sliding window; past the limit, further attempts (right or wrong)
wait until the oldest failure leaves the window, and a success clears the email's count.

Limits are per server process: with N processes behind a balancer a caller gets up to N times the rate.
They are the first line; a gateway in front is the place for global quotas.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

from app.auth.actor import Actor, ActorKind
from app.core.errors import RateLimited, Unauthenticated
from app.settings import Settings

Clock = Callable[[], float]
T = TypeVar("T")
_PRUNE_AT = 50_000


class TokenBuckets:
    """``rate`` requests a second sustained and ``burst`` at once, per key; rate 0 switches it off."""

    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key -> (tokens, when)

    def take(self, key: Hashable, count: int = 1) -> float:
        """Spend ``count`` tokens: 0.0 if allowed, else the seconds until they would be there."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        tokens, when = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - when) * self.rate)
        if tokens < count:
            self._buckets[key] = (tokens, now)
            return (count - tokens) / self.rate
        self._buckets[key] = (tokens - count, now)
        if len(self._buckets) > _PRUNE_AT:
            self._prune(now)
        return 0.0

    def _prune(self, now: float) -> None:
        full_after = self.burst / self.rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full_after}


@dataclass
class LoginThrottle:
    max_failures: int
    max_failures_per_address: int
    window: float
    clock: Clock = time.monotonic
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def _recent(self, key: str, now: float) -> deque[float]:
        kept = self._failures.get(key)
        if kept is None:
            return deque()
        while kept and now - kept[0] >= self.window:
            kept.popleft()
        if not kept:
            del self._failures[key]
        return kept

    def retry_after(self, email: str, address: str) -> float:
        """0.0 if this attempt may go ahead, else the seconds to wait."""
        now = self.clock()
        waits = [0.0]
        for key, limit in (
            (f"email:{email.strip().lower()}", self.max_failures),
            (f"ip:{address}", self.max_failures_per_address),
        ):
            recent = self._recent(key, now)
            if limit > 0 and len(recent) >= limit:
                waits.append(self.window - (now - recent[-limit]))
        return max(waits)

    def failed(self, email: str, address: str) -> None:
        now = self.clock()
        for key in (f"email:{email.strip().lower()}", f"ip:{address}"):
            self._failures.setdefault(key, deque()).append(now)
        if len(self._failures) > _PRUNE_AT:
            for key in list(self._failures):
                self._recent(key, now)

    def succeeded(self, email: str) -> None:
        self._failures.pop(f"email:{email.strip().lower()}", None)


class Limits:
    """The process's rate limits and login throttle, built from the settings."""

    def __init__(self, settings: Settings, clock: Clock = time.monotonic) -> None:
        self.users = TokenBuckets(settings.rate_limit_user_per_second, settings.rate_limit_user_burst, clock)
        self.keys = TokenBuckets(settings.rate_limit_key_per_second, settings.rate_limit_key_burst, clock)
        self.anonymous = TokenBuckets(
            settings.rate_limit_anonymous_per_second, settings.rate_limit_anonymous_burst, clock
        )
        self.login = LoginThrottle(
            settings.login_max_failures,
            settings.login_max_failures_per_address,
            settings.login_failure_window_seconds,
            clock,
        )

    def take(self, actor: Actor, address: str, count: int = 1) -> float:
        """Spend ``count`` requests of the caller's budget: 0.0, or the seconds to wait."""
        if actor.kind is ActorKind.API_KEY:
            return self.keys.take(actor.api_key_id, count)
        if actor.user_id is not None:
            return self.users.take(actor.user_id, count)
        return self.anonymous.take(address, count)


async def throttled_login(
    limits: Limits | None, email: str, address: str, attempt: Callable[[], Awaitable[T]]
) -> T:
    """``attempt`` a login unless this email or address failed too often lately; count the outcome."""
    if limits is None:
        return await attempt()
    wait = limits.login.retry_after(email, address)
    if wait > 0:
        raise RateLimited(retry_after_seconds(wait), "Too many failed logins")
    try:
        result = await attempt()
    except Unauthenticated:
        limits.login.failed(email, address)
        raise
    limits.login.succeeded(email)
    return result


def retry_after_seconds(wait: float) -> int:
    """What a client is told to wait: whole seconds, at least one."""
    return max(1, math.ceil(wait))
