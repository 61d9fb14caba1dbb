"""Benchmark: what authorization costs, and how close the graph gets to a hand-written endpoint.

1. A 1,000-row list selecting seven guarded fields (customers with subscriptions, wallets, invoices,
   credit notes, applied coupons, MRR, gross revenue), as the admin: the real schema against the same
   schema built without any permission declaration (built only here, in a separate process, by
   patching the declarations away before the schema is imported; no setting can do this).
2. SQL statements per request of the front end's dashboard query.
3. Requests per second of ``customers(limit: 50)`` with five scalar fields through the whole GraphQL
   endpoint, against a hand-written Starlette + asyncpg endpoint returning the same JSON, in the same
   process and database: the practical ceiling.

Requests go through the ASGI app in-process (no sockets), one at a time, so that the figures compare
the code paths and nothing else.

    .venv/bin/python -m scripts.bench_authz [--rounds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

LIST = """{ customers(limit: 1000) { collection { id externalId name email currency
  subscriptions { id } wallets { id } invoices { id } creditNotes { id } appliedCoupons { id }
  mrrCents grossRevenueCents } } }"""
SMALL = "{ customers(limit: 50) { collection { id externalId name email currency } } }"
HAND_SQL = (
    "SELECT id, external_id, name, email, currency FROM customers"
    " WHERE organization_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id LIMIT 50"
)


def settings_for(data_dir: Path) -> Any:
    from app.settings import Settings

    return Settings(
        data_dir=data_dir,
        password_time_cost=1,
        password_memory_cost=8,
        max_page_size=1000,
        max_query_cost=10_000_000,
        rate_limit_user_per_second=0,
    )


async def seed(data_dir: Path) -> None:
    import sqlalchemy as sa

    from app.db import migrate
    from app.db.engine import Database, resolve_url
    from app.demo import seed as demo

    settings = settings_for(data_dir)
    db = Database.connect(await resolve_url(settings), settings)
    await migrate.upgrade(db.engine)
    async with db.sessionmaker() as session:
        loaded = await demo.load(session, settings)
        await session.commit()
    async with db.engine.begin() as connection:
        await connection.execute(
            sa.text(
                "INSERT INTO customers (id, organization_id, external_id, name, email, currency, created_at,"
                " updated_at) SELECT gen_random_uuid(), :org, 'bench_' || n, 'Customer ' || n,"
                " 'c' || n || '@example.com', 'EUR', now(), now() FROM generate_series(1, 988) AS n"
            ),
            {"org": loaded.organization.id},
        )
    await db.dispose()


async def measure(data_dir: Path, rounds: int, unguarded: bool) -> dict[str, Any]:
    if unguarded:  # before the schema is imported: every declaration becomes nothing
        import app.auth.graphql as declarations

        declarations.requires = lambda *permissions: []  # type: ignore[assignment]
        declarations.authenticated = lambda: []  # type: ignore[assignment]
        declarations.public = lambda: []  # type: ignore[assignment]
    import httpx
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from app.db.engine import Database, resolve_url
    from app.db.urls import driver_dsn
    from app.main import create_app
    from app.users import service as users

    settings = settings_for(data_dir)
    db = Database.connect(await resolve_url(settings), settings)
    await db.check_tenant_role()
    async with db.sessionmaker() as session:
        admin = await users.find_by_email(session, "admin@demo.billgraph.dev")
        assert admin is not None
        organization_id = (await users.active_memberships(session, admin.id))[0].organization_id
    app = create_app(settings, db)

    async def hand_written(request: Request) -> Response:
        rows = await db.fetch(HAND_SQL, organization_id)
        body = [
            {
                "id": str(r["id"]),
                "externalId": r["external_id"],
                "name": r["name"],
                "email": r["email"],
                "currency": r["currency"],
            }
            for r in rows
        ]
        return Response(
            json.dumps({"data": {"customers": {"collection": body}}}), media_type="application/json"
        )

    app.router.routes.append(Route("/hand-written", hand_written, methods=["POST"]))
    # as under ``billgraph serve``: the identity cache is on while its LISTEN connection is
    stop = asyncio.Event()
    listener = asyncio.create_task(app.state.identities.listen(driver_dsn(db.engine.url), stop))
    for _ in range(500):
        if app.state.identities.active:
            break
        await asyncio.sleep(0.01)
    headers = {"authorization": f"Bearer {users.access_token(settings, admin)}"}
    results: dict[str, Any] = {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:

        async def timed(path: str, body: dict[str, Any], count: int) -> list[float]:
            took = []
            for _ in range(count):
                began = time.perf_counter()
                reply = await client.post(path, json=body, headers=headers)
                took.append(time.perf_counter() - began)
                assert reply.status_code == 200, reply.text[:300]
                assert "errors" not in reply.json(), reply.text[:300]
            return took

        await timed("/graphql", {"query": LIST}, 3)  # warm up
        results["list_ms"] = statistics.median(await timed("/graphql", {"query": LIST}, rounds)) * 1000
        if not unguarded:
            from scripts.load import DASHBOARD

            statements: list[str] = []
            db.statement_hooks.append(statements.append)
            import sqlalchemy as sa

            sa.event.listen(
                db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2])
            )
            await timed("/graphql", {"query": DASHBOARD}, 1)
            statements.clear()
            await timed("/graphql", {"query": DASHBOARD}, 1)
            results["dashboard_statements"] = len(statements)
            for path, body, key in (("/graphql", {"query": SMALL}, "graph"), ("/hand-written", {}, "hand")):
                await timed(path, body, 50)
                began = time.perf_counter()
                await timed(path, body, 500)
                results[f"{key}_per_second"] = 500 / (time.perf_counter() - began)
    stop.set()
    await listener
    await db.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--measure", choices=["guarded", "unguarded"], help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(asyncio.run(measure(args.data_dir, args.rounds, args.measure == "unguarded"))))
        return
    from app.db import embedded

    data_dir = Path(tempfile.mkdtemp(prefix="billgraph-bench-"))
    try:
        asyncio.run(seed(data_dir))
        embedded.release()
        runs = {}
        for kind in ("unguarded", "guarded") * 3:  # alternate, keep the best of each
            out = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "scripts.bench_authz",
                    "--measure",
                    kind,
                    "--data-dir",
                    str(data_dir),
                    "--rounds",
                    str(args.rounds),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            best = runs.get(kind)
            if best is None or result["list_ms"] < best["list_ms"]:
                runs[kind] = {**(best or {}), **result}
        guarded, unguarded = runs["guarded"], runs["unguarded"]
        print(
            f"1,000 customers x 7 guarded fields: {guarded['list_ms']:.1f} ms with the permission checks, "
            f"{unguarded['list_ms']:.1f} ms without: overhead "
            f"{(guarded['list_ms'] / unguarded['list_ms'] - 1) * 100:+.1f} %"
        )
        print(f"dashboard query: {guarded['dashboard_statements']} SQL statements per request")
        print(
            f"customers(limit: 50) x 5 fields: GraphQL {guarded['graph_per_second']:.0f} req/s, hand-written "
            f"asyncpg + JSON {guarded['hand_per_second']:.0f} req/s: ratio "
            f"{guarded['graph_per_second'] / guarded['hand_per_second']:.2f}"
        )
    finally:
        embedded.release()
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
