"""Sending webhooks (the worker): due deliveries are taken with ``FOR UPDATE SKIP LOCKED`` (several
workers never send the same one), posted signed to an address of the endpoint's host checked for this
very delivery (addresses.py), and recorded in the same transaction: succeeded on a 2xx, otherwise
retried later with an exponential backoff until the last attempt fails it. A crash between the
receiver's 2xx and the commit sends it again: receivers dedupe on the webhook id."""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpcore
import httpx
import sqlalchemy as sa
from cryptography.fernet import InvalidToken

from app.core.crypto import decrypt
from app.db.engine import Database
from app.observability.metrics import WEBHOOKS
from app.settings import Settings
from app.webhooks import signing
from app.webhooks.addresses import Destination, Refused, Resolver, destination, system_resolver
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


_PINNED: ContextVar[Destination | None] = ContextVar("webhook_destination", default=None)


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to the checked addresses of the delivery under way: it never resolves a name."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        pinned = _PINNED.get()
        if pinned is None or (pinned.host, pinned.port) != (host, port):
            raise httpcore.ConnectError("no checked address for this host")
        failure = httpcore.ConnectError("no address")
        for address in pinned.addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as error:
                failure = error
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("webhooks are not sent over Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, verify: ssl.SSLContext | bool) -> None:
        super().__init__(verify=verify, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            network_backend=_PinnedBackend(),
        )


def _failure(error: httpx.HTTPError) -> str:
    """What went wrong, without the messages of the layers below (they name the address connected to)."""
    cause: BaseException | None = error
    for _ in range(8):
        if cause is None or isinstance(cause, ssl.SSLError):
            break
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, ssl.SSLCertVerificationError):
        what = "TLS certificate verification failed"
    elif isinstance(cause, ssl.SSLError):
        what = "TLS error"
    elif isinstance(error, httpx.TimeoutException):
        what = "timed out"
    elif isinstance(error, httpx.ConnectError):
        what = "connection failed"
    elif isinstance(error, httpx.NetworkError):
        what = "connection lost"
    elif isinstance(error, httpx.RemoteProtocolError):
        what = "the receiver broke the HTTP protocol"
    else:
        what = "request failed"
    return f"{type(error).__name__}: {what}"


class Sender:
    """Posts webhooks. Each delivery resolves the endpoint's host once (with ``resolver``), checks every
    address, and connects to a checked one; the Host header and TLS (SNI, certificate) keep the name.
    No proxy from the environment, no redirects."""

    def __init__(
        self,
        settings: Settings,
        *,
        resolver: Resolver = system_resolver,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self._settings, self._resolver = settings, resolver
        self._client = httpx.AsyncClient(
            transport=_PinnedTransport(verify),
            timeout=settings.webhook_timeout_seconds,
            follow_redirects=False,
            trust_env=False,
        )

    async def __aenter__(self) -> Sender:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._client.aclose()

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str | None]:
        """The reply's status and the error (None on a 2xx)."""
        try:
            target = httpx.URL(url)
            host = target.raw_host.decode("ascii")
        except (httpx.InvalidURL, UnicodeError):
            return None, "the endpoint's URL is invalid"
        port = target.port or (443 if target.scheme == "https" else 80)
        allow = self._settings.webhooks_to_private_addresses
        try:
            pinned = await destination(host, port, self._resolver, allow_internal=allow)
        except Refused as refused:
            return None, str(refused)
        token = _PINNED.set(pinned)
        try:
            reply = await self._client.post(target, content=body, headers=headers)
        except httpx.HTTPError as error:
            return None, _failure(error)
        finally:
            _PINNED.reset(token)
        return reply.status_code, None if reply.is_success else f"HTTP {reply.status_code}"


async def _post(
    sender: Sender, settings: Settings, endpoint: WebhookEndpoint, webhook: Webhook
) -> tuple[int | None, str | None]:
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
    return await sender.post(endpoint.url, body, headers)


@asynccontextmanager
async def _sender(settings: Settings, given: Sender | None) -> AsyncIterator[Sender]:
    """The given sender, or a new one closed at the end."""
    if given is not None:
        yield given
        return
    async with Sender(settings) as own:
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
    db: Database, settings: Settings, *, limit: int = 100, sender: Sender | None = None
) -> DeliveryReport:
    """Send the deliveries that are due (at most ``limit``), concurrently, and record each outcome."""
    report = DeliveryReport()
    async with _sender(settings, sender) as http, db.sessionmaker() as session, session.begin():
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
