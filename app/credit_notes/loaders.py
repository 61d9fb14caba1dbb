from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.core.pagination import Window
from app.credit_notes.models import CreditNote, CreditNoteItem
from app.credit_notes.service import by_customer, by_invoice, items_by_note
from app.graphql.context import Context


def credit_notes_of_customer(ctx: Context, window: Window) -> DataLoader[uuid.UUID, list[CreditNote]]:
    """Credit notes of many customers (already scoped to the caller), newest first, ``window`` of each."""

    async def batch(ids: list[uuid.UUID]) -> list[list[CreditNote]]:
        grouped = await ctx.read(lambda session: by_customer(session, ids, window))
        return [grouped.get(customer_id, []) for customer_id in ids]

    return ctx.loader(f"credit_notes_of_customer:{window.key}", batch)


def credit_notes_of_invoice(ctx: Context, window: Window) -> DataLoader[uuid.UUID, list[CreditNote]]:
    async def batch(ids: list[uuid.UUID]) -> list[list[CreditNote]]:
        grouped = await ctx.read(lambda session: by_invoice(session, ids, window))
        return [grouped.get(invoice_id, []) for invoice_id in ids]

    return ctx.loader(f"credit_notes_of_invoice:{window.key}", batch)


def items_of(ctx: Context) -> DataLoader[uuid.UUID, list[CreditNoteItem]]:
    async def batch(ids: list[uuid.UUID]) -> list[list[CreditNoteItem]]:
        grouped = await ctx.read(lambda session: items_by_note(session, ids))
        return [grouped.get(note_id, []) for note_id in ids]

    return ctx.loader("credit_note_items_of", batch)
