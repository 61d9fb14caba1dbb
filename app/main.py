"""The ASGI application: ``create_app()`` wires the database, the graph and the routes."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.auth.cache import IdentityCache
from app.auth.throttle import Limits
from app.db import embedded, migrate
from app.db.engine import Database, resolve_url
from app.db.urls import driver_dsn
from app.events import rest as events_rest
from app.exports import rest as exports_rest
from app.graphql.executor import Executor
from app.graphql.schema import schema
from app.graphql.view import GraphQLEndpoint
from app.settings import Settings, get_settings

log = logging.getLogger("billgraph")


async def health(request: Request) -> JSONResponse:
    """Liveness and readiness in one: the process answers and the database does too."""
    db: Database = request.app.state.db
    try:
        async with db.engine.connect() as conn:
            await conn.execute(sa.text("SELECT 1"))
    except Exception:
        log.warning("health check failed", exc_info=True)
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})


# Plain HTTP endpoints; each handler declares its permission (see app.auth.rest).
REST_ROUTES = [
    Route("/api/v1/events", events_rest.create_event.handle, methods=["POST"]),
    Route("/api/v1/events/batch", events_rest.create_events.handle, methods=["POST"]),
    Route("/api/v1/exports/invoices.csv", exports_rest.export_invoices.handle, methods=["GET"]),
    Route("/api/v1/exports/credit_notes.csv", exports_rest.export_credit_notes.handle, methods=["GET"]),
    Route(
        "/api/v1/exports/integrations/{integration_id}/invoices.csv",
        exports_rest.export_tool_invoices.handle,
        methods=["GET"],
    ),
    Route(
        "/api/v1/exports/integrations/{integration_id}/credit_notes.csv",
        exports_rest.export_tool_credit_notes.handle,
        methods=["GET"],
    ),
]


def tune_garbage_collector() -> None:
    """A GraphQL response allocates thousands of short-lived objects; with CPython's default thresholds
    the collector runs every few hundred of them. Freezing what startup created and collecting the young
    generation every 10,000 allocations keeps large lists fast, while each collection stays near 10 ms
    (at 50,000 they took up to 85 ms, a pause every request in flight waited out: scripts/load.py)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 100)


def create_app(settings: Settings | None = None, database: Database | None = None) -> Starlette:
    """The app. With ``database`` given (tests) it is used as is; otherwise the lifespan opens one
    (``DATABASE_URL`` or the embedded PostgreSQL) and brings it to the latest migration."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if database is not None:
            yield
            return
        tune_garbage_collector()
        url = await resolve_url(settings)
        db = Database.connect(url, settings)
        await migrate.upgrade(db.engine)
        await db.check_tenant_role()
        app.state.db = db
        stop = asyncio.Event()
        listener = asyncio.create_task(identities.listen(driver_dsn(url), stop))
        try:
            yield
        finally:
            stop.set()
            await listener
            await db.dispose()
            embedded.release()

    identities = IdentityCache(settings.auth_cache_seconds)
    limits = Limits(settings)
    app = Starlette(
        routes=[
            Route(
                "/graphql",
                GraphQLEndpoint(Executor(schema, settings), settings, identities, limits).handle,
                methods=["GET", "POST"],
            ),
            Route("/health", health, methods=["GET"]),
            *REST_ROUTES,
        ],
        lifespan=lifespan,
    )
    app.state.db = database
    app.state.identities = identities
    app.state.limits = limits
    app.state.settings = settings
    return app
