"""Test infrastructure: a throwaway database on real PostgreSQL, migrated once per run; each test in a
transaction rolled back at the end (or, for concurrency tests, committed and wiped afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from app.db import embedded, migrate
from app.db.engine import Database, create_database_if_missing
from app.db.urls import driver_dsn, to_async_url, with_database
from app.main import create_app
from app.settings import Settings
from tests.helpers import Api, Factory
from tests.receiver import receiver  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[1]


def settings_for_tests(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "secret_key": "test-signing-key-" + "x" * 64,
        "password_time_cost": 1,
        "password_memory_cost": 8,
        "data_dir": ROOT / "var",
        # every test client calls from one address, far faster than a person: tests of the limits
        # set their own
        "rate_limit_anonymous_per_second": 0,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return settings_for_tests()


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[URL]:
    """A fresh database for this run, on DATABASE_URL's server or the embedded one; dropped afterwards."""
    server = (
        to_async_url(os.environ["DATABASE_URL"])
        if os.environ.get("DATABASE_URL")
        else embedded.start(ROOT / "var")
    )
    url = with_database(server, f"billgraph_test_{uuid.uuid4().hex[:10]}")
    await create_database_if_missing(url)
    yield url
    admin = create_async_engine(with_database(server, "postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()
    embedded.release()


@pytest.fixture
async def scratch_database(database_url: URL) -> AsyncIterator[str]:
    """An empty database of its own on the test server, for real server processes (a driver DSN)."""
    url = with_database(database_url, f"billgraph_live_{uuid.uuid4().hex[:8]}")
    await create_database_if_missing(url)
    yield driver_dsn(url)
    admin = create_async_engine(with_database(database_url, "postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture(scope="session")
async def engine(database_url: URL) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url, pool_size=10, max_overflow=10)
    await migrate.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
async def db(engine: AsyncEngine) -> AsyncIterator[Database]:
    """The test's database: one connection in a transaction that is rolled back at the end. Commits made
    by the app release savepoints only."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        sessionmaker = async_sessionmaker(
            connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        yield Database(engine, sessionmaker, bound=connection)
        await transaction.rollback()


@pytest.fixture
async def committed_db(engine: AsyncEngine) -> AsyncIterator[Database]:
    """Real commits on a pool of connections, for tests of concurrency; everything is wiped afterwards."""
    database = Database(engine, async_sessionmaker(engine, expire_on_commit=False))
    yield database
    async with engine.begin() as conn:
        await conn.execute(sa.text("TRUNCATE audit_logs, login_attempts"))
        await conn.execute(sa.text("DELETE FROM roles WHERE NOT builtin"))
        await conn.execute(sa.text("DELETE FROM organizations"))
        await conn.execute(sa.text("DELETE FROM users"))


def make_client(settings: Settings, database: Database) -> httpx.AsyncClient:
    app = create_app(settings, database)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://billgraph.test")


@pytest.fixture
async def client(settings: Settings, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(settings, db) as http:
        yield http


@pytest.fixture
def api(client: httpx.AsyncClient) -> Api:
    return Api(client)


@pytest.fixture
def factory(db: Database, settings: Settings, api: Api) -> Factory:
    return Factory(db, settings, api)


@contextmanager
def count_statements(db: Database) -> Iterator[list[str]]:
    """Every SQL statement the app runs inside the block, through SQLAlchemy or straight on asyncpg
    (savepoint bookkeeping excluded)."""
    statements: list[str] = []

    def record(statement: str) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO")):
            statements.append(statement)

    def on_cursor(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        record(statement)

    sa.event.listen(db.engine.sync_engine, "before_cursor_execute", on_cursor)
    db.statement_hooks.append(record)
    try:
        yield statements
    finally:
        db.statement_hooks.remove(record)
        sa.event.remove(db.engine.sync_engine, "before_cursor_execute", on_cursor)
