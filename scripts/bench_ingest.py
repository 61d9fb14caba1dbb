"""Benchmark: usage ingestion through POST /api/v1/events/batch (1,000 events a request, an API key,
concurrent clients) against a raw asyncpg bulk insert of the same kind of rows into the same table,
in the same run. Targets: at least 50 % of the raw rate, and at least 30,000 events per second.

    .venv/bin/python -m scripts.bench_ingest [--seconds 10] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from app.db import embedded
from app.db.urls import driver_dsn, with_database
from scripts.loadgen import run
from scripts.server import login, post, running_server

BATCH = 1000
RAW_INSERT = """INSERT INTO events
    (organization_id, external_subscription_id, transaction_id, code, timestamp, properties)
SELECT $1, e.ext, e.tx, e.code, e.ts, e.props::jsonb
FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS e(ext, tx, code, ts, props)
ON CONFLICT (organization_id, external_subscription_id, transaction_id) DO NOTHING"""


def prepare(port: int) -> tuple[str, str]:
    """A subscription to send usage for, and an API key allowed to send it; the organization's id."""
    token = login(port, "admin@demo.billgraph.dev")
    data = post(
        port,
        "{ plans { collection { id code } } customers { collection { id } } organization { id } }",
        token,
    )
    plan = next(p["id"] for p in data["data"]["plans"]["collection"] if p["code"] == "starter")
    customer = data["data"]["customers"]["collection"][0]["id"]
    subscribe = """mutation($c: ID!, $p: ID!) {
      createSubscription(input: {customerId: $c, planId: $p, externalId: "sub_bench"}) { id } }"""
    assert "errors" not in post(port, subscribe, token, {"c": customer, "p": plan})
    key = post(port, 'mutation { createApiKey(input: {name: "bench", roles: ["admin"]}) { secret } }', token)
    return key["data"]["createApiKey"]["secret"], data["data"]["organization"]["id"]


async def raw_rate(dsn: str, organization_id: str, seconds: float, concurrency: int) -> float:
    """The same rows straight into the same table, over as many connections as the endpoint's clients."""
    counter = itertools.count()
    now = datetime.now(UTC)
    rows = 0

    async def writer() -> None:
        nonlocal rows
        connection = await asyncpg.connect(dsn)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            ids = [f"raw-{next(counter)}" for _ in range(BATCH)]
            await connection.execute(
                RAW_INSERT,
                organization_id,
                ["sub_bench"] * BATCH,
                ids,
                ["api_calls"] * BATCH,
                [now] * BATCH,
                ['{"region": "eu"}'] * BATCH,
            )
            rows += BATCH
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(writer() for _ in range(concurrency)))
    return rows / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="billgraph-bench-"))
    try:
        with running_server(data_dir=scratch) as port:
            secret, organization_id = prepare(port)
            dsn = driver_dsn(with_database(embedded.start(scratch), "billgraph"))
            counter = itertools.count()

            def batch() -> bytes:
                start = next(counter) * BATCH
                events = [
                    {
                        "transaction_id": f"api-{start + i}",
                        "external_subscription_id": "sub_bench",
                        "code": "api_calls",
                        "properties": {"region": "eu"},
                    }
                    for i in range(BATCH)
                ]
                body = json.dumps({"events": events}).encode()
                head = (
                    f"POST /api/v1/events/batch HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                    f"Content-Type: application/json\r\nAuthorization: Bearer {secret}\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n"
                )
                return head.encode() + body

            def stored_all(body: bytes) -> bool:
                return bool(json.loads(body)["created"] == BATCH)

            raw = asyncio.run(raw_rate(dsn, organization_id, args.seconds, args.concurrency))
            result = asyncio.run(
                run(
                    "POST /api/v1/events/batch (1,000 events)",
                    "127.0.0.1",
                    port,
                    batch,
                    concurrency=args.concurrency,
                    seconds=args.seconds,
                    ok=stored_all,
                )
            )
            endpoint = result.rate * BATCH
            print(f"raw asyncpg bulk insert, {args.concurrency} connections  {raw:>9.0f} rows/s")
            print(
                f"batch endpoint                                  {endpoint:>9.0f} events/s  "
                f"p50 {result.percentile(50):.1f} ms  p99 {result.percentile(99):.1f} ms  "
                f"errors {result.errors}"
            )
            print(f"endpoint / raw: {endpoint / raw:.0%} (target >= 50%), absolute target >= 30,000 events/s")
    finally:
        embedded.release()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
