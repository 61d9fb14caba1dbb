"""Telling a database that went away (restart, failover, network) from a bug: the first is worth a
retry, and clients are told so (HTTP 503, ``retryable``, ``Retry-After``)."""

from __future__ import annotations

import asyncpg
import sqlalchemy as sa

_UNAVAILABLE = (
    OSError,  # refused, reset, unreachable
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.PostgresConnectionError,  # SQLSTATE class 08
    asyncpg.exceptions.AdminShutdownError,  # 57P01: the server is shutting down
    asyncpg.exceptions.CrashShutdownError,  # 57P02
    asyncpg.exceptions.CannotConnectNowError,  # 57P03: starting up
    asyncpg.exceptions.InternalClientError,  # a connection left mid-operation when the server went away
)


def is_unavailable(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) says the database cannot be reached right now."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, _UNAVAILABLE):
            return True
        if isinstance(error, sa.exc.DBAPIError) and error.connection_invalidated:
            return True
        if isinstance(error, asyncpg.exceptions.InterfaceError) and "connection is closed" in str(error):
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False
