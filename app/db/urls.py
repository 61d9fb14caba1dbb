"""Database URLs: accept what other tools write (``postgresql://user@host:port/db``), speak asyncpg."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

_SCHEMES = {"postgres", "postgresql", "postgresql+asyncpg", "postgresql+psycopg", "postgresql+psycopg2"}


def to_async_url(raw: str) -> URL:
    """A SQLAlchemy asyncpg URL from any PostgreSQL URL; libpq's ``sslmode`` becomes asyncpg's ``ssl``."""
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw.removeprefix("postgres://")
    url = make_url(raw)
    if url.drivername not in _SCHEMES:
        raise ValueError(f"not a PostgreSQL URL: {url.drivername}://")
    query = dict(url.query)
    if "sslmode" in query:
        query["ssl"] = query.pop("sslmode")
    return url.set(drivername="postgresql+asyncpg", query=query)


def with_database(url: URL, database: str) -> URL:
    return url.set(database=database)


def driver_dsn(url: URL) -> str:
    """The URL as asyncpg's own ``connect()`` reads it (for connections outside SQLAlchemy)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def display(url: URL) -> str:
    """The URL with its password hidden, for logs."""
    return url.render_as_string(hide_password=True)
