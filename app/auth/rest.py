"""Declared authorization for the plain HTTP endpoints, the same as on the graph: a handler declares
the permission it needs; the caller is authenticated exactly like a GraphQL request (token or API key,
identity cache) and refused with the same error codes."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from app.auth import view_as
from app.auth.actor import Actor
from app.auth.identity import authenticate
from app.auth.permissions import Permission
from app.core.errors import ValidationFailed
from app.db.availability import is_unavailable
from app.http import client_address, database_unavailable, error_body, rate_limited, reply, request_id_of
from app.observability.middleware import observation

log = logging.getLogger("billgraph.rest")

Handler = Callable[[Request, Actor, str], Awaitable[Response]]


class Protected:
    """A Starlette endpoint that authenticates, checks ``permissions`` (every one), then calls
    ``handler``."""

    def __init__(self, permissions: tuple[Permission, ...], handler: Handler) -> None:
        self.permissions = permissions
        self.handler = handler

    async def handle(self, request: Request) -> Response:
        request_id = request_id_of(request)
        try:
            return await self._handle(request, request_id)
        except Exception as error:
            if not is_unavailable(error):
                raise
            log.warning("database unavailable request=%s path=%s", request_id, request.url.path)
            await request.app.state.db.forget_connections()
            return database_unavailable(request_id)

    async def _handle(self, request: Request, request_id: str) -> Response:
        state: Any = request.app.state
        identity = await authenticate(
            state.db,
            state.identities,
            state.settings.signing_key(),
            request.headers.get("authorization"),
            request.headers.get("x-organization-id"),
        )
        try:
            identity = await view_as.narrowed(
                state.db, state.identities, identity, request.headers.get(view_as.HEADER)
            )
        except ValidationFailed as refused:
            body = error_body(refused.code, str(refused), fields=refused.fields)
            return reply({"errors": [body]}, request_id, 400)
        actor = identity.actor
        seen = observation(request)
        seen.actor = actor
        if not actor.authenticated:
            message = actor.credential_error or "Authentication required"
            seen.error_codes = ["UNAUTHENTICATED"]
            return reply({"errors": [error_body("UNAUTHENTICATED", message)]}, request_id, 401)
        wait = state.limits.take(actor, client_address(request))
        if wait > 0:
            seen.error_codes = ["RATE_LIMITED"]
            return rate_limited(request_id, wait)
        required = [permission.value for permission in self.permissions]
        if not set(required) <= actor.permissions:
            seen.error_codes = ["FORBIDDEN"]
            body = error_body(
                "FORBIDDEN", f"Missing permission: {', '.join(required)}", requiredPermissions=required
            )
            return reply({"errors": [body]}, request_id, 403)
        return await self.handler(request, actor, request_id)


def requires_permission(*permissions: Permission) -> Callable[[Handler], Protected]:
    if not permissions:
        raise ValueError("requires_permission() needs at least one permission")

    def declare(handler: Handler) -> Protected:
        return Protected(permissions, handler)

    return declare
