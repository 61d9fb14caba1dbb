from __future__ import annotations

from typing import Any

import pytest

from tests.catalogue import metric, plan
from tests.helpers import Factory

FIELDS = """id code couponType amountCents amountCurrency percentageRate frequency frequencyDuration reusable
  expiration expirationAt status plans { code } billableMetrics { code }"""
CREATE = "mutation($input: CreateCouponInput!) { createCoupon(input: $input) { " + FIELDS + " } }"
UPDATE = "mutation($input: UpdateCouponInput!) { updateCoupon(input: $input) { " + FIELDS + " } }"
TERMINATE = "mutation($input: CouponIdInput!) { terminateCoupon(input: $input) { status terminatedAt } }"
DESTROY = "mutation($input: CouponIdInput!) { destroyCoupon(input: $input) { id } }"


def fixed(**extra: Any) -> dict[str, Any]:
    return {
        "name": "Welcome",
        "code": "welcome",
        "couponType": "FIXED_AMOUNT",
        "amountCents": 5000,
        "amountCurrency": "EUR",
        "frequency": "ONCE",
        **extra,
    }


def percentage(**extra: Any) -> dict[str, Any]:
    return {
        "name": "Launch",
        "code": "launch",
        "couponType": "PERCENTAGE",
        "percentageRate": "12.5",
        "frequency": "RECURRING",
        "frequencyDuration": 3,
        **extra,
    }


async def test_a_fixed_coupon_once_and_a_recurring_percentage_limited_to_plans(factory: Factory) -> None:
    org = await factory.organization()
    starter = await plan(org.admin, "starter", [])

    welcome = (await org.admin(CREATE, input=fixed(reusable=False))).ok("createCoupon")
    launch = (
        await org.admin(
            CREATE,
            input=percentage(
                expiration="TIME_LIMIT", expirationAt="2099-12-31T23:59:59Z", planIds=[starter["id"]]
            ),
        )
    ).ok("createCoupon")

    assert welcome | {"id": ""} == {
        "id": "",
        "code": "welcome",
        "couponType": "FIXED_AMOUNT",
        "amountCents": 5000,
        "amountCurrency": "EUR",
        "percentageRate": None,
        "frequency": "ONCE",
        "frequencyDuration": None,
        "reusable": False,
        "expiration": "NO_EXPIRATION",
        "expirationAt": None,
        "status": "ACTIVE",
        "plans": [],
        "billableMetrics": [],
    }
    assert launch["percentageRate"] == "12.5"
    assert launch["frequencyDuration"] == 3
    assert launch["expirationAt"] == "2099-12-31T23:59:59+00:00"
    assert launch["plans"] == [{"code": "starter"}]


@pytest.mark.parametrize(
    ("given", "fields"),
    [
        (fixed(amountCents=None), {"amountCents": "is required for a FIXED_AMOUNT coupon"}),
        (fixed(amountCurrency=None), {"amountCurrency": "is required for a FIXED_AMOUNT coupon"}),
        (fixed(percentageRate="5"), {"percentageRate": "applies only to PERCENTAGE coupons"}),
        (percentage(percentageRate="0"), {"percentageRate": "must be greater than 0"}),
        (percentage(percentageRate="101"), {"percentageRate": "must be at most 100"}),
        (
            percentage(frequencyDuration=None),
            {"frequencyDuration": "is required for a RECURRING coupon (how many periods)"},
        ),
        (fixed(frequencyDuration=2), {"frequencyDuration": "applies only to RECURRING coupons"}),
        (fixed(expiration="TIME_LIMIT"), {"expirationAt": "is required for a TIME_LIMIT coupon"}),
        (
            fixed(expiration="TIME_LIMIT", expirationAt="2020-01-01T00:00:00Z"),
            {"expirationAt": "must be in the future"},
        ),
        (fixed(expirationAt="2099-01-01T00:00:00Z"), {"expirationAt": "applies only to TIME_LIMIT coupons"}),
    ],
)
async def test_coupon_rules_are_enforced(
    factory: Factory, given: dict[str, Any], fields: dict[str, str]
) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE, input=given)

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == fields


async def test_limited_to_plans_or_metrics_but_not_both_and_only_own_ones(factory: Factory) -> None:
    org, other = await factory.organization(), await factory.organization()
    starter = await plan(org.admin, "starter", [])
    calls = await metric(org.admin, "api_calls")
    foreign = await plan(other.admin, "foreign", [])

    both = await org.admin(CREATE, input=fixed(planIds=[starter["id"]], billableMetricIds=[calls["id"]]))
    not_own = await org.admin(CREATE, input=fixed(planIds=[foreign["id"]]))
    metrics_only = await org.admin(CREATE, input=fixed(billableMetricIds=[calls["id"]]))

    assert both.error()["extensions"]["fields"] == {
        "billableMetricIds": "a coupon is limited to plans or to billable metrics, not both"
    }
    assert not_own.error()["extensions"]["fields"] == {"planIds": f"not found: {foreign['id']}"}
    assert metrics_only.ok("createCoupon")["billableMetrics"] == [{"code": "api_calls"}]


async def test_update_switches_type_and_terminate_then_freezes(factory: Factory) -> None:
    org = await factory.organization()
    coupon = (await org.admin(CREATE, input=fixed())).ok("createCoupon")

    switched = await org.admin(
        UPDATE, input={"id": coupon["id"], "couponType": "PERCENTAGE", "percentageRate": "10"}
    )
    terminated = await org.admin(TERMINATE, input={"id": coupon["id"]})
    frozen = await org.admin(UPDATE, input={"id": coupon["id"], "name": "again"})
    twice = await org.admin(TERMINATE, input={"id": coupon["id"]})

    assert switched.ok("updateCoupon") | {"id": ""} == {
        "id": "",
        "code": "welcome",
        "couponType": "PERCENTAGE",
        "amountCents": None,
        "amountCurrency": None,
        "percentageRate": "10",
        "frequency": "ONCE",
        "frequencyDuration": None,
        "reusable": True,
        "expiration": "NO_EXPIRATION",
        "expirationAt": None,
        "status": "ACTIVE",
        "plans": [],
        "billableMetrics": [],
    }
    assert terminated.ok("terminateCoupon")["status"] == "TERMINATED"
    assert frozen.error()["extensions"]["fields"] == {"id": "a terminated coupon cannot be changed"}
    assert twice.error()["extensions"]["fields"] == {"id": "the coupon is already terminated"}


async def test_destroying_hides_and_frees_the_code(factory: Factory) -> None:
    org = await factory.organization()
    coupon = (await org.admin(CREATE, input=fixed())).ok("createCoupon")

    destroyed = await org.admin(DESTROY, input={"id": coupon["id"]})
    again = await org.admin(CREATE, input=fixed())

    assert destroyed.ok("destroyCoupon") == {"id": coupon["id"]}
    assert again.ok("createCoupon")["code"] == "welcome"
    assert (
        await org.admin("query($id: ID!) { coupon(id: $id) { id } }", id=coupon["id"])
    ).code == "NOT_FOUND"


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_coupons_but_cannot_write(factory: Factory, role: str) -> None:
    org = await factory.organization()
    coupon = (await org.admin(CREATE, input=fixed())).ok("createCoupon")
    member = await factory.member(org, role)

    read = await member("{ coupons { collection { code status } } }")
    writes = [
        await member(CREATE, input=percentage()),
        await member(UPDATE, input={"id": coupon["id"], "name": "x"}),
        await member(TERMINATE, input={"id": coupon["id"]}),
        await member(DESTROY, input={"id": coupon["id"]}),
    ]

    assert read.ok("coupons") == {"collection": [{"code": "welcome", "status": "ACTIVE"}]}
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["coupons:create"],
        ["coupons:update"],
        ["coupons:update"],
        ["coupons:delete"],
    ]
