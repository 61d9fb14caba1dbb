"""``/graphql``: read a bounded body, authenticate once, execute, commit once, answer with the contract.

GET serves GraphiQL (when enabled): the console's bundled page (console/graphiql.html), never
Strawberry's page that loads GraphiQL from a CDN. Queries and mutations are POSTed as JSON.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from app.auth import view_as
from app.auth.cache import IdentityCache
from app.auth.identity import authenticate
from app.auth.login_throttle import PasswordThrottle
from app.auth.throttle import Limits, retry_after_seconds
from app.console.serving import serve_graphiql
from app.core.errors import ValidationFailed
from app.db.availability import is_unavailable
from app.db.engine import Database
from app.db.timeouts import is_statement_timeout
from app.db.unit_of_work import UnitOfWork
from app.graphql.context import Context
from app.graphql.encoding import encode
from app.graphql.errors import format_error
from app.graphql.executor import Executor, label
from app.http import (
    BadJson,
    BodyTooLarge,
    client_address,
    error_body,
    parse_json,
    read_body,
    reply,
    request_id_of,
    unavailable_body,
)
from app.observability.metrics import count_committed
from app.observability.middleware import observation
from app.settings import Settings

log = logging.getLogger("billgraph.graphql")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def _codes(body: dict[str, Any]) -> list[str]:
    return [str(error.get("extensions", {}).get("code")) for error in body.get("errors") or ()]


class DatabaseUnavailable(Exception):
    """A resolver met a database that went away: the whole request is answered 503."""


class StatementTimedOut(Exception):
    """PostgreSQL cancelled a statement past the statement timeout: the request is rolled back and
    answered ``QUERY_REJECTED``."""


class GraphQLEndpoint:
    def __init__(
        self, executor: Executor, settings: Settings, identities: IdentityCache, limits: Limits
    ) -> None:
        self.executor = executor
        self.identities = identities
        self.settings = settings
        self.limits = limits
        self.graphiql = settings.graphiql

    async def handle(self, request: Request) -> Response:
        request_id = request_id_of(request)
        if request.method == "GET":
            if self.graphiql and "text/html" in request.headers.get("accept", ""):
                return serve_graphiql(request)
            return reply(
                {"errors": [error_body("QUERY_REJECTED", "POST GraphQL requests as JSON")]}, request_id, 405
            )
        try:
            payload = parse_json(await read_body(request, self.settings.max_body_bytes))
        except BodyTooLarge:
            limit = self.settings.max_body_bytes
            return reply(
                {"errors": [error_body("QUERY_REJECTED", f"Body over {limit} bytes")]}, request_id, 413
            )
        except BadJson as error:
            return reply({"errors": [error_body("VALIDATION_ERROR", str(error))]}, request_id, 400)
        if isinstance(payload, list):
            observation(request).operation = "batch"
            return await self.run_batch(request, payload, request_id)
        body, status = await self.run(request, payload, request_id)
        content, body = await self.encoded(body)
        observation(request).error_codes = _codes(body)
        response = Response(content, status, {"x-request-id": request_id}, "application/json")
        if status == 429:
            response.headers["retry-after"] = str(body["errors"][0]["extensions"]["retryAfter"])
        elif status == 503:
            response.headers["retry-after"] = "1"
        return response

    async def run_batch(self, request: Request, payloads: list[Any], request_id: str) -> Response:
        """Several operations in one request, run one after the other, each on its own."""
        limit = self.settings.max_batch_size
        if not 1 <= len(payloads) <= limit:
            body = error_body("QUERY_REJECTED", f"A batch holds 1 to {limit} operations")
            return reply({"errors": [body]}, request_id, 400)
        encoded = [
            await self.encoded((await self.run(request, payload, request_id))[0]) for payload in payloads
        ]
        observation(request).error_codes = [code for _, body in encoded for code in _codes(body)]
        content = b"[" + b",".join(content for content, _ in encoded) + b"]"
        return Response(content, 200, {"x-request-id": request_id}, "application/json")

    async def encoded(self, body: dict[str, Any]) -> tuple[bytes, dict[str, Any]]:
        """The body serialized, or ``QUERY_REJECTED`` in its place when over the response size limit."""
        limit = self.settings.max_response_bytes
        content = await encode(body, limit)
        if content is None:
            message = f"The response would be over {limit} bytes: ask for fewer objects or fields"
            body = {"data": None, "errors": [error_body("QUERY_REJECTED", message)]}
            content = await encode(body, limit) or b""
        return content, body

    async def run(self, request: Request, payload: Any, request_id: str) -> tuple[dict[str, Any], int]:
        """One operation: its response body and HTTP status."""
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return {"errors": [error_body("VALIDATION_ERROR", "Expected {query, variables?}")]}, 400
        query: str = payload["query"]
        variables = payload.get("variables") or None
        operation_name = payload.get("operationName") or None
        if variables is not None and not isinstance(variables, dict):
            return {"errors": [error_body("VALIDATION_ERROR", "variables must be an object")]}, 400
        if operation_name is not None and not isinstance(operation_name, str):
            return {"errors": [error_body("VALIDATION_ERROR", "operationName must be a string")]}, 200
        if _has_nul(variables):
            return {"errors": [error_body("VALIDATION_ERROR", "Strings must not contain NUL")]}, 200
        prepared = self.executor.prepare(query)
        seen = observation(request)
        if seen.operation is None:  # a batch keeps its own label
            seen.operation = label(prepared, operation_name)
        if prepared.document is None:
            return {"errors": [format_error(e, request_id, operation_name) for e in prepared.errors]}, 200
        too_costly = self.executor.check_cost(prepared, variables, operation_name)
        if too_costly is not None:
            return {"errors": [format_error(too_costly, request_id, operation_name)]}, 200

        db: Database = request.app.state.db
        uow = UnitOfWork(db, read_only=not self.executor.is_mutation(prepared, operation_name))
        uow.statement_timeout_ms = self.settings.statement_timeout_ms or None
        address = client_address(request)
        try:
            identity = await authenticate(
                db,
                self.identities,
                self.settings.signing_key(),
                request.headers.get("authorization"),
                request.headers.get("x-organization-id"),
            )
            try:
                identity = await view_as.narrowed(
                    db, self.identities, identity, request.headers.get(view_as.HEADER)
                )
            except ValidationFailed as refused:
                return {"errors": [error_body(refused.code, str(refused), fields=refused.fields)]}, 200
            seen.actor = identity.actor
            wait = self.limits.take(identity.actor, address)
            if wait > 0:
                seconds = retry_after_seconds(wait)
                message = f"Too many requests; retry in {seconds} s"
                return {"errors": [error_body("RATE_LIMITED", message, retryAfter=seconds)]}, 429
            uow.organization_id = identity.actor.organization_id
            uow.user_id = identity.membership.user_id if identity.membership else None
            passwords = PasswordThrottle.for_settings(db, self.settings)
            context = Context(
                request_id=request_id,
                actor=identity.actor,
                membership=identity.membership,
                uow=uow,
                settings=self.settings,
                operation_name=operation_name,
                passwords=passwords,
                client_address=address,
            )
            try:
                result = await self.executor.execute(prepared, variables, operation_name, context)
            finally:
                context.release()
            if any(is_unavailable(error.original_error) for error in result.errors or ()):
                raise DatabaseUnavailable
            if any(is_statement_timeout(error.original_error) for error in result.errors or ()):
                raise StatementTimedOut
            await uow.finish()
            count_committed(context.committed_changes)
            if context.changed_authorization:
                self.identities.clear()  # at once here; other processes hear it from PostgreSQL
            await settle(passwords, request_id)
        except Exception as error:
            with contextlib.suppress(Exception):  # a dead connection cannot roll back
                await uow.abort()
            if isinstance(error, DatabaseUnavailable) or is_unavailable(error):
                log.warning("database unavailable request=%s operation=%s", request_id, operation_name)
                await db.forget_connections()
                return unavailable_body(request_id), 503
            if isinstance(error, StatementTimedOut) or is_statement_timeout(error):
                log.warning("statement timeout request=%s operation=%s", request_id, operation_name)
                limit = self.settings.statement_timeout_ms
                message = f"The query ran past the statement timeout ({limit} ms): ask for less"
                return {"data": None, "errors": [error_body("QUERY_REJECTED", message)]}, 200
            log.exception("request failed request=%s operation=%s", request_id, operation_name)
            internal = error_body("INTERNAL_ERROR", "Internal server error", requestId=request_id)
            return {"errors": [internal]}, 500
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = [format_error(error, request_id, operation_name) for error in result.errors]
        return body, 200


async def settle(passwords: PasswordThrottle, request_id: str) -> None:
    """Give back the reservations of the password checks that succeeded. The request's work is
    committed by now: a failure here keeps a count one higher than it should be, and is logged, but
    never turns a committed sign-in or password change into an error."""
    try:
        await passwords.settle()
    except Exception:
        log.exception("password throttle give-back failed request=%s", request_id)
