"""Building a catalogue through the graph, as an admin would."""

from __future__ import annotations

from typing import Any

from tests.helpers import Member

CREATE_METRIC = """
mutation($input: CreateBillableMetricInput!) {
  createBillableMetric(input: $input) {
    id code name aggregationType fieldName recurring filters { key values }
  }
}"""
CREATE_TAX = (
    "mutation($input: CreateTaxInput!) { createTax(input: $input) { id code rate appliedToOrganization } }"
)
PLAN_FIELDS = """
  id name code interval amountCents amountCurrency payInAdvance trialPeriod
  taxes { code rate }
  charges {
    id chargeModel payInAdvance invoiceable minAmountCents billableMetric { code }
    properties {
      amount packageSize freeUnits rate fixedAmount freeUnitsPerEvents freeUnitsPerTotalAggregation
      perTransactionMinAmount perTransactionMaxAmount
      graduatedRanges { fromValue toValue perUnitAmount flatAmount }
      volumeRanges { fromValue toValue perUnitAmount flatAmount }
    }
  }"""
CREATE_PLAN = "mutation($input: CreatePlanInput!) { createPlan(input: $input) {" + PLAN_FIELDS + "} }"
UPDATE_PLAN = "mutation($input: UpdatePlanInput!) { updatePlan(input: $input) {" + PLAN_FIELDS + "} }"


async def metric(
    caller: Member, code: str, aggregation: str = "COUNT_AGG", field: str | None = None
) -> dict[str, Any]:
    given: dict[str, Any] = {
        "name": code.replace("_", " ").title(),
        "code": code,
        "aggregationType": aggregation,
    }
    if field:
        given["fieldName"] = field
    return dict((await caller(CREATE_METRIC, input=given)).ok("createBillableMetric"))


async def tax(caller: Member, code: str, rate: str, applied: bool = False) -> dict[str, Any]:
    given = {"name": code.upper(), "code": code, "rate": rate, "appliedToOrganization": applied}
    return dict((await caller(CREATE_TAX, input=given)).ok("createTax"))


def standard(metric_id: str, amount: str = "0.01", **extra: Any) -> dict[str, Any]:
    return {
        "billableMetricId": metric_id,
        "chargeModel": "STANDARD",
        "properties": {"amount": amount},
        **extra,
    }


def plan_input(code: str, charges: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": code.title(),
        "code": code,
        "interval": "MONTHLY",
        "amountCents": 4900,
        "amountCurrency": "EUR",
        "charges": charges,
    }
    values.update(extra)
    return values


async def plan(caller: Member, code: str, charges: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return dict((await caller(CREATE_PLAN, input=plan_input(code, charges, **extra))).ok("createPlan"))
