"""Benchmark: the web console in headless Chromium against ``billgraph serve --demo --no-worker``.

Starts the server on a free port with a fresh database (a new database on DATABASE_URL's server, else an
embedded PostgreSQL in a temporary folder), adds customers through the graph until the demo has at least
one full page of the customers list (50), then drives Debian's Chromium (as tests/console does) and prints:

- weight: the JavaScript and CSS loaded, gzipped as the server sends them (level 9, raw when gzip is not
  smaller), from opening the sign-in page to the landing page rendered, per demo member (target <= 350 KiB, 358,400 B);
  and every file of app/console/static/assets gzipped (the whole build);
- time: from navigation (a full page load, signed in, warm HTTP cache) to the customers list showing 50
  rows, and to an invoice's detail page rendered (its fees and totals): median of 5 (target <= 1 s each);
- requests: the POST /graphql requests each screen of console/src/routes.ts issues for its first render
  (its `:id` filled with an object of the demo), the session query of the page load apart (target <= 2).

Build the console first (``cd console && npm run build``): the server serves app/console/static.

    .venv/bin/python -m scripts.bench_console [--runs 5] [--member admin@demo.billgraph.dev]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import os
import re
import statistics
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Request, sync_playwright

from scripts.server import ROOT, login, post, server_process
from tests.console.conftest import DEMO_MEMBERS, DEMO_PASSWORD, ConsoleRoute, route_table
from tests.console.test_every_screen import concrete_path

ASSETS = ROOT / "app" / "console" / "static" / "assets"
CHROMIUM = os.environ.get("BILLGRAPH_CHROMIUM", "/usr/bin/chromium")
FIRST_SCREEN_TARGET = 350 * 1024
TIME_TARGET = 1.0
REQUEST_TARGET = 2
LIST_ROWS = 50  # console/src/customers/CustomersList.tsx PAGE_SIZE
# the server's test settings: a cheap password hash (sign-in is not what is measured)
SERVER_ENV = {"BILLGRAPH_PASSWORD_TIME_COST": "1", "BILLGRAPH_PASSWORD_MEMORY_COST": "8"}


def served_size(path: Path) -> int:
    """The bytes the server sends for an asset (app/console/serving.py): gzipped at level 9 when smaller."""
    body = path.read_bytes()
    packed = gzip.compress(body, compresslevel=9, mtime=0)
    return min(len(body), len(packed))


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KiB ({size:,} B)"


@contextlib.contextmanager
def fresh_database() -> Iterator[dict[str, str]]:
    """The server's environment for a database of its own: a new one on DATABASE_URL's server (dropped
    afterwards), else none (server_process then runs an embedded PostgreSQL in a temporary folder)."""
    if not os.environ.get("DATABASE_URL"):
        yield {}
        return
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from app.db.engine import create_database_if_missing
    from app.db.urls import to_async_url, with_database

    server = to_async_url(os.environ["DATABASE_URL"])
    url = with_database(server, f"billgraph_bench_console_{uuid.uuid4().hex[:8]}")
    asyncio.run(create_database_if_missing(url))
    try:
        yield {"DATABASE_URL": url.render_as_string(hide_password=False)}
    finally:

        async def drop() -> None:
            admin = create_async_engine(with_database(server, "postgres"), isolation_level="AUTOCOMMIT")
            async with admin.connect() as conn:
                await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
            await admin.dispose()

        asyncio.run(drop())


def ok(port: int, query: str, token: str, **variables: Any) -> Any:
    answer = post(port, query, token, variables)
    assert not answer.get("errors"), answer
    return answer["data"]


@dataclass(frozen=True)
class Objects:
    """One object of each kind a route's `:id` names (tests/console/test_every_screen.py's keys)."""

    ids: dict[str, str]
    invoice_number: str


def prepare(port: int, admin: str) -> Objects:
    """At least a full page of customers (created through the graph), and the objects the routes open."""
    total = ok(port, "{ customers(limit: 1) { metadata { totalCount } } }", admin)["customers"]["metadata"][
        "totalCount"
    ]
    for n in range(total, LIST_ROWS + 10):
        ok(
            port,
            "mutation($e: String!, $n: String!) { createCustomer(input: {externalId: $e, name: $n}) { id } }",
            admin,
            e=f"cus_bench_{n:03d}",
            n=f"Bench customer {n:03d}",
        )
    found = ok(
        port,
        "{ subscriptions(limit: 1) { collection { id customer { id } } }"
        " invoices(limit: 1, status: [FINALIZED]) { collection { id number } }"
        " creditNotes(limit: 1) { collection { id } } roles { id code } }",
        admin,
    )
    subscription = found["subscriptions"]["collection"][0]
    invoice = found["invoices"]["collection"][0]
    ids = {
        "customer": subscription["customer"]["id"],
        "subscription": subscription["id"],
        "invoice": invoice["id"],
        "credit_note": found["creditNotes"]["collection"][0]["id"],
        "role": next(role["id"] for role in found["roles"] if role["code"] == "manager"),
    }
    return Objects(ids, invoice["number"])


def sign_in(page: Page, email: str) -> None:
    page.goto("/sign-in")
    page.get_by_label(re.compile(r"^Email\b")).fill(email)
    page.get_by_label(re.compile(r"^Password\b")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("navigation", name="Main").wait_for()


def settle(page: Page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.querySelector('[aria-label^=\"Loading\"]')", polling="raf")


def first_screen(browser: Browser, base_url: str, email: str) -> tuple[str, int, int, int]:
    """The landing path, the JS and CSS files loaded from the sign-in page to the landing page rendered,
    their size as served (from the build's files) and on the wire (Chromium's count)."""
    context = browser.new_context(base_url=base_url)
    try:
        page = context.new_page()
        loaded: list[Request] = []
        page.on(
            "requestfinished",
            lambda request: (
                loaded.append(request) if request.resource_type in ("script", "stylesheet") else None
            ),
        )
        sign_in(page, email)
        page.wait_for_url(lambda url: "/sign-in" not in url)
        settle(page)
        names = {request.url.rsplit("/", 1)[1] for request in loaded}
        served = sum(served_size(ASSETS / name) for name in names)
        wire = sum(request.sizes()["responseBodySize"] for request in loaded)
        return page.url.removeprefix(base_url), len(names), served, wire
    finally:
        context.close()


def timed(page: Page, path: str, rendered: str, runs: int) -> list[float]:
    """Seconds from `page.goto(path)` to the `rendered` condition (a JavaScript expression) holding."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        page.goto(path, wait_until="commit")
        page.wait_for_function(rendered, polling="raf", timeout=30_000)
        times.append(time.perf_counter() - began)
        settle(page)
    return times


def operation_name(request: Request) -> str:
    try:
        body = json.loads(request.post_data or "{}")
    except ValueError:
        return "?"
    name = body.get("operationName")
    if name:
        return str(name)
    query = str(body.get("query", "")).split("{", 1)[0].split()
    return query[1] if len(query) > 1 else "?"


def graphql_requests(
    page: Page, routes: list[ConsoleRoute], objects: Objects
) -> list[tuple[str, str, list[str]]]:
    """Per route: its concrete path and the operations of the POST /graphql requests of its first
    render (a full page load; the session query apart)."""
    seen: list[Request] = []

    def record(request: Request) -> None:
        if request.method == "POST" and request.url.endswith("/graphql"):
            seen.append(request)

    page.on("request", record)
    found = []
    for route in routes:
        try:
            path = concrete_path(route.id, route.path, objects.ids)
        except KeyError:  # a screen of an object this script does not look up: said, not hidden
            found.append((route.id, route.path, ["(skipped: no object of the demo looked up)"]))
            continue
        seen.clear()
        page.goto(path)
        page.get_by_role("heading", level=1).first.wait_for()
        if route.id == "graphiql":  # its editors keep the network busy: wait for them, then a second
            page.locator(".graphiql-container .monaco-editor").first.wait_for()
            page.wait_for_timeout(1000)
        else:
            settle(page)
        found.append((route.id, path, [operation_name(r) for r in seen]))
    page.remove_listener("request", record)
    return found


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def verdict(ok_: bool) -> str:
    return "ok" if ok_ else "OVER"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--member", default=DEMO_MEMBERS[0], help="who the times and requests are measured for"
    )
    args = parser.parse_args()
    assert (ASSETS.parent / "index.html").is_file(), "no build: run `npm run build` in console/ first"
    build = sorted(p for p in ASSETS.iterdir() if p.is_file())
    build_served = sum(served_size(p) for p in build)
    build_raw = sum(p.stat().st_size for p in build)

    with fresh_database() as database, server_process({**SERVER_ENV, **database}) as (port, _):
        base_url = f"http://127.0.0.1:{port}"
        admin = login(port, DEMO_MEMBERS[0])
        objects = prepare(port, admin)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox"], headless=True
            )
            try:
                weights = [(email, *first_screen(browser, base_url, email)) for email in DEMO_MEMBERS]
                context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sign_in(page, args.member)
                settle(page)
                list_rows = (
                    "() => document.querySelectorAll('table[aria-label=\"Customers\"] tbody tr').length"
                    f" >= {LIST_ROWS}"
                )
                detail = (
                    f"() => [...document.querySelectorAll('h1')].some(h => h.textContent === 'Invoice {objects.invoice_number}')"
                    " && document.querySelector('table[aria-label=\"Fees\"] tbody tr') !== null"
                    " && document.querySelector('table[aria-label=\"Totals\"]') !== null"
                )
                times: dict[str, list[float]] = {
                    f"customers list, {LIST_ROWS} rows": timed(page, "/customers", list_rows, args.runs),
                    "invoice detail": timed(page, f"/invoices/{objects.ids['invoice']}", detail, args.runs),
                }
                requests = graphql_requests(page, route_table(), objects)
                context.close()
            finally:
                browser.close()

    print(f"console build: {len(build)} files in app/console/static/assets")
    print("\n(a) JavaScript and CSS, gzipped as served")
    rows = [
        [email, landing, str(files), kb(served), kb(wire), verdict(served <= FIRST_SCREEN_TARGET)]
        for email, landing, files, served, wire in weights
    ]
    rows.append(
        ["whole build (every asset)", "", str(len(build)), kb(build_served), f"raw {kb(build_raw)}", ""]
    )
    print(table(["first screen of", "landing", "files", "gzipped", "on the wire", "<= 350 KiB"], rows))

    print(
        f"\n(b) time from navigation to rendered, {args.member}, {args.runs} runs (full page load, warm cache)"
    )
    rows = [
        [
            name,
            f"{statistics.median(t) * 1000:.0f} ms",
            f"{min(t) * 1000:.0f} ms",
            f"{max(t) * 1000:.0f} ms",
            verdict(statistics.median(t) <= TIME_TARGET),
        ]
        for name, t in times.items()
    ]
    print(table(["screen", "median", "min", "max", "<= 1 s"], rows))

    print(
        f"\n(c) POST /graphql for a screen's first render, {args.member} (the session query of the load apart)"
    )
    rows = []
    for route_id, path, operations in requests:
        if operations and operations[0].startswith("(skipped"):
            rows.append([route_id, path, "-", operations[0], "-"])
            continue
        own = [op for op in operations if op != "Session"]
        rows.append(
            [route_id, path, str(len(own)), ", ".join(own) or "-", verdict(len(own) <= REQUEST_TARGET)]
        )
    print(table(["route", "path", "requests", "operations", "<= 2"], rows))


if __name__ == "__main__":
    main()
