"""Engine and sessions. ``Database`` is what the app holds; tests swap in one bound to a test transaction."""

from __future__ import annotations

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
from app.db.urls import to_async_url, with_database
from app.settings import Settings

DEFAULT_DATABASE = "billgraph"


class Database:
    """An engine and the session factory that requests use."""

    def __init__(self, engine: AsyncEngine, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self.engine = engine
        self.sessionmaker = sessionmaker

    @classmethod
    def connect(cls, url: URL, settings: Settings) -> Database:
        engine = create_async_engine(
            url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            pool_recycle=1800,
        )
        return cls(engine, make_sessionmaker(engine))

    async def dispose(self) -> None:
        await self.engine.dispose()


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
