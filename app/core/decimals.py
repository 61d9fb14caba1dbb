"""Exact decimal input: unit prices, rates and quantities arrive as strings and stay ``Decimal``."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from app.core.errors import Collector

_PLAIN = re.compile(r"^-?\d{1,15}(\.\d{1,12})?$")
HUNDRED = Decimal(100)


def parse(
    errors: Collector,
    path: str,
    value: object,
    *,
    minimum: Decimal | None = Decimal(0),
    maximum: Decimal | None = None,
    above_minimum: bool = False,
    places: int = 12,
) -> Decimal | None:
    """A finite decimal written plainly (``"12.50"``, up to 15 digits and ``places`` places), in bounds."""
    if value is None:
        return None
    text = str(value).strip() if isinstance(value, str | int | Decimal) else None
    if text is None or not _PLAIN.match(text):
        errors.add(path, 'must be a decimal number written as a string, like "12.50"')
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        errors.add(path, "is not a decimal number")
        return None
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        errors.add(path, f"must have at most {places} decimal places")
    elif minimum is not None and (number < minimum or (above_minimum and number == minimum)):
        errors.add(path, f"must be {'greater than' if above_minimum else 'at least'} {minimum}")
    elif maximum is not None and number > maximum:
        errors.add(path, f"must be at most {maximum}")
    return Decimal(text_of(number)) if path not in errors.fields else number


def text_of(number: Decimal) -> str:
    """The canonical string of a decimal: no exponent, no trailing zeros beyond the integer."""
    normalized = number.normalize()
    rendered = format(normalized, "f")
    return rendered if rendered != "-0" else "0"
