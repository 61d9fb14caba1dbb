"""Invoiced usage counts a metric's units once per billed period, however many charges price it."""

from __future__ import annotations

from app.db.engine import Database
from tests.catalogue import metric, plan
from tests.helpers import Factory
from tests.invoicing.conftest import bill, customer, subscribe, usage

INVOICED_USAGES = """query { invoicedUsages(fromMonth: "2026-04-01", toMonth: "2026-04-01") {
  month currency billableMetricCode units amountCents } }"""


async def test_two_charges_on_one_metric_count_its_units_once_and_add_up_their_amounts(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    storage = await metric(org.admin, "storage", "SUM_AGG", "gb")
    graduated = {
        "billableMetricId": storage["id"],
        "chargeModel": "GRADUATED",
        "properties": {
            "graduatedRanges": [
                {"fromValue": "0", "toValue": "1000", "perUnitAmount": "0.01", "flatAmount": "0"},
                {"fromValue": "1000", "toValue": None, "perUnitAmount": "0.005", "flatAmount": "0"},
            ]
        },
    }
    package = {
        "billableMetricId": storage["id"],
        "chargeModel": "PACKAGE",
        "properties": {"amount": "2", "packageSize": 500, "freeUnits": 0},
    }
    both = await plan(org.admin, "both", [graduated, package])
    acme = await customer(org, "acme")
    await subscribe(org, acme, both["id"], "sub_acme", "2026-03-01T00:00:00+00:00")
    await usage(org, "sub_acme", ["2026-03-05T00:00:00+00:00"], code="storage", gb=1000)
    await usage(org, "sub_acme", ["2026-03-20T00:00:00+00:00"], code="storage", gb=450)
    await bill(db, "2026-04-01T00:00:01+00:00")

    got = (await org.admin(INVOICED_USAGES)).ok("invoicedUsages")

    # 1,450 GB: graduated 1000 x 0.01 + 450 x 0.005 = 12.25; package ceil(1450 / 500) = 3 x 2.00 = 6.00
    assert got == [
        {
            "month": "2026-04-01",
            "currency": "EUR",
            "billableMetricCode": "storage",
            "units": "1450",
            "amountCents": 1225 + 600,
        }
    ]
