"""The error contract, in one place: every GraphQL error leaves with one ``extensions.code``.

Domain errors carry their own code; errors raised before execution (syntax, validation, variable
coercion) are the caller's input: ``VALIDATION_ERROR`` unless they carry a code already; anything else is
``INTERNAL_ERROR`` with no internals, logged once with its traceback and the request id.
"""

from __future__ import annotations

import logging
from typing import Any

from graphql import GraphQLError

from app.core.errors import DomainError, Forbidden, RateLimited, ValidationFailed

log = logging.getLogger("billgraph.errors")

CODES = frozenset(
    {
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "NOT_FOUND",
        "VALIDATION_ERROR",
        "QUERY_REJECTED",
        "RATE_LIMITED",
        "INTERNAL_ERROR",
    }
)


def _path(error: GraphQLError) -> str:
    return ".".join(str(part) for part in error.path or ())


def format_error(error: GraphQLError, request_id: str, operation: str | None) -> dict[str, Any]:
    formatted: dict[str, Any] = dict(error.formatted)
    original = error.original_error
    extensions: dict[str, Any]
    if isinstance(original, DomainError):
        extensions = {"code": original.code}
        if isinstance(original, Forbidden):
            extensions["requiredPermissions"] = original.required
            if original.roles:
                extensions["requiredRoles"] = original.roles
            log.info(
                "denied request=%s operation=%s path=%s required=%s",
                request_id,
                operation,
                _path(error),
                ",".join(original.required),
            )
        elif isinstance(original, ValidationFailed):
            extensions["fields"] = original.fields
        elif isinstance(original, RateLimited):
            extensions["retryAfter"] = original.retry_after
        formatted["message"] = original.message
    elif original is None or isinstance(original, GraphQLError):
        given = error.extensions or {}
        code = given.get("code")
        extensions = {"code": code if code in CODES else "VALIDATION_ERROR"}
        if extensions["code"] == "VALIDATION_ERROR" and isinstance(given.get("fields"), dict):
            extensions["fields"] = given["fields"]  # schema-level input errors name their input too
    else:
        log.error(
            "internal error request=%s operation=%s path=%s",
            request_id,
            operation,
            _path(error),
            exc_info=original,
        )
        formatted["message"] = "Internal server error"
        extensions = {"code": "INTERNAL_ERROR", "requestId": request_id}
    formatted["extensions"] = extensions
    return formatted
