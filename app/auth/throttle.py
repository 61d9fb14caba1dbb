"""Rate limits per caller, in the process's memory (password checks: ``app.auth.login_throttle``).

Each user, API key and anonymous client address has a token bucket (a sustained rate and a burst); a
request over it is answered ``RATE_LIMITED`` with the seconds to wait.

Limits are per server process: with N processes behind a balancer a caller gets up to N times the rate.
They are the first line; a gateway in front is the place for global quotas.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from app.auth.actor import Actor, ActorKind
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


class Limits:
    """The process's rate limits, built from the settings."""

    def __init__(self, settings: Settings, clock: Clock = time.monotonic) -> None:
        self.users = TokenBuckets(settings.rate_limit_user_per_second, settings.rate_limit_user_burst, clock)
        self.keys = TokenBuckets(settings.rate_limit_key_per_second, settings.rate_limit_key_burst, clock)
        self.anonymous = TokenBuckets(
            settings.rate_limit_anonymous_per_second, settings.rate_limit_anonymous_burst, clock
        )

    def take(self, actor: Actor, address: str, count: int = 1) -> float:
        """Spend ``count`` requests of the caller's budget: 0.0, or the seconds to wait."""
        if actor.kind is ActorKind.API_KEY:
            return self.keys.take(actor.api_key_id, count)
        if actor.user_id is not None:
            return self.users.take(actor.user_id, count)
        return self.anonymous.take(address, count)


def retry_after_seconds(wait: float) -> int:
    """What a client is told to wait: whole seconds, at least one."""
    return max(1, math.ceil(wait))
