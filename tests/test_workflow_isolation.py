"""Subscriptions, applied coupons, invoices and wallets of another organization are NOT_FOUND, and
another organization's customers, plans and coupons cannot be referenced."""

from __future__ import annotations

import uuid

import pytest

from tests.catalogue import plan
from tests.coupons.test_coupons import CREATE as CREATE_COUPON
from tests.coupons.test_coupons import percentage
from tests.helpers import Factory, Org

BY_ID = {
    "subscription": "query($id: ID!) { subscription(id: $id) { id } }",
    "updateSubscription": 'mutation($id: ID!) { updateSubscription(input: {id: $id, name: "x"}) { id } }',
    "terminateSubscription": "mutation($id: ID!) { terminateSubscription(input: {id: $id}) { id } }",
    "terminateAppliedCoupon": "mutation($id: ID!) { terminateAppliedCoupon(input: {id: $id}) { id } }",
    "invoice": "query($id: ID!) { invoice(id: $id) { id } }",
    "updateInvoice": "mutation($id: ID!) { updateInvoice(input: {id: $id, paymentStatus: SUCCEEDED}) { id } }",
    "wallet": "query($id: ID!) { wallet(id: $id) { id } }",
    "walletTransactions": "query($id: ID!) { walletTransactions(walletId: $id) { metadata { totalCount } } }",
    "topUp": 'mutation($id: ID!) { createCustomerWalletTransaction(input: {walletId: $id, grantedCredits: "5"}) { id } }',
    "terminateCustomerWallet": "mutation($id: ID!) { terminateCustomerWallet(input: {id: $id}) { id } }",
}
TARGET = {
    "subscription": "subscription",
    "updateSubscription": "subscription",
    "terminateSubscription": "subscription",
    "terminateAppliedCoupon": "applied",
    "invoice": "invoice",
    "updateInvoice": "invoice",
    "wallet": "wallet",
    "walletTransactions": "wallet",
    "topUp": "wallet",
    "terminateCustomerWallet": "wallet",
}


async def _victim(org: Org) -> dict[str, str]:
    customer = (
        await org.admin('mutation { createCustomer(input: {externalId: "v", name: "V"}) { id } }')
    ).ok("createCustomer")["id"]
    pro = await plan(org.admin, "pro", [])
    coupon = (await org.admin(CREATE_COUPON, input=percentage())).ok("createCoupon")["id"]
    subscription = await org.admin(
        'mutation($c: ID!, $p: ID!) { createSubscription(input: {customerId: $c, planId: $p, externalId: "s"}) { id } }',
        c=customer,
        p=pro["id"],
    )
    applied = await org.admin(
        "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }",
        c=customer,
        k=coupon,
    )
    wallet = await org.admin(
        'mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: "1",'
        ' paidCredits: "5"}) { id } }',
        c=customer,
    )
    invoices = await org.admin("{ invoices { collection { id } } }")
    return {
        "customer": customer,
        "plan": pro["id"],
        "coupon": coupon,
        "subscription": subscription.ok("createSubscription")["id"],
        "applied": applied.ok("createAppliedCoupon")["id"],
        "wallet": wallet.ok("createCustomerWallet")["id"],
        "invoice": invoices.ok("invoices")["collection"][0]["id"],
    }


@pytest.mark.parametrize("operation", sorted(BY_ID))
async def test_another_organizations_objects_are_not_found(factory: Factory, operation: str) -> None:
    attacker, victim = await factory.organization(), await factory.organization()
    ids = await _victim(victim)

    copied = await attacker.admin(BY_ID[operation], id=ids[TARGET[operation]])
    guessed = await attacker.admin(BY_ID[operation], id=str(uuid.uuid4()))

    assert copied.code == guessed.code == "NOT_FOUND"
    assert copied.error()["message"] == guessed.error()["message"]


async def test_another_organizations_customer_plan_or_coupon_cannot_be_used(factory: Factory) -> None:
    attacker, victim = await factory.organization(), await factory.organization()
    ids = await _victim(victim)
    own_customer = (
        await attacker.admin('mutation { createCustomer(input: {externalId: "a", name: "A"}) { id } }')
    ).ok("createCustomer")["id"]

    subscribe = await attacker.admin(
        'mutation($c: ID!, $p: ID!) { createSubscription(input: {customerId: $c, planId: $p, externalId: "x"}) { id } }',
        c=ids["customer"],
        p=ids["plan"],
    )
    apply = await attacker.admin(
        "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }",
        c=own_customer,
        k=ids["coupon"],
    )

    assert subscribe.error()["extensions"]["fields"] == {
        "customerId": "no such customer",
        "planId": "no such plan",
    }
    assert apply.error()["extensions"]["fields"] == {"couponId": "no such coupon"}
