"""One structured log line and the request metrics for every HTTP request, measured around the whole
response (a streamed export included). Handlers fill in what only they know through
``observation(request)``: the operation, the caller, the error codes answered."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.auth.actor import Actor
from app.http import fresh_request_id
from app.observability.metrics import record_request

log = logging.getLogger("billgraph.request")

_UNOBSERVED = frozenset({"/metrics", "/live", "/ready", "/health"})  # probes: no log line, no series


@dataclass
class Observation:
    request_id: str
    operation: str | None = None
    actor: Actor | None = None
    error_codes: list[str] = field(default_factory=list)

    def caller(self) -> dict[str, Any]:
        actor = self.actor
        if actor is None or not actor.authenticated:
            return {"caller_type": "anonymous"}
        caller_id = actor.api_key_id if actor.api_key_id else actor.user_id
        return {
            "caller_type": actor.kind.value,
            "caller_id": str(caller_id),
            "organization_id": str(actor.organization_id) if actor.organization_id else None,
        }


def observation(request: Request) -> Observation:
    """The current request's observation (a fresh one outside the middleware, as in unit tests)."""
    found = request.scope.get("state", {}).get("observation")
    if found is None:
        found = Observation(fresh_request_id(request.headers.get("x-request-id")))
        request.scope.setdefault("state", {})["observation"] = found
    return found  # type: ignore[no-any-return]


class ObserveRequests:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _UNOBSERVED:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        seen = Observation(fresh_request_id(given))
        scope.setdefault("state", {})["observation"] = seen
        status = 500
        started = time.perf_counter()

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            self._report(scope, seen, status, time.perf_counter() - started)

    @staticmethod
    def _report(scope: Scope, seen: Observation, status: int, seconds: float) -> None:
        route = scope.get("route")
        operation = seen.operation or f"{scope['method']} {getattr(route, 'path', 'unmatched')}"
        codes = seen.error_codes or ([f"HTTP_{status}"] if status >= 400 else [])
        record_request(operation, seconds, codes)
        if log.isEnabledFor(logging.INFO):
            log.info(
                "%s %s %s",
                operation,
                status,
                f"{seconds * 1000:.1f} ms",
                extra={
                    "request_id": seen.request_id,
                    "operation": operation,
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round(seconds * 1000, 2),
                    "errors": codes,
                    **seen.caller(),
                },
            )
