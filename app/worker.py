"""The background worker: billing runs every ``billing_interval`` seconds and webhook deliveries every
``delivery_interval`` seconds (at once again while a round found a full batch), until ``stop`` is set.
Several workers may run on one database: both loops take their rows with ``SKIP LOCKED``. A database
that goes away is waited out; anything else is logged and tried again at the next round."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.db.availability import is_unavailable
from app.db.engine import Database
from app.invoicing.run import run as billing_run
from app.observability.metrics import WORKER_ROUNDS
from app.settings import Settings
from app.webhooks.delivery import deliver_due

log = logging.getLogger("billgraph.worker")

DELIVERY_BATCH = 100


async def _rounds(
    db: Database, name: str, interval: float, stop: asyncio.Event, one: Callable[[], Awaitable[bool]]
) -> None:
    """Call ``one`` every ``interval`` seconds; at once again when it says there is more to do."""
    while not stop.is_set():
        more, outcome = False, "failed"
        try:
            more = await one()
            outcome = "ok"
        except Exception as error:
            if is_unavailable(error):
                log.warning("%s: database unavailable; next round in %s s", name, interval)
                await db.forget_connections()
            else:
                log.exception("%s failed; next round in %s s", name, interval)
        WORKER_ROUNDS.labels(name, outcome).inc()
        if more:
            await asyncio.sleep(0)
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), interval)


async def work(
    db: Database,
    settings: Settings,
    stop: asyncio.Event,
    *,
    billing_interval: float = 60.0,
    delivery_interval: float = 1.0,
) -> None:
    async def bill() -> bool:
        await billing_run(db, datetime.now(UTC))  # logs its report
        return False

    async def deliver() -> bool:
        report = await deliver_due(db, settings, limit=DELIVERY_BATCH)
        if report.sent:
            log.info(
                "webhooks: %s sent, %s succeeded, %s to retry, %s failed",
                report.sent,
                report.succeeded,
                report.retrying,
                report.failed,
            )
        return report.sent == DELIVERY_BATCH

    await asyncio.gather(
        _rounds(db, "billing", billing_interval, stop, bill),
        _rounds(db, "webhooks", delivery_interval, stop, deliver),
    )


@dataclass(frozen=True)
class Background:
    """The loops of ``work`` run inside the server's process (``billgraph serve`` in development): each
    round opens its own sessions from ``db``, so nothing is shared with the requests being served."""

    billing_interval: float = 60.0
    delivery_interval: float = 1.0

    async def run(self, db: Database, settings: Settings, stop: asyncio.Event) -> None:
        log.info("billing and webhook loops running in this process")
        await work(
            db,
            settings,
            stop,
            billing_interval=self.billing_interval,
            delivery_interval=self.delivery_interval,
        )
        log.info("billing and webhook loops stopped")
