"""Cells of the accounting CSV: exact major-unit amounts per currency, defused text, chunked output."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from app.exports import csv_format
from app.exports.csv_format import encode, money, precise_money, text


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
