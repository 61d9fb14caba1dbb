from __future__ import annotations

import pytest

from tests.catalogue import CREATE_TAX, tax
from tests.helpers import Factory

UPDATE = (
    "mutation($input: UpdateTaxInput!) { updateTax(input: $input) { code rate name appliedToOrganization } }"
)
DESTROY = "mutation($input: DestroyTaxInput!) { destroyTax(input: $input) { id } }"
TAXES = "query($s: String) { taxes(searchTerm: $s) { collection { code rate } metadata { totalCount } } }"


async def test_admin_manages_tax_rates_exactly(factory: Factory) -> None:
    org = await factory.organization()

    created = await tax(org.admin, "vat_fr", "20.00", applied=True)
    updated = (await org.admin(UPDATE, input={"id": created["id"], "rate": "5.5", "name": "VAT reduced"})).ok(
        "updateTax"
    )
    listed = (await org.admin(TAXES)).ok("taxes")

    assert created == {"id": created["id"], "code": "vat_fr", "rate": "20", "appliedToOrganization": True}
    assert updated == {"code": "vat_fr", "rate": "5.5", "name": "VAT reduced", "appliedToOrganization": True}
    assert listed == {"collection": [{"code": "vat_fr", "rate": "5.5"}], "metadata": {"totalCount": 1}}


@pytest.mark.parametrize(
    ("rate", "problem"),
    [
        ("100.5", "must be at most 100"),
        ("-1", "must be at least 0"),
        ("12.34567", "must have at most 4 decimal places"),
        ("twenty", 'must be a decimal number written as a string, like "12.50"'),
    ],
)
async def test_a_rate_is_a_percentage_between_0_and_100(factory: Factory, rate: str, problem: str) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE_TAX, input={"name": "T", "code": "t", "rate": rate})

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {"rate": problem}


async def test_codes_are_unique_per_organization_and_freed_by_destroying(factory: Factory) -> None:
    first, second = await factory.organization(), await factory.organization()
    original = await tax(first.admin, "vat", "20")

    duplicate = await first.admin(CREATE_TAX, input={"name": "V", "code": "vat", "rate": "10"})
    elsewhere = await tax(second.admin, "vat", "19")
    destroyed = (await first.admin(DESTROY, input={"id": original["id"]})).ok("destroyTax")
    again = await tax(first.admin, "vat", "21")

    assert duplicate.error()["extensions"]["fields"] == {"code": "is already used by another tax"}
    assert elsewhere["rate"] == "19"
    assert destroyed == {"id": original["id"]}
    assert again["rate"] == "21"
    assert (
        await first.admin("query($id: ID!) { tax(id: $id) { id } }", id=original["id"])
    ).code == "NOT_FOUND"


async def test_search_filters_by_name_or_code(factory: Factory) -> None:
    org = await factory.organization()
    for code in ("vat_fr", "vat_de", "sales_tax_ny"):
        await tax(org.admin, code, "10")

    found = (await org.admin(TAXES, s="VAT_")).ok("taxes")
    wildcard = (await org.admin(TAXES, s="%")).ok("taxes")

    assert [t["code"] for t in found["collection"]] == ["vat_de", "vat_fr"]
    assert wildcard["metadata"]["totalCount"] == 0  # a % is a character to find, not a wildcard


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_taxes_but_cannot_change_them(factory: Factory, role: str) -> None:
    org = await factory.organization()
    existing = await tax(org.admin, "vat", "20")
    member = await factory.member(org, role)

    read = await member("{ taxes { collection { code } } organization { taxes { code } } }")
    writes = [
        await member(CREATE_TAX, input={"name": "X", "code": "x", "rate": "1"}),
        await member(UPDATE, input={"id": existing["id"], "rate": "1"}),
        await member(DESTROY, input={"id": existing["id"]}),
    ]

    assert read.ok() == {
        "taxes": {"collection": [{"code": "vat"}]},
        "organization": {"taxes": [{"code": "vat"}]},
    }
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["organization:taxes:update"]
    ] * 3


async def test_organization_taxes_need_taxes_view(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(org, "viewer", ["organization:view"])
    viewer = await factory.member(org, "viewer")

    response = await viewer("{ organization { name taxes { code } } }")

    assert response.data == {"organization": {"name": org.name, "taxes": None}}
    assert response.error()["extensions"]["requiredPermissions"] == ["organization:taxes:view"]
