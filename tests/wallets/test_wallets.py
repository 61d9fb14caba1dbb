"""Wallets: granted credits at once, paid credits invoiced and spendable once paid, concurrent top-ups."""

from __future__ import annotations

import asyncio
from typing import Any

from app.db.engine import Database
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import Api, Factory, Org

CREATE = """mutation($input: CreateCustomerWalletInput!) { createCustomerWallet(input: $input) {
  id name status currency rateAmount creditsBalance balanceCents } }"""
TOP_UP = """mutation($input: CreateCustomerWalletTransactionInput!) { createCustomerWalletTransaction(input: $input) {
  id creditsBalance balanceCents } }"""
TRANSACTIONS = """query($id: ID!) { walletTransactions(walletId: $id) { collection {
  transactionType status source creditAmount amountCents invoiceId } } }"""
PAY = "mutation($id: ID!) { updateInvoice(input: {id: $id, paymentStatus: SUCCEEDED}) { paymentStatus paidAt } }"


async def _customer(org: Org) -> str:
    created = await org.admin('mutation { createCustomer(input: {externalId: "c1", name: "Acme"}) { id } }')
    return str(created.ok("createCustomer")["id"])


def wallet(customer: str, **extra: Any) -> dict[str, Any]:
    return {
        "input": {"customerId": customer, "currency": "EUR", "rateAmount": "1.50", "name": "Prepaid", **extra}
    }


async def test_granted_credits_land_at_once(factory: Factory) -> None:
    org = await factory.organization()
    customer = await _customer(org)

    created = (await org.admin(CREATE, **wallet(customer, grantedCredits="100"))).ok("createCustomerWallet")
    history = (await org.admin(TRANSACTIONS, id=created["id"])).ok("walletTransactions")["collection"]

    assert created | {"id": ""} == {
        "id": "",
        "name": "Prepaid",
        "status": "ACTIVE",
        "currency": "EUR",
        "rateAmount": "1.5",
        "creditsBalance": "100",
        "balanceCents": 15000,
    }
    assert history == [
        {
            "transactionType": "INBOUND",
            "status": "SETTLED",
            "source": "GRANTED",
            "creditAmount": "100",
            "amountCents": 15000,
            "invoiceId": None,
        }
    ]


async def test_paid_credits_are_invoiced_and_spendable_once_paid(factory: Factory) -> None:
    org = await factory.organization()
    customer = await _customer(org)
    created = (await org.admin(CREATE, **wallet(customer, paidCredits="10.5"))).ok("createCustomerWallet")
    (purchase,) = (await org.admin(TRANSACTIONS, id=created["id"])).ok("walletTransactions")["collection"]
    invoice = (
        await org.admin(
            "query($id: ID!) { invoice(id: $id) { invoiceType status totalAmountCents fees { units amountCents } } }",
            id=purchase["invoiceId"],
        )
    ).ok("invoice")

    paid = (await org.admin(PAY, id=purchase["invoiceId"])).ok("updateInvoice")
    after = await org.admin(
        "query($id: ID!) { wallet(id: $id) { creditsBalance balanceCents } }", id=created["id"]
    )
    paid_twice = await org.admin(PAY, id=purchase["invoiceId"])

    assert created["creditsBalance"] == "0"
    assert (purchase["status"], purchase["source"], purchase["amountCents"]) == ("PENDING", "PURCHASED", 1575)
    assert invoice == {
        "invoiceType": "CREDIT",
        "status": "FINALIZED",
        "totalAmountCents": 1575,
        "fees": [{"units": "10.5", "amountCents": 1575}],
    }
    assert paid["paymentStatus"] == "SUCCEEDED"
    assert after.ok("wallet") == {"creditsBalance": "10.5", "balanceCents": 1575}
    assert paid_twice.error()["extensions"]["fields"] == {"paymentStatus": "the invoice is already paid"}


async def test_wallet_rules(factory: Factory) -> None:
    org = await factory.organization()
    customer = await _customer(org)
    created = (await org.admin(CREATE, **wallet(customer))).ok("createCustomerWallet")

    responses = {
        "second": await org.admin(CREATE, **wallet(customer)),
        "bad": await org.admin(
            CREATE, **wallet(customer, rateAmount="0", grantedCredits="-1", currency="EUR")
        ),
        "empty top-up": await org.admin(TOP_UP, input={"walletId": created["id"]}),
    }
    terminated = await org.admin(
        "mutation($id: ID!) { terminateCustomerWallet(input: {id: $id}) { status } }", id=created["id"]
    )
    after_end = await org.admin(TOP_UP, input={"walletId": created["id"], "grantedCredits": "5"})

    assert {name: r.error()["extensions"]["fields"] for name, r in responses.items()} == {
        "second": {"customerId": "already has an active wallet"},
        "bad": {"rateAmount": "must be greater than 0", "grantedCredits": "must be at least 0"},
        "empty top-up": {"grantedCredits": "give paid or granted credits (more than 0)"},
    }
    assert terminated.ok("terminateCustomerWallet") == {"status": "TERMINATED"}
    assert after_end.error()["extensions"]["fields"] == {"walletId": "the wallet is terminated"}


async def test_finance_sees_wallets_but_cannot_grant_credits(factory: Factory) -> None:
    org = await factory.organization()
    customer = await _customer(org)
    created = (await org.admin(CREATE, **wallet(customer, grantedCredits="1"))).ok("createCustomerWallet")
    finance = await factory.member(org, "finance")

    read = await finance("query($id: ID!) { customer(id: $id) { wallets { balanceCents } } }", id=customer)
    writes = [
        await finance(TOP_UP, input={"walletId": created["id"], "grantedCredits": "100"}),
        await finance(CREATE, **wallet(customer)),
        await finance(
            "mutation($id: ID!) { terminateCustomerWallet(input: {id: $id}) { status } }", id=created["id"]
        ),
        await finance(
            'mutation($id: ID!) { updateCustomerWallet(input: {id: $id, name: "x"}) { id } }',
            id=created["id"],
        ),
    ]

    assert read.ok("customer") == {"wallets": [{"balanceCents": 150}]}
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["wallets:top_up"],
        ["wallets:create"],
        ["wallets:terminate"],
        ["wallets:update"],
    ]


async def test_two_simultaneous_top_ups_both_land(committed_db: Database, settings: Settings) -> None:
    async with make_client(settings, committed_db) as client:
        factory = Factory(committed_db, settings, Api(client))
        org = await factory.organization()
        customer = await _customer(org)
        created = (await org.admin(CREATE, **wallet(customer))).ok("createCustomerWallet")

        answers = await asyncio.gather(
            *(org.admin(TOP_UP, input={"walletId": created["id"], "grantedCredits": "10"}) for _ in range(5))
        )

        assert [a.errors for a in answers] == [[]] * 5
        final = await org.admin(
            "query($id: ID!) { wallet(id: $id) { creditsBalance balanceCents } }", id=created["id"]
        )
        assert final.ok("wallet") == {"creditsBalance": "50", "balanceCents": 7500}
