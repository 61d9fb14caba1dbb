"""Engine and sessions. ``Database`` is what the app holds; tests swap in one bound to a test transaction."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.db import embedded
from app.db.availability import is_unavailable
from app.db.urls import to_async_url, with_database
from app.settings import Settings

DEFAULT_DATABASE = "billgraph"
CURSOR_PREFETCH = 2000
TENANT_ROLE = "billgraph_tenant"  # created by migration 0008; row-level security binds it

UNSCOPE = (
    "SELECT set_config('billgraph.organization_id', '', true), set_config('billgraph.user_id', '', true),"
    " set_config('role', 'none', true)"
)

log = logging.getLogger("billgraph.db")


class Database:
    """An engine and the session factories that requests use.

    ``sessionmaker`` opens a transaction (mutations). ``read_sessionmaker`` runs each statement in
    autocommit: a read-only request at READ COMMITTED gains nothing from a transaction (every statement
    takes its own snapshot anyway) and saves the BEGIN and ROLLBACK round trips.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        sessionmaker: async_sessionmaker[AsyncSession],
        read_sessionmaker: async_sessionmaker[AsyncSession] | None = None,
        bound: AsyncConnection | None = None,
    ) -> None:
        self.engine = engine
        self.sessionmaker = sessionmaker
        self.read_sessionmaker = read_sessionmaker or sessionmaker
        self._bound = bound  # tests: every statement on one connection, inside the test's transaction
        # Called with each statement ``fetch`` runs (SQLAlchemy's events do not see them): for counting.
        self.statement_hooks: list[Callable[[str], None]] = []
        # The role a request's transaction switches to so that row-level security applies even when
        # the connection's own user is a superuser; None where it cannot be used (see check_tenant_role).
        self.tenant_role: str | None = TENANT_ROLE
        self._forgotten_at = 0.0
        # Queries open their transaction with one raw statement (``scoped_begin``) on an autocommit
        # session; not for a database bound to a test's transaction (it would end that transaction).
        self.raw_read_transactions = bound is None and read_sessionmaker is not None

    async def check_tenant_role(self) -> None:
        """Use the tenant role if this user may; otherwise rely on FORCE binding the tables' owner, and
        say so loudly if the user would bypass the policies anyway."""
        async with self.engine.connect() as connection:
            usable, bypasses = (
                await connection.execute(
                    sa.text(
                        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role)"
                        " AND pg_has_role(current_user, :role, 'MEMBER'),"
                        " (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)"
                    ),
                    {"role": TENANT_ROLE},
                )
            ).one()
        self.tenant_role = TENANT_ROLE if usable else None
        if not usable and bypasses:
            log.warning(
                "row-level security is not enforced: the database user bypasses it and cannot use the "
                "%s role (grant it, or connect as a user without BYPASSRLS)",
                TENANT_ROLE,
            )

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        """Fixed SQL straight on asyncpg, outside any session (autocommit): for the per-request hot path."""
        async with self.fetcher() as fetch:
            return await fetch(sql, *args)

    @asynccontextmanager
    async def fetcher(self) -> AsyncIterator[Callable[..., Awaitable[list[Any]]]]:
        """One pooled connection for several fixed statements in a row (each in autocommit)."""
        if self._bound is not None:
            yield self._fetch_on(self._bound)
            return
        async with self.engine.connect() as connection:
            try:
                yield self._fetch_on(connection)
            except Exception as error:
                if is_unavailable(error):  # never hand a broken connection to the next request
                    await connection.invalidate()
                raise

    def scope(
        self,
        organization_id: uuid.UUID,
        *,
        read_only: bool,
        user_id: uuid.UUID | None = None,
        statement_timeout_ms: int | None = None,
    ) -> tuple[str, list[str]]:
        """The statement (asyncpg style) that confines a transaction to one organization's rows
        (row-level security), and its arguments; everything it sets ends with the transaction. The
        caller's ``user_id`` also shows their own memberships in other organizations (migration 0014)."""
        settings = [
            "set_config('billgraph.organization_id', $1, true)",
            "set_config('billgraph.user_id', $2, true)",
        ]
        arguments = [str(organization_id), str(user_id) if user_id else ""]
        if self.tenant_role:
            settings.append("set_config('role', $3, true)")
            arguments.append(self.tenant_role)
        if read_only:
            settings.append("set_config('transaction_read_only', 'on', true)")
        if statement_timeout_ms:  # SET LOCAL: a request's statements only, not the pooled connection's
            settings.append(f"set_config('statement_timeout', '{int(statement_timeout_ms)}', true)")
        return "SELECT " + ", ".join(settings), arguments

    def scoped_begin(
        self,
        organization_id: uuid.UUID,
        user_id: uuid.UUID | None = None,
        statement_timeout_ms: int | None = None,
    ) -> str:
        """BEGIN a read-only transaction and ``scope`` it, as one simple-protocol string (one round
        trip). Its values are UUIDs, the role's name and an integer, so they are safe inline."""
        user = uuid.UUID(str(user_id)) if user_id else None
        sql, arguments = self.scope(
            uuid.UUID(str(organization_id)),
            read_only=False,
            user_id=user,
            statement_timeout_ms=statement_timeout_ms,
        )
        for index in range(len(arguments), 0, -1):
            sql = sql.replace(f"${index}", f"'{arguments[index - 1]}'")
        return "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY; " + sql

    def scope_statement(
        self,
        organization_id: uuid.UUID,
        *,
        read_only: bool,
        user_id: uuid.UUID | None = None,
        statement_timeout_ms: int | None = None,
    ) -> tuple[sa.TextClause, dict[str, str]]:
        """``scope`` for a SQLAlchemy session."""
        sql, arguments = self.scope(
            organization_id, read_only=read_only, user_id=user_id, statement_timeout_ms=statement_timeout_ms
        )
        for index in range(len(arguments), 0, -1):
            sql = sql.replace(f"${index}", f":p{index}")
        return sa.text(sql), {f"p{i}": value for i, value in enumerate(arguments, start=1)}

    @asynccontextmanager
    async def streaming(self, organization_id: uuid.UUID) -> AsyncIterator[Callable[..., AsyncIterator[Any]]]:
        """A connection to read many rows of one organization without holding them: ``rows(sql, *args)``
        walks a server-side cursor, ``CURSOR_PREFETCH`` rows at a time, all inside one read-only
        snapshot confined to the organization."""
        if self._bound is not None:  # tests: inside the test's transaction, in a savepoint
            driver = (await self._bound.get_raw_connection()).driver_connection
            assert driver is not None
            async with driver.transaction():
                sql, arguments = self.scope(organization_id, read_only=True)
                await driver.execute(sql, *arguments)
                try:
                    yield self._cursor_on(self._bound)
                finally:  # a released savepoint would keep the scope for the rest of the test
                    await driver.execute(UNSCOPE)
            return
        async with self.engine.connect() as connection:
            driver = (await connection.get_raw_connection()).driver_connection
            assert driver is not None
            async with driver.transaction(isolation="repeatable_read", readonly=True):
                sql, arguments = self.scope(organization_id, read_only=True)
                await driver.execute(sql, *arguments)
                yield self._cursor_on(connection)

    def _cursor_on(self, connection: AsyncConnection) -> Callable[..., AsyncIterator[Any]]:
        async def rows(sql: str, *args: Any) -> AsyncIterator[Any]:
            for hook in self.statement_hooks:
                hook(sql)
            driver = (await connection.get_raw_connection()).driver_connection
            assert driver is not None
            async for row in driver.cursor(sql, *args, prefetch=CURSOR_PREFETCH):
                yield row

        return rows

    def _fetch_on(self, connection: AsyncConnection) -> Callable[..., Awaitable[list[Any]]]:
        async def fetch(sql: str, *args: Any) -> list[Any]:
            for hook in self.statement_hooks:
                hook(sql)
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            return list(await driver.fetch(sql, *args))

        return fetch

    async def forget_connections(self) -> None:
        """After the database went away (a restart, a failover): drop every pooled connection, so that
        the next requests open fresh ones instead of each finding a dead one. At most once a second."""
        now = time.monotonic()
        if self._bound is not None or now - self._forgotten_at < 1.0:
            return
        self._forgotten_at = now
        log.warning("database connection lost: reopening the connection pool")
        await self.engine.dispose()

    @classmethod
    def connect(cls, url: URL, settings: Settings) -> Database:
        engine = create_async_engine(
            url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_recycle=1800,
            # JIT compiling a query costs tens of milliseconds up front: never worth it for requests
            # that run in a few (it made the analytics queries' p99 several times their median)
            connect_args={"server_settings": {"jit": "off"}},
        )
        autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
        return cls(engine, make_sessionmaker(engine), make_sessionmaker(autocommit))

    async def dispose(self) -> None:
        await self.engine.dispose()


def session_fetch(session: AsyncSession) -> Callable[..., Any]:
    """Run fixed SQL on asyncpg through ``session``'s own connection (so inside its transaction)."""

    async def fetch(sql: str, *args: Any) -> list[Any]:
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        return list(await driver.fetch(sql, *args))

    return fetch


def make_sessionmaker(bind: AsyncEngine | AsyncConnection) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(bind, expire_on_commit=False, autoflush=True)


async def create_database_if_missing(url: URL) -> None:
    """``CREATE DATABASE`` for ``url.database`` unless it exists (connects to the ``postgres`` database)."""
    admin = create_async_engine(with_database(url, "postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            exists = await conn.scalar(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
            if not exists:
                await conn.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
    finally:
        await admin.dispose()


async def resolve_url(settings: Settings) -> URL:
    """``DATABASE_URL`` when set; otherwise the embedded server's ``billgraph`` database, created if new."""
    if settings.database_url:
        return to_async_url(settings.database_url)
    url = with_database(embedded.start(settings.data_dir), DEFAULT_DATABASE)
    await create_database_if_missing(url)
    return url
