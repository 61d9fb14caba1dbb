"""One-off invoices of add-ons: units, unit amounts, taxes by precedence, numbers without gaps."""

from __future__ import annotations

from typing import Any

from tests.catalogue import tax
from tests.helpers import Factory, Org

INVOICE = """mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) {
  id number sequentialId status invoiceType paymentStatus currency issuingDate paymentDueDate netPaymentTerm
  feesAmountCents couponsAmountCents subTotalExcludingTaxesAmountCents taxesAmountCents
  subTotalIncludingTaxesAmountCents totalAmountCents customer { externalId }
  fees { feeType description units unitAmountCents amountCents taxesAmountCents totalAmountCents
         appliedTaxes { taxCode taxRate amountCents } } } }"""
ADD_ON = """mutation($input: CreateAddOnInput!) { createAddOn(input: $input) { id } }"""


async def _setup(org: Org, customer_taxes: list[str] | None = None) -> tuple[str, dict[str, str]]:
    await tax(org.admin, "vat", "20", applied=True)
    await tax(org.admin, "reduced", "5.5")
    await tax(org.admin, "service", "10")
    customer = (
        await org.admin(
            'mutation($t: [String!]) { createCustomer(input: {externalId: "c1", name: "Acme", netPaymentTerm: 30,'
            " taxCodes: $t}) { id } }",
            t=customer_taxes,
        )
    ).ok("createCustomer")["id"]
    add_ons = {
        "setup": (
            await org.admin(
                ADD_ON,
                input={
                    "name": "Setup",
                    "code": "setup",
                    "amountCents": 10000,
                    "amountCurrency": "EUR",
                    "taxCodes": ["reduced"],
                },
            )
        ).ok("createAddOn")["id"],
        "training": (
            await org.admin(
                ADD_ON,
                input={"name": "Training", "code": "training", "amountCents": 33333, "amountCurrency": "EUR"},
            )
        ).ok("createAddOn")["id"],
        "usd": (
            await org.admin(
                ADD_ON,
                input={"name": "US audit", "code": "usd", "amountCents": 5000, "amountCurrency": "USD"},
            )
        ).ok("createAddOn")["id"],
    }
    return customer, add_ons


def invoice(customer: str, fees: list[dict[str, Any]], currency: str = "EUR") -> dict[str, Any]:
    return {"input": {"customerId": customer, "currency": currency, "fees": fees}}


async def test_a_one_off_invoice_with_units_overrides_and_taxes_by_precedence(factory: Factory) -> None:
    org = await factory.organization()
    customer, add_ons = await _setup(org)

    created = (
        await org.admin(
            INVOICE,
            **invoice(
                customer,
                [
                    {"addOnId": add_ons["setup"]},
                    {"addOnId": add_ons["training"], "units": "2.5", "description": "Training (2.5 days)"},
                    {"addOnId": add_ons["usd"], "unitAmountCents": 4600},
                ],
            ),
        )
    ).ok("createInvoice")

    assert (created["status"], created["invoiceType"], created["paymentStatus"]) == (
        "FINALIZED",
        "ONE_OFF",
        "PENDING",
    )
    assert created["netPaymentTerm"] == 30
    assert created["number"].endswith("-000001")
    fees = created["fees"]
    assert [(f["description"], f["units"], f["amountCents"]) for f in fees] == [
        ("Setup", "1", 10000),
        ("Training (2.5 days)", "2.5", 83333),  # 33333 x 2.5 = 83332.5, rounded half-up
        ("US audit", "1", 4600),
    ]
    assert [f["appliedTaxes"] for f in fees] == [
        [{"taxCode": "reduced", "taxRate": "5.5", "amountCents": 550}],  # the add-on's own tax
        [{"taxCode": "vat", "taxRate": "20", "amountCents": 16667}],  # the organization's default
        [{"taxCode": "vat", "taxRate": "20", "amountCents": 920}],
    ]
    assert created["feesAmountCents"] == 97933
    assert created["taxesAmountCents"] == 550 + 16667 + 920
    assert created["totalAmountCents"] == 97933 + 18137 == sum(f["totalAmountCents"] for f in fees)


async def test_the_customers_taxes_come_before_the_organizations(factory: Factory) -> None:
    org = await factory.organization()
    customer, add_ons = await _setup(org, customer_taxes=["service"])

    created = (await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["training"]}]))).ok(
        "createInvoice"
    )

    assert created["fees"][0]["appliedTaxes"] == [
        {"taxCode": "service", "taxRate": "10", "amountCents": 3333}
    ]


async def test_numbers_are_sequential_per_organization(factory: Factory) -> None:
    org, other = await factory.organization(), await factory.organization()
    customer, add_ons = await _setup(org)
    other_customer, other_add_ons = await _setup(other)

    numbers = [
        (await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}]))).ok("createInvoice")[
            "sequentialId"
        ]
        for _ in range(3)
    ]
    failed = await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"], "units": "0"}]))
    after_failure = (await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}]))).ok(
        "createInvoice"
    )
    elsewhere = (
        await other.admin(INVOICE, **invoice(other_customer, [{"addOnId": other_add_ons["setup"]}]))
    ).ok("createInvoice")

    assert numbers == [1, 2, 3]
    assert failed.code == "VALIDATION_ERROR"
    assert after_failure["sequentialId"] == 4  # the failed attempt gave its number back
    assert elsewhere["sequentialId"] == 1


async def test_bad_invoices_are_refused_naming_each_fee(factory: Factory) -> None:
    org = await factory.organization()
    customer, add_ons = await _setup(org)
    (await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}]))).ok()

    responses = {
        "currency": await org.admin(
            INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}], currency="USD")
        ),
        "fees": await org.admin(INVOICE, **invoice(customer, [])),
        "lines": await org.admin(
            INVOICE,
            **invoice(
                customer,
                [
                    {"addOnId": add_ons["usd"]},
                    {"addOnId": "8d4e1f2a-0000-4000-8000-000000000000"},
                    {"addOnId": add_ons["setup"], "units": "-1"},
                ],
            ),
        ),
    }

    assert {name: r.error()["extensions"]["fields"] for name, r in responses.items()} == {
        "currency": {
            "currency": "the customer is billed in EUR",
            "fees.0.unitAmountCents": "is required: the add-on is priced in EUR",
        },
        "fees": {"fees": "at least one fee is required"},
        "lines": {
            "fees.0.unitAmountCents": "is required: the add-on is priced in USD",
            "fees.1.addOnId": "no such add-on",
            "fees.2.units": "must be greater than 0",
        },
    }
    assert (await org.admin("{ invoices { metadata { totalCount } } }")).ok("invoices")["metadata"][
        "totalCount"
    ] == 1


async def test_finance_reads_invoices_but_cannot_create_them(factory: Factory) -> None:
    org = await factory.organization()
    customer, add_ons = await _setup(org)
    created = (await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}]))).ok(
        "createInvoice"
    )
    finance = await factory.member(org, "finance")

    read = await finance("query($id: ID!) { invoice(id: $id) { number totalAmountCents } }", id=created["id"])
    write = await finance(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}]))

    assert read.ok("invoice") == {
        "number": created["number"],
        "totalAmountCents": created["totalAmountCents"],
    }
    assert write.error()["extensions"]["requiredPermissions"] == ["invoices:create"]


async def test_customer_invoices_need_invoices_view(factory: Factory) -> None:
    org = await factory.organization()
    customer, add_ons = await _setup(org)
    (await org.admin(INVOICE, **invoice(customer, [{"addOnId": add_ons["setup"]}]))).ok()
    await factory.role(org, "support", ["customers:view"])
    support = await factory.member(org, "support")

    response = await support(
        "query($id: ID!) { customer(id: $id) { externalId invoices { number } } }", id=customer
    )

    assert response.data == {"customer": {"externalId": "c1", "invoices": None}}
    assert response.error()["extensions"]["requiredPermissions"] == ["invoices:view"]
