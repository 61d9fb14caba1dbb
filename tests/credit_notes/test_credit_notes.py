"""Credit notes on a finalized invoice: amounts with the fees' taxes, never more than is creditable or
refundable, numbered, voidable while unused, and each rule refused with a VALIDATION_ERROR that writes
nothing."""

from __future__ import annotations

from typing import Any

from tests.credit_notes.conftest import CREATE, ESTIMATE, NOTES_OF_INVOICE, PAY, VOID, Billed, note, one_off
from tests.helpers import Factory

COUNT = "query { creditNotes { metadata { totalCount } } }"


async def _count(billed: Billed) -> int:
    return int((await billed.finance(COUNT)).ok("creditNotes")["metadata"]["totalCount"])


async def test_finance_credits_part_of_two_fees_with_their_taxes(billed: Billed) -> None:
    invoice = billed.invoice["id"]

    created = (
        await billed.finance(
            CREATE,
            **note(
                invoice,
                [(billed.setup_fee, 500), (billed.training_fee, 333)],
                credit=1000,
                description="Two days missed",
            ),
        )
    ).ok("createCreditNote")

    assert billed.invoice["totalAmountCents"] == 1600
    assert {k: v for k, v in created.items() if k not in ("id", "issuingDate", "items")} == {
        "number": billed.number(1),
        "sequentialId": 1,
        "reason": "ORDER_CHANGE",
        "description": "Two days missed",
        "status": "FINALIZED",
        "creditStatus": "AVAILABLE",
        "refundStatus": None,
        "currency": "EUR",
        "subTotalExcludingTaxesAmountCents": 833,
        "taxesAmountCents": 167,  # 100 on the setup fee; the rest of the training fee's 67
        "totalAmountCents": 1000,
        "creditAmountCents": 1000,
        "balanceAmountCents": 1000,
        "refundAmountCents": 0,
        "voidedAt": None,
        "refundedAt": None,
    }
    assert [(i["amountCents"], i["taxesAmountCents"], i["totalAmountCents"]) for i in created["items"]] == [
        (500, 100, 600),
        (333, 67, 400),
    ]
    on_invoice = (await billed.finance(NOTES_OF_INVOICE, id=invoice)).ok("invoice")["creditNotes"]
    assert on_invoice == [{"number": billed.number(1), "totalAmountCents": 1000}]
    of_customer = (
        await billed.finance(
            "query($id: ID!) { customer(id: $id) { creditNotes { number } } }", id=billed.customer_id
        )
    ).ok("customer")["creditNotes"]
    assert of_customer == [{"number": billed.number(1)}]


async def test_the_estimate_shows_the_note_and_what_remains_without_writing(billed: Billed) -> None:
    items = [{"feeId": billed.setup_fee, "amountCents": 250}]

    estimate = (await billed.finance(ESTIMATE, invoice=billed.invoice["id"], items=items)).ok(
        "creditNoteEstimate"
    )

    assert estimate == {
        "currency": "EUR",
        "subTotalExcludingTaxesAmountCents": 250,
        "taxesAmountCents": 50,
        "totalAmountCents": 300,
        "maxCreditableAmountCents": 1600,
        "maxRefundableAmountCents": 0,  # nothing paid yet
        "items": [{"feeId": billed.setup_fee, "amountCents": 250, "taxesAmountCents": 50}],
    }
    assert await _count(billed) == 0


async def test_more_than_remains_creditable_on_a_fee_is_refused_and_writes_nothing(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 600)], credit=720))).ok(
        "createCreditNote"
    )

    too_much = await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 401)], credit=481))
    unknown = await billed.finance(CREATE, **note(invoice, [(billed.invoice["id"], 1)], credit=1))
    empty = await billed.finance(CREATE, **note(invoice, [], credit=0))
    zero = await billed.finance(CREATE, **note(invoice, [(billed.training_fee, 0)]))
    rest = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 400)], credit=480))).ok(
        "createCreditNote"
    )

    assert too_much.code == "VALIDATION_ERROR"
    assert too_much.error()["extensions"]["fields"] == {
        "items.0.amountCents": "is more than what remains creditable on the fee (400)"
    }
    assert unknown.error()["extensions"]["fields"] == {"items.0.feeId": "is not a fee of the invoice"}
    assert empty.error()["extensions"]["fields"] == {"items": "at least one item is required"}
    assert zero.error()["extensions"]["fields"] == {"items.0.amountCents": "must be at least 1"}
    assert rest["number"] == billed.number(2)  # the refused ones took no number
    assert await _count(billed) == 2


async def test_credit_and_refund_must_make_the_total_and_refunds_never_pass_what_was_paid(
    billed: Billed,
) -> None:
    invoice = billed.invoice["id"]

    unpaid_refund = await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 1000)], refund=1200))
    wrong_split = await billed.finance(
        CREATE, **note(invoice, [(billed.setup_fee, 1000)], credit=700, refund=400)
    )
    negative = await billed.finance(
        CREATE, **note(invoice, [(billed.setup_fee, 1000)], credit=1300, refund=-100)
    )
    (await billed.org.admin(PAY, id=invoice)).ok("updateInvoice")
    refunded = (
        await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 1000)], credit=200, refund=1000))
    ).ok("createCreditNote")
    estimate = (await billed.finance(ESTIMATE, invoice=invoice, items=[])).ok("creditNoteEstimate")

    assert unpaid_refund.error()["extensions"]["fields"] == {
        "refundAmountCents": "is more than what was paid and not yet refunded (0)"
    }
    assert wrong_split.error()["extensions"]["fields"] == {
        "creditAmountCents": "credit and refund must add up to the total (1200)"
    }
    assert negative.code == "VALIDATION_ERROR"
    assert "refundAmountCents" in negative.error()["extensions"]["fields"]
    assert (refunded["refundStatus"], refunded["creditStatus"], refunded["refundAmountCents"]) == (
        "PENDING",
        "AVAILABLE",
        1000,
    )
    assert (estimate["maxCreditableAmountCents"], estimate["maxRefundableAmountCents"]) == (400, 600)
    assert await _count(billed) == 1


async def test_voided_invoices_and_credit_purchases_cannot_be_credited(
    billed: Billed, factory: Factory
) -> None:
    org = billed.org
    add_on = (
        await org.admin(
            'mutation { createAddOn(input: {name: "Audit", code: "audit", amountCents: 500, amountCurrency: "EUR"}) { id } }'
        )
    ).ok("createAddOn")["id"]
    voided = await one_off(org, billed.customer_id, [add_on])
    (await org.admin("mutation($id: ID!) { voidInvoice(input: {id: $id}) { status } }", id=voided["id"])).ok(
        "voidInvoice"
    )
    (
        await org.admin(
            'mutation($c: ID!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: "1",'
            ' paidCredits: "10"}) { id } }',
            c=billed.customer_id,
        )
    ).ok("createCustomerWallet")
    purchase = (
        await org.admin("query { invoices(invoiceType: [CREDIT]) { collection { id fees { id } } } }")
    ).ok("invoices")["collection"][0]

    on_voided = await billed.finance(
        CREATE, **note(voided["id"], [(voided["fees"][0]["id"], 100)], credit=100)
    )
    on_purchase = await billed.finance(
        CREATE, **note(purchase["id"], [(purchase["fees"][0]["id"], 100)], credit=100)
    )

    assert on_voided.error()["extensions"]["fields"] == {
        "invoiceId": "credit notes are for finalized invoices (this one is voided)"
    }
    assert on_purchase.error()["extensions"]["fields"] == {
        "invoiceId": "a purchase of prepaid credits is not credited; adjust or terminate the wallet"
    }
    assert await _count(billed) == 0


async def test_voiding_an_unused_note_makes_its_amount_creditable_again(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    created = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 1000)], credit=1200))).ok(
        "createCreditNote"
    )

    voided = (await billed.finance(VOID, id=created["id"])).ok("voidCreditNote")
    twice = await billed.finance(VOID, id=created["id"])
    estimate = (await billed.finance(ESTIMATE, invoice=invoice, items=[])).ok("creditNoteEstimate")
    again = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 1000)], credit=1200))).ok(
        "createCreditNote"
    )

    assert voided == {"status": "VOIDED", "creditStatus": "VOIDED", "balanceAmountCents": 0}
    assert twice.error()["extensions"]["fields"] == {"id": "the credit note is already voided"}
    assert estimate["maxCreditableAmountCents"] == 1600
    assert again["number"] == billed.number(2)


async def test_update_records_the_refund_and_rewords_the_note(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    (await billed.org.admin(PAY, id=invoice)).ok("updateInvoice")
    credit_only = (
        await billed.finance(CREATE, **note(invoice, [(billed.training_fee, 333)], credit=400))
    ).ok("createCreditNote")
    refund = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 1000)], refund=1200))).ok(
        "createCreditNote"
    )
    update = """mutation($input: UpdateCreditNoteInput!) { updateCreditNote(input: $input) {
      reason description refundStatus refundedAt } }"""

    done = (
        await billed.finance(
            update,
            input={
                "id": refund["id"],
                "refundStatus": "SUCCEEDED",
                "reason": "PRODUCT_UNSATISFACTORY",
                "description": "Wired back",
            },
        )
    ).ok("updateCreditNote")
    no_refund = await billed.finance(update, input={"id": credit_only["id"], "refundStatus": "SUCCEEDED"})
    void_refunded = await billed.finance(VOID, id=refund["id"])

    assert (done["reason"], done["description"], done["refundStatus"]) == (
        "PRODUCT_UNSATISFACTORY",
        "Wired back",
        "SUCCEEDED",
    )
    assert done["refundedAt"] is not None
    assert no_refund.error()["extensions"]["fields"] == {"refundStatus": "the credit note has no refund"}
    assert void_refunded.error()["extensions"]["fields"] == {"id": "its refund was already made"}


async def test_an_invoice_with_credit_notes_is_not_voided(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 10)], credit=12))).ok(
        "createCreditNote"
    )

    refused = await billed.org.admin(
        "mutation($id: ID!) { voidInvoice(input: {id: $id}) { status } }", id=invoice
    )

    assert refused.error()["extensions"]["fields"] == {"id": "the invoice has credit notes; void them first"}


async def test_credit_notes_need_their_permissions_both_ways(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    args = note(invoice, [(billed.setup_fee, 10)], credit=12)

    by_manager = await billed.manager(CREATE, **args)
    estimate_by_manager = await billed.manager(ESTIMATE, invoice=invoice, items=[])
    listed_by_manager = await billed.manager(COUNT)
    created = (await billed.finance(CREATE, **args)).ok("createCreditNote")
    void_by_manager = await billed.manager(VOID, id=created["id"])
    by_admin = (await billed.org.admin(CREATE, **args)).ok("createCreditNote")

    assert by_manager.code == "FORBIDDEN"
    assert by_manager.error()["extensions"]["requiredPermissions"] == ["credit_notes:create"]
    assert estimate_by_manager.code == "FORBIDDEN"
    assert listed_by_manager.ok("creditNotes")["metadata"]["totalCount"] == 0  # managers see credit notes
    assert void_by_manager.error()["extensions"]["requiredPermissions"] == ["credit_notes:void"]
    assert by_admin["number"] == billed.number(2)


async def test_another_organizations_invoice_and_note_are_not_found(billed: Billed, factory: Factory) -> None:
    other = await factory.organization()
    created = (
        await billed.finance(CREATE, **note(billed.invoice["id"], [(billed.setup_fee, 10)], credit=12))
    ).ok("createCreditNote")

    on_their_invoice = await other.admin(
        CREATE, **note(billed.invoice["id"], [(billed.setup_fee, 10)], credit=12)
    )
    their_view = await other.admin("query($id: ID!) { creditNote(id: $id) { id } }", id=created["id"])
    their_void = await other.admin(VOID, id=created["id"])

    assert on_their_invoice.code == "NOT_FOUND"
    assert their_view.code == "NOT_FOUND"
    assert their_void.code == "NOT_FOUND"


def _numbers(collection: dict[str, Any]) -> list[str]:
    return [n["number"] for n in collection["collection"]]


async def test_credit_notes_are_listed_newest_first_and_filtered(billed: Billed) -> None:
    invoice = billed.invoice["id"]
    first = (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 10)], credit=12))).ok(
        "createCreditNote"
    )
    (await billed.finance(CREATE, **note(invoice, [(billed.setup_fee, 10)], credit=12))).ok(
        "createCreditNote"
    )
    (await billed.finance(VOID, id=first["id"])).ok("voidCreditNote")
    query = """query($status: [CreditNoteStatus!], $search: String) {
      creditNotes(status: $status, searchTerm: $search) { collection { number } } }"""

    everything = (await billed.finance(query)).ok("creditNotes")
    finalized = (await billed.finance(query, status=["FINALIZED"])).ok("creditNotes")
    searched = (await billed.finance(query, search="000001")).ok("creditNotes")

    assert _numbers(everything) == [billed.number(2), billed.number(1)]
    assert _numbers(finalized) == [billed.number(2)]
    assert _numbers(searched) == [billed.number(1)]
