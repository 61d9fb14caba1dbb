"""A live server on committed connections, as in production: the password throttle's counts are
written outside the request's transaction, which the test's single rolled-back connection (the `db`
fixture) cannot show faithfully."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from app.db.engine import Database
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import Api, Factory


@pytest.fixture
async def live(
    committed_db: Database, settings: Settings
) -> AsyncIterator[tuple[Factory, Api, httpx.AsyncClient]]:
    async with make_client(settings, committed_db) as client:
        api = Api(client)
        yield Factory(committed_db, settings, api), api, client
