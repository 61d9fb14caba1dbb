"""The living demo: a year of history billed by the real engine, exact to the cent as the graph reports
it, and loaded once."""

from __future__ import annotations

import time
from typing import Any

from app.db.engine import Database
from app.demo import seed
from app.settings import Settings
from app.users import service as users
from tests.helpers import Api

INVOICES = """query($page: Int) { invoices(limit: 100, page: $page) {
  metadata { totalCount }
  collection {
    status paymentStatus issuingDate feesAmountCents couponsAmountCents subTotalExcludingTaxesAmountCents
    taxesAmountCents subTotalIncludingTaxesAmountCents creditNotesAmountCents prepaidCreditAmountCents
    totalAmountCents fees { amountCents couponsAmountCents taxesAmountCents }
  }
} }"""
REST = """{
  creditNotes(limit: 100) { collection { status totalAmountCents createdByUserId } }
  subscriptions(limit: 100) { collection { externalId status previousSubscription { externalId } } }
  customers(limit: 100) { metadata { totalCount } }
  members: currentMembership { organization { id } }
}"""


async def _load(db: Database, settings: Settings) -> tuple[seed.Demo, str, float]:
    started = time.perf_counter()
    async with db.sessionmaker() as session:
        demo = await seed.load(session, settings)
        await session.commit()
    elapsed = time.perf_counter() - started
    async with db.sessionmaker() as session:
        admin = await users.find_by_email(session, "admin@demo.billgraph.dev")
    assert admin is not None
    return demo, users.access_token(settings, admin), elapsed


async def _invoices(api: Api, token: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        data = (await api(INVOICES, {"page": page}, token=token)).ok()["invoices"]
        found += data["collection"]
        if len(found) >= data["metadata"]["totalCount"]:
            return found
        page += 1


async def test_the_demo_has_a_year_of_exact_history(db: Database, settings: Settings, api: Api) -> None:
    demo, token, elapsed = await _load(db, settings)
    invoices = await _invoices(api, token)
    rest = (await api(REST, None, token=token)).ok()

    assert demo.created
    assert elapsed < 30, f"the demo took {elapsed:.1f} s to load"
    assert rest["customers"]["metadata"]["totalCount"] == 12
    months = {invoice["issuingDate"][:7] for invoice in invoices}
    assert len(months) >= 10
    finalized = [i for i in invoices if i["status"] == "FINALIZED"]
    assert {i["paymentStatus"] for i in finalized} >= {"SUCCEEDED", "PENDING"}
    assert any(i["status"] == "VOIDED" for i in invoices)
    assert any(i["status"] == "DRAFT" for i in invoices)  # in the grace period of cus_wayne, cus_tyrell
    for invoice in finalized:
        fees = invoice["fees"]
        assert invoice["feesAmountCents"] == sum(f["amountCents"] for f in fees)
        assert invoice["couponsAmountCents"] == sum(f["couponsAmountCents"] for f in fees)
        assert invoice["taxesAmountCents"] == sum(f["taxesAmountCents"] for f in fees)
        assert invoice["subTotalExcludingTaxesAmountCents"] == (
            invoice["feesAmountCents"] - invoice["couponsAmountCents"]
        )
        assert invoice["subTotalIncludingTaxesAmountCents"] == (
            invoice["subTotalExcludingTaxesAmountCents"] + invoice["taxesAmountCents"]
        )
        assert invoice["totalAmountCents"] == (
            invoice["subTotalIncludingTaxesAmountCents"]
            - invoice["creditNotesAmountCents"]
            - invoice["prepaidCreditAmountCents"]
        )
    assert any(i["couponsAmountCents"] > 0 for i in finalized)
    assert any(i["prepaidCreditAmountCents"] > 0 for i in finalized)
    notes = rest["creditNotes"]["collection"]
    pending = [n for n in notes if n["status"] == "PENDING_APPROVAL"]
    assert len(pending) == 1
    assert pending[0]["createdByUserId"] is not None
    assert any(n["status"] == "FINALIZED" for n in notes)
    subscriptions = rest["subscriptions"]["collection"]
    assert {s["status"] for s in subscriptions} >= {"ACTIVE", "TERMINATED"}
    assert any(s["previousSubscription"] for s in subscriptions)
    assert "finance2@demo.billgraph.dev" in {m.email for m in demo.members}


async def test_a_second_load_creates_nothing(db: Database, settings: Settings, api: Api) -> None:
    _, token, _ = await _load(db, settings)
    before = len(await _invoices(api, token))
    second, _, _ = await _load(db, settings)

    assert not second.created
    assert len(await _invoices(api, token)) == before
