"""Accounting integrations: credentials write-only (encrypted, redacted, never returned), settings per
kind with defaults, mappings checked against the organization's objects, the permissions both ways and
another organization's integration NOT_FOUND."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from app.core.crypto import decrypt
from app.db.engine import Database
from app.integrations.models import Integration
from app.settings import Settings
from tests.catalogue import metric, tax
from tests.helpers import Factory, Member

FIELDS = """id kind name code settings credentialsUpdatedAt
  mappings { mappableType mappableId itemCode accountCode taxCode name }"""
CREATE = "mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) {" + FIELDS + "} }"
UPDATE = "mutation($input: UpdateIntegrationInput!) { updateIntegration(input: $input) {" + FIELDS + "} }"
DESTROY = "mutation($id: ID!) { destroyIntegration(input: {id: $id}) { id } }"
MAP = """mutation($id: ID!, $mappings: [IntegrationMappingInput!]!) {
  setIntegrationMappings(input: {integrationId: $id, mappings: $mappings}) {
    mappings { id mappableType mappableId itemCode accountCode taxCode name } } }"""
UNMAP = "mutation($id: ID!) { destroyIntegrationMapping(input: {id: $id}) { id } }"
LIST = "{ integrations { id code } organization { integrations { id } } }"
XERO_CREDENTIALS = {"clientId": "xero-client", "clientSecret": "xero-very-secret"}


def xero(**extra: Any) -> dict[str, Any]:
    return {"kind": "XERO", "name": "Xero", "code": "xero", "credentials": XERO_CREDENTIALS, **extra}


async def create(member: Member, **given: Any) -> dict[str, Any]:
    return dict((await member(CREATE, input=given)).ok("createIntegration"))


async def test_credentials_are_write_only_and_encrypted(
    factory: Factory, db: Database, settings: Settings
) -> None:
    org = await factory.organization()

    created = await create(org.admin, **xero(settings={"brandingTheme": "Standard"}))
    audit = (await org.admin('{ auditLogs(operation: "createIntegration") { collection { changes } } }')).ok(
        "auditLogs"
    )["collection"]

    assert created["kind"] == "XERO"
    assert created["settings"] == {
        "dateFormat": "DD/MM/YYYY",
        "noTaxType": "Tax Exempt",
        "brandingTheme": "Standard",
    }
    assert created["credentialsUpdatedAt"] is not None
    assert "xero-very-secret" not in json.dumps(created)
    async with db.sessionmaker() as session:
        stored = await session.scalar(sa.select(Integration.credentials_encrypted))
    assert stored is not None
    assert "xero-very-secret" not in stored
    assert json.loads(decrypt(settings, stored)) == XERO_CREDENTIALS
    assert audit[0]["changes"][0]["changes"]["credentials_encrypted"] == "[REDACTED]"
    assert "xero-very-secret" not in json.dumps(audit)


async def test_settings_merge_credentials_are_replaced_whole(
    factory: Factory, db: Database, settings: Settings
) -> None:
    org = await factory.organization()
    created = await create(org.admin, **xero(settings={"brandingTheme": "Standard"}))

    updated = (
        await org.admin(
            UPDATE,
            input={
                "id": created["id"],
                "name": "Xero UK",
                "settings": {"dateFormat": "YYYY-MM-DD", "brandingTheme": None},
                "credentials": {"clientId": "new-id", "clientSecret": "new-secret"},
            },
        )
    ).ok("updateIntegration")

    assert (updated["name"], updated["settings"]) == (
        "Xero UK",
        {"dateFormat": "YYYY-MM-DD", "noTaxType": "Tax Exempt"},
    )
    assert updated["credentialsUpdatedAt"] > created["credentialsUpdatedAt"]
    async with db.sessionmaker() as session:
        stored = await session.scalar(sa.select(Integration.credentials_encrypted))
    assert json.loads(decrypt(settings, str(stored))) == {"clientId": "new-id", "clientSecret": "new-secret"}


async def test_each_kind_checks_its_settings_and_credentials(factory: Factory) -> None:
    org = await factory.organization()

    missing = await org.admin(CREATE, input=xero(credentials={"clientId": "x"}))
    unknown = await org.admin(
        CREATE,
        input=xero(
            credentials={**XERO_CREDENTIALS, "token": "t"}, settings={"dateFormat": "DD.MM.YY", "nope": "1"}
        ),
    )
    netsuite = await org.admin(
        CREATE,
        input={"kind": "NETSUITE", "name": "NetSuite", "code": "ns", "credentials": "secret", "settings": []},
    )
    taken = [await org.admin(CREATE, input=xero()) for _ in range(2)][1]

    assert missing.error()["extensions"]["fields"] == {"credentials.clientSecret": "is required"}
    assert unknown.error()["extensions"]["fields"] == {
        "settings.dateFormat": "must be one of DD/MM/YYYY, MM/DD/YYYY, YYYY-MM-DD",
        "settings.nope": "is not a XERO setting (known: dateFormat, noTaxType, brandingTheme)",
        "credentials.token": "is not a XERO credential (known: clientId, clientSecret)",
    }
    assert netsuite.error()["extensions"]["fields"] == {
        "settings": "must be an object",
        "credentials": "must be an object",
        "credentials.consumerKey": "is required",
        "credentials.consumerSecret": "is required",
        "credentials.tokenId": "is required",
        "credentials.tokenSecret": "is required",
    }
    assert taken.error()["extensions"]["fields"] == {"code": "is already used by another integration"}
    assert len((await org.admin(LIST)).ok("integrations")) == 1


async def test_mappings_point_at_the_organizations_objects(factory: Factory) -> None:
    org, other = await factory.organization(), await factory.organization()
    integration = await create(org.admin, **xero())
    calls = await metric(org.admin, "api_calls")
    vat = await tax(org.admin, "vat", "20")
    foreign = await metric(other.admin, "foreign")

    mapped = (
        await org.admin(
            MAP,
            id=integration["id"],
            mappings=[
                {
                    "mappableType": "BILLABLE_METRIC",
                    "mappableId": calls["id"],
                    "accountCode": "200",
                    "itemCode": "API",
                },
                {"mappableType": "TAX", "mappableId": vat["id"], "taxCode": "20% (VAT on Income)"},
                {"mappableType": "COUPON", "accountCode": "260"},
                {"mappableType": "FALLBACK_ITEM", "accountCode": "200"},
            ],
        )
    ).ok("setIntegrationMappings")["mappings"]
    replaced = (
        await org.admin(
            MAP, id=integration["id"], mappings=[{"mappableType": "COUPON", "accountCode": "270"}]
        )
    ).ok("setIntegrationMappings")["mappings"]
    refused = await org.admin(
        MAP,
        id=integration["id"],
        mappings=[
            {"mappableType": "BILLABLE_METRIC", "mappableId": foreign["id"], "accountCode": "200"},
            {"mappableType": "ADD_ON", "accountCode": "200"},
            {"mappableType": "CREDIT_NOTE", "mappableId": calls["id"], "accountCode": "200"},
            {"mappableType": "TAX", "mappableId": vat["id"]},
            {"mappableType": "PREPAID_CREDIT", "itemCode": "CREDITS"},
            {"mappableType": "FALLBACK_ITEM", "accountCode": "x"},
            {"mappableType": "FALLBACK_ITEM", "accountCode": "y"},
        ],
    )
    coupon = next(m for m in replaced if m["mappableType"] == "COUPON")
    removed = await org.admin(UNMAP, id=coupon["id"])
    left = (
        await org.admin(
            "query($id: ID!) { integration(id: $id) { mappings { mappableType } } }", id=integration["id"]
        )
    ).ok("integration")["mappings"]

    assert len(mapped) == 4
    assert {(m["mappableType"], m["accountCode"]) for m in replaced} == {
        ("BILLABLE_METRIC", "200"),
        ("TAX", None),
        ("COUPON", "270"),
        ("FALLBACK_ITEM", "200"),
    }
    assert refused.error()["extensions"]["fields"] == {
        "mappings.0.mappableId": "no such billable metric",
        "mappings.1.mappableId": "is required for ADD_ON",
        "mappings.2.mappableId": "must be empty for CREDIT_NOTE",
        "mappings.3.taxCode": "is required for a tax",
        "mappings.4.accountCode": "is required by XERO for an item",
        "mappings.6": "maps the same target as an earlier mapping",
    }
    assert removed.ok("destroyIntegrationMapping") == {"id": coupon["id"]}
    assert sorted(m["mappableType"] for m in left) == ["BILLABLE_METRIC", "FALLBACK_ITEM", "TAX"]


async def test_finance_reads_integrations_and_only_admins_change_them(factory: Factory) -> None:
    org = await factory.organization()
    finance = await factory.member(org, "finance")
    manager = await factory.member(org, "manager")
    created = await create(org.admin, **xero())

    seen = (await finance(LIST)).ok()
    manager_view = await manager(LIST)
    writes = [
        await finance(CREATE, input=xero(code="other")),
        await finance(UPDATE, input={"id": created["id"], "name": "x"}),
        await finance(DESTROY, id=created["id"]),
        await finance(MAP, id=created["id"], mappings=[{"mappableType": "COUPON", "accountCode": "1"}]),
    ]

    assert seen == {
        "integrations": [{"id": created["id"], "code": "xero"}],
        "organization": {"integrations": [{"id": created["id"]}]},
    }
    assert manager_view.data == {"integrations": None, "organization": {"integrations": None}}
    assert manager_view.codes == ["FORBIDDEN", "FORBIDDEN"]
    assert [w.code for w in writes] == ["FORBIDDEN"] * 4
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["organization:integrations:create"],
        ["organization:integrations:update"],
        ["organization:integrations:delete"],
        ["organization:integrations:update"],
    ]


async def test_a_destroyed_integration_is_gone_and_its_code_free(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    created = await create(org.admin, **xero())
    await org.admin(MAP, id=created["id"], mappings=[{"mappableType": "COUPON", "accountCode": "1"}])

    destroyed = (await org.admin(DESTROY, id=created["id"])).ok("destroyIntegration")
    again = await create(org.admin, **xero())

    assert destroyed == {"id": created["id"]}
    assert (await org.admin(LIST)).ok("integrations") == [{"id": again["id"], "code": "xero"}]
    async with db.sessionmaker() as session:
        erased = await session.scalar(
            sa.select(Integration.credentials_encrypted).where(Integration.id == created["id"])
        )
        mappings = await session.scalar(sa.text("SELECT count(*) FROM integration_mappings"))
    assert (erased, mappings) == ("", 0)


async def test_another_organizations_integration_is_not_found(factory: Factory) -> None:
    ours, theirs = await factory.organization(), await factory.organization()
    created = await create(theirs.admin, **xero())

    answers = [
        await ours.admin("query($id: ID!) { integration(id: $id) { id } }", id=created["id"]),
        await ours.admin(UPDATE, input={"id": created["id"], "name": "mine"}),
        await ours.admin(DESTROY, id=created["id"]),
        await ours.admin(MAP, id=created["id"], mappings=[{"mappableType": "COUPON", "accountCode": "1"}]),
    ]

    assert [a.code for a in answers] == ["NOT_FOUND"] * 4
    assert (await ours.admin(LIST)).ok("integrations") == []
