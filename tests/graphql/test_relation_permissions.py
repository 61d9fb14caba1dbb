"""A relation carries its resource's view permission: the callers who read another resource's data
through an object they were allowed to see, and the built-in roles, who keep everything their work
reads."""

from __future__ import annotations

from typing import Any

import pytest

from tests.catalogue import metric, plan, standard
from tests.credit_notes.conftest import CREATE, Billed, billed_organization, note
from tests.helpers import Factory, Key, Member, Response

SUBSCRIBE = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }"
COUPON = """mutation($plan: ID!) { createCoupon(input: {name: "Launch", code: "launch",
  couponType: FIXED_AMOUNT, frequency: ONCE, amountCents: 500, amountCurrency: "EUR", planIds: [$plan]}) { id } }"""
APPLY = "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }"
ADDRESS = """mutation($id: ID!) { updateCustomer(input: {id: $id, email: "billing@acme.test",
  billingAddress: {addressLine1: "1 Rue de la Paix", city: "Paris", zipcode: "75002", country: "FR"}}) { id } }"""

NEGOTIATED_PRICES = """query($customer: ID!, $subscription: ID!) {
  customer(id: $customer) { name subscriptions { externalId plan { charges { properties { amount } } } } }
  customerUsage(customerId: $customer, subscriptionId: $subscription) {
    amountCents chargesUsage { units charge { properties { amount } } } } }"""
NOTE = """query($id: ID!) { creditNote(id: $id) {
  number totalAmountCents customer { email } items { amountCents fee { amountCents description } } } }"""
INVOICE = """query($id: ID!) { invoice(id: $id) { number customer { email billingAddress { city } } }
  invoices { collection { number customer { billingAddress { addressLine1 } } } } }"""


def _errors(response: Response) -> list[tuple[list[Any], str, list[str]]]:
    return sorted(
        (e["path"], e["extensions"]["code"], e["extensions"]["requiredPermissions"]) for e in response.errors
    )


async def _negotiated(factory: Factory) -> tuple[Billed, dict[str, str]]:
    """The credit note fixture's organization, its customer on a plan at a negotiated usage price, with
    a coupon, a credit note, a billing address and an email."""
    billed = await billed_organization(factory)
    admin = billed.org.admin
    calls = await metric(admin, "api_calls")
    pro = await plan(admin, "pro", [standard(calls["id"], amount="0.01")])
    overrides = {"charges": [{"id": pro["charges"][0]["id"], "properties": {"amount": "0.004"}}]}
    given = {
        "customerId": billed.customer_id,
        "planId": pro["id"],
        "externalId": "sub_acme",
        "planOverrides": overrides,
    }
    subscription = (await admin(SUBSCRIBE, input=given)).ok("createSubscription")["id"]
    coupon = (await admin(COUPON, plan=pro["id"])).ok("createCoupon")["id"]
    (await admin(APPLY, c=billed.customer_id, k=coupon)).ok()
    (await admin(ADDRESS, id=billed.customer_id)).ok()
    note_id = (
        await billed.finance(CREATE, **note(billed.invoice["id"], [(billed.setup_fee, 10)], credit=12))
    ).ok("createCreditNote")["id"]
    return billed, {"subscription": subscription, "note": note_id, "plan": pro["id"], "metric": calls["id"]}


async def test_a_role_without_plans_view_reads_no_negotiated_price_through_a_customer(
    factory: Factory,
) -> None:
    billed, ids = await _negotiated(factory)
    await factory.role(billed.org, "account_viewer", ["customers:view", "subscriptions:view"])
    await factory.role(billed.org, "pricing_viewer", ["customers:view", "subscriptions:view", "plans:view"])
    viewer = await factory.member(billed.org, "account_viewer")
    pricing = await factory.member(billed.org, "pricing_viewer")

    refused = await viewer(NEGOTIATED_PRICES, customer=billed.customer_id, subscription=ids["subscription"])
    allowed = await pricing(NEGOTIATED_PRICES, customer=billed.customer_id, subscription=ids["subscription"])

    assert refused.data == {
        "customer": {"name": "Acme", "subscriptions": [{"externalId": "sub_acme", "plan": None}]},
        "customerUsage": {"amountCents": 0, "chargesUsage": [{"units": "0", "charge": None}]},
    }
    assert _errors(refused) == [
        (["customer", "subscriptions", 0, "plan"], "FORBIDDEN", ["plans:view"]),
        (["customerUsage", "chargesUsage", 0, "charge"], "FORBIDDEN", ["plans:view"]),
    ]
    price = {"charges": [{"properties": {"amount": "0.004"}}]}
    assert allowed.ok("customer")["subscriptions"] == [{"externalId": "sub_acme", "plan": price}]
    assert allowed.ok("customerUsage")["chargesUsage"][0]["charge"] == price["charges"][0]


async def test_a_key_with_only_credit_notes_view_reads_neither_emails_nor_fee_amounts(
    factory: Factory,
) -> None:
    billed, ids = await _negotiated(factory)
    await factory.role(billed.org, "notes_reader", ["credit_notes:view"])
    reader = await factory.api_key(billed.org, "notes_reader")
    finance_key = await factory.api_key(billed.org, "finance")

    refused = await reader(NOTE, id=ids["note"])
    allowed = await finance_key(NOTE, id=ids["note"])

    assert refused.data == {
        "creditNote": {
            "number": billed.number(1),
            "totalAmountCents": 12,
            "customer": None,
            "items": [{"amountCents": 10, "fee": None}],
        }
    }
    assert _errors(refused) == [
        (["creditNote", "customer"], "FORBIDDEN", ["customers:view"]),
        (["creditNote", "items", 0, "fee"], "FORBIDDEN", ["invoices:view"]),
    ]
    assert allowed.ok("creditNote")["customer"] == {"email": "billing@acme.test"}
    assert allowed.ok("creditNote")["items"] == [
        {"amountCents": 10, "fee": {"amountCents": 1000, "description": "Setup"}}
    ]


async def test_a_key_with_invoices_view_reads_no_billing_address_through_an_invoice(
    factory: Factory,
) -> None:
    billed, _ = await _negotiated(factory)
    await factory.role(billed.org, "invoices_reader", ["invoices:view"])
    await factory.role(billed.org, "invoices_and_customers", ["invoices:view", "customers:view"])
    reader = await factory.api_key(billed.org, "invoices_reader")
    both = await factory.api_key(billed.org, "invoices_and_customers")

    refused = await reader(INVOICE, id=billed.invoice["id"])
    allowed = await both(INVOICE, id=billed.invoice["id"])

    number = billed.invoice["number"]
    assert refused.data == {
        "invoice": {"number": number, "customer": None},
        "invoices": {"collection": [{"number": number, "customer": None}]},
    }
    assert _errors(refused) == [
        (["invoice", "customer"], "FORBIDDEN", ["customers:view"]),
        (["invoices", "collection", 0, "customer"], "FORBIDDEN", ["customers:view"]),
    ]
    assert allowed.ok("invoice")["customer"] == {
        "email": "billing@acme.test",
        "billingAddress": {"city": "Paris"},
    }
    assert allowed.ok("invoices")["collection"][0]["customer"] == {
        "billingAddress": {"addressLine1": "1 Rue de la Paix"}
    }


# What an account manager's and a finance analyst's screens read: a customer with everything it leads
# to, a credit note with its customer, invoice and fees, the catalogue with its relations.
WORK = """query($customer: ID!, $subscription: ID!, $note: ID!, $addOn: ID!, $plan: ID!) {
  customer(id: $customer) {
    name taxes { code }
    subscriptions { customer { name } plan { name parent { code } taxes { code }
      charges { billableMetric { code } properties { amount } } } }
    appliedCoupons { coupon { code plans { code } billableMetrics { code } } }
    invoices { number customer { name } fees { amountCents } creditNotes { number } }
    creditNotes { number customer { email } invoice { number } items { fee { description } } }
    wallets { id }
  }
  customerUsage(customerId: $customer, subscriptionId: $subscription) {
    chargesUsage { billableMetric { code } charge { properties { amount } } } }
  subscription(id: $subscription) { plan { code } customer { billingAddress { city } } }
  creditNote(id: $note) { customer { name } items { fee { amountCents } } }
  addOn(id: $addOn) { taxes { code } }
  plan(id: $plan) { taxes { code } charges { billableMetric { code } } }
  organization { taxes { code } }
}"""


@pytest.mark.parametrize("caller", ["manager", "finance", "key:manager", "key:finance"])
async def test_the_built_in_roles_read_every_relation_their_work_needs(factory: Factory, caller: str) -> None:
    billed, ids = await _negotiated(factory)
    role = caller.removeprefix("key:")
    who: Member | Key = (
        await factory.api_key(billed.org, role)
        if caller.startswith("key:")
        else await factory.member(billed.org, role)
    )

    response = await who(
        WORK,
        customer=billed.customer_id,
        subscription=ids["subscription"],
        note=ids["note"],
        addOn=billed.add_ons[0],
        plan=ids["plan"],
    )

    data = response.ok()
    assert data["customer"]["subscriptions"][0]["plan"]["charges"] == [
        {"billableMetric": {"code": "api_calls"}, "properties": {"amount": "0.004"}}
    ]
    assert data["customer"]["creditNotes"][0]["customer"] == {"email": "billing@acme.test"}
    assert data["creditNote"]["items"] == [{"fee": {"amountCents": 1000}}]
    assert data["subscription"]["customer"] == {"billingAddress": {"city": "Paris"}}
    assert data["addOn"]["taxes"] == []
    assert data["organization"]["taxes"] == [{"code": "vat"}]
