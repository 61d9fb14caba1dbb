"""Webhook endpoints: the signing secret once (stored encrypted, redacted in the audit log), URLs
checked, the event types chosen, `developers:manage` both ways, another organization's endpoint
NOT_FOUND."""

from __future__ import annotations

import sqlalchemy as sa

from app.core.crypto import decrypt
from app.db.engine import Database
from app.settings import Settings
from app.webhooks.models import WebhookEndpoint
from tests.conftest import make_client, settings_for_tests
from tests.helpers import Api, Factory
from tests.webhooks.conftest import CREATE_ENDPOINT, endpoint

LIST = (
    "{ webhookEndpoints { id url eventTypes signatureAlgorithm } organization { webhookEndpoints { id } } }"
)
UPDATE = """mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) {
  id url eventTypes } }"""
DESTROY = "mutation($id: ID!) { destroyWebhookEndpoint(input: {id: $id}) { id } }"
AUDIT = """{ auditLogs(operation: "createWebhookEndpoint") { collection { objectType changes } } }"""


async def test_the_secret_is_shown_once_and_stored_encrypted(
    factory: Factory, db: Database, settings: Settings
) -> None:
    org = await factory.organization()

    created = await endpoint(org.admin, "https://hooks.example.com/billing", "INVOICE_CREATED")
    listed = (await org.admin(LIST)).ok()
    audit = (await org.admin(AUDIT)).ok("auditLogs")["collection"]

    assert created["secret"].startswith("whsec_")
    assert created["webhookEndpoint"] | {"id": ""} == {
        "id": "",
        "url": "https://hooks.example.com/billing",
        "eventTypes": ["INVOICE_CREATED"],
        "signatureAlgorithm": "HMAC_SHA256",
    }
    assert listed["webhookEndpoints"] == [created["webhookEndpoint"]]
    assert listed["organization"]["webhookEndpoints"] == [{"id": created["webhookEndpoint"]["id"]}]
    async with db.sessionmaker() as session:
        stored = await session.scalar(sa.select(WebhookEndpoint.secret_encrypted))
    assert stored is not None
    assert created["secret"] not in stored
    assert decrypt(settings, stored) == created["secret"]
    assert audit[0]["objectType"] == "WebhookEndpoint"
    assert audit[0]["changes"][0]["changes"]["secret_encrypted"] == "[REDACTED]"


async def test_an_endpoint_is_updated_and_destroyed(factory: Factory) -> None:
    org = await factory.organization()
    created = (await endpoint(org.admin, "https://hooks.example.com/a"))["webhookEndpoint"]

    updated = (
        await org.admin(
            UPDATE,
            input={
                "id": created["id"],
                "url": "https://hooks.example.com/b",
                "eventTypes": ["SUBSCRIPTION_STARTED", "INVOICE_VOIDED", "SUBSCRIPTION_STARTED"],
            },
        )
    ).ok("updateWebhookEndpoint")
    destroyed = await org.admin(DESTROY, id=created["id"])
    again = await org.admin(DESTROY, id=created["id"])

    assert updated == {
        "id": created["id"],
        "url": "https://hooks.example.com/b",
        "eventTypes": ["INVOICE_VOIDED", "SUBSCRIPTION_STARTED"],
    }
    assert destroyed.ok("destroyWebhookEndpoint") == {"id": created["id"]}
    assert (await org.admin(LIST)).ok("webhookEndpoints") == []
    assert again.code == "NOT_FOUND"


async def test_bad_urls_are_validation_errors_naming_the_field(factory: Factory) -> None:
    org = await factory.organization()

    answers = [
        await org.admin(CREATE_ENDPOINT, input={"url": url})
        for url in ("ftp://hooks.example.com", "not a url", "https://", "http://example.com:99999/")
    ]

    assert [a.code for a in answers] == ["VALIDATION_ERROR"] * 4
    assert {tuple(a.error()["extensions"]["fields"]) for a in answers} == {("url",)}
    assert (await org.admin(LIST)).ok("webhookEndpoints") == []


async def test_internal_addresses_are_refused_in_production(db: Database, factory: Factory) -> None:
    production = settings_for_tests(environment="production")
    org = await factory.organization()
    async with make_client(production, db) as client:
        api = Api(client)
        refused = [
            await api(CREATE_ENDPOINT, {"input": {"url": url}}, token=org.admin.token)
            for url in ("http://127.0.0.1:8000/x", "http://169.254.169.254/latest", "http://localhost/h")
        ]
        accepted = await api(CREATE_ENDPOINT, {"input": {"url": "https://8.8.8.8/h"}}, token=org.admin.token)

    assert [r.error()["extensions"]["fields"] for r in refused] == [
        {"url": "must not point at a loopback, private or link-local address"}
    ] * 3
    assert accepted.ok("createWebhookEndpoint")["webhookEndpoint"]["url"] == "https://8.8.8.8/h"


async def test_only_developers_manage_holders_manage_endpoints(factory: Factory) -> None:
    org = await factory.organization()
    manager = await factory.member(org, "manager")
    finance = await factory.member(org, "finance")
    await factory.role(org, "integrator", ["developers:manage"])
    integrator = await factory.member(org, "integrator")
    created = (await endpoint(org.admin, "https://hooks.example.com/a"))["webhookEndpoint"]

    denied = [
        await caller(query, **variables)
        for caller in (manager, finance)
        for query, variables in (
            (CREATE_ENDPOINT, {"input": {"url": "https://x.example.com"}}),
            (DESTROY, {"id": created["id"]}),
            ("{ webhookEndpoints { id } }", {}),
            ("{ organization { name webhookEndpoints { id } } }", {}),
        )
    ]
    allowed = (await integrator("{ webhookEndpoints { id } }")).ok("webhookEndpoints")

    assert [d.code for d in denied] == ["FORBIDDEN"] * 8
    assert {tuple(d.error()["extensions"]["requiredPermissions"]) for d in denied} == {("developers:manage",)}
    assert denied[3].data == {"organization": {"name": org.name, "webhookEndpoints": None}}
    assert allowed == [{"id": created["id"]}]


async def test_another_organizations_endpoint_is_not_found(factory: Factory) -> None:
    ours, theirs = await factory.organization(), await factory.organization()
    created = (await endpoint(theirs.admin, "https://hooks.example.com/a"))["webhookEndpoint"]

    updated = await ours.admin(UPDATE, input={"id": created["id"], "url": "https://evil.example.com"})
    destroyed = await ours.admin(DESTROY, id=created["id"])
    listed = (await ours.admin(LIST)).ok("webhookEndpoints")

    assert (updated.code, destroyed.code, listed) == ("NOT_FOUND", "NOT_FOUND", [])
    assert (await theirs.admin(LIST)).ok("webhookEndpoints")[0]["url"] == "https://hooks.example.com/a"
