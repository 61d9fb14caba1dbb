"""Benchmark: the catalogue's two list queries with 100 rows per page.

    plans(limit: 100) { charges { billableMetric { code } } taxes { rate } }
    customers(limit: 100) { ... }

Prints SQL statements per request (counted in-process on the same database) and requests per second
against a live server, as the demo admin, on a scratch database holding 100 plans and 100 customers.

    .venv/bin/python -m scripts.bench_catalogue [--seconds 10] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from app.db import embedded
from app.db.engine import Database, resolve_url
from app.main import create_app
from app.settings import Settings
from scripts.loadgen import graphql_request, run
from scripts.server import login, post, running_server

PLANS = """{ plans(limit: 100) { collection { code name amountCents
  charges { chargeModel billableMetric { code } } taxes { rate } } metadata { totalCount } } }"""
CUSTOMERS = """{ customers(limit: 100) { collection { externalId name email currency timezone
  billingAddress { country } taxes { code } } metadata { totalCount } } }"""


def seed(port: int, token: str) -> None:
    metrics = post(port, "{ billableMetrics { collection { id code } } }", token)["data"]["billableMetrics"]
    ids = [m["id"] for m in metrics["collection"]][:3]
    create_plan = "mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }"
    create_customer = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }"
    for index in range(97):  # the demo has 3
        charges = [
            {"billableMetricId": ids[0], "chargeModel": "STANDARD", "properties": {"amount": "0.001"}},
            {
                "billableMetricId": ids[1],
                "chargeModel": "PACKAGE",
                "properties": {"amount": "5", "packageSize": 10},
            },
            {
                "billableMetricId": ids[2],
                "chargeModel": "GRADUATED",
                "properties": {
                    "graduatedRanges": [
                        {"fromValue": "0", "toValue": "10", "perUnitAmount": "1"},
                        {"fromValue": "10", "perUnitAmount": "0.5"},
                    ]
                },
            },
        ]
        plan = {
            "name": f"Plan {index}",
            "code": f"plan_{index}",
            "interval": "MONTHLY",
            "amountCents": 1000 + index,
            "amountCurrency": "EUR",
            "taxCodes": ["vat_20"],
            "charges": charges,
        }
        assert "errors" not in post(port, create_plan, token, {"input": plan})
    for index in range(88):  # the demo has 12
        customer = {
            "externalId": f"cus_{index}",
            "name": f"Customer {index}",
            "email": f"c{index}@example.com",
            "currency": "EUR",
            "taxCodes": ["vat_20"],
            "billingAddress": {"country": "FR"},
        }
        assert "errors" not in post(port, create_customer, token, {"input": customer})


async def statements_per_request(settings: Settings, token: str, query: str) -> tuple[int, int]:
    db = Database.connect(await resolve_url(settings), settings)
    counted: list[str] = []
    db.statement_hooks.append(counted.append)
    sa.event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: counted.append(a[2]))
    transport = httpx.ASGITransport(app=create_app(settings, db))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        reply = await client.post(
            "/graphql", json={"query": query}, headers={"authorization": f"Bearer {token}"}
        )
    await db.dispose()
    rows = len(next(iter(reply.json()["data"].values()))["collection"])
    return len(counted), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="billgraph-bench-"))
    try:
        with running_server(data_dir=scratch) as port:
            token = login(port, "admin@demo.billgraph.dev")
            seed(port, token)
            settings = Settings(data_dir=scratch)
            for name, query in (
                ("plans(limit: 100) + charges, metrics, taxes", PLANS),
                ("customers(limit: 100)", CUSTOMERS),
            ):
                statements, rows = asyncio.run(statements_per_request(settings, token, query))
                request = graphql_request(
                    "127.0.0.1", port, {"query": query}, {"Authorization": f"Bearer {token}"}
                )

                def ok(body: bytes) -> bool:
                    data: dict[str, Any] = json.loads(body)["data"]
                    return len(next(iter(data.values()))["collection"]) == 100

                result = asyncio.run(
                    run(
                        name,
                        "127.0.0.1",
                        port,
                        request,
                        concurrency=args.concurrency,
                        seconds=args.seconds,
                        ok=ok,
                    )
                )
                print(f"{result.line()}  rows {rows}  statements/request {statements}")
    finally:
        embedded.release()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
