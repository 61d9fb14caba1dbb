"""Telling a statement PostgreSQL cancelled for running past ``statement_timeout`` (SQLSTATE 57014) from a
bug: the request asked for too much work, and is answered ``QUERY_REJECTED``."""

from __future__ import annotations

import asyncpg


def is_statement_timeout(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) is a statement the server cancelled."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, asyncpg.exceptions.QueryCanceledError):
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False
