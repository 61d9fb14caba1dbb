"""``billgraph serve`` runs the billing and webhook loops in its own process in development (a real
subprocess): an ended period is invoiced with no other command; ``--no-worker`` turns them off; SIGTERM
stops the loops with the server."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import create_async_engine

from app.db.engine import create_database_if_missing
from app.db.urls import with_database

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
async def serve_url(database_url: URL) -> AsyncIterator[str]:
    url = with_database(database_url, f"{database_url.database}_serve_worker")
    await create_database_if_missing(url)
    yield url.render_as_string(hide_password=False)
    admin = create_async_engine(with_database(database_url, "postgres"), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    await admin.dispose()


class Served:
    def __init__(self, port: int, process: subprocess.Popen[str]) -> None:
        self.port, self.process, self.output = port, process, ""

    def call(self, query: str, token: str | None = None, **variables: Any) -> Any:
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        body = json.dumps({"query": query, "variables": variables}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/graphql", data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as reply:
            answer = json.loads(reply.read())
        assert not answer.get("errors"), answer
        return answer["data"]


@contextmanager
def serve(database_url: str, *flags: str, environment: str = "development") -> Iterator[Served]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "BILLGRAPH_SECRET_KEY": "serve-test-key-" + "k" * 40,
        "BILLGRAPH_PASSWORD_TIME_COST": "1",
        "BILLGRAPH_PASSWORD_MEMORY_COST": "8",
        "BILLGRAPH_RATE_LIMIT_ANONYMOUS_PER_SECOND": "0",
    }
    env["BILLGRAPH_ENVIRONMENT"] = environment
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), *flags],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    served = Served(port, process)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                assert process.poll() is None, "the server stopped"
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        yield served
    finally:
        process.send_signal(signal.SIGTERM)
        served.output, _ = process.communicate(timeout=30)


def _ended_subscription(served: Served, email: str) -> str:
    token = served.call(
        "mutation($e: String!) { registerUser(input: {email: $e, password: 'long enough password', "
        "organizationName: 'Loops'}) { token } }".replace("'", '"'),
        e=email,
    )["registerUser"]["token"]
    customer = served.call(
        'mutation { createCustomer(input: {externalId: "c1", name: "C1", currency: "EUR"}) { id } }', token
    )["createCustomer"]["id"]
    plan = served.call(
        'mutation { createPlan(input: {name: "Basic", code: "basic", interval: MONTHLY, amountCents: 1000, '
        'amountCurrency: "EUR", payInAdvance: false}) { id } }',
        token,
    )["createPlan"]["id"]
    started = (datetime.now(UTC) - timedelta(days=70)).isoformat()
    served.call(
        "mutation($c: ID!, $p: ID!, $at: DateTime!) { createSubscription(input: {customerId: $c, planId: $p, "
        'externalId: "s1", subscriptionAt: $at}) { id } }',
        token,
        c=customer,
        p=plan,
        at=started,
    )
    return str(token)


def _invoices(served: Served, token: str) -> list[dict[str, Any]]:
    data = served.call("{ invoices { collection { totalAmountCents } } }", token)
    return list(data["invoices"]["collection"])


def test_serve_bills_an_ended_period_without_another_command(serve_url: str) -> None:
    with serve(serve_url, "--billing-interval", "0.5") as served:
        token = _ended_subscription(served, "loops-on@example.com")
        deadline = time.monotonic() + 20
        while not (invoices := _invoices(served, token)):
            assert time.monotonic() < deadline, "no invoice appeared"
            time.sleep(0.3)
    # uvicorn re-raises SIGTERM once its graceful shutdown (the lifespan, the loops with it) is over
    assert served.process.returncode in (0, -signal.SIGTERM), served.output
    assert len(invoices) >= 2  # the ended periods of 70 days, the first one prorated
    assert all(invoice["totalAmountCents"] > 0 for invoice in invoices)
    base = f"http://127.0.0.1:{served.port}"
    assert f"Console:               {base}/" in served.output
    assert f"GraphiQL:              {base}/graphql" in served.output
    assert "Billing/webhook loops: running in this process" in served.output
    stopped = served.output.index("billing and webhook loops stopped")
    assert stopped < served.output.index("Application shutdown complete.")
    assert "Traceback" not in served.output


def test_with_no_worker_serve_bills_nothing(serve_url: str) -> None:
    with serve(serve_url, "--no-worker", "--billing-interval", "0.2") as served:
        token = _ended_subscription(served, "loops-off@example.com")
        time.sleep(3)
        invoices = _invoices(served, token)
    assert served.process.returncode in (0, -signal.SIGTERM), served.output
    assert invoices == []
    assert "Billing/webhook loops: not in this process" in served.output


def test_in_production_serve_leaves_the_loops_to_workers_unless_asked(serve_url: str) -> None:
    with serve(serve_url, "--billing-interval", "0.2", environment="production") as served:
        token = _ended_subscription(served, "loops-production@example.com")
        time.sleep(2)
        invoices = _invoices(served, token)
    assert invoices == []
    assert "Billing/webhook loops: not in this process (run `billgraph worker`)" in served.output
    with serve(serve_url, "--worker", "--billing-interval", "0.2", environment="production") as served:
        deadline = time.monotonic() + 20
        while not _invoices(served, token):
            assert time.monotonic() < deadline, "--worker in production billed nothing"
            time.sleep(0.3)
    assert "Billing/webhook loops: running in this process" in served.output
