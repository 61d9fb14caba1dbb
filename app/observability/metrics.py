"""Prometheus metrics of a process: requests, errors and latency per operation, the database pool, and
the business counters (events ingested, invoices issued, webhook deliveries).

Each process has its own registry: the server exposes it on ``/metrics``, a worker on its own port
(``billgraph worker --metrics-port``). Business counters count what was committed: a request's after
its commit, from the changes its mutations recorded; a worker's after each batch it commits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

REGISTRY = CollectorRegistry()
MAX_OPERATIONS = 500  # distinct operation labels kept; the rest count as "other"

REQUESTS = Counter(
    "billgraph_requests", "Requests answered, per operation.", ["operation"], registry=REGISTRY
)
ERRORS = Counter(
    "billgraph_request_errors",
    "Errors answered, per operation and error code (one request may carry several).",
    ["operation", "code"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "billgraph_request_duration_seconds",
    "Time from the request to the end of its response, per operation.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
EVENTS = Counter(
    "billgraph_events_ingested", "Usage events received, by outcome.", ["status"], registry=REGISTRY
)
INVOICES = Counter("billgraph_invoices_issued", "Invoices issued (drafts included).", registry=REGISTRY)
WORKER_ROUNDS = Counter(
    "billgraph_worker_rounds",
    "Rounds of a worker's loops (billing, webhooks), by outcome: a stalled worker stops counting.",
    ["loop", "outcome"],
    registry=REGISTRY,
)
WEBHOOKS = Counter(
    "billgraph_webhook_deliveries", "Webhook delivery attempts, by outcome.", ["outcome"], registry=REGISTRY
)

_known: set[str] = set()


def operation_label(operation: str) -> str:
    """``operation``, or ``other`` once ``MAX_OPERATIONS`` distinct ones have been seen (bounded series)."""
    if operation in _known:
        return operation
    if len(_known) >= MAX_OPERATIONS:
        return "other"
    _known.add(operation)
    return operation


def record_request(operation: str, seconds: float, error_codes: list[str]) -> None:
    label = operation_label(operation)
    REQUESTS.labels(label).inc()
    LATENCY.labels(label).observe(seconds)
    for code in error_codes:
        ERRORS.labels(label, code).inc()


class PoolCollector(Collector):
    """The database connection pool, read when scraped."""

    def __init__(self) -> None:
        self.engine: Any = None  # the pool is replaced when the database went away: read it each time

    def collect(self) -> Iterator[GaugeMetricFamily]:
        pool = self.engine.sync_engine.pool if self.engine is not None else None
        if pool is None or not hasattr(pool, "checkedout"):
            return
        gauge = GaugeMetricFamily(
            "billgraph_db_pool_connections",
            "Database connections of this process, by state.",
            labels=["state"],
        )
        gauge.add_metric(["in_use"], pool.checkedout())
        gauge.add_metric(["idle"], pool.checkedin())
        gauge.add_metric(["overflow"], max(0, pool.overflow()))
        gauge.add_metric(["capacity"], pool.size())
        yield gauge


POOL = PoolCollector()
REGISTRY.register(POOL)


def render() -> bytes:
    return generate_latest(REGISTRY)


def count_committed(changes: list[dict[str, Any]]) -> None:
    """The business counters of a request's committed changes (as the audit log describes them):
    invoices created, and event batches ingested."""
    for change in changes:
        if change["type"] == "Invoice" and change["action"] == "create":
            INVOICES.inc()
        elif change["type"] == "EventBatch":
            count_events(change["changes"])


def count_events(by_status: dict[str, int]) -> None:
    for status, count in by_status.items():
        if count:
            EVENTS.labels(status).inc(count)
