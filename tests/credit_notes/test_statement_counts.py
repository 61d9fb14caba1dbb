"""Listing credit notes with their items, fees, invoices and customers (and customers with their revenue
figures) takes the same few statements for two rows as for many."""

from __future__ import annotations

from app.db.engine import Database
from tests.conftest import count_statements
from tests.credit_notes.conftest import CREATE, Billed, note

NOTES = """query { creditNotes(limit: 100) { collection {
  number items { amountCents fee { description appliedTaxes { taxCode } } }
  invoice { number creditNotes { number } } customer { name creditNotes { number } mrrCents grossRevenueCents } } } }"""


async def _notes(billed: Billed, count: int) -> None:
    for _ in range(count):
        args = note(billed.invoice["id"], [(billed.setup_fee, 10), (billed.training_fee, 10)], credit=24)
        (await billed.finance(CREATE, **args)).ok()


async def test_statements_do_not_grow_with_the_page(billed: Billed, db: Database) -> None:
    await _notes(billed, 2)
    with count_statements(db) as few:
        small = (await billed.finance(NOTES)).ok("creditNotes")["collection"]

    await _notes(billed, 10)
    with count_statements(db) as many:
        large = (await billed.finance(NOTES)).ok("creditNotes")["collection"]

    assert (len(small), len(large)) == (2, 12)
    assert large[0]["items"][0]["fee"] == {"description": "Setup", "appliedTaxes": [{"taxCode": "vat"}]}
    assert len(large[0]["invoice"]["creditNotes"]) == 12
    assert len(few) == len(many) <= 14
