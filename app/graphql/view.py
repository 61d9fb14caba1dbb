"""``/graphql``: read a bounded body, authenticate once, execute, commit once, answer with the contract.

GET serves GraphiQL (when enabled). Queries and mutations are POSTed as JSON.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry.http.ides import get_graphql_ide_html

from app.auth.cache import IdentityCache
from app.auth.identity import authenticate
from app.db.engine import Database
from app.db.unit_of_work import UnitOfWork
from app.graphql.context import Context
from app.graphql.errors import error_body, format_error
from app.graphql.executor import Executor
from app.settings import Settings

log = logging.getLogger("billgraph.graphql")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class BodyTooLarge(Exception):
    pass


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def request_id_of(request: Request) -> str:
    given = request.headers.get("x-request-id", "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def _reply(body: dict[str, Any], request_id: str, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"x-request-id": request_id})


class GraphQLEndpoint:
    def __init__(self, executor: Executor, settings: Settings, identities: IdentityCache) -> None:
        self.executor = executor
        self.identities = identities
        self.settings = settings
        self.graphiql_html = get_graphql_ide_html("graphiql") if settings.graphiql else None

    async def handle(self, request: Request) -> Response:
        request_id = request_id_of(request)
        if request.method == "GET":
            if self.graphiql_html and "text/html" in request.headers.get("accept", ""):
                return HTMLResponse(self.graphiql_html)
            return _reply(
                {"errors": [error_body("QUERY_REJECTED", "POST GraphQL requests as JSON")]}, request_id, 405
            )
        try:
            payload = json.loads(await read_body(request, self.settings.max_body_bytes))
        except BodyTooLarge:
            limit = self.settings.max_body_bytes
            return _reply(
                {"errors": [error_body("QUERY_REJECTED", f"Body over {limit} bytes")]}, request_id, 413
            )
        except (ValueError, UnicodeDecodeError):
            return _reply(
                {"errors": [error_body("VALIDATION_ERROR", "Body is not valid JSON")]}, request_id, 400
            )
        return await self.run(request, payload, request_id)

    async def run(self, request: Request, payload: Any, request_id: str) -> Response:
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return _reply(
                {"errors": [error_body("VALIDATION_ERROR", "Expected {query, variables?}")]}, request_id, 400
            )
        query: str = payload["query"]
        variables = payload.get("variables") or None
        operation_name = payload.get("operationName") or None
        if variables is not None and not isinstance(variables, dict):
            return _reply(
                {"errors": [error_body("VALIDATION_ERROR", "variables must be an object")]}, request_id, 400
            )
        if operation_name is not None and not isinstance(operation_name, str):
            return _reply(
                {"errors": [error_body("VALIDATION_ERROR", "operationName must be a string")]}, request_id
            )
        if _has_nul(variables):
            return _reply(
                {"errors": [error_body("VALIDATION_ERROR", "Strings must not contain NUL")]}, request_id
            )
        prepared = self.executor.prepare(query)
        if prepared.document is None:
            errors = [format_error(error, request_id, operation_name) for error in prepared.errors]
            return _reply({"errors": errors}, request_id)

        db: Database = request.app.state.db
        uow = UnitOfWork(db, read_only=not self.executor.is_mutation(prepared, operation_name))
        try:
            identity = await authenticate(
                db,
                self.identities,
                self.settings.signing_key(),
                request.headers.get("authorization"),
                request.headers.get("x-organization-id"),
            )
            context = Context(
                request_id=request_id,
                actor=identity.actor,
                membership=identity.membership,
                uow=uow,
                settings=self.settings,
                operation_name=operation_name,
            )
            result = await self.executor.execute(prepared, variables, operation_name, context)
            await uow.finish()
            if context.changed_authorization:
                self.identities.clear()  # at once here; other processes hear it from PostgreSQL
        except Exception:
            await uow.abort()
            log.exception("request failed request=%s operation=%s", request_id, operation_name)
            return _reply(
                {"errors": [error_body("INTERNAL_ERROR", "Internal server error", requestId=request_id)]},
                request_id,
                500,
            )
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = [format_error(error, request_id, operation_name) for error in result.errors]
        return _reply(body, request_id)
