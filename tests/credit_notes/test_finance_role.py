"""The finance role closes the loop and writes nothing else: every mutation of the graph is tried, and
only the credit note ones get past authorization; everything this workflow reads is open to it."""

from __future__ import annotations

from tests.graphql.operations import denied, operations
from tests.graphql.test_schema_declarations import PUBLIC, SIGNED_IN
from tests.helpers import Factory

FINANCE_WRITES = {
    "createCreditNote",
    "updateCreditNote",
    "voidCreditNote",
    "approveCreditNote",
    "rejectCreditNote",
}
FINANCE_READS = {
    "creditNote",
    "creditNotes",
    "creditNoteEstimate",
    "grossRevenues",
    "mrrs",
    "invoicedUsages",
    "outstandingInvoices",
    "invoice",
    "invoices",
}


async def test_finance_may_write_credit_notes_and_nothing_else(factory: Factory) -> None:
    org = await factory.organization()
    finance = await factory.member(org, "finance")
    # Their own password and sessions aside (every person has those, and signing out would end the test)
    mutations = [op for op in operations() if op.root == "mutation" and op.name not in PUBLIC | SIGNED_IN]

    allowed = set()
    for operation in mutations:
        response = await finance(operation.document, **operation.variables)
        if not denied(response, operation):
            allowed.add(operation.name)

    assert len(mutations) >= 50  # every mutation of the graph (grows with it)
    assert allowed == FINANCE_WRITES


async def test_finance_reads_what_its_workflow_needs_and_a_manager_neither_writes_nor_reads_it(
    factory: Factory,
) -> None:
    org = await factory.organization()
    finance = await factory.member(org, "finance")
    manager = await factory.member(org, "manager")
    wanted = [op for op in operations() if op.name in FINANCE_READS | FINANCE_WRITES]

    denied_to_finance = set()
    allowed_to_manager = set()
    for operation in wanted:
        if denied(await finance(operation.document, **operation.variables), operation):
            denied_to_finance.add(operation.name)
        if not denied(await manager(operation.document, **operation.variables), operation):
            allowed_to_manager.add(operation.name)

    assert {op.name for op in wanted} == FINANCE_READS | FINANCE_WRITES
    assert denied_to_finance == set()
    assert allowed_to_manager == {"creditNote", "creditNotes", "invoice", "invoices"}  # views only
