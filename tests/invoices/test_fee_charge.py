"""A charge's invoiceDisplayName from the plan to the invoice: set on create and update, kept by every
new plan version and by a subscription's negotiated copy (or overridden there), printed on the fee,
whose ``charge`` leads back to the charge it bills (under ``plans:view``), in a bounded number of
statements."""

from __future__ import annotations

from typing import Any

from app.db.engine import Database
from tests.catalogue import UPDATE_PLAN, metric, plan, standard
from tests.conftest import count_statements
from tests.credit_notes.conftest import one_off
from tests.helpers import Factory, Org
from tests.invoicing.conftest import bill, customer, subscribe, usage

NAMED = "query($id: ID!) { plan(id: $id) { charges { id invoiceDisplayName properties { amount } } } }"
SUBSCRIPTION_PLAN = """query($id: ID!) { subscription(id: $id) { plan { parent { code }
  charges { id invoiceDisplayName properties { amount } } } } }"""
FEES = """query($c: ID) { invoices(customerId: $c) { collection { number fees {
  feeType description invoiceDisplayName units amountCents
  charge { id chargeModel invoiceDisplayName billableMetric { code } } } } } }"""
ADD_ON = "mutation($input: CreateAddOnInput!) { createAddOn(input: $input) { id } }"


def _names(charges: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    return [(c["invoiceDisplayName"], c["properties"]["amount"]) for c in charges]


async def _two_charges_on_one_metric(org: Org) -> tuple[str, dict[str, Any]]:
    """A plan billing api_calls twice: standard calls at 0.01 and premium ones at 0.02, each named."""
    calls = await metric(org.admin, "api_calls")
    created = await plan(
        org.admin,
        "api",
        [
            standard(calls["id"], "0.01", invoiceDisplayName="API calls - standard"),
            standard(calls["id"], "0.02", invoiceDisplayName="API calls - premium"),
        ],
        amountCents=1000,
    )
    return calls["id"], created


async def _fees(org: Org, customer_id: str) -> list[dict[str, Any]]:
    (invoice,) = (await org.admin(FEES, c=customer_id)).ok("invoices")["collection"]
    return list(invoice["fees"])


async def test_the_name_is_set_on_create_and_update_and_kept_by_each_new_version(factory: Factory) -> None:
    org = await factory.organization()
    calls, created = await _two_charges_on_one_metric(org)

    repriced = (await org.admin(UPDATE_PLAN, input={"id": created["id"], "amountCents": 1200})).ok()
    after_reprice = (await org.admin(NAMED, id=created["id"])).ok("plan")["charges"]
    charges = [
        standard(calls, "0.01", invoiceDisplayName="Standard calls"),
        standard(calls, "0.03"),  # unnamed: the metric's name is printed
    ]
    (await org.admin(UPDATE_PLAN, input={"id": created["id"], "charges": charges})).ok()
    after_rename = (await org.admin(NAMED, id=created["id"])).ok("plan")["charges"]

    assert repriced["updatePlan"]["amountCents"] == 1200
    assert {c["id"] for c in after_reprice}.isdisjoint(c["id"] for c in created["charges"])  # new version
    assert _names(after_reprice) == [("API calls - standard", "0.01"), ("API calls - premium", "0.02")]
    assert _names(after_rename) == [("Standard calls", "0.01"), (None, "0.03")]


async def test_a_negotiated_copy_keeps_the_names_or_overrides_one_and_the_fees_print_them(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    _, created = await _two_charges_on_one_metric(org)
    standard_id, premium_id = (c["id"] for c in created["charges"])
    acme = await customer(org, "acme")
    overrides = {
        "charges": [
            {"id": standard_id, "properties": {"amount": "0.005"}},
            {"id": premium_id, "invoiceDisplayName": "Premium calls (negotiated)"},
        ]
    }
    subscription = await subscribe(
        org, acme, created["id"], "sub_acme", "2026-11-01T00:00:00+00:00", planOverrides=overrides
    )
    copy = (await org.admin(SUBSCRIPTION_PLAN, id=subscription)).ok("subscription")["plan"]
    await usage(org, "sub_acme", ["2026-11-10T10:00:00+00:00"] * 3)

    await bill(db, "2026-12-01T00:00:00+00:00")
    fees = await _fees(org, acme)

    assert copy["parent"] == {"code": "api"}
    assert _names(copy["charges"]) == [
        ("API calls - standard", "0.005"),
        ("Premium calls (negotiated)", "0.02"),
    ]
    copied_standard, copied_premium = (c["id"] for c in copy["charges"])
    assert [
        (f["feeType"], f["description"], f["invoiceDisplayName"], f["units"], f["amountCents"]) for f in fees
    ] == [
        ("SUBSCRIPTION", "Api (monthly)", "Api (monthly)", "1", 1000),
        ("CHARGE", "API calls - standard", "API calls - standard", "3", 2),  # 3 x 0.5 cent, half-up
        ("CHARGE", "Premium calls (negotiated)", "Premium calls (negotiated)", "3", 6),
    ]
    assert [f["charge"] for f in fees] == [
        None,
        {
            "id": copied_standard,
            "chargeModel": "STANDARD",
            "invoiceDisplayName": "API calls - standard",
            "billableMetric": {"code": "api_calls"},
        },
        {
            "id": copied_premium,
            "chargeModel": "STANDARD",
            "invoiceDisplayName": "Premium calls (negotiated)",
            "billableMetric": {"code": "api_calls"},
        },
    ]


async def test_an_unnamed_charge_prints_its_metric_and_an_add_on_fee_has_no_charge(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "api_calls")
    created = await plan(org.admin, "plain", [standard(calls["id"], "0.01")], amountCents=1000)
    acme = await customer(org, "acme", currency="EUR")
    await subscribe(org, acme, created["id"], "sub_acme", "2026-11-01T00:00:00+00:00")
    await usage(org, "sub_acme", ["2026-11-10T10:00:00+00:00"] * 2)
    add_on = {"name": "Setup", "code": "setup", "amountCents": 5000, "amountCurrency": "EUR"}
    setup_id = (await org.admin(ADD_ON, input={**add_on, "invoiceDisplayName": "Onboarding"})).ok(
        "createAddOn"
    )["id"]
    other = await customer(org, "globex", currency="EUR")
    await one_off(org, other, [setup_id])

    await bill(db, "2026-12-01T00:00:00+00:00")

    assert [(f["feeType"], f["invoiceDisplayName"], f["charge"]) for f in await _fees(org, acme)] == [
        ("SUBSCRIPTION", "Plain (monthly)", None),
        (
            "CHARGE",
            "Api Calls",
            {
                "id": created["charges"][0]["id"],
                "chargeModel": "STANDARD",
                "invoiceDisplayName": None,
                "billableMetric": {"code": "api_calls"},
            },
        ),
    ]
    assert [(f["feeType"], f["invoiceDisplayName"], f["charge"]) for f in await _fees(org, other)] == [
        ("ADD_ON", "Onboarding", None)
    ]


async def test_the_charge_of_a_fee_needs_plans_view_and_finance_reads_it(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    _, created = await _two_charges_on_one_metric(org)
    acme = await customer(org, "acme")
    await subscribe(org, acme, created["id"], "sub_acme", "2026-11-01T00:00:00+00:00")
    await usage(org, "sub_acme", ["2026-11-10T10:00:00+00:00"])
    await bill(db, "2026-12-01T00:00:00+00:00")
    await factory.role(org, "invoices_reader", ["invoices:view"])
    reader = await factory.api_key(org, "invoices_reader")
    finance = await factory.member(org, "finance")
    query = "query($c: ID) { invoices(customerId: $c) { collection { fees { invoiceDisplayName charge { chargeModel } } } } }"

    refused = await reader(query, c=acme)
    allowed = await finance(query, c=acme)

    assert refused.data == {
        "invoices": {
            "collection": [
                {
                    "fees": [
                        {"invoiceDisplayName": "Api (monthly)", "charge": None},
                        {"invoiceDisplayName": "API calls - standard", "charge": None},
                        {"invoiceDisplayName": "API calls - premium", "charge": None},
                    ]
                }
            ]
        }
    }
    assert sorted(
        (e["path"], e["extensions"]["code"], e["extensions"]["requiredPermissions"]) for e in refused.errors
    ) == [  # the field is denied before it is resolved, on the subscription fee too
        (["invoices", "collection", 0, "fees", line, "charge"], "FORBIDDEN", ["plans:view"])
        for line in range(3)
    ]
    assert allowed.ok("invoices")["collection"][0]["fees"] == [
        {"invoiceDisplayName": "Api (monthly)", "charge": None},
        {"invoiceDisplayName": "API calls - standard", "charge": {"chargeModel": "STANDARD"}},
        {"invoiceDisplayName": "API calls - premium", "charge": {"chargeModel": "STANDARD"}},
    ]


async def test_invoices_with_their_fees_charges_and_metrics_take_the_same_statements_for_2_or_8(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    _, created = await _two_charges_on_one_metric(org)
    query = """{ invoices(limit: 100) { collection { number fees { invoiceDisplayName
      charge { chargeModel invoiceDisplayName billableMetric { code } } } } } }"""

    async def statements(first: int, count: int) -> tuple[int, int]:
        for index in range(first, first + count):
            who = await customer(org, f"c{index}")
            await subscribe(org, who, created["id"], f"sub_{index}", "2026-11-01T00:00:00+00:00")
            await usage(org, f"sub_{index}", ["2026-11-10T10:00:00+00:00"])
        await bill(db, "2026-12-01T00:00:00+00:00")
        with count_statements(db) as seen:
            listed = (await org.admin(query)).ok("invoices")["collection"]
        assert all(len(invoice["fees"]) == 3 for invoice in listed)
        return len(seen), len(listed)

    few, few_rows = await statements(0, 2)
    many, many_rows = await statements(2, 6)

    assert (few_rows, many_rows) == (2, 8)
    assert few == many == 6  # the caller, its scope, the page, then one each: fees, charges, metrics
