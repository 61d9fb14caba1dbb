"""Small HTTP helpers shared by the GraphQL endpoint and the REST endpoints."""

from __future__ import annotations

import json
import math
import re
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


MAX_JSON_NESTING = 64
"""Deepest nesting of objects and lists in a request body (a GraphQL request's variables included)."""


class BodyTooLarge(Exception):
    pass


class BadJson(ValueError):
    """The body is not JSON the server takes; the message says why, for a ``VALIDATION_ERROR``."""


def _no_constant(name: str) -> Any:
    raise BadJson(f"Body is not valid JSON: {name} is not a JSON number")


def parse_json(body: bytes) -> Any:
    """A request body as JSON: strictly JSON (no ``NaN`` nor ``Infinity``), nested at most
    ``MAX_JSON_NESTING`` levels deep; else ``BadJson``."""
    try:
        value = json.loads(body, parse_constant=_no_constant)
    except RecursionError:
        raise BadJson(f"Body nests deeper than {MAX_JSON_NESTING} levels") from None
    except BadJson:
        raise
    except (ValueError, UnicodeDecodeError):
        raise BadJson("Body is not valid JSON") from None
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= MAX_JSON_NESTING:
                raise BadJson(f"Body nests deeper than {MAX_JSON_NESTING} levels")
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return value


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it passes ``limit`` bytes (declared or streamed)."""
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


def fresh_request_id(given: str | None) -> str:
    """The caller's ``X-Request-Id`` when it is a sane one, else a new id."""
    return given if given and _REQUEST_ID.match(given) else uuid.uuid4().hex


def request_id_of(request: Request) -> str:
    """The request's id: the one its log line carries, when the request is observed."""
    seen = request.scope.get("state", {}).get("observation")
    if seen is not None:
        return str(seen.request_id)
    return fresh_request_id(request.headers.get("x-request-id"))


def error_body(code: str, message: str, **extensions: Any) -> dict[str, Any]:
    """An error object shaped like a GraphQL error, for failures outside execution and for REST."""
    return {"message": message, "extensions": {"code": code, **extensions}}


def reply(body: dict[str, Any], request_id: str, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"x-request-id": request_id})


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def rate_limited(request_id: str, wait: float) -> JSONResponse:
    """429 with the contract's error and the seconds to wait, in the body and in ``Retry-After``."""
    seconds = max(1, math.ceil(wait))
    body = error_body("RATE_LIMITED", f"Too many requests; retry in {seconds} s", retryAfter=seconds)
    response = reply({"errors": [body]}, request_id, 429)
    response.headers["retry-after"] = str(seconds)
    return response


def unavailable_body(request_id: str) -> dict[str, Any]:
    """The answer when the database is restarting or unreachable: nothing was done, retry."""
    message = "The database is unavailable; retry shortly"
    return {"errors": [error_body("INTERNAL_ERROR", message, retryable=True, requestId=request_id)]}


def database_unavailable(request_id: str) -> JSONResponse:
    """503 with ``unavailable_body`` and ``Retry-After``."""
    response = reply(unavailable_body(request_id), request_id, 503)
    response.headers["retry-after"] = "1"
    return response
