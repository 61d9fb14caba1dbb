"""Benchmark: exporting a year of invoices for 10,000 customers as CSV from a running server.

Sets up 10,000 monthly subscriptions (a plan with three charges, VAT) with usage in January, bills the
whole year (120,000 invoices), then starts ``billgraph serve`` on that database and downloads the
accounting export twice: one month, then the whole year. Prints rows per second, and the server's
peak resident memory above its size before each export: flat in the number of rows (streamed from a
server-side cursor, never held).

    .venv/bin/python -m scripts.bench_export [--customers 10000] [--events 200000]
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import shutil
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

from app.db import embedded, migrate
from app.db.engine import Database, resolve_url
from app.invoicing.run import run
from app.settings import Settings
from scripts.bench_billing import setup
from scripts.server import post, server_process


def bill_a_year(scratch: Path, customers: int, events: int) -> None:
    settings = Settings(data_dir=scratch, password_time_cost=1, password_memory_cost=8)

    async def prepare() -> None:
        db = Database.connect(await resolve_url(settings), settings)
        await migrate.upgrade(db.engine)
        began = time.perf_counter()
        await setup(db, settings, customers, events)
        report = await run(db, datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC))
        print(
            f"setup: {customers} customers billed for a year: {report.invoices} invoices "
            f"in {time.perf_counter() - began:.0f} s"
        )
        await db.dispose()

    asyncio.run(prepare())
    embedded.release()


def download(port: int, token: str, first: str, last: str, pid: int) -> None:
    server = psutil.Process(pid)
    before = peak = server.memory_info().rss
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, server.memory_info().rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request(
        "GET",
        f"/api/v1/exports/invoices.csv?from={first}&to={last}",
        headers={"authorization": f"Bearer {token}"},
    )
    reply = connection.getresponse()
    assert reply.status == 200, reply.read()
    size = lines = 0
    while chunk := reply.read(1 << 16):
        size += len(chunk)
        lines += chunk.count(b"\r\n")
    elapsed = time.perf_counter() - began
    done.set()
    sampler.join()
    rows = lines - 1
    print(
        f"export {first}..{last}: {rows} rows, {size / 2**20:.1f} MiB in {elapsed:.1f} s = "
        f"{rows / elapsed:,.0f} rows/s; server memory {before / 2**20:.0f} MiB before, "
        f"peak {peak / 2**20:.0f} MiB (+{(peak - before) / 2**20:.1f} MiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=200_000)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="billgraph-bench-"))
    try:
        bill_a_year(scratch, args.customers, args.events)
        with server_process(data_dir=scratch) as (port, pid):
            query = 'mutation { loginUser(input: {email: "bench@example.com", password: "bench-password"}) { token } }'
            token = post(port, query)["data"]["loginUser"]["token"]
            download(port, token, "2026-02-01", "2026-02-28", pid)  # warm up, and one month
            download(port, token, "2026-02-01", "2026-02-28", pid)
            download(port, token, "2026-01-01", "2027-01-31", pid)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
