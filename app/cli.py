"""``billgraph``: serve the graph, migrate the database, create organizations, load demo data, export
the schema. Every command uses ``DATABASE_URL`` when set and the embedded PostgreSQL otherwise."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import embedded, migrate
from app.db.engine import Database, resolve_url
from app.db.urls import display
from app.logging import configure
from app.settings import Settings, get_settings

T = TypeVar("T")
log = logging.getLogger("billgraph.cli")


async def _with_session(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    url = await resolve_url(settings)
    db = Database.connect(url, settings)
    try:
        await migrate.upgrade(db.engine)
        async with db.sessionmaker() as session, session.begin():
            return await work(session)
    finally:
        await db.dispose()


def _load_demo(settings: Settings) -> list[str]:
    """Load the demo organization (once) and the lines that say what it is and who may sign in."""
    import time

    from app.demo import seed

    started = time.perf_counter()
    demo = asyncio.run(_with_session(settings, lambda s: seed.load(s, settings)))
    elapsed = time.perf_counter() - started
    state = f"created in {elapsed:.1f} s" if demo.created else "already loaded"
    lines = [f"Demo organization '{demo.organization.name}' ({demo.organization.id}) {state}."]
    lines.append("Members (password for all shown):")
    width = max(len(member.email) for member in demo.members)
    lines += [f"  {m.role:<9} {m.email:<{width}}  {m.password}" for m in demo.members]
    return lines


def _banner(rows: list[tuple[str, str]], extra: list[str]) -> str:
    width = max(len(label) for label, _ in rows)
    return "\n".join(["", *(f"{label + ':':<{width + 1}} {value}" for label, value in rows), *extra, ""])


def cmd_serve(args: argparse.Namespace, settings: Settings) -> None:
    import uvicorn

    from app.main import create_app
    from app.worker import Background

    async def prepare() -> str:
        url = await resolve_url(settings)
        db = Database.connect(url, settings)
        try:
            await migrate.upgrade(db.engine)
        finally:
            await db.dispose()
        return display(url)

    database = asyncio.run(prepare())
    in_process = settings.is_development if args.worker is None else args.worker
    demo = _load_demo(settings) if args.demo else []
    base = f"http://{args.host}:{args.port}"
    loops = (
        f"running in this process (billing every {args.billing_interval:g} s; --no-worker to turn off)"
        if in_process
        else "not in this process (run `billgraph worker`)"
    )
    rows = [
        ("Database", f"{database} (migrated)"),
        ("Console", f"{base}/"),
        ("GraphiQL", f"{base}/graphql" if settings.graphiql else "off (BILLGRAPH_GRAPHIQL_ENABLED)"),
        ("Billing/webhook loops", loops),
    ]
    print(_banner(rows, demo), flush=True)
    worker = Background(billing_interval=args.billing_interval) if in_process else None
    try:
        uvicorn.run(  # requests are logged by the app itself, one structured line each
            create_app(settings, worker=worker),
            host=args.host,
            port=args.port,
            log_level=settings.log_level.lower(),
            log_config=None,
            access_log=False,
        )
    finally:
        embedded.release()


def cmd_db(args: argparse.Namespace, settings: Settings) -> None:
    async def run() -> str | None:
        db = Database.connect(await resolve_url(settings), settings)
        try:
            if args.action == "upgrade":
                await migrate.upgrade(db.engine)
            return await migrate.current_revision(db.engine)
        finally:
            await db.dispose()

    print(f"database at revision {asyncio.run(run())} (head: {migrate.head_revision()})")


def cmd_create_org(args: argparse.Namespace, settings: Settings) -> None:
    from app.core.errors import DomainError
    from app.organizations import service as organizations
    from app.users import service as users

    password = args.password or os.environ.get("BILLGRAPH_ADMIN_PASSWORD")

    async def work(session: AsyncSession) -> str:
        user = await users.find_by_email(session, args.email)
        if user is None:
            if not password:
                raise SystemExit("a new admin needs --password (or BILLGRAPH_ADMIN_PASSWORD)")
            registered = await users.register(session, settings, args.email, password, args.name)
            assert registered.organization is not None
            return str(registered.organization.id)
        organization, _ = await organizations.create_with_admin(session, args.name, user)
        return str(organization.id)

    try:
        organization_id = asyncio.run(_with_session(settings, work))
    except DomainError as error:
        raise SystemExit(f"error: {error.message}") from None
    print(f"organization {organization_id} created; admin: {args.email}")


def cmd_demo(args: argparse.Namespace, settings: Settings) -> None:
    base = "http://127.0.0.1:8000"
    rows = [("Console", f"{base}/ (after `billgraph serve`)"), ("GraphiQL", f"{base}/graphql")]
    print(_banner(rows, _load_demo(settings)), flush=True)


def cmd_bill(args: argparse.Namespace, settings: Settings) -> None:
    from app.invoicing.run import run

    at = _parse_at(args.at)

    async def once() -> str:
        db = Database.connect(await resolve_url(settings), settings)
        try:
            await migrate.upgrade(db.engine)
            return (await run(db, at)).line()
        finally:
            await db.dispose()

    print(asyncio.run(once()))


def cmd_worker(args: argparse.Namespace, settings: Settings) -> None:
    """Bill every ``--interval`` seconds and send webhooks every ``--webhook-interval`` seconds, until
    stopped (SIGINT or SIGTERM)."""
    import signal

    from app.worker import work

    async def forever() -> None:
        db = Database.connect(await resolve_url(settings), settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            await migrate.upgrade(db.engine)
            if args.metrics_port:  # up once migrated: a scrape that answers means a worker at work
                from prometheus_client import start_http_server

                from app.observability.metrics import POOL, REGISTRY

                POOL.engine = db.engine
                start_http_server(args.metrics_port, addr=args.metrics_host, registry=REGISTRY)
            await work(
                db,
                settings,
                stop,
                billing_interval=args.interval,
                delivery_interval=args.webhook_interval,
            )
        finally:
            await db.dispose()
            embedded.release()

    asyncio.run(forever())


def _parse_at(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise SystemExit(f"--at: '{value}' is not an ISO 8601 date-time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cmd_export_schema(args: argparse.Namespace, settings: Settings) -> None:
    from app.graphql.schema import sdl
    from app.reference import markdown

    text = sdl()
    if args.output == "-":
        sys.stdout.write(text)
        return
    Path(args.output).write_text(text)
    print(f"schema written to {args.output}")
    if args.permissions:
        Path(args.permissions).parent.mkdir(parents=True, exist_ok=True)
        Path(args.permissions).write_text(markdown())
        print(f"permissions reference written to {args.permissions}")
    if args.configuration:
        from app.config_reference import markdown as configuration

        Path(args.configuration).parent.mkdir(parents=True, exist_ok=True)
        Path(args.configuration).write_text(configuration())
        print(f"configuration reference written to {args.configuration}")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="billgraph", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the GraphQL server (migrates first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--demo", action="store_true", help="load the demo organization and print its members")
    serve.add_argument(
        "--worker",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run the billing and webhook loops in this process (default: in development only)",
    )
    serve.add_argument(
        "--billing-interval", type=float, default=60.0, help="seconds between in-process billing runs"
    )
    serve.set_defaults(handler=cmd_serve)

    db = commands.add_parser("db", help="database migrations")
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(handler=cmd_db)

    create_org = commands.add_parser("create-org", help="create an organization with its first admin")
    create_org.add_argument("--name", required=True)
    create_org.add_argument("--email", required=True)
    create_org.add_argument("--password", help="for a new user (or set BILLGRAPH_ADMIN_PASSWORD)")
    create_org.set_defaults(handler=cmd_create_org)

    demo = commands.add_parser("demo", help="load the demo organization and print its members")
    demo.set_defaults(handler=cmd_demo)

    bill = commands.add_parser("bill", help="bill every subscription whose period has ended, once")
    bill.add_argument("--at", help="as if it were this ISO 8601 date-time (default: now)")
    bill.set_defaults(handler=cmd_bill)

    worker = commands.add_parser("worker", help="bill continuously and send webhooks")
    worker.add_argument("--interval", type=float, default=60.0, help="seconds between billing runs")
    worker.add_argument(
        "--webhook-interval", type=float, default=1.0, help="seconds between webhook delivery rounds"
    )
    worker.add_argument("--metrics-port", type=int, help="serve Prometheus metrics on this port")
    worker.add_argument("--metrics-host", default="127.0.0.1", help="address of the metrics port")
    worker.set_defaults(handler=cmd_worker)

    export = commands.add_parser(
        "export-schema", help="write the GraphQL SDL, docs/permissions.md and docs/configuration.md"
    )
    export.add_argument("--output", default="schema.graphql", help="file, or - for stdout")
    export.add_argument(
        "--permissions", default="docs/permissions.md", help="the permissions reference ('' to skip)"
    )
    export.add_argument(
        "--configuration",
        default="docs/configuration.md",
        help="the configuration reference ('' to skip)",
    )
    export.set_defaults(handler=cmd_export_schema)
    return root


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    settings = get_settings()
    configure(settings.log_level, settings.log_format)
    args.handler(args, settings)


if __name__ == "__main__":
    main()
