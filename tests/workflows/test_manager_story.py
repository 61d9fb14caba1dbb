"""The account manager's day, through the graph, on the demo organization: find a customer, subscribe it
to Pro at a negotiated price with a cheaper tier, apply the welcome coupon, invoice the onboarding add-on,
grant 100 credits. Then the same story as finance (every write refused, every read allowed) and admin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from app.db.engine import Database
from app.demo import seed
from app.settings import Settings
from app.users import service as users
from tests.helpers import Api, Response

FIND = """query($s: String) { customers(searchTerm: $s) { collection { id externalId currency } } }"""
CATALOGUE = """{ plans { collection { id code amountCents charges { id chargeModel
  properties { graduatedRanges { fromValue toValue perUnitAmount flatAmount } } } } }
  coupons { collection { id code } } addOns { collection { id code amountCents } } }"""
SUBSCRIBE = """mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) {
  id status externalId plan { id code amountCents parent { code }
  charges { chargeModel properties { graduatedRanges { fromValue toValue perUnitAmount flatAmount } } } } } }"""
APPLY = """mutation($input: CreateAppliedCouponInput!) { createAppliedCoupon(input: $input) {
  id status percentageRate frequencyDurationRemaining coupon { code } } }"""
INVOICE = """mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) {
  number status invoiceType currency feesAmountCents taxesAmountCents totalAmountCents
  fees { description units amountCents appliedTaxes { taxCode taxRate amountCents } } } }"""
WALLET = """mutation($input: CreateCustomerWalletInput!) { createCustomerWallet(input: $input) {
  id status creditsBalance balanceCents rateAmount } }"""
READS = """query($id: ID!) { customer(id: $id) { externalId
  subscriptions { externalId plan { code } } appliedCoupons { coupon { code } } wallets { balanceCents }
  invoices { number } }
  subscriptions { metadata { totalCount } } invoices { metadata { totalCount } } }"""


@dataclass
class Story:
    customer_id: str
    pro: dict[str, Any]
    welcome_id: str
    onboarding_id: str


def cheaper_tiers(pro: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    graduated = next(c for c in pro["charges"] if c["chargeModel"] == "GRADUATED")
    tiers = [dict(tier) for tier in graduated["properties"]["graduatedRanges"]]
    tiers[1]["perUnitAmount"] = "0.0008"  # negotiated: cheaper second tier
    return graduated["id"], tiers


async def sign_in(db: Database, settings: Settings, email: str) -> str:
    async with db.sessionmaker() as session:
        await seed.load(session, settings, with_history=False)
        user = await users.find_by_email(session, email)
        await session.commit()
    assert user is not None
    return users.access_token(settings, user)


async def prepare(api: Api, token: str) -> Story:
    customer = (await api(FIND, {"s": "Acme"}, token=token)).ok("customers")["collection"][0]
    catalogue = (await api(CATALOGUE, token=token)).ok()
    pro = next(p for p in catalogue["plans"]["collection"] if p["code"] == "pro")
    welcome = next(c for c in catalogue["coupons"]["collection"] if c["code"] == "welcome")
    onboarding = next(a for a in catalogue["addOns"]["collection"] if a["code"] == "onboarding")
    return Story(customer["id"], pro, welcome["id"], onboarding["id"])


async def run_story(api: Api, token: str, story: Story) -> list[Response]:
    charge_id, tiers = cheaper_tiers(story.pro)
    overrides = {
        "amountCents": 7900,
        "charges": [{"id": charge_id, "properties": {"graduatedRanges": tiers}}],
    }
    return [
        await api(
            SUBSCRIBE,
            {
                "input": {
                    "customerId": story.customer_id,
                    "planId": story.pro["id"],
                    "externalId": "sub_acme_pro",
                    "planOverrides": overrides,
                }
            },
            token=token,
        ),
        await api(
            APPLY, {"input": {"customerId": story.customer_id, "couponId": story.welcome_id}}, token=token
        ),
        await api(
            INVOICE,
            {
                "input": {
                    "customerId": story.customer_id,
                    "currency": "EUR",
                    "fees": [{"addOnId": story.onboarding_id}],
                }
            },
            token=token,
        ),
        await api(
            WALLET,
            {
                "input": {
                    "customerId": story.customer_id,
                    "currency": "EUR",
                    "rateAmount": "1",
                    "grantedCredits": "100",
                    "name": "Goodwill",
                }
            },
            token=token,
        ),
    ]


async def test_a_manager_runs_the_whole_story(db: Database, settings: Settings, api: Api) -> None:
    token = await sign_in(db, settings, "manager@demo.billgraph.dev")
    story = await prepare(api, token)

    subscribed, applied, invoiced, wallet = (r.ok() for r in await run_story(api, token, story))

    subscription = subscribed["createSubscription"]
    assert subscription["status"] == "ACTIVE"
    assert subscription["plan"]["amountCents"] == 7900
    assert subscription["plan"]["parent"] == {"code": "pro"}
    assert subscription["plan"]["id"] != story.pro["id"]
    graduated = next(c for c in subscription["plan"]["charges"] if c["chargeModel"] == "GRADUATED")
    assert graduated["properties"]["graduatedRanges"][1]["perUnitAmount"] == "0.0008"
    assert applied["createAppliedCoupon"] == {
        "id": applied["createAppliedCoupon"]["id"],
        "status": "ACTIVE",
        "percentageRate": "10",
        "frequencyDurationRemaining": 3,
        "coupon": {"code": "welcome"},
    }
    invoice = invoiced["createInvoice"]
    assert (invoice["status"], invoice["invoiceType"], invoice["currency"]) == ("FINALIZED", "ONE_OFF", "EUR")
    assert (invoice["feesAmountCents"], invoice["taxesAmountCents"], invoice["totalAmountCents"]) == (
        150000,
        30000,
        180000,
    )
    assert invoice["fees"] == [
        {
            "description": "Onboarding",
            "units": "1",
            "amountCents": 150000,
            "appliedTaxes": [{"taxCode": "vat_20", "taxRate": "20", "amountCents": 30000}],
        }
    ]
    assert wallet["createCustomerWallet"] | {"id": ""} == {
        "id": "",
        "status": "ACTIVE",
        "creditsBalance": "100",
        "balanceCents": 10000,
        "rateAmount": "1",
    }
    # the catalogue is untouched: Pro's price and tiers, and the plan list without the negotiated copy
    after = (await api(CATALOGUE, token=token)).ok()["plans"]["collection"]
    assert next(p for p in after if p["code"] == "pro") == story.pro
    assert sorted(p["code"] for p in after) == ["enterprise", "pro", "starter"]
    reads = (await api(READS, {"id": story.customer_id}, token=token)).ok()
    assert reads["customer"] == {
        "externalId": "cus_acme",
        "subscriptions": [{"externalId": "sub_acme_pro", "plan": {"code": "pro"}}],
        "appliedCoupons": [{"coupon": {"code": "welcome"}}],
        "wallets": [{"balanceCents": 10000}],
        "invoices": [{"number": invoice["number"]}],
    }


async def test_finance_reads_everything_of_the_story_and_writes_nothing(
    db: Database, settings: Settings, api: Api
) -> None:
    token = await sign_in(db, settings, "finance@demo.billgraph.dev")
    story = await prepare(api, token)

    writes = await run_story(api, token, story)
    reads = await api(READS, {"id": story.customer_id}, token=token)

    assert [w.code for w in writes] == ["FORBIDDEN"] * 4
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["subscriptions:create"],
        ["coupons:attach"],
        ["invoices:create"],
        ["wallets:create"],
    ]
    assert reads.ok()["customer"] == {
        "externalId": "cus_acme",
        "subscriptions": [],
        "appliedCoupons": [],
        "wallets": [],
        "invoices": [],
    }


@pytest.mark.parametrize("email", ["admin@demo.billgraph.dev"])
async def test_an_admin_runs_the_story_too(db: Database, settings: Settings, api: Api, email: str) -> None:
    token = await sign_in(db, settings, email)
    story = await prepare(api, token)

    responses = await run_story(api, token, story)

    assert all(not response.errors for response in responses), [r.errors for r in responses]
