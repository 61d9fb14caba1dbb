"""Scalar overrides: every timestamp that enters the graph is timezone-aware UTC, amounts are bounded
whole numbers, JSON values are bounded in depth.

Each scalar parses a variable (``parse_value``) and an inline literal (``parse_literal``, called during
validation) alike, and refuses bad input with a ``GraphQLError``: graphql-core reports it as the
validation error of that input (``VALIDATION_ERROR`` naming the field), never as a server failure.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from typing import Any, NewType

import strawberry
from graphql import GraphQLError, Undefined, ValueNode, value_from_ast_untyped
from strawberry.scalars import JSON
from strawberry.types.scalar import ScalarDefinition, ScalarWrapper

from app.core.validation import MAX_AMOUNT_CENTS

MAX_JSON_DEPTH = 32
"""Deepest nesting of a ``JSON`` value (objects and lists inside each other)."""

_WHOLE = re.compile(r"-?[0-9]+")  # ASCII digits only: no "+5", "1_000", " 12 " nor other scripts' digits


def _date_time_literal(node: ValueNode, _variables: Any = None) -> datetime:
    return _parse_datetime(_plain(node))


def _date_literal(node: ValueNode, _variables: Any = None) -> date:
    return _parse_date(_plain(node))


def _plain(node: ValueNode) -> Any:
    """A literal as the value it writes (variables are never inside these scalars' literals)."""
    return value_from_ast_untyped(node)


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise GraphQLError("expected an ISO 8601 date-time string")
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:  # no offset given: UTC, never the server's local time
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise GraphQLError(f"'{value}' is not an ISO 8601 date-time") from None


def _serialize_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


UTCDateTime = strawberry.scalar(
    name="DateTime",
    description="An ISO 8601 date-time; given without an offset it is read as UTC; always returned in UTC.",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
    parse_literal=_date_time_literal,
)


def _parse_date(value: Any) -> date:
    if not isinstance(value, str):
        raise GraphQLError("expected an ISO 8601 date string (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise GraphQLError(f"'{value}' is not an ISO 8601 date (YYYY-MM-DD)") from None


_DATE = ScalarDefinition(
    name="Date",
    description="An ISO 8601 calendar date (YYYY-MM-DD).",
    specified_by_url=None,
    serialize=date.isoformat,
    parse_value=_parse_date,
    parse_literal=_date_literal,
)


def _parse_big_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise GraphQLError("expected a whole number")
    if isinstance(value, str):
        if not _WHOLE.fullmatch(value):
            raise GraphQLError(f"'{value[:40]}' is not a whole number (an optional minus and ASCII digits)")
        number = int(value) if len(value) <= 20 else MAX_AMOUNT_CENTS + 1  # never parse thousands of digits
    else:
        number = value
    if abs(number) > MAX_AMOUNT_CENTS:
        raise GraphQLError(f"must be between -{MAX_AMOUNT_CENTS} and {MAX_AMOUNT_CENTS}")
    return number


def _big_int_literal(node: ValueNode, _variables: Any = None) -> int:
    return _parse_big_int(_plain(node))


BigInt = NewType("BigInt", int)

_BIG_INT = strawberry.scalar(
    name="BigInt",
    description=(
        "A whole number beyond 32 bits (amounts in cents): a JSON number, or a string of an optional minus "
        f"and digits; at most {MAX_AMOUNT_CENTS} in absolute value."
    ),
    serialize=int,
    parse_value=_parse_big_int,
    parse_literal=_big_int_literal,
)


def _check_json(value: Any, *, validating: bool = False) -> Any:
    """``value`` when it is JSON no deeper than ``MAX_JSON_DEPTH`` (walked without recursion). While a
    document is validated, a variable inside a literal has no value yet (``Undefined``): it is checked
    when the operation runs with its variables."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= MAX_JSON_DEPTH:
                raise GraphQLError(f"JSON values nest at most {MAX_JSON_DEPTH} levels deep")
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, float) and not math.isfinite(item):
            raise GraphQLError("JSON numbers are finite")
        elif item is Undefined and validating:
            continue
        elif item is not None and not isinstance(item, str | int | float | bool):
            raise GraphQLError("expected a JSON value")
    return value


def _without_undefined(value: Any) -> Any:
    """A literal's variables that were not given: left out of objects, null in lists (as GraphQL
    treats them). Depth is bounded by the check that comes first."""
    if isinstance(value, dict):
        return {k: _without_undefined(v) for k, v in value.items() if v is not Undefined}
    if isinstance(value, list):
        return [None if v is Undefined else _without_undefined(v) for v in value]
    return None if value is Undefined else value


def _json_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> Any:
    value = _check_json(value_from_ast_untyped(node, variables), validating=variables is None)
    return value if variables is None else _without_undefined(value)


_JSON = ScalarDefinition(
    name="JSON",
    description=(
        "A JSON value (ECMA-404): an object, a list, a string, a number, a boolean or null; objects and "
        f"lists nest at most {MAX_JSON_DEPTH} levels deep."
    ),
    specified_by_url="https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf",
    serialize=lambda value: value,
    parse_value=_check_json,
    parse_literal=_json_literal,
)

SCALAR_OVERRIDES: dict[object, ScalarWrapper | ScalarDefinition] = {
    datetime: UTCDateTime,
    date: _DATE,
    BigInt: _BIG_INT,
    JSON: _JSON,
}
