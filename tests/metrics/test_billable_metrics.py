from __future__ import annotations

import pytest

from tests.catalogue import CREATE_METRIC, metric, plan, standard
from tests.helpers import Factory

UPDATE = """
mutation($input: UpdateBillableMetricInput!) {
  updateBillableMetric(input: $input) { code name aggregationType fieldName recurring filters { key values } }
}"""
DESTROY = "mutation($input: DestroyBillableMetricInput!) { destroyBillableMetric(input: $input) { id } }"
LIST = """query($s: String, $types: [AggregationType!]) {
  billableMetrics(searchTerm: $s, aggregationTypes: $types) { collection { code } metadata { totalCount } }
}"""


@pytest.mark.parametrize(
    ("aggregation", "field", "recurring"),
    [
        ("COUNT_AGG", None, False),
        ("SUM_AGG", "gb", True),
        ("MAX_AGG", "gb", False),
        ("UNIQUE_COUNT_AGG", "user_id", True),
        ("LATEST_AGG", "seats", False),
        ("WEIGHTED_SUM_AGG", "gb", True),
    ],
)
async def test_every_aggregation_is_created(
    factory: Factory, aggregation: str, field: str | None, recurring: bool
) -> None:
    org = await factory.organization()

    response = await org.admin(
        CREATE_METRIC,
        input={
            "name": "Usage",
            "code": "usage",
            "aggregationType": aggregation,
            "fieldName": field,
            "recurring": recurring,
            "filters": [{"key": "region", "values": ["eu", "us"]}],
        },
    )

    assert response.ok("createBillableMetric") == {
        "id": response.ok("createBillableMetric")["id"],
        "code": "usage",
        "name": "Usage",
        "aggregationType": aggregation,
        "fieldName": field,
        "recurring": recurring,
        "filters": [{"key": "region", "values": ["eu", "us"]}],
    }


@pytest.mark.parametrize(
    ("given", "fields"),
    [
        ({"aggregationType": "SUM_AGG"}, {"fieldName": "is required for SUM_AGG"}),
        (
            {"aggregationType": "COUNT_AGG", "fieldName": "x"},
            {"fieldName": "is not used by COUNT_AGG (it counts events)"},
        ),
        (
            {"aggregationType": "MAX_AGG", "fieldName": "gb", "recurring": True},
            {"recurring": "is only possible for SUM_AGG, UNIQUE_COUNT_AGG and WEIGHTED_SUM_AGG"},
        ),
        (
            {"aggregationType": "SUM_AGG", "fieldName": "bad field!"},
            {"fieldName": "must be an event property name (letters, digits, '_', '.', '-')"},
        ),
        (
            {
                "aggregationType": "COUNT_AGG",
                "filters": [{"key": "r", "values": []}, {"key": "r", "values": ["a", "a"]}],
            },
            {
                "filters.0.values": "at least one value is required",
                "filters.1.key": "'r' is given twice",
                "filters.1.values": "values must be distinct",
            },
        ),
    ],
)
async def test_metric_rules_are_enforced_naming_the_field(
    factory: Factory, given: dict[str, object], fields: dict[str, str]
) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE_METRIC, input={"name": "M", "code": "m", **given})

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == fields
    assert (await org.admin(LIST)).ok("billableMetrics")["metadata"]["totalCount"] == 0


async def test_once_priced_what_a_metric_measures_is_fixed(factory: Factory) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls", "SUM_AGG", "count")
    free = await metric(org.admin, "free_metric", "SUM_AGG", "count")
    await plan(org.admin, "starter", [standard(calls["id"])])

    locked = await org.admin(
        UPDATE, input={"id": calls["id"], "code": "calls", "aggregationType": "MAX_AGG", "fieldName": "n"}
    )
    renamed = await org.admin(UPDATE, input={"id": calls["id"], "name": "API calls"})
    free_change = await org.admin(
        UPDATE, input={"id": free["id"], "code": "renamed", "aggregationType": "COUNT_AGG"}
    )

    assert locked.code == "VALIDATION_ERROR"
    assert locked.error()["extensions"]["fields"] == {
        "code": "cannot change once a plan prices this metric",
        "aggregationType": "cannot change once a plan prices this metric",
        "fieldName": "cannot change once a plan prices this metric",
    }
    assert renamed.ok("updateBillableMetric")["name"] == "API calls"
    assert free_change.ok("updateBillableMetric") | {"name": "x", "filters": []} == {
        "code": "renamed",
        "name": "x",
        "aggregationType": "COUNT_AGG",
        "fieldName": None,
        "recurring": False,
        "filters": [],
    }


async def test_a_metric_priced_by_a_plan_cannot_be_destroyed(factory: Factory) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    spare = await metric(org.admin, "spare")
    await plan(org.admin, "starter", [standard(calls["id"])])

    refused = await org.admin(DESTROY, input={"id": calls["id"]})
    accepted = await org.admin(DESTROY, input={"id": spare["id"]})

    assert refused.error()["extensions"]["fields"] == {"id": "the metric is priced by plans: starter"}
    assert accepted.ok("destroyBillableMetric") == {"id": spare["id"]}
    assert [m["code"] for m in (await org.admin(LIST)).ok("billableMetrics")["collection"]] == ["api_calls"]


async def test_codes_are_unique_per_organization(factory: Factory) -> None:
    first, second = await factory.organization(), await factory.organization()
    await metric(first.admin, "api_calls")

    again = await first.admin(
        CREATE_METRIC, input={"name": "A", "code": "api_calls", "aggregationType": "COUNT_AGG"}
    )
    elsewhere = await metric(second.admin, "api_calls")

    assert again.error()["extensions"]["fields"] == {"code": "is already used by another billable metric"}
    assert elsewhere["code"] == "api_calls"


async def test_list_filters_by_search_and_aggregation(factory: Factory) -> None:
    org = await factory.organization()
    await metric(org.admin, "api_calls")
    await metric(org.admin, "storage_gb", "MAX_AGG", "gb")
    await metric(org.admin, "seats", "UNIQUE_COUNT_AGG", "user_id")

    by_search = (await org.admin(LIST, s="stor")).ok("billableMetrics")["collection"]
    by_type = (await org.admin(LIST, types=["COUNT_AGG", "UNIQUE_COUNT_AGG"])).ok("billableMetrics")[
        "collection"
    ]

    assert by_search == [{"code": "storage_gb"}]
    assert by_type == [{"code": "api_calls"}, {"code": "seats"}]


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_metrics_but_cannot_write(factory: Factory, role: str) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    member = await factory.member(org, role)

    read = await member("query($id: ID!) { billableMetric(id: $id) { code } }", id=calls["id"])
    writes = [
        await member(CREATE_METRIC, input={"name": "X", "code": "x", "aggregationType": "COUNT_AGG"}),
        await member(UPDATE, input={"id": calls["id"], "name": "Y"}),
        await member(DESTROY, input={"id": calls["id"]}),
    ]

    assert read.ok("billableMetric") == {"code": "api_calls"}
    assert [w.error()["extensions"]["requiredPermissions"] for w in writes] == [
        ["billable_metrics:create"],
        ["billable_metrics:update"],
        ["billable_metrics:delete"],
    ]
