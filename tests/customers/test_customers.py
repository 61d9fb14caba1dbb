from __future__ import annotations

from typing import Any

import pytest

from tests.catalogue import tax
from tests.helpers import Factory

FIELDS = """id externalId name legalName email phone currency timezone taxIdentificationNumber
  invoiceGracePeriod netPaymentTerm taxes { code }
  billingAddress { addressLine1 addressLine2 city zipcode state country } shippingAddress { city country }"""
CREATE = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { " + FIELDS + " } }"
UPDATE = "mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { " + FIELDS + " } }"
DESTROY = "mutation($input: DestroyCustomerInput!) { destroyCustomer(input: $input) { id } }"
LIST = "query($s: String) { customers(searchTerm: $s) { collection { externalId } metadata { totalCount } } }"


def acme(**extra: Any) -> dict[str, Any]:
    return {
        "externalId": "cus_acme",
        "name": "Acme",
        "legalName": "Acme SAS",
        "email": "Billing@Acme.example",
        "currency": "eur",
        "timezone": "Europe/Paris",
        "taxIdentificationNumber": "FR12345678901",
        "invoiceGracePeriod": 3,
        "netPaymentTerm": 30,
        "billingAddress": {
            "addressLine1": "1 rue de la Paix",
            "city": "Paris",
            "zipcode": "75002",
            "country": "fr",
        },
        **extra,
    }


async def test_a_customer_with_addresses_terms_and_taxes(factory: Factory) -> None:
    org = await factory.organization()
    await tax(org.admin, "vat_fr", "20")

    created = (await org.admin(CREATE, input=acme(taxCodes=["vat_fr"]))).ok("createCustomer")

    assert created | {"id": ""} == {
        "id": "",
        "externalId": "cus_acme",
        "name": "Acme",
        "legalName": "Acme SAS",
        "email": "billing@acme.example",
        "phone": None,
        "currency": "EUR",
        "timezone": "Europe/Paris",
        "taxIdentificationNumber": "FR12345678901",
        "invoiceGracePeriod": 3,
        "netPaymentTerm": 30,
        "taxes": [{"code": "vat_fr"}],
        "billingAddress": {
            "addressLine1": "1 rue de la Paix",
            "addressLine2": None,
            "city": "Paris",
            "zipcode": "75002",
            "state": None,
            "country": "FR",
        },
        "shippingAddress": None,
    }


@pytest.mark.parametrize(
    ("given", "fields"),
    [
        ({"currency": "XXQ"}, {"currency": "'XXQ' is not an ISO 4217 currency code"}),
        ({"timezone": "Europe/Atlantis"}, {"timezone": "'Europe/Atlantis' is not an IANA timezone"}),
        ({"email": "no-at-sign"}, {"email": "is not a valid email address"}),
        (
            {"billingAddress": {"country": "ZZ"}},
            {"billingAddress.country": "'ZZ' is not an ISO 3166-1 alpha-2 country code"},
        ),
        ({"netPaymentTerm": -1}, {"netPaymentTerm": "must be at least 0"}),
        ({"externalId": " "}, {"externalId": "must not be blank"}),
        ({"taxCodes": ["nope"]}, {"taxCodes": "unknown tax: nope"}),
    ],
)
async def test_customer_input_is_validated_and_nothing_written(
    factory: Factory, given: dict[str, Any], fields: dict[str, str]
) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE, input=acme(**given))

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == fields
    assert (await org.admin(LIST)).ok("customers")["metadata"]["totalCount"] == 0


async def test_external_ids_are_unique_per_organization(factory: Factory) -> None:
    first, second = await factory.organization(), await factory.organization()
    (await first.admin(CREATE, input=acme())).ok()

    again = await first.admin(CREATE, input=acme(name="Other"))
    elsewhere = await second.admin(CREATE, input=acme())

    assert again.error()["extensions"]["fields"] == {"externalId": "is already used by another customer"}
    assert elsewhere.ok("createCustomer")["externalId"] == "cus_acme"


async def test_update_search_and_destroy(factory: Factory) -> None:
    org = await factory.organization()
    created = (await org.admin(CREATE, input=acme())).ok("createCustomer")
    (
        await org.admin(CREATE, input=acme(externalId="cus_globex", name="Globex", email="ap@globex.example"))
    ).ok()

    updated = (
        await org.admin(
            UPDATE,
            input={
                "id": created["id"],
                "shippingAddress": {"city": "Lyon", "country": "FR"},
                "timezone": "UTC",
            },
        )
    ).ok("updateCustomer")
    by_email = (await org.admin(LIST, s="globex.example")).ok("customers")
    destroyed = await org.admin(DESTROY, input={"id": created["id"]})

    assert updated["shippingAddress"] == {"city": "Lyon", "country": "FR"}
    assert updated["timezone"] == "UTC"
    assert updated["name"] == "Acme"  # untouched
    assert by_email == {"collection": [{"externalId": "cus_globex"}], "metadata": {"totalCount": 1}}
    assert destroyed.ok("destroyCustomer") == {"id": created["id"]}
    assert (await org.admin(LIST)).ok("customers")["collection"] == [{"externalId": "cus_globex"}]


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_customers_but_cannot_write(factory: Factory, role: str) -> None:
    org = await factory.organization()
    created = (await org.admin(CREATE, input=acme())).ok("createCustomer")
    member = await factory.member(org, role)

    read = await member("query($id: ID!) { customer(id: $id) { externalId } }", id=created["id"])
    writes = [
        await member(CREATE, input=acme(externalId="x")),
        await member(UPDATE, input={"id": created["id"], "name": "x"}),
        await member(DESTROY, input={"id": created["id"]}),
    ]

    assert read.ok("customer") == {"externalId": "cus_acme"}
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["customers:create"],
        ["customers:update"],
        ["customers:delete"],
    ]


async def test_another_organizations_customer_is_not_found(factory: Factory) -> None:
    org, other = await factory.organization(), await factory.organization()
    foreign = (await other.admin(CREATE, input=acme())).ok("createCustomer")

    responses = [
        await org.admin("query($id: ID!) { customer(id: $id) { id } }", id=foreign["id"]),
        await org.admin(UPDATE, input={"id": foreign["id"], "name": "mine"}),
        await org.admin(DESTROY, input={"id": foreign["id"]}),
    ]

    assert [r.code for r in responses] == ["NOT_FOUND"] * 3
