from __future__ import annotations

import pytest

from tests.helpers import Factory

ORGANIZATION = "{ organization { id name defaultCurrency timezone billingEmail } }"
UPDATE = """
mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { name defaultCurrency timezone billingEmail }
}"""


@pytest.mark.parametrize("role", ["admin", "manager", "finance"])
async def test_every_built_in_role_sees_the_organization(factory: Factory, role: str) -> None:
    org = await factory.organization("Acme")
    member = await factory.member(org, role)

    response = await member(ORGANIZATION)

    assert response.ok("organization") == {
        "id": str(org.id),
        "name": "Acme",
        "defaultCurrency": "USD",
        "timezone": "UTC",
        "billingEmail": None,
    }


async def test_admin_updates_the_organization(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(
        UPDATE,
        input={
            "name": "Acme GmbH",
            "defaultCurrency": "eur",
            "timezone": "Europe/Berlin",
            "billingEmail": "AP@acme.de",
        },
    )

    assert response.ok("updateOrganization") == {
        "name": "Acme GmbH",
        "defaultCurrency": "EUR",
        "timezone": "Europe/Berlin",
        "billingEmail": "ap@acme.de",
    }


async def test_bad_settings_are_named_and_nothing_changes(factory: Factory) -> None:
    org = await factory.organization("Acme")

    response = await org.admin(
        UPDATE,
        input={"name": "Renamed", "defaultCurrency": "XYZ", "timezone": "Mars/Olympus", "billingEmail": "x"},
    )

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {
        "defaultCurrency": "'XYZ' is not an ISO 4217 currency code",
        "timezone": "'Mars/Olympus' is not an IANA timezone",
        "billingEmail": "is not a valid email address",
    }
    assert (await org.admin(ORGANIZATION)).ok("organization")["name"] == "Acme"


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_cannot_update_the_organization(factory: Factory, role: str) -> None:
    org = await factory.organization()
    member = await factory.member(org, role)

    response = await member(UPDATE, input={"name": "Mine now"})

    assert response.code == "FORBIDDEN"
    assert response.error()["extensions"]["requiredPermissions"] == ["organization:update"]
    assert response.data == {"updateOrganization": None}


async def test_a_denied_field_is_null_with_one_error_and_the_rest_of_the_data(factory: Factory) -> None:
    org = await factory.organization("Acme")
    manager = await factory.member(org, "manager")

    response = await manager("{ organization { name members { id } apiKeys { id } invites { id } } }")

    assert response.data == {
        "organization": {"name": "Acme", "members": None, "apiKeys": None, "invites": None}
    }
    assert sorted(
        (e["path"][1], e["extensions"]["code"], tuple(e["extensions"]["requiredPermissions"]))
        for e in response.errors
    ) == [
        ("apiKeys", "FORBIDDEN", ("developers:keys:manage",)),
        ("invites", "FORBIDDEN", ("organization:members:view",)),
        ("members", "FORBIDDEN", ("organization:members:view",)),
    ]
