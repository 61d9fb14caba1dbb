from __future__ import annotations

import pytest

from app.db.urls import driver_dsn, to_async_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "postgresql://billing@db.internal:5433/billgraph",
            "postgresql+asyncpg://billing@db.internal:5433/billgraph",
        ),
        ("postgres://billing:s3cret@db:5432/bg", "postgresql+asyncpg://billing:s3cret@db:5432/bg"),
        ("postgresql+asyncpg://u@h/d", "postgresql+asyncpg://u@h/d"),
        ("postgresql://u@h/d?sslmode=require", "postgresql+asyncpg://u@h/d?ssl=require"),
    ],
)
def test_the_urls_other_tools_write_are_accepted(given: str, expected: str) -> None:
    assert to_async_url(given).render_as_string(hide_password=False) == expected


def test_other_databases_are_refused() -> None:
    with pytest.raises(ValueError, match="not a PostgreSQL URL"):
        to_async_url("mysql://u@h/d")


def test_asyncpg_gets_a_plain_dsn() -> None:
    assert driver_dsn(to_async_url("postgresql://u:p@h:1/d")) == "postgresql://u:p@h:1/d"
