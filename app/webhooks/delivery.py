"""Sending webhooks (the worker): due deliveries are taken with ``FOR UPDATE SKIP LOCKED`` (several
workers never send the same one), posted signed, and recorded in the same transaction: succeeded on a
2xx, otherwise retried later with an exponential backoff until the last attempt fails it. A crash
between the receiver's 2xx and the commit sends it again: receivers dedupe on the webhook id."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import sqlalchemy as sa
from cryptography.fernet import InvalidToken

from app.core.crypto import decrypt
from app.db.engine import Database
from app.observability.metrics import WEBHOOKS
from app.settings import Settings
from app.webhooks import signing
from app.webhooks.addresses import resolves_internal
from app.webhooks.models import Webhook, WebhookEndpoint, WebhookStatus

MAX_DELAY = timedelta(hours=6)
log = logging.getLogger("billgraph.webhooks")


@dataclass
class DeliveryReport:
    sent: int = 0
    succeeded: int = 0
    retrying: int = 0
    failed: int = 0


def backoff(settings: Settings, attempts: int) -> timedelta:
    """The wait before attempt ``attempts + 1``: the base, doubled for each attempt so far."""
    return min(MAX_DELAY, timedelta(seconds=settings.webhook_retry_base_seconds * 2 ** (attempts - 1)))


async def _post(
    client: httpx.AsyncClient, settings: Settings, endpoint: WebhookEndpoint, webhook: Webhook
) -> tuple[int | None, str | None]:
    if not settings.webhooks_to_private_addresses and await resolves_internal(endpoint.url):
        return None, "the endpoint's host is an internal address"
    try:
        secret = decrypt(settings, endpoint.secret_encrypted)
    except InvalidToken:
        return None, "the signing secret cannot be read: the encryption key changed"
    body = json.dumps(webhook.payload, separators=(",", ":")).encode()
    headers = {
        "content-type": "application/json",
        "user-agent": "billgraph-webhooks",
        signing.HEADER: signing.signature(secret, int(time.time()), body),
        signing.ID_HEADER: str(webhook.id),
        signing.EVENT_HEADER: webhook.event_type.value,
    }
    try:
        reply = await client.post(endpoint.url, content=body, headers=headers)
    except httpx.HTTPError as error:
        return None, f"{type(error).__name__}: {error}"[:500]
    return reply.status_code, None if reply.is_success else f"HTTP {reply.status_code}"


@asynccontextmanager
async def _client(settings: Settings, given: httpx.AsyncClient | None) -> AsyncIterator[httpx.AsyncClient]:
    """The given client, or a new one closed at the end."""
    if given is not None:
        yield given
        return
    async with httpx.AsyncClient(timeout=settings.webhook_timeout_seconds, follow_redirects=False) as own:
        yield own


def _record(
    settings: Settings,
    webhook: Webhook,
    endpoint: WebhookEndpoint,
    code: int | None,
    error: str | None,
    now: datetime,
    report: DeliveryReport,
) -> None:
    """An attempt's outcome: succeeded, retried later with backoff, or failed after the last attempt
    (or when the endpoint is gone)."""
    report.sent += 1
    webhook.attempts += 1
    webhook.last_attempt_at, webhook.last_response_code, webhook.last_error = now, code, error
    if error is None:
        webhook.status, webhook.delivered_at, webhook.next_attempt_at = WebhookStatus.SUCCEEDED, now, None
        report.succeeded += 1
        return
    log.warning(
        "webhook delivery failed",
        extra={"webhook_id": str(webhook.id), "attempt": webhook.attempts, "error": error, "status": code},
    )
    if webhook.attempts >= settings.webhook_max_attempts or endpoint.deleted_at:
        webhook.status, webhook.next_attempt_at = WebhookStatus.FAILED, None
        report.failed += 1
    else:
        webhook.next_attempt_at = now + backoff(settings, webhook.attempts)
        report.retrying += 1


async def deliver_due(
    db: Database, settings: Settings, *, limit: int = 100, client: httpx.AsyncClient | None = None
) -> DeliveryReport:
    """Send the deliveries that are due (at most ``limit``), concurrently, and record each outcome."""
    report = DeliveryReport()
    async with _client(settings, client) as http, db.sessionmaker() as session, session.begin():
        due = (
            await session.scalars(
                sa.select(Webhook)
                .where(Webhook.status == WebhookStatus.PENDING, Webhook.next_attempt_at <= datetime.now(UTC))
                .order_by(Webhook.next_attempt_at)
                .limit(limit)
                .with_for_update(key_share=True, skip_locked=True)
            )
        ).all()
        if not due:
            return report
        endpoints = {
            e.id: e
            for e in await session.scalars(
                sa.select(WebhookEndpoint).where(WebhookEndpoint.id.in_({w.endpoint_id for w in due}))
            )
        }
        outcomes = await asyncio.gather(*(_post(http, settings, endpoints[w.endpoint_id], w) for w in due))
        now = datetime.now(UTC)
        for webhook, (code, error) in zip(due, outcomes, strict=True):
            _record(settings, webhook, endpoints[webhook.endpoint_id], code, error, now, report)
    for outcome, count in (
        ("succeeded", report.succeeded),
        ("retrying", report.retrying),
        ("failed", report.failed),
    ):
        if count:
            WEBHOOKS.labels(outcome).inc(count)  # committed
    return report
