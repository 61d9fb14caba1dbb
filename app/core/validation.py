"""Input checks shared by every domain. Each returns the cleaned value or records a problem."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.countries import is_country
from app.core.currencies import is_currency
from app.core.errors import Collector, ValidationFailed

MAX_AMOUNT_CENTS = 10**15
"""The largest amount, in minor units, anything is priced or billed at (ten trillion in a currency of two
decimals). Every amount given, and every amount computed from given ones (units x unit amount, credits x
rate), stays within it, so that no sum of an invoice's fees, taxes and credits can pass PostgreSQL's
64-bit ``bigint`` (about 9.2 x 10^18)."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def text(
    errors: Collector, path: str, value: str | None, *, required: bool = True, max_length: int = 255
) -> str | None:
    """Trimmed text; rejects empty required text, over-long text and NUL characters."""
    if value is None:
        if required:
            errors.add(path, "is required")
        return None
    cleaned = value.strip()
    if "\x00" in cleaned:
        errors.add(path, "must not contain NUL characters")
    elif required and not cleaned:
        errors.add(path, "must not be blank")
    elif len(cleaned) > max_length:
        errors.add(path, f"must be at most {max_length} characters")
    return cleaned


def email(errors: Collector, path: str, value: str | None, *, required: bool = True) -> str | None:
    cleaned = text(errors, path, value, required=required, max_length=320)
    if cleaned and path not in errors.fields and not _EMAIL.match(cleaned):
        errors.add(path, "is not a valid email address")
    return cleaned.lower() if cleaned else cleaned


def code(errors: Collector, path: str, value: str, *, max_length: int = 64) -> str:
    """A machine code: lower-case letters, digits and underscores, starting with a letter."""
    cleaned = text(errors, path, value, max_length=max_length) or ""
    if cleaned and path not in errors.fields and not _CODE.match(cleaned):
        errors.add(path, "must be lower-case letters, digits and underscores, starting with a letter")
    return cleaned


def currency(errors: Collector, path: str, value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip().upper()
    if not is_currency(cleaned):
        errors.add(path, f"'{value}' is not an ISO 4217 currency code")
    return cleaned


def timezone(errors: Collector, path: str, value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    try:
        ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        errors.add(path, f"'{value}' is not an IANA timezone")
    return cleaned


def integer(
    errors: Collector, path: str, value: int | None, *, minimum: int = 0, maximum: int | None = None
) -> int | None:
    if value is None:
        return None
    if value < minimum:
        errors.add(path, f"must be at least {minimum}")
    elif maximum is not None and value > maximum:
        errors.add(path, f"must be at most {maximum}")
    return value


def amount_within(errors: Collector, path: str, minor: Decimal | int, what: str = "the amount") -> bool:
    """Whether an amount computed from the input (in precise minor units) stays within
    ``MAX_AMOUNT_CENTS``; records the problem at ``path`` when it does not."""
    problem = f"{what} must be at most {MAX_AMOUNT_CENTS} in minor units"
    return errors.check(abs(Decimal(minor)) <= MAX_AMOUNT_CENTS, path, problem)


def country(errors: Collector, path: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    cleaned = value.strip().upper()
    if not is_country(cleaned):
        errors.add(path, f"'{value}' is not an ISO 3166-1 alpha-2 country code")
    return cleaned


def search_pattern(term: str | None) -> str | None:
    """An ILIKE pattern matching ``term`` anywhere, with its own wildcards taken literally."""
    if not term or not term.strip():
        return None
    escaped = term.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.replace(chr(0), '')}%"


def parse_id(path: str, value: str) -> uuid.UUID:
    """A UUID from a GraphQL ID; a malformed one is a validation error naming the field."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationFailed.one(path, "is not a valid ID") from None
