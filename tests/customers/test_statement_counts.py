"""The manager's customer list, with subscriptions, coupons and wallets, in the same number of
statements for 2 customers or 30."""

from __future__ import annotations

from app.db.engine import Database
from tests.catalogue import plan
from tests.conftest import count_statements
from tests.coupons.test_coupons import CREATE as CREATE_COUPON
from tests.coupons.test_coupons import percentage
from tests.helpers import Factory, Member

QUERY = """{ customers(limit: 50) { collection { externalId
  subscriptions { plan { name } } appliedCoupons { coupon { code } } wallets { balanceCents } } } }"""


async def _customers(admin: Member, plan_id: str, coupon_id: str, start: int, count: int) -> None:
    for index in range(start, start + count):
        customer = (
            await admin(
                "mutation($e: String!) { createCustomer(input: {externalId: $e, name: $e}) { id } }",
                e=f"c{index:02}",
            )
        ).ok("createCustomer")["id"]
        for document, variables in (
            (
                "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }",
                {"customerId": customer, "planId": plan_id, "externalId": f"s{index}"},
            ),
            (
                "mutation($input: CreateAppliedCouponInput!) { createAppliedCoupon(input: $input) { id } }",
                {"customerId": customer, "couponId": coupon_id},
            ),
            (
                "mutation($input: CreateCustomerWalletInput!) { createCustomerWallet(input: $input) { id } }",
                {"customerId": customer, "currency": "EUR", "rateAmount": "1", "grantedCredits": "5"},
            ),
        ):
            (await admin(document, input=variables)).ok()


async def test_statements_do_not_grow_with_the_page(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    pro = await plan(org.admin, "pro", [])
    coupon = (await org.admin(CREATE_COUPON, input=percentage())).ok("createCoupon")
    await _customers(org.admin, pro["id"], coupon["id"], 0, 2)
    with count_statements(db) as few:
        small = (await org.admin(QUERY)).ok("customers")["collection"]

    await _customers(org.admin, pro["id"], coupon["id"], 2, 28)
    with count_statements(db) as many:
        large = (await org.admin(QUERY)).ok("customers")["collection"]

    assert (len(small), len(large)) == (2, 30)
    assert large[0] == {
        "externalId": "c00",
        "subscriptions": [{"plan": {"name": "Pro"}}],
        "appliedCoupons": [{"coupon": {"code": "launch"}}],
        "wallets": [{"balanceCents": 500}],
    }
    assert (
        len(few) == len(many) <= 9
    )  # actor, scope, count, page, subscriptions, plans, applied, coupons, wallets


async def test_objects_of_a_page_answer_later_lookups_without_a_statement(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    pro = await plan(org.admin, "pro", [])
    coupon = (await org.admin(CREATE_COUPON, input=percentage())).ok("createCoupon")
    await _customers(org.admin, pro["id"], coupon["id"], 0, 3)
    alone = "{ customers { collection { subscriptions { plan { name } } } } }"
    with_plans = (
        "{ customers { collection { subscriptions { plan { name } } } } plans { collection { id } } }"
    )
    with count_statements(db) as first:
        (await org.admin(alone)).ok()
    with count_statements(db) as second:
        answer = (await org.admin(with_plans)).ok()

    assert answer["plans"] == {"collection": [{"id": pro["id"]}]}
    # the plans page costs its own statement and saves the lookup of the subscriptions' plan
    assert len(second) == len(first)
    assert [any("plans.id IN" in statement for statement in run) for run in (first, second)] == [True, False]
