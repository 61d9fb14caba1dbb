"""A year of usage for the twelve demo customers, billed monthly, checked invoice by invoice against
totals computed independently of the engine (see ``demo_year``). Billing catches the whole year up in
one run; a second run adds nothing."""

from __future__ import annotations

from app.db.engine import Database
from app.settings import Settings
from tests.helpers import Api
from tests.workflows.demo_year import bill_demo_year, expected_invoices


async def test_a_year_of_billing_matches_independent_totals(
    db: Database, settings: Settings, api: Api
) -> None:
    year = await bill_demo_year(db, settings, api)

    fields = "sequentialId feesAmountCents couponsAmountCents taxesAmountCents prepaidCreditAmountCents totalAmountCents"
    listing = f"query($c: ID) {{ invoices(customerId: $c, limit: 100) {{ collection {{ {fields} }} }} }}"
    all_numbers = []
    for external_id, customer in year.customers.items():
        got = sorted(
            (await year.admin(listing, c=year.ids[external_id])).ok("invoices")["collection"],
            key=lambda i: i["sequentialId"],
        )
        all_numbers += [i.pop("sequentialId") for i in got]
        assert got == expected_invoices(customer), external_id
    assert year.again.invoices == 0
    assert (
        year.report.invoices == len(all_numbers) == 12 * 12 + 4
    )  # four plans paid in advance bill their start too
    assert sorted(all_numbers) == list(range(1, len(all_numbers) + 1))
