"""The billgraph command, run as a real process against a database of its own."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine

from app.db import migrate
from app.db.engine import create_database_if_missing
from app.db.urls import with_database
from app.graphql.schema import sdl

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
async def cli_url(database_url: URL) -> AsyncIterator[str]:
    url = with_database(database_url, f"{database_url.database}_cli")
    await create_database_if_missing(url)
    yield url.render_as_string(hide_password=False)
    admin = create_async_engine(with_database(database_url, "postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()


def billgraph(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "BILLGRAPH_PASSWORD_TIME_COST": "1",
        "BILLGRAPH_PASSWORD_MEMORY_COST": "8",
        "BILLGRAPH_SECRET_KEY": "cli-test-key-" + "k" * 40,
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_export_schema_prints_the_committed_sdl() -> None:
    result = billgraph("postgresql://unused@localhost/unused", "export-schema", "--output", "-")

    assert result.returncode == 0, result.stderr
    assert result.stdout == sdl()


def test_db_upgrade_brings_the_database_to_head(cli_url: str) -> None:
    result = billgraph(cli_url, "db", "upgrade")

    assert result.returncode == 0, result.stderr
    head = migrate.head_revision()
    assert f"database at revision {head} (head: {head})" in result.stdout


def test_create_org_makes_an_organization_with_its_first_admin(cli_url: str) -> None:
    created = billgraph(
        cli_url, "create-org", "--name", "Initech", "--email", "bill@initech.com", "--password", "tps-reports"
    )
    missing_password = billgraph(cli_url, "create-org", "--name", "Other", "--email", "new@initech.com")

    assert created.returncode == 0, created.stderr
    assert "admin: bill@initech.com" in created.stdout
    assert missing_password.returncode != 0
    assert "needs --password" in missing_password.stderr


def test_demo_loads_once_and_prints_every_member(cli_url: str) -> None:
    first = billgraph(cli_url, "demo")
    second = billgraph(cli_url, "demo")

    assert first.returncode == 0, first.stderr
    assert "created" in first.stdout
    assert "already loaded" in second.stdout
    lines = first.stdout.splitlines()
    assert "Console:  http://127.0.0.1:8000/ (after `billgraph serve`)" in lines
    assert "GraphiQL: http://127.0.0.1:8000/graphql" in lines
    members = [line.split() for line in lines if "@demo.billgraph.dev" in line]
    assert members == [
        ["admin", "admin@demo.billgraph.dev", "billgraph-demo"],
        ["manager", "manager@demo.billgraph.dev", "billgraph-demo"],
        ["finance", "finance@demo.billgraph.dev", "billgraph-demo"],
        ["finance", "finance2@demo.billgraph.dev", "billgraph-demo"],
    ]
    member_lines = [line for line in lines if "@demo.billgraph.dev" in line]
    assert len({line.index(" billgraph-demo") for line in member_lines}) == 1  # aligned columns
    assert " created in " in first.stdout


def _post(port: int, body: dict[str, object], token: str | None = None) -> dict[str, object]:
    headers = {"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps(body).encode(), headers=headers
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.loads(reply.read())  # type: ignore[no-any-return]


def test_serve_answers_on_its_port_and_stops_cleanly(cli_url: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DATABASE_URL": cli_url,
        "BILLGRAPH_SECRET_KEY": "cli-test-key-" + "k" * 40,
        "BILLGRAPH_PASSWORD_TIME_COST": "1",
        "BILLGRAPH_PASSWORD_MEMORY_COST": "8",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as reply:
                    assert json.loads(reply.read()) == {
                        "status": "ok",
                        "database": "ok",
                        "migration": migrate.head_revision(),
                    }
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        login = _post(
            port,
            {
                "query": 'mutation { loginUser(input: {email: "manager@demo.billgraph.dev", '
                'password: "billgraph-demo"}) { token } }'
            },
        )
        token = login["data"]["loginUser"]["token"]  # type: ignore[index]
        me = _post(port, {"query": "{ currentMembership { roles { code } } }"}, token)
        assert me == {"data": {"currentMembership": {"roles": [{"code": "manager"}]}}}
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=20)
    logged = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    requests = [entry for entry in logged if entry["logger"] == "billgraph.request"]
    assert [(r["operation"], r["status"], r["caller_type"]) for r in requests] == [
        ("mutation loginUser", 200, "anonymous"),
        ("query currentMembership", 200, "user"),
    ]
    assert "Application shutdown complete." in [entry["message"] for entry in logged]
    assert token not in output
    assert "billgraph-demo" not in "".join(line for line in output.splitlines() if line.startswith("{"))


def test_the_worker_serves_its_metrics_and_stops_on_sigterm(cli_url: str) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    worker = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker", "--interval", "3600", "--metrics-port", str(port)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": cli_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        scraped = ""
        while 'billgraph_worker_rounds_total{loop="billing",outcome="ok"} 1.0' not in scraped:
            assert time.monotonic() < deadline, "the worker did not finish a billing round:\n" + scraped
            time.sleep(0.2)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as reply:
                    scraped = reply.read().decode()
            except OSError:
                continue
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=20)
    assert worker.returncode == 0, output
    assert "billgraph_invoices_issued_total" in scraped
    assert 'billgraph_worker_rounds_total{loop="webhooks",outcome="ok"}' in scraped
    assert 'billgraph_db_pool_connections{state="capacity"}' in scraped
    assert "billing run at" in output


def test_bill_runs_once_and_reports(cli_url: str) -> None:
    result = billgraph(cli_url, "bill", "--at", "2026-02-01T00:00:00Z")
    bad = billgraph(cli_url, "bill", "--at", "yesterday")

    assert result.returncode == 0, result.stderr
    assert "billing run at 2026-02-01T00:00:00+00:00:" in result.stdout
    assert bad.returncode != 0
    assert "not an ISO 8601 date-time" in bad.stderr
