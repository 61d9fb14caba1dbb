"""The migrations are the schema: they match the models, seed the built-in roles, and go both ways."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.auth.permissions import BUILTIN_ROLES
from app.db import migrate
from app.db.engine import create_database_if_missing
from app.db.registry import metadata
from app.db.urls import with_database


async def test_the_models_and_the_migrations_agree(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        differences = await conn.run_sync(
            lambda sync: compare_metadata(
                MigrationContext.configure(sync, opts={"compare_type": True}), metadata
            )
        )

    assert differences == []


async def test_the_database_is_at_the_head_revision(engine: AsyncEngine) -> None:
    assert await migrate.current_revision(engine) == migrate.head_revision()


async def test_the_built_in_roles_are_seeded_as_in_the_role_table(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                sa.text("SELECT code, name, description FROM roles WHERE builtin ORDER BY code")
            )
        ).all()

    assert [(r.code, r.name, r.description) for r in rows] == [
        (role.code, role.name, role.description)
        for role in sorted(BUILTIN_ROLES.values(), key=lambda r: r.code)
    ]


async def test_every_migration_downgrades_and_upgrades_again(database_url: URL) -> None:
    url = with_database(database_url, f"{database_url.database}_migrations")
    await create_database_if_missing(url)
    engine = create_async_engine(url)
    try:
        await migrate.upgrade(engine)
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.downgrade(migrate.alembic_config(sync), "base"))
            tables = await conn.scalar(
                sa.text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
            )
        await migrate.upgrade(engine)

        assert tables == 1  # only alembic_version is left
        assert await migrate.current_revision(engine) == migrate.head_revision()
    finally:
        await engine.dispose()
        admin = create_async_engine(with_database(database_url, "postgres"), isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        await admin.dispose()


def test_every_tenant_table_carries_organization_id() -> None:
    global_tables = {"organizations", "users", "roles", "ended_tokens", "login_attempts"}
    for table in metadata.sorted_tables:
        if table.name not in global_tables:
            assert "organization_id" in table.columns, table.name
            assert not table.columns["organization_id"].nullable, table.name
    assert metadata.tables["roles"].columns["organization_id"].nullable  # built-in roles are global
