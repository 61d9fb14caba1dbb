"""Webhook signatures: ``X-Billgraph-Signature: t=<unix seconds>,v1=<hex>`` where the hex is
HMAC-SHA256 of ``"<t>.<raw body>"`` with the endpoint's secret. A receiver recomputes it over the
exact bytes it received, compares in constant time, and refuses a timestamp too far from its clock
(replays). ``verify`` is what a receiver in Python needs (see docs/partner-integration.md)."""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER = "X-Billgraph-Signature"
ID_HEADER = "X-Billgraph-Webhook-Id"  # the delivery's id: receivers store it to ignore repeats
EVENT_HEADER = "X-Billgraph-Event-Type"
TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, now: float | None = None) -> bool:
    """Whether ``header`` signs ``body`` with ``secret``, within the tolerance of ``now``."""
    try:
        parts = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret, timestamp, body)
    return hmac.compare_digest(expected, header)
