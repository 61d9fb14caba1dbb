"""Coupons on customers: the rules, the permissions both ways, and two racing attachments."""

from __future__ import annotations

import asyncio
from typing import Any

import sqlalchemy as sa

from app.coupons.models import Coupon, CouponExpiration
from app.db.engine import Database
from app.settings import Settings
from tests.conftest import make_client
from tests.coupons.test_coupons import CREATE as CREATE_COUPON
from tests.coupons.test_coupons import fixed, percentage
from tests.helpers import Api, Factory, Org

APPLY = """mutation($input: CreateAppliedCouponInput!) { createAppliedCoupon(input: $input) {
  id status amountCents amountCentsRemaining amountCurrency percentageRate frequency frequencyDuration
  frequencyDurationRemaining coupon { code } } }"""
DETACH = "mutation($id: ID!) { terminateAppliedCoupon(input: {id: $id}) { id status terminatedAt } }"
CUSTOMER = (
    'mutation($c: String) { createCustomer(input: {externalId: "cus_1", name: "Acme", currency: $c}) { id } }'
)


async def _setup(org: Org, currency: str | None = "EUR") -> tuple[str, dict[str, str]]:
    customer = (await org.admin(CUSTOMER, c=currency)).ok("createCustomer")["id"]
    coupons = {
        "welcome": (await org.admin(CREATE_COUPON, input=fixed(reusable=False))).ok("createCoupon")["id"],
        "launch": (await org.admin(CREATE_COUPON, input=percentage())).ok("createCoupon")["id"],
        "dollars": (await org.admin(CREATE_COUPON, input=fixed(code="dollars", amountCurrency="USD"))).ok(
            "createCoupon"
        )["id"],
    }
    return customer, coupons


def apply(customer: str, coupon: str, **extra: Any) -> dict[str, Any]:
    return {"input": {"customerId": customer, "couponId": coupon, **extra}}


async def test_coupons_are_applied_on_their_terms_or_on_negotiated_ones(factory: Factory) -> None:
    org = await factory.organization()
    customer, coupons = await _setup(org)

    welcome = (await org.admin(APPLY, **apply(customer, coupons["welcome"], amountCents=7500))).ok(
        "createAppliedCoupon"
    )
    launch = (await org.admin(APPLY, **apply(customer, coupons["launch"], frequencyDuration=6))).ok(
        "createAppliedCoupon"
    )

    assert welcome | {"id": ""} == {
        "id": "",
        "status": "ACTIVE",
        "amountCents": 7500,
        "amountCentsRemaining": 7500,
        "amountCurrency": "EUR",
        "percentageRate": None,
        "frequency": "ONCE",
        "frequencyDuration": None,
        "frequencyDurationRemaining": None,
        "coupon": {"code": "welcome"},
    }
    assert (launch["percentageRate"], launch["frequencyDuration"], launch["frequencyDurationRemaining"]) == (
        "12.5",
        6,
        6,
    )


async def test_the_rules_of_application(factory: Factory) -> None:
    org = await factory.organization()
    customer, coupons = await _setup(org)
    (await org.admin(APPLY, **apply(customer, coupons["welcome"]))).ok()
    await org.admin("mutation($id: ID!) { terminateCoupon(input: {id: $id}) { id } }", id=coupons["launch"])

    refused = {
        "twice": await org.admin(APPLY, **apply(customer, coupons["welcome"])),
        "terminated": await org.admin(APPLY, **apply(customer, coupons["launch"])),
        "currency": await org.admin(APPLY, **apply(customer, coupons["dollars"])),
        "unknown": await org.admin(APPLY, **apply(customer, "8d4e1f2a-0000-4000-8000-000000000000")),
    }

    assert {name: r.error()["extensions"]["fields"] for name, r in refused.items()} == {
        "twice": {"couponId": "is already applied to this customer (not reusable)"},
        "terminated": {"couponId": "the coupon is terminated"},
        "currency": {"couponId": "the coupon is in USD, the customer is billed in EUR"},
        "unknown": {"couponId": "no such coupon"},
    }
    current = await org.admin(
        "query($id: ID!) { customer(id: $id) { appliedCoupons { coupon { code } } } }", id=customer
    )
    assert current.ok("customer") == {"appliedCoupons": [{"coupon": {"code": "welcome"}}]}


async def test_an_applied_coupon_fixes_the_coupons_terms(factory: Factory) -> None:
    org = await factory.organization()
    customer, coupons = await _setup(org)
    (await org.admin(APPLY, **apply(customer, coupons["launch"]))).ok()

    changed = await org.admin(
        'mutation($id: ID!) { updateCoupon(input: {id: $id, percentageRate: "50", name: "Big"}) { id } }',
        id=coupons["launch"],
    )
    renamed = await org.admin(
        'mutation($id: ID!) { updateCoupon(input: {id: $id, name: "Launch 2027"}) { id } }',
        id=coupons["launch"],
    )

    assert changed.error()["extensions"]["fields"] == {
        "percentageRate": "cannot change once the coupon is applied to a customer"
    }
    assert renamed.ok("updateCoupon") == {"id": coupons["launch"]}


async def test_a_role_with_only_coupons_attach_attaches_but_cannot_detach(factory: Factory) -> None:
    org = await factory.organization()
    customer, coupons = await _setup(org)
    await factory.role(org, "attacher", ["coupons:attach"])
    attacher = await factory.member(org, "attacher")

    attached = await attacher(APPLY, **apply(customer, coupons["launch"]))
    detached = await attacher(DETACH, id=attached.ok("createAppliedCoupon")["id"])
    by_admin = await org.admin(DETACH, id=attached.ok("createAppliedCoupon")["id"])

    assert attached.ok("createAppliedCoupon")["status"] == "ACTIVE"
    assert detached.code == "FORBIDDEN"
    assert detached.error()["extensions"]["requiredPermissions"] == ["coupons:detach"]
    assert by_admin.ok("terminateAppliedCoupon")["status"] == "TERMINATED"


async def test_finance_can_neither_attach_nor_detach(factory: Factory) -> None:
    org = await factory.organization()
    customer, coupons = await _setup(org)
    applied = (await org.admin(APPLY, **apply(customer, coupons["launch"]))).ok("createAppliedCoupon")
    finance = await factory.member(org, "finance")

    attach = await finance(APPLY, **apply(customer, coupons["welcome"]))
    detach = await finance(DETACH, id=applied["id"])

    assert (attach.code, detach.code) == ("FORBIDDEN", "FORBIDDEN")


async def test_two_simultaneous_attachments_of_a_one_time_coupon_leave_exactly_one(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as client:
        factory = Factory(committed_db, settings, Api(client))
        org = await factory.organization()
        customer, coupons = await _setup(org)

        answers = await asyncio.gather(
            *(org.admin(APPLY, **apply(customer, coupons["welcome"])) for _ in range(4))
        )

        assert sorted("OK" if not a.errors else a.code for a in answers) == ["OK"] + ["VALIDATION_ERROR"] * 3
        applied = await org.admin(
            "query($id: ID!) { customer(id: $id) { appliedCoupons { coupon { code } } } }", id=customer
        )
        assert applied.ok("customer")["appliedCoupons"] == [{"coupon": {"code": "welcome"}}]


async def test_an_expired_coupon_cannot_be_applied(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    customer, coupons = await _setup(org)
    async with db.sessionmaker() as session:
        await session.execute(
            sa.update(Coupon)
            .where(Coupon.id == coupons["launch"])
            .values(
                expiration=CouponExpiration.TIME_LIMIT,
                expiration_at=sa.func.now() - sa.text("interval '1 day'"),
            )
        )
        await session.commit()

    response = await org.admin(APPLY, **apply(customer, coupons["launch"]))
    status = await org.admin("query($id: ID!) { coupon(id: $id) { status } }", id=coupons["launch"])

    assert response.error()["extensions"]["fields"] == {"couponId": "the coupon has expired"}
    assert status.ok("coupon") == {"status": "EXPIRED"}
