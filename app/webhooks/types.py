from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from app.webhooks.models import SignatureAlgorithm, Webhook, WebhookEndpoint, WebhookEventType, WebhookStatus

strawberry.enum(WebhookEventType, name="WebhookEventType")
strawberry.enum(SignatureAlgorithm, name="WebhookSignatureAlgorithm")
strawberry.enum(WebhookStatus, name="WebhookStatus")


@strawberry.type(
    name="WebhookEndpoint",
    description="Where the organization's webhooks are posted, signed (X-Billgraph-Signature). Its "
    "secret is shown once, on creation.",
)
class WebhookEndpointType:
    id: strawberry.ID
    url: str
    signature_algorithm: SignatureAlgorithm
    created_at: datetime

    @strawberry.field(description="Types sent to it; empty: every type.")
    def event_types(self, root: strawberry.Parent[WebhookEndpoint]) -> list[WebhookEventType]:
        return [WebhookEventType(value) for value in root.event_types]


@strawberry.type(name="IssuedWebhookEndpointPayload")
class IssuedWebhookEndpointPayload:
    webhook_endpoint: WebhookEndpointType
    secret: str = strawberry.field(description="The signing secret: shown this once, never again.")


@strawberry.type(name="Webhook", description="One delivery of one event to one endpoint, and its log.")
class WebhookType:
    id: strawberry.ID
    endpoint_id: strawberry.ID
    event_type: WebhookEventType
    object_type: str
    object_id: strawberry.ID | None
    status: WebhookStatus
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_response_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime

    @strawberry.field(description="The body that is posted.")
    def payload(self, root: strawberry.Parent[Webhook]) -> JSON:
        return root.payload


@strawberry.input
class CreateWebhookEndpointInput:
    url: str
    event_types: list[WebhookEventType] | None = strawberry.field(default=None, description="None: all.")
    signature_algorithm: SignatureAlgorithm = SignatureAlgorithm.HMAC_SHA256


@strawberry.input
class UpdateWebhookEndpointInput:
    id: strawberry.ID
    url: str | None = None
    event_types: list[WebhookEventType] | None = None


@strawberry.input
class WebhookEndpointIdInput:
    id: strawberry.ID


@strawberry.input
class WebhookIdInput:
    id: strawberry.ID


def issued(payload: Any) -> IssuedWebhookEndpointPayload:
    return IssuedWebhookEndpointPayload(webhook_endpoint=payload.endpoint, secret=payload.secret)
