"""A request's unit of work: one session, one transaction, used by one coroutine at a time.

GraphQL resolves sibling fields concurrently and an ``AsyncSession`` must never be used by two coroutines
at once, so every use of the session goes through ``read()`` or ``write()``, which take turns on a lock.
Each ``write()`` runs in a savepoint: a failing mutation leaves no partial write, while the mutations
before it in the same document keep theirs. The transaction commits once, at the end of the request, if
any write succeeded; otherwise it rolls back.

A request of an organization's member or key runs in a transaction confined to that organization by
row-level security (its first statement sets the scope; a query's transaction is also read-only). A
request without an organization (sign-up, login) reads in autocommit.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.engine import UNSCOPE, Database

_UNSCOPE = sa.text(UNSCOPE)
log = logging.getLogger("billgraph.db")


class UnitOfWork:
    def __init__(
        self, db: Database, *, read_only: bool = False, organization_id: uuid.UUID | None = None
    ) -> None:
        self._db = db
        self.read_only = read_only
        self.organization_id = organization_id
        self.user_id: uuid.UUID | None = None  # the caller, to show their own memberships (see scope)
        # Set by a request: PostgreSQL cancels any statement of its transaction running longer.
        self.statement_timeout_ms: int | None = None
        self._session: AsyncSession | None = None
        self._raw: Any = None  # the asyncpg connection of a raw read transaction (see _open_raw_read)
        self._lock = asyncio.Lock()
        self.wrote = False
        self._apart: list[Callable[[Any], Awaitable[None]]] = []

    async def _open(self) -> AsyncSession:
        if self._session is None:
            if self.organization_id is None:
                factory = self._db.read_sessionmaker if self.read_only else self._db.sessionmaker
                self._session = factory()
            elif self.read_only and self._db.raw_read_transactions:
                self._session = await self._open_raw_read(self.organization_id)
            else:
                session = self._db.sessionmaker()
                statement, parameters = self._db.scope_statement(
                    self.organization_id,
                    read_only=self.read_only,
                    user_id=self.user_id,
                    statement_timeout_ms=self.statement_timeout_ms,
                )
                await session.execute(statement, parameters)
                self._session = session
        return self._session

    async def _open_raw_read(self, organization_id: uuid.UUID) -> AsyncSession:
        """A query's transaction in one round trip: BEGIN and the scope sent together on the session's
        connection, which SQLAlchemy holds in autocommit (so it sends no BEGIN of its own); ended by
        ``_end_raw``. Half the round trips of a SQLAlchemy transaction plus a scope statement."""
        session = self._db.read_sessionmaker()
        try:
            connection = await session.connection()
            driver = (await connection.get_raw_connection()).driver_connection
            assert driver is not None
            try:
                await driver.execute(
                    self._db.scoped_begin(organization_id, self.user_id, self.statement_timeout_ms)
                )
            except BaseException:
                await connection.invalidate()  # it may be inside a transaction: never pool it
                raise
        except BaseException:
            await session.close()
            raise
        self._raw = driver
        return session

    async def _end_raw(self, session: AsyncSession) -> None:
        """ROLLBACK the raw transaction; a connection that cannot is discarded, never pooled."""
        driver, self._raw = self._raw, None
        try:
            await driver.execute("ROLLBACK")
        except BaseException:
            await (await session.connection()).invalidate()
            raise

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with self._lock:
            yield await self._open()

    @asynccontextmanager
    async def write(self, *, unscoped: bool = False) -> AsyncIterator[AsyncSession]:
        """A savepoint for one mutation. ``unscoped`` lifts the organization scope for its duration:
        only for the one public mutation that crosses organizations by nature (accepting an
        invitation of another organization, found by its secret token), restored right after."""
        if self.read_only:
            raise RuntimeError("a query cannot write; writes belong to mutations")
        async with self._lock:
            session = await self._open()
            lift = unscoped and self.organization_id is not None
            if lift:
                await session.execute(_UNSCOPE)
            try:
                async with session.begin_nested():
                    yield session
            finally:
                if lift:
                    assert self.organization_id is not None
                    statement, parameters = self._db.scope_statement(
                        self.organization_id,
                        read_only=False,
                        user_id=self.user_id,
                        statement_timeout_ms=self.statement_timeout_ms,
                    )
                    await session.execute(statement, parameters)
            self.wrote = True

    def keep_apart(self, record: Callable[[Any], Awaitable[None]]) -> None:
        """``record(fetch)`` runs once this request's transaction has ended, committed or not, in
        autocommit: for what must be kept although the write rolls back (a rejected event). Fixed SQL
        naming its organization."""
        self._apart.append(record)

    async def finish(self) -> None:
        """Commit if a write succeeded, else roll back; always release the connection. Then run what
        was kept apart."""
        try:
            await self._end()
        finally:
            records, self._apart = self._apart, []
            if records:
                await self._keep(records)

    async def _keep(self, records: list[Callable[[Any], Awaitable[None]]]) -> None:
        """Best effort: what is kept apart never changes the request's answer."""
        try:
            async with self._db.fetcher() as fetch:
                for record in records:
                    await record(fetch)
        except Exception:
            log.exception("could not keep %d record(s) apart from the request", len(records))

    async def _end(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        try:
            if self._raw is not None:
                await self._end_raw(session)
            elif self.wrote:
                if self.organization_id is not None:
                    # the scope ends with the transaction anyway; said explicitly for a transaction
                    # that is itself a savepoint of a larger one (the tests')
                    await session.execute(_UNSCOPE)
                await session.commit()
        finally:
            await session.close()  # rolls back whatever was not committed

    async def abort(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                if self._raw is not None:
                    await self._end_raw(session)
                else:
                    await session.rollback()
            finally:
                await session.close()
