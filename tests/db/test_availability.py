"""A database that went away is told apart from a bug: the request is answered 503 with a retryable
INTERNAL_ERROR and Retry-After, on the graph and on the plain HTTP endpoints; a bug stays a 500."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx
import pytest
import sqlalchemy as sa

from app.customers import service as customers
from app.db.availability import is_unavailable
from app.events import ingest
from tests.helpers import Factory

LIST = {"query": "{ customers { collection { id } } }"}


def _gone(*_: Any, **__: Any) -> Any:
    raise asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle of operation")


def _bug(*_: Any, **__: Any) -> Any:
    raise ZeroDivisionError


async def test_a_lost_database_is_a_retryable_503_on_the_graph(
    factory: Factory, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await factory.organization()
    headers = {"authorization": f"Bearer {org.admin.token}"}
    monkeypatch.setattr(customers, "list_customers", _gone)

    reply = await client.post("/graphql", json=LIST, headers=headers)

    assert reply.status_code == 503
    assert reply.headers["retry-after"] == "1"
    (error,) = reply.json()["errors"]
    assert error["message"] == "The database is unavailable; retry shortly"
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    assert error["extensions"]["retryable"] is True


async def test_a_bug_stays_a_500_without_the_retry_hint(
    factory: Factory, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await factory.organization()
    monkeypatch.setattr(customers, "list_customers", _bug)

    reply = await client.post("/graphql", json=LIST, headers={"authorization": f"Bearer {org.admin.token}"})

    assert reply.status_code == 200  # a field error: the rest of the response stands
    (error,) = reply.json()["errors"]
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    assert "retryable" not in error["extensions"]


async def test_a_lost_database_is_a_retryable_503_on_plain_http(
    factory: Factory, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "admin")

    async def refused(*_: Any, **__: Any) -> Any:
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(ingest, "ingest", refused)

    reply = await client.post(
        "/api/v1/events/batch", json={"events": [{}]}, headers={"authorization": f"Bearer {key.secret}"}
    )

    assert reply.status_code == 503
    assert reply.json()["errors"][0]["extensions"]["retryable"] is True


def test_what_counts_as_unavailable() -> None:
    wrapped = sa.exc.DBAPIError("SELECT 1", None, Exception("closed"), connection_invalidated=True)
    shutdown = asyncpg.exceptions.AdminShutdownError("terminating connection due to administrator command")
    chained = RuntimeError("while reading")
    chained.__cause__ = shutdown

    assert is_unavailable(wrapped)
    assert is_unavailable(chained)
    assert is_unavailable(OSError("reset"))
    assert not is_unavailable(ValueError("bug"))
    assert not is_unavailable(asyncpg.exceptions.UniqueViolationError("duplicate"))
    assert not is_unavailable(None)
