"""Lock order between a one-off invoice and a billing run, on real commits: the one-off invoice locks its
customer FOR NO KEY UPDATE, so a billing run that already holds the organization's numbering and
inserts an invoice for that customer (a foreign-key check takes KEY SHARE) is not blocked; with FOR
UPDATE the two waited for each other (a deadlock seen under load)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from app.core.errors import Collector
from app.db.engine import Database
from app.invoices import builder
from app.invoices.service import customer_in_currency
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import Api, Factory


async def test_a_billing_insert_passes_a_customer_locked_by_a_one_off_invoice(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as client:
        org = await Factory(committed_db, settings, Api(client)).organization()
        customer_id = (
            await org.admin('mutation { createCustomer(input: {externalId: "c", name: "C"}) { id } }')
        ).ok("createCustomer")["id"]

    async with committed_db.sessionmaker() as one_off, committed_db.sessionmaker() as billing:
        customer = await customer_in_currency(one_off, Collector(), org.id, customer_id, "EUR")  # locks it
        assert customer is not None
        await billing.execute(sa.text("SET LOCAL lock_timeout = '2s'"))
        [(sequence, number)] = await builder.reserve_numbers(billing, org.id)
        await billing.execute(
            sa.text(
                "INSERT INTO invoices (id, organization_id, customer_id, sequential_id, number, invoice_type,"
                " status, payment_status, currency, issuing_date, payment_due_date, net_payment_term,"
                " fees_amount_cents, coupons_amount_cents, sub_total_excluding_taxes_amount_cents,"
                " taxes_amount_cents, sub_total_including_taxes_amount_cents, credit_notes_amount_cents,"
                " prepaid_credit_amount_cents, total_amount_cents, customer_snapshot)"
                " VALUES (:id, :org, :customer, :sequence, :number, 'subscription', 'finalized', 'pending',"
                " 'EUR', current_date, current_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, '{}')"
            ),
            {
                "id": uuid.uuid4(),
                "org": org.id,
                "customer": customer.id,
                "sequence": sequence,
                "number": number,
            },
        )  # would wait for the one-off invoice's lock (and time out) with FOR UPDATE
        await billing.commit()
        await one_off.rollback()
