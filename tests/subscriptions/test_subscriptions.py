"""Subscriptions: start now or later, negotiated prices, plan changes, termination, clock transitions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.db.engine import Database
from app.subscriptions.service import apply_due_transitions
from tests.catalogue import metric, plan
from tests.helpers import Factory, Member, Org

CREATE = """mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) {
  id externalId status startedAt subscriptionAt trialEndsAt billingTime endingAt
  plan { id code amountCents trialPeriod parent { code } taxes { code }
         charges { id properties { amount graduatedRanges { fromValue toValue perUnitAmount flatAmount } } } }
  customer { externalId currency } } }"""
UPDATE = """mutation($input: UpdateSubscriptionInput!) { updateSubscription(input: $input) {
  id name endingAt plan { id amountCents parent { code } } } }"""
CHANGE = """mutation($input: ChangeSubscriptionPlanInput!) { changeSubscriptionPlan(input: $input) {
  id status subscriptionAt plan { code } previousSubscription { id status nextSubscription { id } } } }"""
TERMINATE = (
    "mutation($id: ID!) { terminateSubscription(input: {id: $id}) { id status terminatedAt canceledAt } }"
)
GET = (
    "query($id: ID!) { subscription(id: $id) { id status plan { code } currentBillingPeriod { start end } } }"
)


async def _setup(factory: Factory) -> tuple[Org, dict[str, str], dict[str, Any]]:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    graduated = {
        "billableMetricId": calls["id"],
        "chargeModel": "GRADUATED",
        "properties": {
            "graduatedRanges": [
                {"fromValue": "0", "toValue": "1000", "perUnitAmount": "0"},
                {"fromValue": "1000", "perUnitAmount": "0.01"},
            ]
        },
    }
    plans = {
        "starter": (await plan(org.admin, "starter", [], amountCents=2900))["id"],
        "pro": (await plan(org.admin, "pro", [graduated], amountCents=9900, trialPeriod=14))["id"],
        "dollar": (await plan(org.admin, "dollar", [], amountCurrency="USD"))["id"],
    }
    customer = (
        await org.admin('mutation { createCustomer(input: {externalId: "cus_1", name: "Acme"}) { id } }')
    ).ok("createCustomer")
    return org, plans, customer


def subscribe(customer: dict[str, Any], plan_id: str, **extra: Any) -> dict[str, Any]:
    return {"input": {"customerId": customer["id"], "planId": plan_id, "externalId": "sub_1", **extra}}


async def _create(caller: Member, variables: dict[str, Any]) -> dict[str, Any]:
    return dict((await caller(CREATE, **variables)).ok("createSubscription"))


async def test_a_subscription_starting_now_is_active_with_its_trial_and_sets_the_currency(
    factory: Factory,
) -> None:
    org, plans, customer = await _setup(factory)

    created = await _create(org.admin, subscribe(customer, plans["pro"], billingTime="ANNIVERSARY"))

    started = datetime.fromisoformat(created["startedAt"])
    assert created["status"] == "ACTIVE"
    assert created["billingTime"] == "ANNIVERSARY"
    assert datetime.fromisoformat(created["trialEndsAt"]) - started == timedelta(days=14)
    assert created["customer"] == {"externalId": "cus_1", "currency": "EUR"}
    period = (await org.admin(GET, id=created["id"])).ok("subscription")["currentBillingPeriod"]
    assert datetime.fromisoformat(period["start"]) == started


async def test_a_subscription_starting_later_is_pending_until_it_comes_due(
    factory: Factory, db: Database
) -> None:
    org, plans, customer = await _setup(factory)
    later = datetime.now(UTC) + timedelta(days=3)

    created = await _create(
        org.admin, subscribe(customer, plans["starter"], subscriptionAt=later.isoformat())
    )
    async with db.sessionmaker() as session:
        early = await apply_due_transitions(session, datetime.now(UTC))
        due = await apply_due_transitions(session, later + timedelta(seconds=1))
        await session.commit()
    after = (await org.admin(GET, id=created["id"])).ok("subscription")

    assert created["status"] == "PENDING"
    assert created["startedAt"] is None
    assert (early, due) == (0, 1)
    assert after["status"] == "ACTIVE"


async def test_bad_input_is_refused_and_nothing_is_written(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    await _create(org.admin, subscribe(customer, plans["starter"]))

    responses = {
        "unknown plan": await org.admin(
            CREATE, **subscribe(customer, "8d4e1f2a-0000-4000-8000-000000000000")
        ),
        "currency": await org.admin(CREATE, **subscribe(customer, plans["dollar"], externalId="sub_2")),
        "external id": await org.admin(CREATE, **subscribe(customer, plans["pro"])),
        "ending": await org.admin(
            CREATE, **subscribe(customer, plans["pro"], externalId="sub_3", endingAt="2020-01-01T00:00:00Z")
        ),
    }

    assert {name: r.error()["extensions"]["fields"] for name, r in responses.items()} == {
        "unknown plan": {"planId": "no such plan"},
        "currency": {"planId": "the plan is in USD, the customer is billed in EUR"},
        "external id": {"externalId": "is already used by a live subscription"},
        "ending": {"endingAt": "must be after the start and in the future"},
    }
    listed = await org.admin("{ subscriptions { metadata { totalCount } } }")
    assert listed.ok("subscriptions")["metadata"]["totalCount"] == 1


async def test_negotiated_prices_leave_the_parent_plan_and_the_catalogue_alone(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    parent = (await org.admin("query($id: ID!) { plan(id: $id) { charges { id } } }", id=plans["pro"])).ok(
        "plan"
    )
    tiers = [
        {"fromValue": "0", "toValue": "5000", "perUnitAmount": "0"},
        {"fromValue": "5000", "perUnitAmount": "0.005"},
    ]
    overrides = {
        "amountCents": 5000,
        "trialPeriod": 30,
        "charges": [{"id": parent["charges"][0]["id"], "properties": {"graduatedRanges": tiers}}],
    }

    created = await _create(org.admin, subscribe(customer, plans["pro"], planOverrides=overrides))
    catalogue = await org.admin("{ plans { collection { code amountCents trialPeriod } } }")

    assert created["plan"]["parent"] == {"code": "pro"}
    assert (created["plan"]["amountCents"], created["plan"]["trialPeriod"]) == (5000, 30)
    assert created["plan"]["charges"][0]["properties"]["graduatedRanges"][1] == {
        "fromValue": "5000",
        "toValue": None,
        "perUnitAmount": "0.005",
        "flatAmount": "0",
    }
    assert sorted(
        (p["code"], p["amountCents"], p["trialPeriod"]) for p in catalogue.ok("plans")["collection"]
    ) == [
        ("dollar", 4900, 0),
        ("pro", 9900, 14),
        ("starter", 2900, 0),
    ]


async def test_an_override_with_an_invalid_tier_is_named_and_writes_nothing(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    parent = (await org.admin("query($id: ID!) { plan(id: $id) { charges { id } } }", id=plans["pro"])).ok(
        "plan"
    )
    bad = [
        {"fromValue": "0", "toValue": "10", "perUnitAmount": "0"},
        {"fromValue": "20", "perUnitAmount": "1"},
    ]

    response = await org.admin(
        CREATE,
        **subscribe(
            customer,
            plans["pro"],
            planOverrides={
                "charges": [{"id": parent["charges"][0]["id"], "properties": {"graduatedRanges": bad}}]
            },
        ),
    )

    assert response.error()["extensions"]["fields"] == {
        "planOverrides.charges.0.properties.graduatedRanges.1.fromValue": "must equal the previous tier's toValue (10)"
    }
    assert (await org.admin("{ subscriptions { metadata { totalCount } } }")).ok("subscriptions")[
        "metadata"
    ] == {"totalCount": 0}


async def test_renegotiating_a_running_subscription_creates_its_own_plan(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["starter"]))

    first = (await org.admin(UPDATE, input={"id": created["id"], "planOverrides": {"amountCents": 1900}})).ok(
        "updateSubscription"
    )
    second = (
        await org.admin(
            UPDATE, input={"id": created["id"], "name": "Acme main", "planOverrides": {"amountCents": 1500}}
        )
    ).ok("updateSubscription")

    assert first["plan"]["parent"] == {"code": "starter"}
    assert first["plan"]["amountCents"] == 1900
    assert second["plan"]["id"] == first["plan"]["id"]  # the same negotiated plan, a new version of it
    assert (second["name"], second["plan"]["amountCents"]) == ("Acme main", 1500)


async def test_an_upgrade_takes_effect_at_once_and_links_the_subscriptions(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["starter"]))

    upgraded = (await org.admin(CHANGE, input={"id": created["id"], "planId": plans["pro"]})).ok(
        "changeSubscriptionPlan"
    )

    assert upgraded["status"] == "ACTIVE"
    assert upgraded["plan"] == {"code": "pro"}
    assert upgraded["previousSubscription"] == {
        "id": created["id"],
        "status": "TERMINATED",
        "nextSubscription": None,
    }


async def test_a_downgrade_waits_for_the_end_of_the_period(factory: Factory, db: Database) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["pro"]))
    period_end = (await org.admin(GET, id=created["id"])).ok("subscription")["currentBillingPeriod"]["end"]

    downgraded = (await org.admin(CHANGE, input={"id": created["id"], "planId": plans["starter"]})).ok(
        "changeSubscriptionPlan"
    )
    async with db.sessionmaker() as session:
        await apply_due_transitions(session, datetime.fromisoformat(period_end) + timedelta(seconds=1))
        await session.commit()
    old = (await org.admin(GET, id=created["id"])).ok("subscription")
    new = (await org.admin(GET, id=downgraded["id"])).ok("subscription")

    assert downgraded["status"] == "PENDING"
    assert downgraded["subscriptionAt"] == period_end
    assert downgraded["previousSubscription"] == {
        "id": created["id"],
        "status": "ACTIVE",
        "nextSubscription": {"id": downgraded["id"]},
    }
    assert (old["status"], new["status"], new["plan"]) == ("TERMINATED", "ACTIVE", {"code": "starter"})


async def test_an_end_date_is_set_kept_when_absent_and_removed_on_request(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["pro"]))
    end = (datetime.now(UTC) + timedelta(days=90)).replace(microsecond=0)

    set_ = (await org.admin(UPDATE, input={"id": created["id"], "endingAt": end.isoformat()})).ok()
    kept = (await org.admin(UPDATE, input={"id": created["id"], "name": "renamed"})).ok()
    both = await org.admin(
        UPDATE, input={"id": created["id"], "endingAt": end.isoformat(), "clearEndingAt": True}
    )
    cleared = (await org.admin(UPDATE, input={"id": created["id"], "clearEndingAt": True})).ok()

    assert datetime.fromisoformat(set_["updateSubscription"]["endingAt"]) == end
    assert datetime.fromisoformat(kept["updateSubscription"]["endingAt"]) == end
    assert both.error()["extensions"]["code"] == "VALIDATION_ERROR"
    assert both.error()["extensions"]["fields"] == {"clearEndingAt": "cannot be given with endingAt"}
    assert cleared["updateSubscription"]["endingAt"] is None


async def test_terminating_ends_it_and_cancels_what_was_scheduled(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["pro"]))
    scheduled = (await org.admin(CHANGE, input={"id": created["id"], "planId": plans["starter"]})).ok(
        "changeSubscriptionPlan"
    )

    terminated = (await org.admin(TERMINATE, id=created["id"])).ok("terminateSubscription")
    successor = (await org.admin(GET, id=scheduled["id"])).ok("subscription")
    again = await org.admin(UPDATE, input={"id": created["id"], "name": "x"})

    assert terminated["status"] == "TERMINATED"
    assert successor["status"] == "CANCELED"
    assert again.error()["extensions"]["fields"] == {"id": "the subscription is terminated"}


async def test_live_subscriptions_protect_their_plan_and_customer(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["pro"]))

    plan_gone = await org.admin(
        "mutation($id: ID!) { destroyPlan(input: {id: $id}) { id } }", id=plans["pro"]
    )
    customer_gone = await org.admin(
        "mutation($id: ID!) { destroyCustomer(input: {id: $id}) { id } }", id=customer["id"]
    )
    repriced = await org.admin(
        "mutation($id: ID!) { updatePlan(input: {id: $id, interval: YEARLY}) { id } }", id=plans["pro"]
    )
    await org.admin(TERMINATE, id=created["id"])
    plan_gone_after = await org.admin(
        "mutation($id: ID!) { destroyPlan(input: {id: $id}) { id } }", id=plans["pro"]
    )

    assert plan_gone.error()["extensions"]["fields"] == {
        "id": "the plan has live subscriptions; terminate or move them first"
    }
    assert customer_gone.error()["extensions"]["fields"] == {
        "id": "the customer has live subscriptions; terminate them first"
    }
    assert repriced.error()["extensions"]["fields"] == {
        "interval": "cannot change while subscriptions use the plan"
    }
    assert plan_gone_after.ok("destroyPlan") == {"id": plans["pro"]}


async def test_lists_filter_by_customer_plan_and_status(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["pro"], planOverrides={"amountCents": 1}))
    await org.admin(TERMINATE, id=created["id"])
    await _create(org.admin, subscribe(customer, plans["starter"]))
    query = """query($c: ID, $p: ID, $s: [SubscriptionStatus!]) {
      subscriptions(customerId: $c, planId: $p, status: $s) { collection { plan { code } status } } }"""

    by_plan = (await org.admin(query, p=plans["pro"])).ok("subscriptions")["collection"]
    active = (await org.admin(query, c=customer["id"], s=["ACTIVE"])).ok("subscriptions")["collection"]

    assert by_plan == [{"plan": {"code": "pro"}, "status": "TERMINATED"}]  # the negotiated copy counts
    assert active == [{"plan": {"code": "starter"}, "status": "ACTIVE"}]


@pytest.mark.parametrize("role", ["finance"])
async def test_finance_reads_subscriptions_but_changes_none(factory: Factory, role: str) -> None:
    org, plans, customer = await _setup(factory)
    created = await _create(org.admin, subscribe(customer, plans["pro"]))
    member = await factory.member(org, role)

    read = await member(GET, id=created["id"])
    writes = [
        await member(CREATE, **subscribe(customer, plans["starter"], externalId="x")),
        await member(UPDATE, input={"id": created["id"], "name": "x"}),
        await member(CHANGE, input={"id": created["id"], "planId": plans["starter"]}),
        await member(TERMINATE, id=created["id"]),
    ]

    assert read.ok("subscription")["status"] == "ACTIVE"
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["subscriptions:create"],
        ["subscriptions:update"],
        ["subscriptions:update"],
        ["subscriptions:update"],
    ]


async def test_a_subscribed_customer_keeps_its_currency(factory: Factory) -> None:
    org, plans, customer = await _setup(factory)
    await _create(org.admin, subscribe(customer, plans["starter"]))

    response = await org.admin(
        'mutation($id: ID!) { updateCustomer(input: {id: $id, currency: "USD"}) { currency } }',
        id=customer["id"],
    )

    assert response.error()["extensions"]["fields"] == {
        "currency": "cannot change once the customer has subscriptions or invoices"
    }
