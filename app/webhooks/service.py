"""Webhook endpoints (where an organization's webhooks go) and the delivery log."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core.crypto import encrypt
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest
from app.db.pagination import paginate
from app.settings import Settings
from app.webhooks.addresses import literal_is_internal, noncanonical_ipv4
from app.webhooks.models import (
    SignatureAlgorithm,
    Webhook,
    WebhookEndpoint,
    WebhookEventType,
    WebhookStatus,
)
from app.webhooks.outbox import forget_endpoints, live_endpoints

# Endpoints of one organization (as at the best-known payment platform): every event is sent to each.
MAX_ENDPOINTS = 16


@dataclass
class IssuedEndpoint:
    """A new endpoint and its signing secret, shown this once."""

    endpoint: WebhookEndpoint
    secret: str

    @property
    def audit_subject(self) -> WebhookEndpoint:
        return self.endpoint


def _url(errors: Collector, settings: Settings, url: str) -> str:
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and len(cleaned) <= 2048
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        valid = False
    if not valid:
        errors.add("url", "must be an http(s) URL with a host, at most 2048 characters")
    elif noncanonical_ipv4(parts.hostname or ""):  # in every mode: a disguise
        errors.add("url", "must write an IPv4 address as four decimal octets, such as 192.0.2.1")
    elif not settings.webhooks_to_private_addresses and literal_is_internal(cleaned):
        errors.add("url", "must not point at a loopback, private or link-local address")
    return cleaned


async def _endpoint(
    session: AsyncSession, organization_id: uuid.UUID, endpoint_id: uuid.UUID
) -> WebhookEndpoint:
    endpoint = await session.scalar(
        sa.select(WebhookEndpoint).where(
            WebhookEndpoint.id == endpoint_id,
            WebhookEndpoint.organization_id == organization_id,
            WebhookEndpoint.deleted_at.is_(None),
        )
    )
    if endpoint is None:
        raise NotFound("Webhook endpoint")
    return endpoint


async def create_endpoint(
    session: AsyncSession,
    settings: Settings,
    actor: Actor,
    url: str,
    event_types: list[WebhookEventType] | None,
    algorithm: SignatureAlgorithm,
) -> IssuedEndpoint:
    errors = Collector()
    cleaned = _url(errors, settings, url)
    errors.raise_if_any()
    live = await session.scalar(
        sa.select(sa.func.count())
        .select_from(WebhookEndpoint)
        .where(WebhookEndpoint.organization_id == actor.org(), WebhookEndpoint.deleted_at.is_(None))
    )
    if (live or 0) >= MAX_ENDPOINTS:
        raise ValidationFailed.one("url", f"an organization has at most {MAX_ENDPOINTS} webhook endpoints")
    secret = "whsec_" + secrets.token_urlsafe(32)
    endpoint = WebhookEndpoint(
        organization_id=actor.org(),
        url=cleaned,
        event_types=sorted({t.value for t in event_types or []}),
        signature_algorithm=algorithm,
        secret_encrypted=encrypt(settings, secret),
    )
    session.add(endpoint)
    await session.flush()
    forget_endpoints(session)
    return IssuedEndpoint(endpoint, secret)


async def update_endpoint(
    session: AsyncSession,
    settings: Settings,
    actor: Actor,
    endpoint_id: uuid.UUID,
    url: str | None,
    event_types: list[WebhookEventType] | None,
) -> WebhookEndpoint:
    endpoint = await _endpoint(session, actor.org(), endpoint_id)
    errors = Collector()
    if url is not None:
        endpoint.url = _url(errors, settings, url)
    if event_types is not None:
        endpoint.event_types = sorted({t.value for t in event_types})
    errors.raise_if_any()
    await session.flush()
    forget_endpoints(session)
    return endpoint


async def destroy_endpoint(session: AsyncSession, actor: Actor, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    """Stop sending to it; its pending deliveries fail, the log stays."""
    endpoint = await _endpoint(session, actor.org(), endpoint_id)
    endpoint.deleted_at = datetime.now(UTC)
    await session.execute(
        sa.update(Webhook)
        .where(Webhook.endpoint_id == endpoint.id, Webhook.status == WebhookStatus.PENDING)
        .values(
            status=WebhookStatus.FAILED,
            next_attempt_at=None,
            last_error=sa.func.left(
                sa.func.concat_ws("; last attempt: ", "endpoint destroyed", Webhook.last_error), 500
            ),
        )
        .execution_options(synchronize_session=False)
    )
    await session.flush()
    forget_endpoints(session)
    return endpoint


list_endpoints = live_endpoints


@dataclass(frozen=True)
class WebhookFilter:
    endpoint_id: uuid.UUID | None = None
    statuses: list[WebhookStatus] | None = None
    event_types: list[WebhookEventType] | None = None


async def list_webhooks(
    session: AsyncSession, organization_id: uuid.UUID, filters: WebhookFilter, page: PageRequest
) -> Page[Webhook]:
    query = sa.select(Webhook).where(Webhook.organization_id == organization_id)
    if filters.endpoint_id:
        query = query.where(Webhook.endpoint_id == filters.endpoint_id)
    if filters.statuses:
        query = query.where(Webhook.status.in_(filters.statuses))
    if filters.event_types:
        query = query.where(Webhook.event_type.in_(filters.event_types))
    return await paginate(session, query.order_by(Webhook.created_at.desc(), Webhook.id), page)


async def retry_webhook(session: AsyncSession, actor: Actor, webhook_id: uuid.UUID) -> Webhook:
    """Send a failed delivery again now (with a fresh round of attempts)."""
    webhook = await session.scalar(
        sa.select(Webhook)
        .where(Webhook.id == webhook_id, Webhook.organization_id == actor.org())
        .with_for_update(key_share=True)
    )
    if webhook is None:
        raise NotFound("Webhook")
    if webhook.status is not WebhookStatus.FAILED:
        raise ValidationFailed.one(
            "id", f"only a failed webhook is retried (this one is {webhook.status.value})"
        )
    await _endpoint(session, actor.org(), webhook.endpoint_id)  # not to a destroyed endpoint
    webhook.status, webhook.attempts, webhook.next_attempt_at = WebhookStatus.PENDING, 0, datetime.now(UTC)
    await session.flush()
    return webhook
