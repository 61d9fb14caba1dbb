"""Every catalogue object of another organization is NOT_FOUND, by id read or write, and never listed."""

from __future__ import annotations

import uuid

import pytest

from tests.catalogue import metric, plan, standard, tax
from tests.helpers import Factory, Org

OPERATIONS = {
    "billableMetric": ("query($id: ID!) { billableMetric(id: $id) { id } }", "metric"),
    "updateBillableMetric": (
        'mutation($id: ID!) { updateBillableMetric(input: {id: $id, name: "x"}) { id } }',
        "metric",
    ),
    "destroyBillableMetric": (
        "mutation($id: ID!) { destroyBillableMetric(input: {id: $id}) { id } }",
        "metric",
    ),
    "tax": ("query($id: ID!) { tax(id: $id) { id } }", "tax"),
    "updateTax": ('mutation($id: ID!) { updateTax(input: {id: $id, rate: "1"}) { id } }', "tax"),
    "destroyTax": ("mutation($id: ID!) { destroyTax(input: {id: $id}) { id } }", "tax"),
    "addOn": ("query($id: ID!) { addOn(id: $id) { id } }", "add_on"),
    "updateAddOn": ("mutation($id: ID!) { updateAddOn(input: {id: $id, amountCents: 1}) { id } }", "add_on"),
    "destroyAddOn": ("mutation($id: ID!) { destroyAddOn(input: {id: $id}) { id } }", "add_on"),
    "coupon": ("query($id: ID!) { coupon(id: $id) { id } }", "coupon"),
    "updateCoupon": ('mutation($id: ID!) { updateCoupon(input: {id: $id, name: "x"}) { id } }', "coupon"),
    "terminateCoupon": ("mutation($id: ID!) { terminateCoupon(input: {id: $id}) { id } }", "coupon"),
    "destroyCoupon": ("mutation($id: ID!) { destroyCoupon(input: {id: $id}) { id } }", "coupon"),
    "plan": ("query($id: ID!) { plan(id: $id) { id } }", "plan"),
    "customer": ("query($id: ID!) { customer(id: $id) { id } }", "customer"),
}


async def _catalogue(org: Org) -> dict[str, str]:
    calls = await metric(org.admin, "api_calls")
    add_on = await org.admin(
        'mutation { createAddOn(input: {name: "O", code: "onboarding", amountCents: 1, '
        'amountCurrency: "EUR"}) { id } }'
    )
    coupon = await org.admin(
        'mutation { createCoupon(input: {name: "W", code: "welcome", couponType: FIXED_AMOUNT, '
        'amountCents: 1, amountCurrency: "EUR", frequency: ONCE}) { id } }'
    )
    customer = await org.admin(
        'mutation { createCustomer(input: {externalId: "cus_1", name: "Victim"}) { id } }'
    )
    return {
        "metric": calls["id"],
        "tax": (await tax(org.admin, "vat", "20"))["id"],
        "add_on": add_on.ok("createAddOn")["id"],
        "coupon": coupon.ok("createCoupon")["id"],
        "plan": (await plan(org.admin, "starter", [standard(calls["id"])]))["id"],
        "customer": customer.ok("createCustomer")["id"],
    }


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
async def test_another_organizations_catalogue_is_not_found(factory: Factory, operation: str) -> None:
    attacker, victim = await factory.organization(), await factory.organization()
    ids = await _catalogue(victim)
    document, kind = OPERATIONS[operation]

    copied = await attacker.admin(document, id=ids[kind])
    guessed = await attacker.admin(document, id=str(uuid.uuid4()))

    assert copied.code == guessed.code == "NOT_FOUND"
    assert copied.error()["message"] == guessed.error()["message"]


async def test_lists_show_only_the_callers_catalogue(factory: Factory) -> None:
    attacker, victim = await factory.organization(), await factory.organization()
    ids = await _catalogue(victim)

    response = await attacker.admin(
        """{ billableMetrics { collection { id } } taxes { collection { id } } addOns { collection { id } }
             coupons { collection { id } } plans { collection { id } } customers { collection { id } } }"""
    )

    text = str(response.ok())
    assert not any(value in text for value in ids.values())
