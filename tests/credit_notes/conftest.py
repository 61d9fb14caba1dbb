"""A finalized one-off invoice to credit: two add-ons under a 20% VAT, and the members who act on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.catalogue import tax
from tests.helpers import Factory, Member, Org

NOTE_FIELDS = """id number sequentialId reason description status creditStatus refundStatus currency
  subTotalExcludingTaxesAmountCents taxesAmountCents totalAmountCents creditAmountCents
  balanceAmountCents refundAmountCents issuingDate voidedAt refundedAt
  items { amountCents taxesAmountCents totalAmountCents fee { id description } }"""
CREATE = "mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) {" + NOTE_FIELDS + "} }"
ESTIMATE = """query($invoice: ID!, $items: [CreditNoteItemInput!]!) {
  creditNoteEstimate(invoiceId: $invoice, items: $items) {
    currency subTotalExcludingTaxesAmountCents taxesAmountCents totalAmountCents
    maxCreditableAmountCents maxRefundableAmountCents items { feeId amountCents taxesAmountCents } } }"""
VOID = "mutation($id: ID!) { voidCreditNote(input: {id: $id}) { status creditStatus balanceAmountCents } }"
PAY = "mutation($id: ID!) { updateInvoice(input: {id: $id, paymentStatus: SUCCEEDED}) { paymentStatus } }"
NOTES_OF_INVOICE = "query($id: ID!) { invoice(id: $id) { creditNotes { number totalAmountCents } } }"
ADD_ON = "mutation($input: CreateAddOnInput!) { createAddOn(input: $input) { id } }"
INVOICE = """mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) {
  id number issuingDate totalAmountCents fees { id amountCents taxesAmountCents } } }"""


@dataclass
class Billed:
    org: Org
    finance: Member
    manager: Member
    customer_id: str
    invoice: dict[str, Any]  # one-off: setup 1000 + training 333, VAT 20%: total 1600 (200 + 67 taxes)
    add_ons: list[str]

    def number(self, sequence: int) -> str:
        """The organization's credit note number ``sequence``: its invoice prefix, CN, six digits."""
        return f"{self.invoice['number'].rsplit('-', 1)[0]}-CN-{sequence:06d}"

    @property
    def setup_fee(self) -> str:
        return str(self.invoice["fees"][0]["id"])

    @property
    def training_fee(self) -> str:
        return str(self.invoice["fees"][1]["id"])


def note(
    invoice: str, items: list[tuple[str, int]], credit: int = 0, refund: int = 0, **extra: Any
) -> dict[str, Any]:
    return {
        "input": {
            "invoiceId": invoice,
            "reason": "ORDER_CHANGE",
            "items": [{"feeId": fee, "amountCents": amount} for fee, amount in items],
            "creditAmountCents": credit,
            "refundAmountCents": refund,
            **extra,
        }
    }


async def one_off(org: Org, customer_id: str, add_ons: list[str]) -> dict[str, Any]:
    given = {"customerId": customer_id, "currency": "EUR", "fees": [{"addOnId": a} for a in add_ons]}
    return dict((await org.admin(INVOICE, input=given)).ok("createInvoice"))


async def billed_organization(factory: Factory) -> Billed:
    org = await factory.organization()
    await tax(org.admin, "vat", "20", applied=True)
    customer = (
        await org.admin(
            'mutation { createCustomer(input: {externalId: "acme", name: "Acme", currency: "EUR"}) { id } }'
        )
    ).ok("createCustomer")["id"]
    add_ons = [
        (
            await org.admin(
                ADD_ON,
                input={"name": name, "code": name.lower(), "amountCents": cents, "amountCurrency": "EUR"},
            )
        ).ok("createAddOn")["id"]
        for name, cents in (("Setup", 1000), ("Training", 333))
    ]
    invoice = await one_off(org, customer, add_ons)
    finance = await factory.member(org, "finance")
    manager = await factory.member(org, "manager")
    return Billed(org, finance, manager, customer, invoice, add_ons)


@pytest.fixture
async def billed(factory: Factory) -> Billed:
    return await billed_organization(factory)
