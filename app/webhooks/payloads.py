"""What a webhook says about an object: its columns as JSON (snake_case keys, amounts in integer minor
units, decimals and ids as strings, times in ISO 8601 UTC), and for invoices their fees with taxes,
for credit notes their items. Related rows are read in one statement per kind for a whole batch."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.capture import jsonable
from app.credit_notes.models import CreditNote, CreditNoteItem
from app.db.base import Model
from app.invoices.models import Fee, FeeTax, Invoice

_OMITTED = frozenset({"organization_id"})  # in the envelope already


def columns(obj: Model) -> dict[str, Any]:
    hidden = _OMITTED | type(obj).__secret_columns__
    return {
        attribute.key: jsonable(getattr(obj, attribute.key))
        for attribute in sa.inspect(type(obj)).column_attrs
        if attribute.key not in hidden
    }


def object_type(obj: Model) -> str:
    """``invoice``, ``credit_note``, ``subscription``, ``wallet``... (the table's name, singular)."""
    table: str = obj.__tablename__
    return table[:-1] if table.endswith("s") else table


async def _invoices(session: AsyncSession, invoices: list[Invoice]) -> list[dict[str, Any]]:
    fees = (
        await session.scalars(
            sa.select(Fee).where(Fee.invoice_id.in_([i.id for i in invoices])).order_by(Fee.position)
        )
    ).all()
    taxes: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    if fees:
        for tax in await session.scalars(
            sa.select(FeeTax).where(FeeTax.fee_id.in_([f.id for f in fees])).order_by(FeeTax.tax_code)
        ):
            taxes[tax.fee_id].append(columns(tax))
    by_invoice: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for fee in fees:
        by_invoice[fee.invoice_id].append({**columns(fee), "taxes": taxes[fee.id]})
    return [{**columns(invoice), "fees": by_invoice[invoice.id]} for invoice in invoices]


async def _credit_notes(session: AsyncSession, notes: list[CreditNote]) -> list[dict[str, Any]]:
    items: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for item in await session.scalars(
        sa.select(CreditNoteItem)
        .where(CreditNoteItem.credit_note_id.in_([n.id for n in notes]))
        .order_by(CreditNoteItem.created_at, CreditNoteItem.id)
    ):
        items[item.credit_note_id].append(columns(item))
    return [{**columns(note), "items": items[note.id]} for note in notes]


async def serialize(session: AsyncSession, objects: list[Model]) -> list[dict[str, Any]]:
    """The bodies of ``objects`` (all of one model), in their order."""
    if objects and isinstance(objects[0], Invoice):
        return await _invoices(session, objects)  # type: ignore[arg-type]
    if objects and isinstance(objects[0], CreditNote):
        return await _credit_notes(session, objects)  # type: ignore[arg-type]
    return [columns(obj) for obj in objects]
