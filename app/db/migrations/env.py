"""Alembic environment. Runs on the connection handed over by ``app.db.migrate`` (in-process, async
engine), or on ``DATABASE_URL`` when the ``alembic`` command is used directly."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from app.db.registry import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone() -> None:
    from app.db.engine import resolve_url
    from app.settings import get_settings

    engine = create_async_engine(await resolve_url(get_settings()))
    async with engine.begin() as conn:
        await conn.run_sync(_run)
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    asyncio.run(_run_standalone())
