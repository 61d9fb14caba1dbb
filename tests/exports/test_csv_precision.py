"""The accounting CSV's fixed precision: quantities and unit amounts at most 6 decimals, half-up,
trailing zeros dropped, never in exponent notation, while amounts stay exact cents and a prorated
invoice's lines still add up to its total; the credit-note export carries the note's reason and
description."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import httpx

from app.db.engine import Database
from app.exports import credit_notes, ledger
from app.exports.csv_format import decimal, precise_money
from tests.catalogue import plan, standard
from tests.credit_notes.conftest import CREATE, Billed, note
from tests.helpers import Factory
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe, usage

WHOLE_RANGE = {"from": "2000-01-01", "to": "2100-12-31"}


async def _rows(client: httpx.AsyncClient, token: str, path: str) -> list[dict[str, str]]:
    reply = await client.get(
        f"/api/v1/exports/{path}", params=WHOLE_RANGE, headers={"authorization": f"Bearer {token}"}
    )
    assert reply.status_code == 200, reply.text
    return list(csv.DictReader(io.StringIO(reply.text)))


def test_quantities_have_at_most_six_decimals_half_up_without_trailing_zeros_or_exponent() -> None:
    values = [
        "0.9677419354838709677419354839",  # 30/31 as the fee stores it
        "1E+1",
        "2.5000000",
        "0.0000005",  # half: up
        "0.00000049",
        "-0.0000001",  # rounds to zero, written without a sign
        "-1.2345675",
        "123456789012345678901234567.5",  # more digits than the default context keeps
        "0",
    ]

    assert [decimal(Decimal(v)) for v in values] == [
        "0.967742",
        "10",
        "2.5",
        "0.000001",
        "0",
        "0",
        "-1.234568",
        "123456789012345678901234567.5",
        "0",
    ]


def test_unit_amounts_in_major_units_have_the_same_precision() -> None:
    assert [
        precise_money(Decimal("322.5806451612903225806451613"), "EUR"),
        precise_money(Decimal("1000"), "EUR"),
        precise_money(Decimal("0.2"), "EUR"),
        precise_money(Decimal("0.00004"), "EUR"),
        precise_money(Decimal("1E+3"), "JPY"),
    ] == ["3.225806", "10", "0.002", "0", "1000"]


def test_a_tool_export_writes_a_quantity_finer_than_it_keeps_as_one_times_the_amount() -> None:
    fine = {"units": Decimal("0.00001"), "unit_amount_cents": Decimal("100000")}  # exact: 1 cent
    plain = {"units": Decimal("12.5"), "unit_amount_cents": Decimal("2")}

    assert ledger._quantity_and_price(fine, 1, "EUR") == (Decimal(1), Decimal("0.01"))
    assert ledger._quantity_and_price(plain, 25, "EUR") == (Decimal("12.5"), Decimal("0.02"))


async def test_a_prorated_invoice_exports_rounded_quantities_and_exact_amounts_that_add_up(
    setup: Setup, db: Database, factory: Factory, client: httpx.AsyncClient
) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    committed = await plan(
        org.admin,
        "committed",
        [standard(setup.metric_id, "0.01", minAmountCents=1000, invoiceDisplayName="API commitment")],
        amountCents=1000,
    )
    acme = await customer(org, "acme")
    # 30 of January's 31 days: the fee and the charge's minimum are both prorated by 30/31
    await subscribe(org, acme, committed["id"], "sub_acme", "2026-01-02T00:00:00+00:00")
    await usage(org, "sub_acme", ["2026-01-10T10:00:00+00:00"] * 3)
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)

    rows = await _rows(client, finance.token, "invoices.csv")

    assert [f["units"] for f in january["fees"]] == ["0.9677419354838709677419354839", "3"]
    assert [
        (
            r["line_type"],
            r["description"],
            r["quantity"],
            r["unit_amount"],
            r["amount"],
            r["tax_amount"],
            r["total"],
        )
        for r in rows
    ] == [
        # 10.00 x 30/31 = 9.677... -> 9.68; VAT 20%: 1.936 -> 1.94
        ("subscription", "Committed (monthly)", "0.967742", "10", "9.68", "1.94", "11.62"),
        # 3 calls (0.03) under the prorated minimum 9.677...: 9.68 over 3 units, 3.2258064516... each
        ("charge", "API commitment", "3", "3.225806", "9.68", "1.94", "11.62"),
    ]
    assert january["totalAmountCents"] == 2324
    assert sum(Decimal(r["total"]) for r in rows) * 100 == 2324


async def test_the_credit_note_export_carries_the_notes_reason_and_description(
    billed: Billed, client: httpx.AsyncClient
) -> None:
    invoice = billed.invoice["id"]
    given = note(
        invoice,
        [(billed.setup_fee, 400), (billed.training_fee, 100)],
        credit=600,
        reason="DUPLICATED_CHARGE",
        description="=Billed twice in March",
    )
    created = (await billed.finance(CREATE, **given)).ok("createCreditNote")
    plain = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 10)], credit=12))).ok(
        "createCreditNote"
    )

    rows = await _rows(client, billed.finance.token, "credit_notes.csv")

    assert credit_notes.HEADER == (
        "credit_note_number",
        "invoice_number",
        "issuing_date",
        "reason",
        "credit_note_description",
        "customer_external_id",
        "customer_name",
        "customer_tax_identification_number",
        "description",
        "amount",
        "tax_rate",
        "tax_amount",
        "total",
        "credit_amount",
        "refund_amount",
        "refund_status",
        "currency",
    )
    assert [
        (r["credit_note_number"], r["reason"], r["credit_note_description"], r["description"], r["total"])
        for r in rows
    ] == [
        (created["number"], "duplicated_charge", "'=Billed twice in March", "Setup", "4.80"),
        (created["number"], "duplicated_charge", "'=Billed twice in March", "Training", "1.20"),
        (plain["number"], "order_change", "", "Setup", "0.12"),
    ]
