"""The ASGI application: ``create_app()`` wires the database, the graph and the routes."""

from __future__ import annotations

import asyncio
import gc
import hmac
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sqlalchemy as sa
from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.auth.cache import IdentityCache
from app.auth.throttle import Limits
from app.console import routes as console_routes
from app.db import embedded, migrate
from app.db.engine import Database, resolve_url
from app.db.urls import driver_dsn
from app.events import rest as events_rest
from app.exports import rest as exports_rest
from app.graphql.executor import Executor
from app.graphql.schema import schema
from app.graphql.view import GraphQLEndpoint
from app.http import error_body
from app.observability.metrics import POOL, render
from app.observability.middleware import ObserveRequests
from app.settings import Settings, get_settings
from app.worker import Background

log = logging.getLogger("billgraph")


async def live(request: Request) -> JSONResponse:
    """Liveness: the process answers (restart it if not). Touches nothing else."""
    return JSONResponse({"status": "ok"})


async def ready(request: Request) -> JSONResponse:
    """Readiness: the database answers and its schema is at this code's migration (send traffic)."""
    db: Database = request.app.state.db
    try:
        async with db.engine.connect() as conn:
            revision = await conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
    except Exception:
        log.warning("readiness check failed: database unreachable", exc_info=True)
        return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
    head = migrate.head_revision()
    if revision != head:
        body = {"status": "unavailable", "database": "ok", "migration": revision, "expected": head}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok", "migration": revision})


async def metrics_endpoint(request: Request) -> Response:
    """Prometheus metrics of this process (``BILLGRAPH_METRICS_TOKEN`` guards them when set)."""
    settings: Settings = request.app.state.settings
    token = settings.metrics_token
    given = request.headers.get("authorization", "")
    if token and not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return JSONResponse({"errors": [error_body("UNAUTHENTICATED", "Metrics need their token")]}, 401)
    return Response(render(), media_type=CONTENT_TYPE_LATEST)


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


def create_app(
    settings: Settings | None = None,
    database: Database | None = None,
    *,
    worker: Background | None = None,
) -> Starlette:
    """The app. With ``database`` given (tests) it is used as is; otherwise the lifespan opens one
    (``DATABASE_URL`` or the embedded PostgreSQL) and brings it to the latest migration. With ``worker``
    the billing and webhook loops run in this process too, started and stopped with the lifespan."""
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
        POOL.engine = db.engine
        stop = asyncio.Event()
        listener = asyncio.create_task(identities.listen(driver_dsn(url), stop))
        loops = asyncio.create_task(worker.run(db, settings, stop)) if worker else None
        try:
            yield
        finally:
            stop.set()
            await listener
            if loops is not None:
                await loops
            await db.dispose()
            embedded.release()

    identities = IdentityCache(settings.auth_cache_seconds)
    limits = Limits(settings)
    probes = [Route("/live", live, methods=["GET"]), Route("/ready", ready, methods=["GET"])]
    probes.append(Route("/health", ready, methods=["GET"]))  # the readiness probe's older name
    if settings.metrics_served:
        probes.append(Route("/metrics", metrics_endpoint, methods=["GET"]))
    elif settings.metrics_enabled:
        log.warning(
            "/metrics is off: in production, set BILLGRAPH_METRICS_TOKEN (or BILLGRAPH_METRICS_PUBLIC=true)"
        )
    app = Starlette(
        routes=[
            Route(
                "/graphql",
                GraphQLEndpoint(Executor(schema, settings), settings, identities, limits).handle,
                methods=["GET", "POST"],
            ),
            *probes,
            *REST_ROUTES,
            *console_routes(),  # last: the web console at / (its client routes)
        ],
        middleware=[Middleware(ObserveRequests)],
        lifespan=lifespan,
    )
    if database is not None:
        POOL.engine = database.engine
    app.state.db = database
    app.state.identities = identities
    app.state.limits = limits
    app.state.settings = settings
    return app
