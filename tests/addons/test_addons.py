from __future__ import annotations

import pytest

from tests.catalogue import tax
from tests.helpers import Factory

CREATE = """mutation($input: CreateAddOnInput!) {
  createAddOn(input: $input) { id code name amountCents amountCurrency invoiceDisplayName taxes { code } }
}"""
UPDATE = (
    "mutation($input: UpdateAddOnInput!) { updateAddOn(input: $input) { code amountCents taxes { code } } }"
)
DESTROY = "mutation($input: DestroyAddOnInput!) { destroyAddOn(input: $input) { id } }"


async def test_admin_creates_updates_and_destroys_an_add_on(factory: Factory) -> None:
    org = await factory.organization()
    await tax(org.admin, "vat", "20")
    await tax(org.admin, "gst", "10")

    created = (
        await org.admin(
            CREATE,
            input={
                "name": "Onboarding",
                "code": "onboarding",
                "amountCents": "250000",
                "amountCurrency": "eur",
                "invoiceDisplayName": "Onboarding package",
                "taxCodes": ["vat"],
            },
        )
    ).ok("createAddOn")
    updated = (
        await org.admin(UPDATE, input={"id": created["id"], "amountCents": 300000, "taxCodes": ["gst"]})
    ).ok("updateAddOn")
    destroyed = await org.admin(DESTROY, input={"id": created["id"]})
    listed = await org.admin("{ addOns { collection { code } } }")

    assert created | {"id": ""} == {
        "id": "",
        "code": "onboarding",
        "name": "Onboarding",
        "amountCents": 250000,
        "amountCurrency": "EUR",
        "invoiceDisplayName": "Onboarding package",
        "taxes": [{"code": "vat"}],
    }
    assert updated == {"code": "onboarding", "amountCents": 300000, "taxes": [{"code": "gst"}]}
    assert destroyed.ok("destroyAddOn") == {"id": created["id"]}
    assert listed.ok("addOns") == {"collection": []}


async def test_amounts_beyond_32_bits_are_exact(factory: Factory) -> None:
    org = await factory.organization()

    created = await org.admin(
        CREATE,
        input={"name": "Big", "code": "big", "amountCents": "900719925474099", "amountCurrency": "USD"},
    )

    assert created.ok("createAddOn")["amountCents"] == 900719925474099


@pytest.mark.parametrize(
    ("given", "fields"),
    [
        ({"amountCents": -5}, {"amountCents": "must be at least 0"}),
        ({"amountCurrency": "ABC"}, {"amountCurrency": "'ABC' is not an ISO 4217 currency code"}),
        ({"code": "onboarding", "taxCodes": ["missing"]}, {"taxCodes": "unknown tax: missing"}),
    ],
)
async def test_add_on_input_is_validated(
    factory: Factory, given: dict[str, object], fields: dict[str, str]
) -> None:
    org = await factory.organization()
    values = {"name": "A", "code": "a", "amountCents": 100, "amountCurrency": "EUR", **given}

    response = await org.admin(CREATE, input=values)

    assert response.error()["extensions"]["fields"] == fields
    assert (await org.admin("{ addOns { metadata { totalCount } } }")).ok("addOns")["metadata"][
        "totalCount"
    ] == 0


async def test_codes_are_unique_per_organization(factory: Factory) -> None:
    first, second = await factory.organization(), await factory.organization()
    values = {"name": "A", "code": "onboarding", "amountCents": 100, "amountCurrency": "EUR"}
    (await first.admin(CREATE, input=values)).ok()

    again = await first.admin(CREATE, input=values)
    elsewhere = await second.admin(CREATE, input=values)

    assert again.error()["extensions"]["fields"] == {"code": "is already used by another add-on"}
    assert elsewhere.ok("createAddOn")["code"] == "onboarding"


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_add_ons_but_cannot_write(factory: Factory, role: str) -> None:
    org = await factory.organization()
    created = (
        await org.admin(CREATE, input={"name": "A", "code": "a", "amountCents": 100, "amountCurrency": "EUR"})
    ).ok("createAddOn")
    member = await factory.member(org, role)

    read = await member("query($id: ID!) { addOn(id: $id) { code } }", id=created["id"])
    writes = [
        await member(CREATE, input={"name": "B", "code": "b", "amountCents": 1, "amountCurrency": "EUR"}),
        await member(UPDATE, input={"id": created["id"], "amountCents": 1}),
        await member(DESTROY, input={"id": created["id"]}),
    ]

    assert read.ok("addOn") == {"code": "a"}
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["addons:create"],
        ["addons:update"],
        ["addons:delete"],
    ]
