"""CSV for accounting tools: amounts in major units written exactly from integer minor units, quantities
and unit amounts at a fixed precision, text cells defused against formula injection, and rows written
out in chunks as they come."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext

from app.core.currencies import exponent
from app.core.decimals import text_of

CHUNK_ROWS = 500
PLACES = 6  # decimals of a quantity or a unit amount (a prorated 30/31 is 0.967742)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def money(cents: int, currency: str) -> str:
    """Minor units as a major-unit amount with the currency's exact number of places: 123456 EUR is
    ``1234.56``, 500 JPY is ``500``."""
    places = exponent(currency)
    return f"{Decimal(cents).scaleb(-places):.{places}f}"


def decimal(value: Decimal, places: int = PLACES) -> str:
    """A quantity or rate rounded half-up to ``places`` decimals, trailing zeros dropped, never in
    exponent notation: ``0.9677419354838709677419354839`` is ``0.967742``, ``1E+1`` is ``10``."""
    with localcontext() as context:  # room for every integer digit: quantize never fails
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return text_of(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def precise_money(cents: Decimal, currency: str) -> str:
    """A precise minor-unit price (0.2 cent) as major units, like ``decimal``: ``0.002``, ``10``."""
    return decimal(cents.scaleb(-exponent(currency)))


def price(major: Decimal, currency: str) -> str:
    """A major-unit price with at least the currency's places and no fewer than it has: ``10.00``,
    ``0.0025``."""
    places = max(exponent(currency), -int(major.normalize().as_tuple().exponent))
    return f"{major:.{places}f}"


def code(value: str | None) -> str:
    """A code the accounting tool must receive verbatim (an item, account or tax code). Defused like
    text, except that a leading ``-`` is kept when nothing else in the code could make a formula, for
    codes such as NetSuite's ``-Not Taxable-``."""
    if value and value.startswith("-") and not any(ch in value for ch in "=+@|!()"):
        return value
    return text(value)


def text(value: str | None) -> str:
    """A text cell a spreadsheet will show, never evaluate (OWASP CSV injection)."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


async def encode(header: Sequence[str], rows: AsyncIterator[Sequence[str]]) -> AsyncIterator[bytes]:
    """The CSV document, UTF-8, a few hundred rows per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    count = 0
    async for row in rows:
        writer.writerow(row)
        count += 1
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()
