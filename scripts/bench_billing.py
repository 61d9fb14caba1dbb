"""Benchmark: one billing run for 10,000 subscriptions with 1,000,000 usage events (January 2026,
monthly plan in arrears with a STANDARD, a GRADUATED and a PERCENTAGE charge, VAT).

Prints wall time, peak memory (resident set, sampled) over the run against the process's size before
it, and the SQL statements the run issued. Run it with --events 100000 too: memory stays flat.

    .venv/bin/python -m scripts.bench_billing [--subscriptions 10000] [--events 1000000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import psutil
import sqlalchemy as sa

from app.auth.actor import Actor, ActorKind
from app.auth.permissions import ALL_PERMISSIONS
from app.billing.charges import ChargeModel
from app.db import embedded, migrate
from app.db.engine import Database, resolve_url
from app.invoicing.run import run
from app.metrics import service as metrics
from app.metrics.models import AggregationType
from app.organizations import service as organizations
from app.plans import service as plans
from app.plans.models import PlanInterval
from app.settings import Settings
from app.taxes import service as taxes
from app.users import service as users

START = datetime(2026, 1, 1, tzinfo=UTC)


async def setup(db: Database, settings: Settings, subscriptions: int, events: int) -> None:
    async with db.sessionmaker() as session, session.begin():
        user = await users.create_user(session, settings, "bench@example.com", "bench-password")
        organization, _ = await organizations.create_with_admin(session, "Bench", user)
        admin = Actor(ActorKind.USER, ALL_PERMISSIONS, frozenset({"admin"}), organization.id, user.id)
        await taxes.create_tax(session, admin, taxes.TaxInput("VAT", "vat", "20", None, True))
        ids = {}
        for code, aggregation, field in (
            ("api_calls", AggregationType.COUNT_AGG, None),
            ("storage_gb", AggregationType.MAX_AGG, "gb"),
            ("payments", AggregationType.SUM_AGG, "amount"),
        ):
            metric = await metrics.create_metric(
                session, admin, metrics.MetricInput(code, code, None, aggregation, field)
            )
            ids[code] = str(metric.id)
        plan = await plans.create_plan(
            session,
            admin,
            plans.PlanInput(
                name="Usage",
                code="usage",
                interval=PlanInterval.MONTHLY,
                amount_cents=1900,
                amount_currency="EUR",
                charges=[
                    plans.ChargeSpec(ids["api_calls"], ChargeModel.STANDARD, {"amount": "0.001"}),
                    plans.ChargeSpec(
                        ids["storage_gb"],
                        ChargeModel.GRADUATED,
                        {
                            "graduated_ranges": [
                                {
                                    "from_value": "0",
                                    "to_value": "10",
                                    "per_unit_amount": "0",
                                    "flat_amount": "0",
                                },
                                {
                                    "from_value": "10",
                                    "to_value": None,
                                    "per_unit_amount": "0.25",
                                    "flat_amount": "1",
                                },
                            ]
                        },
                    ),
                    plans.ChargeSpec(
                        ids["payments"], ChargeModel.PERCENTAGE, {"rate": "1.4", "fixed_amount": "0.25"}
                    ),
                ],
            ),
        )
        organization_id, plan_id = organization.id, plan.id
    async with db.engine.begin() as conn:
        await conn.execute(
            sa.text("""
            INSERT INTO customers (id, organization_id, external_id, name, currency, timezone, created_at, updated_at)
            SELECT gen_random_uuid(), :org, 'cus_' || n, 'Customer ' || n, 'EUR', 'UTC', now(), now()
            FROM generate_series(1, :count) AS n"""),
            {"org": organization_id, "count": subscriptions},
        )
        await conn.execute(
            sa.text("""
            INSERT INTO subscriptions (id, organization_id, customer_id, plan_id, external_id, status, billing_time,
                                       subscription_at, started_at, next_billing_at, created_at, updated_at)
            SELECT gen_random_uuid(), :org, c.id, :plan, 'sub_' || substr(c.external_id, 5), 'active', 'calendar',
                   :start, :start, :first_bill, now(), now()
            FROM customers c WHERE c.organization_id = :org"""),
            {
                "org": organization_id,
                "plan": plan_id,
                "start": START,
                "first_bill": datetime(2026, 2, 1, tzinfo=UTC),
            },
        )
        raw = await conn.get_raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        rng = random.Random(1)
        codes = ["api_calls"] * 6 + ["storage_gb"] * 2 + ["payments"] * 2

        def rows(offset: int, count: int):  # type: ignore[no-untyped-def]
            for i in range(offset, offset + count):
                code = codes[i % 10]
                props = (
                    "{}"
                    if code == "api_calls"
                    else f'{{"gb": {rng.randint(0, 40)}}}'
                    if code == "storage_gb"
                    else f'{{"amount": "{Decimal(rng.randint(100, 100000)) / 100}"}}'
                )
                yield (
                    uuid.uuid4(),
                    organization_id,
                    f"sub_{i % subscriptions + 1}",
                    f"t{i}",
                    code,
                    START + timedelta(seconds=rng.randint(0, 30 * 86400)),
                    props,
                    datetime.now(UTC),
                )

        for offset in range(0, events, 100_000):
            await driver.copy_records_to_table(
                "events",
                records=list(rows(offset, min(100_000, events - offset))),
                columns=[
                    "id",
                    "organization_id",
                    "external_subscription_id",
                    "transaction_id",
                    "code",
                    "timestamp",
                    "properties",
                    "created_at",
                ],
            )
        await driver.execute("ANALYZE events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="billgraph-bench-"))
    settings = Settings(data_dir=scratch, password_time_cost=1, password_memory_cost=8)

    async def measure() -> None:
        db = Database.connect(await resolve_url(settings), settings)
        await migrate.upgrade(db.engine)
        began = time.perf_counter()
        await setup(db, settings, args.subscriptions, args.events)
        print(
            f"setup: {args.subscriptions} subscriptions, {args.events} events in {time.perf_counter() - began:.1f} s"
        )
        statements: list[str] = []
        db.statement_hooks.append(statements.append)
        sa.event.listen(db.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        process = psutil.Process()
        before = process.memory_info().rss
        peak = before
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, process.memory_info().rss)
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        report = await run(db, datetime(2026, 2, 1, 0, 0, 1, tzinfo=UTC))
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        print(report.line())
        print(
            f"billing run: {elapsed:.1f} s wall, {len(statements)} SQL statements "
            f"({len(statements) / max(report.invoices, 1):.1f} per invoice), "
            f"resident memory {before / 2**20:.0f} MiB before, peak {peak / 2**20:.0f} MiB "
            f"(+{(peak - before) / 2**20:.0f} MiB)"
        )
        await db.dispose()

    try:
        asyncio.run(measure())
    finally:
        embedded.release()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
