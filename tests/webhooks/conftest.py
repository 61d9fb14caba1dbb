"""Registering the loopback receiver (tests/receiver.py) as an organization's webhook endpoint, and
reading the delivery log."""

from __future__ import annotations

from typing import Any

from tests.helpers import Member
from tests.receiver import Receiver

__all__ = ["CREATE_ENDPOINT", "Receiver", "endpoint", "webhooks"]

CREATE_ENDPOINT = """mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  secret webhookEndpoint { id url eventTypes signatureAlgorithm } } }"""
WEBHOOKS = """query($status: [WebhookStatus!], $endpoint: ID) {
  webhooks(status: $status, endpointId: $endpoint, limit: 100) { collection {
    id eventType objectType objectId status attempts lastResponseCode lastError deliveredAt payload
  } metadata { totalCount } } }"""


async def endpoint(admin: Member, url: str, *event_types: str) -> dict[str, Any]:
    """A new endpoint of the admin's organization (all event types unless some are given)."""
    given: dict[str, Any] = {"url": url}
    if event_types:
        given["eventTypes"] = list(event_types)
    return dict((await admin(CREATE_ENDPOINT, input=given)).ok("createWebhookEndpoint"))


async def webhooks(admin: Member, *status: str) -> list[dict[str, Any]]:
    page = (await admin(WEBHOOKS, status=list(status) or None)).ok("webhooks")
    return list(page["collection"])
