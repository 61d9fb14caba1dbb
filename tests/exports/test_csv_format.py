"""Cells of the accounting CSV: exact major-unit amounts per currency, defused text, chunked output."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from app.exports import csv_format
from app.exports.csv_format import code, encode, money, precise_money, price, text


def test_amounts_are_written_exactly_in_major_units_of_each_currency() -> None:
    assert [money(123456, "EUR"), money(-5, "EUR"), money(0, "EUR")] == ["1234.56", "-0.05", "0.00"]
    assert [money(500, "JPY"), money(1234, "KWD")] == ["500", "1.234"]
    assert [precise_money(Decimal("0.2"), "EUR"), precise_money(Decimal("1000"), "EUR")] == ["0.002", "10"]


def test_text_that_a_spreadsheet_would_evaluate_is_defused() -> None:
    assert [text(v) for v in ("=SUM(A1)", "+1", "-2", "@cmd", "Acme", "", None)] == [
        "'=SUM(A1)",
        "'+1",
        "'-2",
        "'@cmd",
        "Acme",
        "",
        "",
    ]


async def test_rows_are_written_in_chunks_as_they_come(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_format, "CHUNK_ROWS", 2)

    async def rows() -> AsyncIterator[list[str]]:
        for i in range(5):
            yield [str(i), "a,b"]

    chunks = [chunk async for chunk in encode(("n", "text"), rows())]

    assert chunks == [b'n,text\r\n0,"a,b"\r\n1,"a,b"\r\n', b'2,"a,b"\r\n3,"a,b"\r\n', b'4,"a,b"\r\n']


def test_codes_keep_a_harmless_leading_dash_and_lose_anything_formula_like() -> None:
    cells = [code(v) for v in ("-Not Taxable-", "-1+1", "-cmd|' /C calc'!A0", "=1", "200", None)]

    assert cells == ["-Not Taxable-", "'-1+1", "'-cmd|' /C calc'!A0", "'=1", "200", ""]


def test_prices_keep_the_currency_places_and_their_own() -> None:
    assert [
        price(Decimal(v), c) for v, c in (("10", "EUR"), ("0.0025", "EUR"), ("-1.2", "EUR"), ("500", "JPY"))
    ] == [
        "10.00",
        "0.0025",
        "-1.20",
        "500",
    ]
