"""Accounting exports: CSV lines that add up to each invoice's and credit note's total, defused text,
a checked range, declared permissions, an audit entry, and rows streamed in chunks."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import httpx

from app.db.engine import Database
from tests.conftest import count_statements
from tests.credit_notes.conftest import CREATE, PAY, VOID, Billed, note, one_off
from tests.helpers import Factory, Member
from tests.invoicing.conftest import Setup, bill, customer, invoices, subscribe

WHOLE_RANGE = {"from": "2000-01-01", "to": "2100-12-31"}


async def _export(client: httpx.AsyncClient, who: Member | None, path: str, **params: str) -> httpx.Response:
    headers = {"authorization": f"Bearer {who.token}"} if who else {}
    return await client.get(f"/api/v1/exports/{path}", params=params or WHOLE_RANGE, headers=headers)


def _rows(reply: httpx.Response) -> list[dict[str, str]]:
    assert reply.status_code == 200, reply.text
    return list(csv.DictReader(io.StringIO(reply.text)))


async def test_invoice_lines_show_fees_with_taxes_then_the_credit_applied(
    setup: Setup, db: Database, factory: Factory, client: httpx.AsyncClient
) -> None:
    org = setup.org
    finance = await factory.member(org, "finance")
    acme = await customer(org, "acme", name='=HYPERLINK("http://evil")')
    await subscribe(org, acme, setup.plans["arrears"], "sub_acme", "2026-01-01T00:00:00+00:00")
    await bill(db, "2026-02-01T00:00:00+00:00")
    (january,) = await invoices(org, acme)
    fee = january["fees"][0]
    query = "query($id: ID!) { invoice(id: $id) { fees { id } } }"
    fee_id = (await org.admin(query, id=january["id"])).ok("invoice")["fees"][0]["id"]
    (await finance(CREATE, **note(january["id"], [(fee_id, 250)], credit=300))).ok()
    await bill(db, "2026-03-01T00:00:00+00:00")
    _, february = await invoices(org, acme)

    rows = _rows(await _export(client, finance, "invoices.csv", **{"from": "2026-03-01", "to": "2026-03-31"}))

    assert fee["description"] == "Arrears (monthly)"
    assert [
        (
            r["invoice_number"],
            r["line_type"],
            r["description"],
            r["quantity"],
            r["unit_amount"],
            r["net_amount"],
            r["tax_codes"],
            r["tax_rate"],
            r["tax_amount"],
            r["total"],
        )
        for r in rows
    ] == [
        (
            february["number"],
            "subscription",
            "Arrears (monthly)",
            "1",
            "10",
            "10.00",
            "vat",
            "20",
            "2.00",
            "12.00",
        ),
        (
            february["number"],
            "credit_note",
            "Credit notes applied",
            "1",
            "-3.00",
            "-3.00",
            "",
            "0",
            "0.00",
            "-3.00",
        ),
    ]
    assert rows[0]["customer_name"] == '\'=HYPERLINK("http://evil")'  # shown as text, never evaluated
    assert (rows[0]["issuing_date"], rows[0]["period_start"], rows[0]["period_end"]) == (
        "2026-03-01",
        "2026-02-01",
        "2026-02-28",
    )
    assert sum(Decimal(r["total"]) for r in rows) * 100 == february["totalAmountCents"] == 900


async def test_credit_note_lines_add_up_and_carry_the_split_once(
    billed: Billed, client: httpx.AsyncClient
) -> None:
    invoice = billed.invoice["id"]
    (await billed.org.admin(PAY, id=invoice)).ok()
    kept = (
        await billed.finance(
            CREATE,
            **note(invoice, [(billed.setup_fee, 400), (billed.training_fee, 100)], credit=200, refund=400),
        )
    ).ok("createCreditNote")
    voided = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 10)], credit=12))).ok(
        "createCreditNote"
    )
    (await billed.finance(VOID, id=voided["id"])).ok()

    rows = _rows(await _export(client, billed.finance, "credit_notes.csv"))

    assert [
        (
            r["credit_note_number"],
            r["description"],
            r["amount"],
            r["tax_amount"],
            r["total"],
            r["credit_amount"],
            r["refund_amount"],
            r["refund_status"],
        )
        for r in rows
    ] == [
        (kept["number"], "Setup", "4.00", "0.80", "4.80", "2.00", "4.00", "pending"),
        (kept["number"], "Training", "1.00", "0.20", "1.20", "", "", ""),
    ]
    assert sum(Decimal(r["total"]) for r in rows) * 100 == kept["totalAmountCents"] == 600
    assert rows[0]["invoice_number"] == billed.invoice["number"]


async def test_the_range_is_required_and_checked(billed: Billed, client: httpx.AsyncClient) -> None:
    missing = await _export(client, billed.finance, "invoices.csv", to="2026-01-31")
    backwards = await _export(
        client, billed.finance, "invoices.csv", **{"from": "2026-02-01", "to": "2026-01-01"}
    )
    outside = _rows(
        await _export(client, billed.finance, "invoices.csv", **{"from": "2000-01-01", "to": "2000-12-31"})
    )

    assert missing.status_code == 400
    assert missing.json()["errors"][0]["extensions"] == {
        "code": "VALIDATION_ERROR",
        "fields": {"from": "is required, as a date like 2026-01-31"},
    }
    assert backwards.json()["errors"][0]["extensions"]["fields"] == {"from": "must not be after to"}
    assert outside == []


async def test_exports_need_their_permission_both_ways(billed: Billed, client: httpx.AsyncClient) -> None:
    replies = {
        path: (
            await _export(client, None, path),
            await _export(client, billed.manager, path),
            await _export(client, billed.finance, path),
        )
        for path, permission in (
            ("invoices.csv", "invoices:export"),
            ("credit_notes.csv", "credit_notes:export"),
        )
    }

    for path, (anonymous, manager, finance) in replies.items():
        assert anonymous.status_code == 401, path
        assert manager.status_code == 403, path
        assert manager.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert finance.status_code == 200, path
    assert replies["invoices.csv"][1].json()["errors"][0]["extensions"]["requiredPermissions"] == [
        "invoices:export"
    ]
    assert replies["credit_notes.csv"][1].json()["errors"][0]["extensions"]["requiredPermissions"] == [
        "credit_notes:export"
    ]


async def test_an_export_is_audited_and_sees_only_its_organization(
    billed: Billed, factory: Factory, client: httpx.AsyncClient
) -> None:
    other = await factory.organization()

    theirs = _rows(await _export(client, other.admin, "invoices.csv"))
    ours = _rows(
        await _export(client, billed.finance, "invoices.csv", **{"from": "2000-01-01", "to": "2100-01-01"})
    )
    entries = (
        await billed.org.admin(
            'query { auditLogs(operation: "exportInvoices") { collection { operation objectType actorUserId changes } } }'
        )
    ).ok("auditLogs")["collection"]

    assert theirs == []
    assert [r["invoice_number"] for r in ours] == [billed.invoice["number"]] * 2
    assert entries == [
        {
            "operation": "exportInvoices",
            "objectType": None,
            "actorUserId": str(billed.finance.user_id),
            "changes": [
                {"type": "Invoice", "action": "export", "changes": {"from": "2000-01-01", "to": "2100-01-01"}}
            ],
        }
    ]


async def test_all_rows_come_from_one_cursor_statement(
    billed: Billed, db: Database, client: httpx.AsyncClient
) -> None:
    for _ in range(3):
        await one_off(billed.org, billed.customer_id, billed.add_ons)

    with count_statements(db) as statements:
        rows = _rows(await _export(client, billed.finance, "invoices.csv"))

    assert len(rows) == 8
    assert len([s for s in statements if "FROM invoices i" in s]) == 1
    assert len([s for s in statements if "fees" in s]) == 1  # the cursor's; no statement per invoice
