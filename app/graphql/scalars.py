"""Scalar overrides: every timestamp that enters the graph is timezone-aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition, ScalarWrapper


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("expected an ISO 8601 date-time string")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not an ISO 8601 date-time") from None
    if parsed.tzinfo is None:  # no offset given: UTC, never the server's local time
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _serialize_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


UTCDateTime = strawberry.scalar(
    name="DateTime",
    description="An ISO 8601 date-time; given without an offset it is read as UTC; always returned in UTC.",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
)


def _parse_big_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("expected a whole number")
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a whole number") from None


BigInt = NewType("BigInt", int)

_BIG_INT = strawberry.scalar(
    name="BigInt",
    description="A whole number beyond 32 bits (amounts in cents): a JSON number, or a string of digits.",
    serialize=int,
    parse_value=_parse_big_int,
)

SCALAR_OVERRIDES: dict[object, ScalarWrapper | ScalarDefinition] = {datetime: UTCDateTime, BigInt: _BIG_INT}
