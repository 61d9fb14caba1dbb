"""The catalogue's list queries take the same number of statements for any page size."""

from __future__ import annotations

from app.db.engine import Database
from tests.catalogue import metric, plan, standard, tax
from tests.conftest import count_statements
from tests.helpers import Factory, Member

PLANS = (
    "{ plans(limit: 100) { collection { code charges { billableMetric { code } } taxes { rate } "
    "versions(limit: 5) { number charges { chargeModel } } } } }"
)
CUSTOMERS = (
    """{ customers(limit: 100) { collection { externalId billingAddress { country } taxes { code } } } }"""
)


async def _statements(db: Database, caller: Member, query: str) -> tuple[int, int]:
    with count_statements(db) as statements:
        response = await caller(query)
    collection = response.ok()[query.split("(")[0].strip("{ ")]["collection"]
    return len(statements), len(collection)


async def _plans(caller: Member, metrics: list[str], start: int, count: int) -> None:
    for index in range(start, start + count):
        await plan(caller, f"plan_{index}", [standard(m) for m in metrics], taxCodes=["vat"])


async def test_plans_with_charges_metrics_and_taxes_take_the_same_statements_for_2_or_40(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    await tax(org.admin, "vat", "20")
    metrics = [(await metric(org.admin, f"metric_{i}"))["id"] for i in range(3)]
    await _plans(org.admin, metrics, 0, 2)
    few, few_rows = await _statements(db, org.admin, PLANS)

    await _plans(org.admin, metrics, 2, 38)
    many, many_rows = await _statements(db, org.admin, PLANS)

    assert (few_rows, many_rows) == (2, 40)
    assert few == many <= 7  # actor, scope, count, page, charges, metrics, taxes


async def test_customers_take_the_same_statements_for_2_or_40(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    await tax(org.admin, "vat", "20")
    create = """mutation($e: String!) { createCustomer(input: {externalId: $e, name: $e, taxCodes: ["vat"],
                billingAddress: {country: "FR"}}) { id } }"""
    for index in range(2):
        (await org.admin(create, e=f"c{index}")).ok()
    few, few_rows = await _statements(db, org.admin, CUSTOMERS)

    for index in range(2, 40):
        (await org.admin(create, e=f"c{index}")).ok()
    many, many_rows = await _statements(db, org.admin, CUSTOMERS)

    assert (few_rows, many_rows) == (2, 40)
    assert few == many <= 5  # actor, scope, count, page, taxes
