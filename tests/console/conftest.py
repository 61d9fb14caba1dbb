"""A live ``billgraph serve --demo`` for the browser tests, and headless Chromium driven by Playwright.

The browser is Debian's ``chromium`` (``apt-get install -y chromium``), driven through
``executable_path``: Playwright never downloads a browser. Without it these tests fail, never skip."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine

from app.db.engine import create_database_if_missing
from app.db.urls import with_database

ROOT = Path(__file__).resolve().parents[2]
# Waits are for a loaded CI machine (browser, server and PostgreSQL on two cores): an assertion or an
# action waits up to 10 s for what it expects, a navigation 20 s. A test that passes takes no longer.
WAIT_MS, NAVIGATION_WAIT_MS = 10_000, 20_000
expect.set_options(timeout=WAIT_MS)
CHROMIUM = os.environ.get("BILLGRAPH_CHROMIUM", "/usr/bin/chromium")
DEMO_PASSWORD = "billgraph-demo"
DEMO_MEMBERS = ("admin@demo.billgraph.dev", "manager@demo.billgraph.dev", "finance@demo.billgraph.dev")


@dataclass(frozen=True)
class ConsoleRoute:
    """One entry of console/src/routes.ts, read from the source (the table the console itself reads)."""

    id: str
    path: str
    title: str
    permissions: frozenset[str]
    nav: bool


def route_table() -> list[ConsoleRoute]:
    source = (ROOT / "console" / "src" / "routes.ts").read_text()
    table = source.split("export const ROUTES", 1)[1].split("\n];", 1)[0]
    entries = re.findall(r"\{\s*id:.*?\n  \}", table, flags=re.S)
    routes = []
    for entry in entries:

        def field(name: str, text: str = entry) -> str:
            found = re.search(rf"\b{name}:\s*(.+?),\n", text)
            assert found, f"routes.ts: no {name} in {text}"
            return found.group(1)

        routes.append(
            ConsoleRoute(
                id=json.loads(field("id")),
                path=json.loads(field("path")),
                title=json.loads(field("title")),
                permissions=frozenset(json.loads(field("permissions"))),
                nav=field("nav") == "true",
            )
        )
    assert routes, "routes.ts: no route found"
    return routes


def landing_preference() -> list[str]:
    source = (ROOT / "console" / "src" / "routes.ts").read_text()
    found = re.search(r"LANDING_PREFERENCE[^=]*=\s*(\[[^\]]*\])", source)
    assert found, "routes.ts: no LANDING_PREFERENCE"
    return list(json.loads(found.group(1)))


@dataclass
class LiveServer:
    url: str
    port: int

    def graphql(
        self, query: str, token: str | None = None, organization: str | None = None, **variables: Any
    ) -> dict[str, Any]:
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        if organization:
            headers["x-organization-id"] = organization
        body = json.dumps({"query": query, "variables": variables}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as reply:
            return json.loads(reply.read())  # type: ignore[no-any-return]

    def ok(
        self, query: str, token: str | None = None, organization: str | None = None, **variables: Any
    ) -> Any:
        answer = self.graphql(query, token, organization, **variables)
        assert not answer.get("errors"), answer
        return answer["data"]

    def login(self, email: str, password: str = DEMO_PASSWORD) -> str:
        query = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
        return str(self.ok(query, e=email, p=password)["loginUser"]["token"])

    def permissions(
        self, email: str, password: str = DEMO_PASSWORD, organization: str | None = None
    ) -> frozenset[str]:
        answer = self.ok("{ currentMembership { permissions } }", self.login(email, password), organization)
        return frozenset(answer["currentMembership"]["permissions"])


@dataclass(frozen=True)
class TwoOrganizationMember:
    """A person in two organizations: admin of their own, and in the demo one with a custom role that
    opens few screens of the console (audit_logs:view only: the audit log at most, as the route table
    says)."""

    email: str
    password: str
    own: tuple[str, str]  # id, name
    demo: tuple[str, str]
    custom_role_permissions: frozenset[str]


@pytest.fixture(scope="session")
def two_organization_member(live_server: LiveServer) -> TwoOrganizationMember:
    email, password = "auditor@second.example", "second organization password"
    registered = live_server.ok(
        "mutation($e: String!, $p: String!) { registerUser(input: {email: $e, password: $p, "
        'organizationName: "Second Organization"}) { token user { memberships { organization { id name } } } } }',
        e=email,
        p=password,
    )["registerUser"]
    own = registered["user"]["memberships"][0]["organization"]
    admin = live_server.login(DEMO_MEMBERS[0])
    demo = live_server.ok("{ currentMembership { organization { id name } } }", admin)["currentMembership"]
    permissions = ["audit_logs:view"]
    live_server.ok(
        'mutation($p: [String!]!) { createRole(input: {code: "auditor", name: "Auditor", permissions: $p}) { id } }',
        admin,
        p=permissions,
    )
    invite = live_server.ok(
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["auditor"]}) { invite { token } } }',
        admin,
        e=email,
    )["createInvite"]["invite"]["token"]
    live_server.ok(
        "mutation($t: String!) { acceptInvite(input: {token: $t}) { token } }", registered["token"], t=invite
    )
    return TwoOrganizationMember(
        email,
        password,
        (own["id"], own["name"]),
        (demo["organization"]["id"], demo["organization"]["name"]),
        frozenset(permissions),
    )


@pytest.fixture(scope="session")
async def console_database(database_url: URL) -> AsyncIterator[str]:
    url = with_database(database_url, f"{database_url.database}_console")
    await create_database_if_missing(url)
    yield url.render_as_string(hide_password=False)
    admin = create_async_engine(with_database(database_url, "postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture(scope="session")
def live_server(console_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {
        **os.environ,
        "DATABASE_URL": console_database,
        "BILLGRAPH_SECRET_KEY": "console-test-key-" + "k" * 40,
        "BILLGRAPH_PASSWORD_TIME_COST": "1",
        "BILLGRAPH_PASSWORD_MEMORY_COST": "8",
        "BILLGRAPH_LOG_LEVEL": "WARNING",
        "BILLGRAPH_RATE_LIMIT_USER_PER_SECOND": "0",
        "BILLGRAPH_RATE_LIMIT_KEY_PER_SECOND": "0",
        "BILLGRAPH_RATE_LIMIT_ANONYMOUS_PER_SECOND": "0",
    }
    log = tmp_path_factory.mktemp("console-server") / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            # --no-worker: the tests bill with `billgraph bill` at chosen dates; in-process loops billing
            # the demo at wall-clock time beside them would race with what they assert
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--demo", "--no-worker"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the server did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.2)
        yield LiveServer(f"http://127.0.0.1:{port}", port)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def ensure_chromium() -> None:
    """Debian's Chromium, installed on first use where the tests may (root with apt-get), so that the
    README's test command gets it on a fresh machine; the browser tests are never skipped."""
    if shutil.which(CHROMIUM) or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "install", "-y", "-q", "chromium"], ["apt-get", "update", "-q"]):
        subprocess.run(command, env=quiet, capture_output=True, timeout=900, check=False)
        if shutil.which(CHROMIUM):
            return
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "chromium"],
        env=quiet,
        capture_output=True,
        timeout=900,
        check=False,
    )


def ensure_console_modules() -> Path:
    """console/'s pinned dev dependencies (axe-core for the accessibility checks), installed with
    ``npm ci`` from the committed lock on first use."""
    axe = ROOT / "console" / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        assert shutil.which("npm"), "npm is needed for the console's tests (Node.js 20)"
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "console", check=True, timeout=900
        )
    return axe


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    ensure_chromium()
    assert shutil.which(CHROMIUM), (
        f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install -y chromium) "
        "or set BILLGRAPH_CHROMIUM; the browser tests are never skipped"
    )
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox"], headless=True
        )
        yield launched
        await launched.close()


def record_problems(tab: Page) -> list[str]:
    """Script errors, CSP refusals and the console's own FORBIDDEN or INTERNAL_ERROR answers on `tab`,
    collected as they happen (a test asserts the list is empty at its end)."""
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def on_console(message: Any) -> None:
        # A refused sign-in or an ended session answers 401, which Chromium logs: expected.
        if message.type == "error" and "status of 401" not in message.text:
            problems.append(f"console {message.type}: {message.text}")

    tab.on("console", on_console)

    async def on_response(response: Any) -> None:
        if response.url.endswith("/graphql") and response.request.method == "POST":
            try:
                body = await response.json()
            except Exception:
                return
            for error in body.get("errors") or []:
                code = (error.get("extensions") or {}).get("code")
                if code in ("FORBIDDEN", "INTERNAL_ERROR"):
                    problems.append(f"GraphQL {code} at {error.get('path')}: {error.get('message')}")

    tab.on("response", on_response)
    return problems


async def console_context(browser: Browser, live_server: LiveServer, **options: Any) -> BrowserContext:
    """A browser context on the live server, with the suite's waits (``options``: Playwright's)."""
    context = await browser.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(NAVIGATION_WAIT_MS)
    return context


@pytest.fixture
async def page(browser: Browser, live_server: LiveServer) -> AsyncIterator[Page]:
    """A fresh browser context on the live server that records script errors, CSP refusals and the
    console's GraphQL errors; a test fails if any happened that it did not expect."""
    context = await console_context(browser, live_server)
    tab = await context.new_page()
    problems = record_problems(tab)
    yield tab
    await context.close()
    assert not problems, problems


@functools.cache
def axe_script() -> Path:
    return ensure_console_modules()


@pytest.fixture
async def axe_page(browser: Browser, live_server: LiveServer) -> AsyncIterator[Page]:
    axe_script()
    context = await console_context(browser, live_server, bypass_csp=True)
    yield await context.new_page()
    await context.close()


async def serious_violations(page: Page, known: dict[str, str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the page. ``known`` maps a rule to a CSS selector
    of third-party markup it is known to fail inside (and that we cannot change): those nodes only
    are left out, the rule still runs everywhere else. Transitions finish first (a modal fading in
    is measured at its final colours)."""
    await page.wait_for_function(
        """() => document.getAnimations().every((animation) =>
            animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity)"""
    )
    # a dialog is measured once it and its ancestors are fully opaque (Mantine fades modals in by
    # script-driven steps, which a loaded machine stretches)
    await page.wait_for_function(
        """() => [...document.querySelectorAll('[role="dialog"]')].every((dialog) => {
            for (let node = dialog; node; node = node.parentElement) {
              if (getComputedStyle(node).opacity !== '1') return false;
            }
            return true;
        })"""
    )
    await page.add_script_tag(path=str(axe_script()))
    result: dict[str, Any] = await page.evaluate(
        """async (known) => {
          const result = await axe.run(document, {resultTypes: ['violations']});
          for (const violation of result.violations) {
            const inside = known[violation.id];
            if (!inside) continue;
            violation.nodes = violation.nodes.filter(
              (node) => !document.querySelector(node.target[0])?.closest(inside));
          }
          result.violations = result.violations.filter((violation) => violation.nodes.length > 0);
          return result;
        }""",
        known or {},
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
