"""Billing subscriptions into invoices, scenario by scenario, amounts worked out by hand."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa

from app.db.engine import Database
from app.subscriptions.models import Subscription
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe, usage


async def test_a_plan_in_arrears_bills_its_fee_and_the_usage_at_the_end_of_the_period(
    setup: Setup, db: Database
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await usage(org, "sub_acme", [f"2026-01-{d:02}T10:00:00+00:00" for d in range(1, 31)] * 5)  # 150 calls
    await usage(org, "sub_acme", ["2026-02-01T00:00:00+00:00"])  # belongs to February

    before = await bill(db, "2026-01-31T23:59:59+00:00")
    report = await bill(db, "2026-02-01T00:00:01+00:00")

    assert (before.invoices, report.invoices) == (0, 1)
    (invoice,) = await invoices(org, acme)
    assert (invoice["status"], invoice["invoiceType"], invoice["issuingDate"]) == (
        "FINALIZED",
        "SUBSCRIPTION",
        "2026-02-01",
    )
    assert [(f["feeType"], f["units"], f["amountCents"], f["taxesAmountCents"]) for f in invoice["fees"]] == [
        ("SUBSCRIPTION", "1", 1000, 200),
        ("CHARGE", "150", 150, 30),
    ]
    assert (invoice["feesAmountCents"], invoice["taxesAmountCents"], invoice["totalAmountCents"]) == (
        1150,
        230,
        1380,
    )


async def test_a_plan_in_advance_bills_a_prorated_start_then_each_next_period_with_the_last_usage(
    setup: Setup, db: Database
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["advance"], "sub_acme", "2026-01-20T08:00:00+00:00")
    await usage(org, "sub_acme", ["2026-01-25T00:00:00+00:00"] * 7)

    await bill(db, "2026-02-01T00:00:00+00:00")

    start, february = await invoices(org, acme)
    assert start["issuingDate"] == "2026-01-20"
    assert [(f["feeType"], f["amountCents"]) for f in start["fees"]] == [
        ("SUBSCRIPTION", 1200)
    ]  # 12 of 31 days
    assert [(f["feeType"], f["units"], f["amountCents"]) for f in february["fees"]] == [
        ("CHARGE", "7", 7),
        ("SUBSCRIPTION", "1", 3100),
    ]
    assert february["fees"][1]["periodStart"] == "2026-02-01T00:00:00+00:00"


async def test_a_trial_is_free_and_the_fee_starts_after_it(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["trial"], "sub_acme", "2026-01-20T00:00:00+00:00")

    await bill(db, "2026-02-01T00:00:00+00:00")

    start, february = await invoices(org, acme)
    # trial: Jan 20 - Jan 29; billed: Jan 30 and 31, 2 days of 31
    assert [f["amountCents"] for f in start["fees"]] == [200]
    assert [f["amountCents"] for f in february["fees"]] == [3100]


async def test_a_termination_bills_the_days_used_and_nothing_after(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    subscription = await subscribe(
        org,
        acme,
        setup.plans["arrears"],
        "sub_acme",
        "2026-03-01T00:00:00+00:00",
        endingAt="2099-03-10T12:00:00Z",
    )
    await usage(org, "sub_acme", ["2026-03-05T00:00:00+00:00"] * 4)
    async with db.sessionmaker() as session:  # as if it had ended on March 10th at noon
        await session.execute(
            sa.update(Subscription)
            .where(Subscription.id == subscription)
            .values(ending_at=datetime(2026, 3, 10, 12, tzinfo=UTC))
        )
        await session.commit()

    report = await bill(db, "2026-06-01T00:00:00+00:00")

    (invoice,) = await invoices(org, acme)
    assert report.transitions == 1
    assert [(f["feeType"], f["amountCents"]) for f in invoice["fees"]] == [
        ("SUBSCRIPTION", 290),
        ("CHARGE", 4),
    ]
    # March 1st to 9th: the day it ends on is not billed (1000 x 9 / 31 = 290.32 -> 290)
    assert invoice["issuingDate"] == "2026-03-10"


COUPON = "mutation($input: CreateCouponInput!) { createCoupon(input: $input) { id } }"
APPLY = "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }"
APPLIED = "query($id: ID!) { customer(id: $id) { appliedCoupons { amountCentsRemaining frequencyDurationRemaining } } }"


async def test_coupons_before_taxes_a_fixed_one_carries_its_remainder_over(
    setup: Setup, db: Database
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    fixed = (
        await org.admin(
            COUPON,
            input={
                "name": "F",
                "code": "f",
                "couponType": "FIXED_AMOUNT",
                "amountCents": 1500,
                "amountCurrency": "EUR",
                "frequency": "ONCE",
            },
        )
    ).ok("createCoupon")["id"]
    (await org.admin(APPLY, c=acme, k=fixed)).ok()
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")

    await bill(db, "2026-02-01T00:00:00+00:00")
    left = (await org.admin(APPLIED, id=acme)).ok("customer")["appliedCoupons"]
    await bill(db, "2026-03-01T00:00:00+00:00")
    gone = (await org.admin(APPLIED, id=acme)).ok("customer")["appliedCoupons"]

    january, february = await invoices(org, acme)
    assert (january["couponsAmountCents"], january["taxesAmountCents"], january["totalAmountCents"]) == (
        1000,
        0,
        0,
    )
    assert left == [{"amountCentsRemaining": 500, "frequencyDurationRemaining": None}]
    assert (february["couponsAmountCents"], february["taxesAmountCents"], february["totalAmountCents"]) == (
        500,
        100,
        600,
    )
    assert gone == []


async def test_a_recurring_percentage_coupon_lasts_its_periods(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    coupon = (
        await org.admin(
            COUPON,
            input={
                "name": "P",
                "code": "p",
                "couponType": "PERCENTAGE",
                "percentageRate": "25",
                "frequency": "RECURRING",
                "frequencyDuration": 2,
            },
        )
    ).ok("createCoupon")["id"]
    (await org.admin(APPLY, c=acme, k=coupon)).ok()
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")

    await bill(db, "2026-04-01T00:00:00+00:00")

    assert [(i["couponsAmountCents"], i["totalAmountCents"]) for i in await invoices(org, acme)] == [
        (250, 900),
        (250, 900),
        (0, 1200),
    ]


async def test_prepaid_credits_pay_after_taxes_until_they_run_out(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    wallet = (
        await org.admin(
            'mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: "0.5",'
            ' grantedCredits: "40"}) { id } }',
            c=acme,
        )
    ).ok("createCustomerWallet")["id"]
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")

    await bill(db, "2026-04-01T00:00:00+00:00")

    assert [(i["prepaidCreditAmountCents"], i["totalAmountCents"]) for i in await invoices(org, acme)] == [
        (1200, 0),
        (800, 400),
        (0, 1200),
    ]
    left = (
        await org.admin(
            "query($id: ID!) { wallet(id: $id) { creditsBalance balanceCents consumedAmountCents } }",
            id=wallet,
        )
    ).ok("wallet")
    assert left == {"creditsBalance": "0", "balanceCents": 0, "consumedAmountCents": 2000}


async def test_drafts_take_late_usage_until_finalized_then_never_change(setup: Setup, db: Database) -> None:
    org = setup.org
    await org.admin("mutation { updateOrganization(input: {invoiceGracePeriod: 3}) { id } }")
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await usage(org, "sub_acme", ["2026-01-10T00:00:00+00:00"] * 3)
    await bill(db, "2026-02-01T00:00:00+00:00")
    (draft,) = await invoices(org, acme)

    await usage(org, "sub_acme", ["2026-01-31T23:00:00+00:00"] * 2)  # late, but in January
    refreshed = (
        await org.admin(
            "mutation($id: ID!) { refreshInvoice(input: {id: $id}) { status feesAmountCents } }",
            id=draft["id"],
        )
    ).ok("refreshInvoice")
    finalized = (
        await org.admin(
            "mutation($id: ID!) { finalizeInvoice(input: {id: $id}) { status number } }", id=draft["id"]
        )
    ).ok("finalizeInvoice")
    await usage(org, "sub_acme", ["2026-01-31T23:30:00+00:00"] * 9)
    again = await org.admin("mutation($id: ID!) { refreshInvoice(input: {id: $id}) { id } }", id=draft["id"])

    assert (draft["status"], draft["feesAmountCents"]) == ("DRAFT", 1003)
    assert refreshed == {"status": "DRAFT", "feesAmountCents": 1005}
    assert finalized == {"status": "FINALIZED", "number": draft["number"]}
    assert again.error()["extensions"]["fields"] == {
        "id": "only a draft can be refreshed; finalized invoices never change"
    }
    assert (await invoices(org, acme))[0]["feesAmountCents"] == 1005


async def test_the_billing_run_finalizes_drafts_when_the_grace_period_ends(
    setup: Setup, db: Database
) -> None:
    org = setup.org
    await org.admin("mutation { updateOrganization(input: {invoiceGracePeriod: 3}) { id } }")
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")

    await bill(db, "2026-02-03T12:00:00+00:00")
    still_draft = (await invoices(org, acme))[0]["status"]
    report = await bill(db, "2026-02-04T00:00:00+00:00")

    assert still_draft == "DRAFT"
    assert report.finalized == 1
    assert (await invoices(org, acme))[0]["status"] == "FINALIZED"


async def test_voiding_gives_the_credits_back(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    wallet = (
        await org.admin(
            'mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: "1",'
            ' grantedCredits: "5"}) { id } }',
            c=acme,
        )
    ).ok("createCustomerWallet")["id"]
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (invoice,) = await invoices(org, acme)

    voided = (
        await org.admin(
            "mutation($id: ID!) { voidInvoice(input: {id: $id}) { status voidedAt } }", id=invoice["id"]
        )
    ).ok("voidInvoice")
    twice = await org.admin(
        "mutation($id: ID!) { voidInvoice(input: {id: $id}) { status } }", id=invoice["id"]
    )
    balance = (await org.admin("query($id: ID!) { wallet(id: $id) { balanceCents } }", id=wallet)).ok(
        "wallet"
    )

    assert invoice["prepaidCreditAmountCents"] == 500
    assert voided["status"] == "VOIDED"
    assert twice.error()["extensions"]["fields"] == {
        "id": "only a finalized invoice can be voided (this one is voided)"
    }
    assert balance == {"balanceCents": 500}


async def test_invoice_lifecycle_needs_its_permissions(setup: Setup, db: Database, factory: object) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (invoice,) = await invoices(org, acme)
    manager = await factory.member(org, "manager")  # type: ignore[attr-defined]
    finance = await factory.member(org, "finance")  # type: ignore[attr-defined]

    denied = [
        await manager("mutation($id: ID!) { voidInvoice(input: {id: $id}) { id } }", id=invoice["id"]),
        await finance("mutation($id: ID!) { voidInvoice(input: {id: $id}) { id } }", id=invoice["id"]),
        await finance("mutation($id: ID!) { finalizeInvoice(input: {id: $id}) { id } }", id=invoice["id"]),
        await manager("mutation($id: ID!) { refreshInvoice(input: {id: $id}) { id } }", id=invoice["id"]),
    ]

    assert [d.error()["extensions"]["requiredPermissions"] for d in denied] == [
        ["invoices:void"],
        ["invoices:void"],
        ["invoices:update"],
        ["invoices:update"],
    ]


async def test_current_usage_is_rated_live(setup: Setup, db: Database) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    subscription = await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    now = datetime.now(UTC)
    await usage(org, "sub_acme", [now.replace(microsecond=0).isoformat()] * 12)
    await bill(db, now.isoformat())

    current = await org.admin(
        """query($c: ID!, $s: ID!) { customerUsage(customerId: $c, subscriptionId: $s) {
             fromDatetime toDatetime currency amountCents chargesUsage { units amountCents billableMetric { code } } } }""",
        c=acme,
        s=subscription,
    )

    result = current.ok("customerUsage")
    assert result["currency"] == "EUR"
    assert result["chargesUsage"] == [
        {"units": "12", "amountCents": 12, "billableMetric": {"code": "api_calls"}}
    ]
    assert result["amountCents"] == 12
    assert datetime.fromisoformat(result["fromDatetime"]).day == 1


async def test_an_upgrade_bills_the_old_plan_to_today_and_the_new_one_from_today(
    setup: Setup, db: Database
) -> None:
    org = setup.org
    acme = await customer(org, "acme")
    now = datetime.now(UTC)
    month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    old = await subscribe(org, acme, setup.plans["arrears"], "sub_acme", month_start.isoformat())
    upgraded = await org.admin(
        "mutation($id: ID!, $p: ID!) { changeSubscriptionPlan(input: {id: $id, planId: $p}) { id status } }",
        id=old,
        p=setup.plans["advance"],
    )

    await bill(db, (datetime.now(UTC) + timedelta(seconds=1)).isoformat())

    days = calendar.monthrange(now.year, now.month)[1]
    # The day of the change is the new plan's only: the old plan's days end the day before.
    used, left = now.day - 1, days - now.day + 1
    *ended, start = await invoices(org, acme)
    assert upgraded.ok("changeSubscriptionPlan")["status"] == "ACTIVE"
    old_fees = [(f["feeType"], f["amountCents"]) for invoice in ended for f in invoice["fees"]]
    assert old_fees == (
        [("SUBSCRIPTION", int((Decimal(1000) * used / days).quantize(Decimal(1), rounding=ROUND_HALF_UP)))]
        if used
        else []
    )
    assert [(f["feeType"], f["amountCents"]) for f in start["fees"]] == [
        ("SUBSCRIPTION", int((Decimal(3100) * left / days).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    ]
