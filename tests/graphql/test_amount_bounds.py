"""Amounts, and amounts computed from amounts, stay within ``MAX_AMOUNT_CENTS``: a caller who sends more
than PostgreSQL's ``bigint`` holds gets ``VALIDATION_ERROR`` naming the field, and nothing is written."""

from __future__ import annotations

from typing import Any

from app.core.validation import MAX_AMOUNT_CENTS
from app.plans.charge_models import MAX_PRICE
from tests.helpers import Factory, Org

BIGINT_MAX = 2**63 - 1
TOO_MUCH = f"must be at most {MAX_AMOUNT_CENTS} in minor units"
INVOICE = "mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id totalAmountCents } }"
WALLET = """mutation($input: CreateCustomerWalletInput!) { createCustomerWallet(input: $input) {
  id balanceCents } }"""
TOP_UP = """mutation($input: CreateCustomerWalletTransactionInput!) { createCustomerWalletTransaction(
  input: $input) { id balanceCents } }"""


async def _customer(org: Org) -> str:
    created = await org.admin('mutation { createCustomer(input: {externalId: "c1", name: "Acme"}) { id } }')
    return str(created.ok("createCustomer")["id"])


async def _add_on(org: Org, amount: int) -> str:
    created = await org.admin(
        'mutation($amount: BigInt!) { createAddOn(input: {name: "Big", code: "big", amountCents: $amount, '
        'amountCurrency: "EUR"}) { id } }',
        amount=amount,
    )
    return str(created.ok("createAddOn")["id"])


async def _written(org: Org, customer: str) -> dict[str, Any]:
    found = await org.admin(
        "query($id: ID!) { customer(id: $id) { invoices { id } wallets { id } } }", id=customer
    )
    return dict(found.ok("customer"))


async def test_an_amount_past_bigint_inline_is_a_validation_error_naming_it(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(
        'mutation { createAddOn(input: {name: "a", code: "a", amountCents: 9223372036854775808, '
        'amountCurrency: "EUR"}) { id } }'
    )

    assert response.error()["extensions"] == {
        "code": "VALIDATION_ERROR",
        "fields": {"amountCents": f"must be between -{MAX_AMOUNT_CENTS} and {MAX_AMOUNT_CENTS}"},
    }


async def test_units_times_a_unit_amount_past_the_maximum_is_refused_naming_the_fee(factory: Factory) -> None:
    org = await factory.organization()
    customer = await _customer(org)
    add_on = await _add_on(org, MAX_AMOUNT_CENTS)

    product = await org.admin(
        INVOICE,
        input={
            "customerId": customer,
            "currency": "EUR",
            "fees": [
                {"addOnId": add_on, "units": "1"},
                {"addOnId": add_on, "units": "9223372036854", "unitAmountCents": str(BIGINT_MAX // 10**13)},
                {"addOnId": add_on, "units": "2"},
            ],
        },
    )
    at_the_maximum = await org.admin(
        INVOICE,
        input={"customerId": customer, "currency": "EUR", "fees": [{"addOnId": add_on, "units": "1"}]},
    )

    assert product.error()["extensions"] == {
        "code": "VALIDATION_ERROR",
        "fields": {
            "fees.1.units": f"units x unit amount {TOO_MUCH}",
            "fees.2.units": f"units x unit amount {TOO_MUCH}",
        },
    }
    assert at_the_maximum.ok("createInvoice")["totalAmountCents"] == MAX_AMOUNT_CENTS
    assert len((await _written(org, customer))["invoices"]) == 1


async def test_wallet_credits_times_their_rate_past_the_maximum_are_refused(factory: Factory) -> None:
    org = await factory.organization()
    customer = await _customer(org)
    wallet = {"customerId": customer, "currency": "EUR"}

    rate = await org.admin(WALLET, input={**wallet, "rateAmount": "99999999999999"})
    worth = await org.admin(
        WALLET, input={**wallet, "rateAmount": "1000", "grantedCredits": "999999999999999"}
    )
    nothing_written = await _written(org, customer)
    created = await org.admin(WALLET, input={**wallet, "rateAmount": "1000", "grantedCredits": "9000000000"})
    top_up = {"walletId": created.ok("createCustomerWallet")["id"]}
    past_the_balance = await org.admin(TOP_UP, input={**top_up, "paidCredits": "1000000001"})
    within = await org.admin(TOP_UP, input={**top_up, "grantedCredits": "1000000000"})

    assert rate.error()["extensions"]["fields"] == {"rateAmount": f"the rate {TOO_MUCH}"}
    assert worth.error()["extensions"]["fields"] == {"grantedCredits": f"credits x rate {TOO_MUCH}"}
    assert nothing_written == {"invoices": [], "wallets": []}
    assert past_the_balance.error()["extensions"]["fields"] == {
        "paidCredits": f"the balance these credits bring the wallet to {TOO_MUCH}"
    }
    assert within.ok("createCustomerWalletTransaction")["balanceCents"] == MAX_AMOUNT_CENTS
    assert len((await _written(org, customer))["invoices"]) == 0


async def test_a_charge_price_past_the_maximum_is_refused_naming_it(factory: Factory) -> None:
    org = await factory.organization()
    metric = await org.admin(
        'mutation { createBillableMetric(input: {name: "Calls", code: "calls", aggregationType: COUNT_AGG}) '
        "{ id } }"
    )
    charge = {"billableMetricId": metric.ok("createBillableMetric")["id"], "chargeModel": "STANDARD"}

    response = await org.admin(
        "mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }",
        input={
            "name": "P",
            "code": "p",
            "interval": "MONTHLY",
            "amountCents": 0,
            "amountCurrency": "EUR",
            "charges": [
                {**charge, "properties": {"amount": "922337203685477"}},
                {**charge, "properties": {"amount": str(MAX_PRICE)}},
            ],
        },
    )

    assert response.error()["extensions"]["fields"] == {
        "charges.0.properties.amount": f"must be at most {MAX_PRICE}"
    }
