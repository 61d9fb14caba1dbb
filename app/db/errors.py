"""Turn the database's own refusals (unique and foreign-key constraints) into validation errors.

Services check rules first for a clear message; the constraint is the backstop that also holds when two
requests race, and this maps its violation to the same message instead of a 500.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import IntegrityError

from app.core.errors import ValidationFailed


def _constraint(error: IntegrityError) -> str | None:
    original = getattr(error.orig, "__cause__", None) or error.orig
    return getattr(original, "constraint_name", None)


@asynccontextmanager
async def constraint_errors(mapping: dict[str, tuple[str, str]]) -> AsyncIterator[None]:
    """Inside, an ``IntegrityError`` on a constraint named in ``mapping`` becomes ``(path, problem)``."""
    try:
        yield
    except IntegrityError as error:
        found = mapping.get(_constraint(error) or "")
        if found is None:
            raise
        raise ValidationFailed.one(*found) from None
