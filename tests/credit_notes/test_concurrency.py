"""Two finance members credit the same fee at the same moment, on real commits: the invoice row lock
makes the second wait for the first and then see what it took, so exactly one note exists."""

from __future__ import annotations

import asyncio

import pytest

from app.core.errors import ValidationFailed
from app.core.pagination import PageRequest
from app.credit_notes import service
from app.credit_notes.estimate import ItemInput
from app.credit_notes.models import CreditNoteReason
from app.db.engine import Database
from app.settings import Settings
from tests.conftest import make_client
from tests.credit_notes.conftest import billed_organization
from tests.helpers import Api, Factory, actor_for


async def test_two_concurrent_notes_that_together_exceed_the_fee_leave_exactly_one(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as client:
        billed = await billed_organization(Factory(committed_db, settings, Api(client)))
    data = service.CreditNoteInput(
        invoice_id=billed.invoice["id"],
        reason=CreditNoteReason.ORDER_CHANGE,
        items=[ItemInput(billed.setup_fee, 700)],
        credit_amount_cents=840,
    )
    actor = actor_for(billed.finance)

    async def second_request() -> None:
        async with committed_db.sessionmaker() as session:
            await service.create_credit_note(session, actor, data)
            await session.commit()

    async with committed_db.sessionmaker() as first:
        await service.create_credit_note(first, actor, data)  # holds the invoice's lock until commit
        racing = asyncio.create_task(second_request())
        await asyncio.sleep(0.3)
        waited = not racing.done()
        await first.commit()
    with pytest.raises(ValidationFailed) as refused:
        await racing

    assert waited
    assert refused.value.fields == {
        "items.0.amountCents": "is more than what remains creditable on the fee (300)"
    }
    async with committed_db.sessionmaker() as session:
        notes = await service.list_credit_notes(
            session, billed.org.id, service.CreditNoteFilter(), PageRequest(1, 10)
        )
    assert [note.total_amount_cents for note in notes.items] == [840]
