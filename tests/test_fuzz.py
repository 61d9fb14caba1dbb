"""A small schemathesis run in the suite (the full one is ``scripts/fuzz.py``): every operation of the
schema, generated positive and negative, against a real server process as the demo admin, answers
without any HTTP 5xx or INTERNAL_ERROR."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine

from app.db.engine import create_database_if_missing
from app.db.urls import driver_dsn, with_database
from scripts.fuzz import fuzz
from scripts.server import login, server_process


@pytest.fixture
async def fuzz_database(database_url: URL) -> AsyncIterator[str]:
    url = with_database(database_url, f"billgraph_fuzz_{uuid.uuid4().hex[:8]}")
    await create_database_if_missing(url)
    yield driver_dsn(url)
    admin = create_async_engine(with_database(database_url, "postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()


def test_generated_operations_never_fail_the_server(fuzz_database: str) -> None:
    with server_process({"DATABASE_URL": fuzz_database}) as (port, _):
        token = login(port, "admin@demo.billgraph.dev")
        report = fuzz(f"http://127.0.0.1:{port}", token, examples=2)

    assert report.failures == []
    assert report.total >= 300
    assert set(report.sent) == {"positive", "negative"}
    assert set(report.statuses) == {200}
