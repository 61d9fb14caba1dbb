"""Plans and charges through the graph: every charge model, the rules, versions, permissions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.db.engine import Database
from app.plans import service
from tests.catalogue import CREATE_PLAN, UPDATE_PLAN, metric, plan, plan_input, standard, tax
from tests.helpers import Factory, Org

DESTROY = "mutation($input: DestroyPlanInput!) { destroyPlan(input: $input) { id } }"


async def _metrics(org: Org) -> dict[str, str]:
    return {
        "calls": (await metric(org.admin, "api_calls"))["id"],
        "storage": (await metric(org.admin, "storage_gb", "MAX_AGG", "gb"))["id"],
        "seats": (await metric(org.admin, "seats", "UNIQUE_COUNT_AGG", "user_id"))["id"],
        "volume": (await metric(org.admin, "payment_volume", "SUM_AGG", "amount"))["id"],
    }


def _every_model(m: dict[str, str]) -> list[dict[str, Any]]:
    return [
        standard(m["calls"], "0.001"),
        {
            "billableMetricId": m["calls"],
            "chargeModel": "GRADUATED",
            "properties": {
                "graduatedRanges": [
                    {"fromValue": "0", "toValue": "10000", "perUnitAmount": "0", "flatAmount": "0"},
                    {"fromValue": "10000", "toValue": None, "perUnitAmount": "0.0005", "flatAmount": "10"},
                ]
            },
        },
        {
            "billableMetricId": m["seats"],
            "chargeModel": "VOLUME",
            "properties": {
                "volumeRanges": [
                    {"fromValue": "0", "toValue": "10", "perUnitAmount": "12"},
                    {"fromValue": "10", "perUnitAmount": "9.5"},
                ]
            },
        },
        {
            "billableMetricId": m["storage"],
            "chargeModel": "PACKAGE",
            "properties": {"amount": "5", "packageSize": 100, "freeUnits": 10},
        },
        {
            "billableMetricId": m["volume"],
            "chargeModel": "PERCENTAGE",
            "properties": {"rate": "1.5", "fixedAmount": "0.25", "perTransactionMaxAmount": "30"},
        },
    ]


async def test_a_plan_with_every_charge_model_and_its_taxes(factory: Factory) -> None:
    org = await factory.organization()
    m = await _metrics(org)
    await tax(org.admin, "vat", "20")

    created = await plan(
        org.admin, "pro", _every_model(m), taxCodes=["vat"], trialPeriod=14, payInAdvance=True
    )

    assert created["amountCents"] == 4900
    assert created["trialPeriod"] == 14
    assert created["taxes"] == [{"code": "vat", "rate": "20"}]
    assert [(c["chargeModel"], c["billableMetric"]["code"]) for c in created["charges"]] == [
        ("STANDARD", "api_calls"),
        ("GRADUATED", "api_calls"),
        ("VOLUME", "seats"),
        ("PACKAGE", "storage_gb"),
        ("PERCENTAGE", "payment_volume"),
    ]
    graduated = created["charges"][1]["properties"]["graduatedRanges"]
    assert graduated == [
        {"fromValue": "0", "toValue": "10000", "perUnitAmount": "0", "flatAmount": "0"},
        {"fromValue": "10000", "toValue": None, "perUnitAmount": "0.0005", "flatAmount": "10"},
    ]
    assert created["charges"][2]["properties"]["volumeRanges"][1] == {
        "fromValue": "10",
        "toValue": None,
        "perUnitAmount": "9.5",
        "flatAmount": "0",
    }
    assert created["charges"][3]["properties"] | {} == {
        "amount": "5",
        "packageSize": 100,
        "freeUnits": 10,
        "rate": None,
        "fixedAmount": None,
        "freeUnitsPerEvents": None,
        "freeUnitsPerTotalAggregation": None,
        "perTransactionMinAmount": None,
        "perTransactionMaxAmount": None,
        "graduatedRanges": None,
        "volumeRanges": None,
    }
    assert created["charges"][4]["properties"]["rate"] == "1.5"


@pytest.mark.parametrize(
    ("charge", "fields"),
    [
        (
            {
                "chargeModel": "GRADUATED",
                "properties": {
                    "graduatedRanges": [
                        {"fromValue": "0", "toValue": "10", "perUnitAmount": "1"},
                        {"fromValue": "12", "perUnitAmount": "1"},
                    ]
                },
            },
            {
                "charges.0.properties.graduatedRanges.1.fromValue": (
                    "must equal the previous tier's toValue (10)"
                )
            },
        ),
        (
            {"chargeModel": "STANDARD", "properties": {"amount": "-5"}},
            {"charges.0.properties.amount": "must be at least 0"},
        ),
        (
            {"chargeModel": "PERCENTAGE", "properties": {"rate": "150"}},
            {
                "charges.0.properties.rate": "must be at most 100",
                "charges.0.chargeModel": "PERCENTAGE applies to a summed amount (a SUM_AGG metric)",
            },
        ),
        (
            {
                "chargeModel": "STANDARD",
                "payInAdvance": True,
                "invoiceable": False,
                "properties": {"amount": "1"},
            },
            {
                "charges.0.payInAdvance": "usage is billed in arrears: pay-in-advance charges are not offered",
                "charges.0.invoiceable": "every charge is invoiced",
            },
        ),
    ],
)
async def test_bad_charges_are_named_by_path_and_nothing_is_written(
    factory: Factory, charge: dict[str, Any], fields: dict[str, str]
) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")

    response = await org.admin(
        CREATE_PLAN, input=plan_input("bad", [{"billableMetricId": calls["id"], **charge}])
    )

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == fields
    assert (await org.admin("{ plans { metadata { totalCount } } }")).ok("plans")["metadata"][
        "totalCount"
    ] == 0


async def test_plan_fields_are_validated(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(
        CREATE_PLAN,
        input=plan_input(
            "Bad Code",
            [standard(str(uuid.uuid4()))],
            amountCents=-1,
            amountCurrency="EURO",
            trialPeriod=-3,
            taxCodes=["nope"],
        ),
    )

    assert response.error()["extensions"]["fields"] == {
        "code": "must be lower-case letters, digits and underscores, starting with a letter",
        "amountCurrency": "'EURO' is not an ISO 4217 currency code",
        "trialPeriod": "must be at least 0",
        "amountCents": "must be at least 0",
        "charges.0.billableMetricId": "no such billable metric",
    }


async def test_another_organizations_metric_cannot_be_priced(factory: Factory) -> None:
    org, other = await factory.organization(), await factory.organization()
    foreign = await metric(other.admin, "api_calls")

    response = await org.admin(CREATE_PLAN, input=plan_input("p", [standard(foreign["id"])]))

    assert response.error()["extensions"]["fields"] == {
        "charges.0.billableMetricId": "no such billable metric"
    }


async def test_an_unknown_tax_code_is_named(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE_PLAN, input=plan_input("p", [], taxCodes=["vat", "gst"]))

    assert response.error()["extensions"]["fields"] == {"taxCodes": "unknown tax: vat, gst"}


async def test_codes_are_unique_per_organization(factory: Factory) -> None:
    first, second = await factory.organization(), await factory.organization()
    await plan(first.admin, "starter", [])

    again = await first.admin(CREATE_PLAN, input=plan_input("starter", []))
    elsewhere = await plan(second.admin, "starter", [])

    assert again.error()["extensions"]["fields"] == {"code": "is already used by another plan"}
    assert elsewhere["code"] == "starter"


async def test_a_price_change_is_a_new_version_that_applies_to_later_periods(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    created = await plan(org.admin, "starter", [standard(calls["id"], "0.01")])
    before_change = datetime.now(UTC)

    renamed = await org.admin(UPDATE_PLAN, input={"id": created["id"], "name": "Starter 2027"})
    repriced = await org.admin(
        UPDATE_PLAN,
        input={"id": created["id"], "amountCents": 5900, "charges": [standard(calls["id"], "0.02")]},
    )

    assert renamed.ok("updatePlan")["charges"][0]["id"] == created["charges"][0]["id"]  # same version
    new = repriced.ok("updatePlan")
    assert new["amountCents"] == 5900
    assert new["charges"][0]["properties"]["amount"] == "0.02"
    assert new["charges"][0]["id"] != created["charges"][0]["id"]
    plan_id = uuid.UUID(created["id"])
    async with db.sessionmaker() as session:
        earlier = await service.version_at(session, plan_id, before_change)
        later = await service.version_at(session, plan_id, datetime.now(UTC) + timedelta(days=31))
    assert (earlier.number, earlier.amount_cents) == (1, 4900)
    assert (later.number, later.amount_cents) == (2, 5900)


async def test_a_plans_versions_are_in_the_graph_newest_first_with_their_own_charges(
    factory: Factory,
) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    created = await plan(org.admin, "starter", [standard(calls["id"], "0.01")])
    await org.admin(
        UPDATE_PLAN,
        input={"id": created["id"], "amountCents": 5900, "charges": [standard(calls["id"], "0.02")]},
    )

    answer = await org.admin(
        "query($id: ID!) { plan(id: $id) { versions { number effectiveFrom amountCents "
        "charges { properties { amount } } } } }",
        id=created["id"],
    )

    versions = answer.ok("plan")["versions"]
    assert [(v["number"], v["amountCents"], v["charges"][0]["properties"]["amount"]) for v in versions] == [
        (2, 5900, "0.02"),
        (1, 4900, "0.01"),
    ]
    assert versions[1]["effectiveFrom"] < versions[0]["effectiveFrom"]


async def test_a_destroyed_plan_leaves_the_catalogue_and_frees_its_code(factory: Factory) -> None:
    org = await factory.organization()
    created = await plan(org.admin, "starter", [])

    destroyed = await org.admin(DESTROY, input={"id": created["id"]})
    missing = await org.admin("query($id: ID!) { plan(id: $id) { id } }", id=created["id"])
    again = await plan(org.admin, "starter", [])

    assert destroyed.ok("destroyPlan") == {"id": created["id"]}
    assert missing.code == "NOT_FOUND"
    assert again["code"] == "starter"


async def test_a_custom_role_with_only_plans_create_creates_a_plan_and_nothing_else(factory: Factory) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    await factory.role(org, "plan_author", ["plans:create"])
    author = await factory.member(org, "plan_author")

    created = await author(  # a plan's taxes and metrics need their own views (relations)
        "mutation($input: CreatePlanInput!) { createPlan(input: $input) { id code } }",
        input=plan_input("starter", [standard(calls["id"])]),
    )
    denied = [
        await author(UPDATE_PLAN, input={"id": created.ok("createPlan")["id"], "name": "x"}),
        await author(DESTROY, input={"id": created.ok("createPlan")["id"]}),
        await author("{ plans { metadata { totalCount } } }"),
        await author(
            'mutation { createBillableMetric(input: {name: "x", code: "x", aggregationType: COUNT_AGG}) '
            "{ id } }"
        ),
    ]

    assert created.ok("createPlan")["code"] == "starter"
    assert [d.error()["extensions"]["requiredPermissions"] for d in denied] == [
        ["plans:update"],
        ["plans:delete"],
        ["plans:view"],
        ["billable_metrics:create"],
    ]


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_plans_but_cannot_write(factory: Factory, role: str) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    created = await plan(org.admin, "starter", [standard(calls["id"])])
    member = await factory.member(org, role)

    read = await member("{ plans { collection { code charges { billableMetric { code } } } } }")
    writes = [
        await member(CREATE_PLAN, input=plan_input("x", [])),
        await member(UPDATE_PLAN, input={"id": created["id"], "amountCents": 1}),
        await member(DESTROY, input={"id": created["id"]}),
    ]

    assert read.ok("plans")["collection"] == [
        {"code": "starter", "charges": [{"billableMetric": {"code": "api_calls"}}]}
    ]
    assert [w.code for w in writes] == ["FORBIDDEN"] * 3


async def test_another_organizations_plan_is_not_found(factory: Factory) -> None:
    org, other = await factory.organization(), await factory.organization()
    foreign = await plan(other.admin, "starter", [])

    responses = [
        await org.admin("query($id: ID!) { plan(id: $id) { id } }", id=foreign["id"]),
        await org.admin(UPDATE_PLAN, input={"id": foreign["id"], "name": "mine"}),
        await org.admin(DESTROY, input={"id": foreign["id"]}),
    ]

    assert [r.code for r in responses] == ["NOT_FOUND"] * 3
