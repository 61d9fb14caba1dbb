"""Add-ons: priced one-off items."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.addons.models import AddOn, AddOnTax
from app.auth.actor import Actor
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest
from app.db.errors import constraint_errors
from app.db.pagination import paginate
from app.taxes import service as taxes

_UNIQUE_CODE = {"uq_add_ons_live_code": ("code", "is already used by another add-on")}


def _live(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    return [AddOn.organization_id == organization_id, AddOn.deleted_at.is_(None)]


async def list_add_ons(
    session: AsyncSession, organization_id: uuid.UUID, page: PageRequest, search: str | None = None
) -> Page[AddOn]:
    query = sa.select(AddOn).where(*_live(organization_id))
    pattern = validation.search_pattern(search)
    if pattern:
        query = query.where(sa.or_(AddOn.name.ilike(pattern), AddOn.code.ilike(pattern)))
    return await paginate(session, query.order_by(AddOn.name, AddOn.id), page)


async def get_add_on(session: AsyncSession, organization_id: uuid.UUID, add_on_id: uuid.UUID) -> AddOn:
    add_on = await session.scalar(sa.select(AddOn).where(AddOn.id == add_on_id, *_live(organization_id)))
    if add_on is None:
        raise NotFound("Add-on")
    return add_on


@dataclass(frozen=True)
class AddOnInput:
    name: str | None = None
    code: str | None = None
    description: str | None = None
    invoice_display_name: str | None = None
    amount_cents: int | None = None
    amount_currency: str | None = None
    tax_codes: list[str] | None = None


def _apply(errors: Collector, add_on: AddOn, data: AddOnInput, creating: bool) -> None:
    if creating or data.name is not None:
        add_on.name = validation.text(errors, "name", data.name) or ""
    if creating or data.code is not None:
        add_on.code = validation.code(errors, "code", data.code or "")
    if data.description is not None:
        add_on.description = validation.text(
            errors, "description", data.description, required=False, max_length=1000
        )
    if data.invoice_display_name is not None:
        add_on.invoice_display_name = (
            validation.text(errors, "invoiceDisplayName", data.invoice_display_name, required=False) or None
        )
    if creating or data.amount_cents is not None:
        if data.amount_cents is None:
            errors.add("amountCents", "is required")
        add_on.amount_cents = validation.integer(errors, "amountCents", data.amount_cents) or 0
    if creating or data.amount_currency is not None:
        if data.amount_currency is None:
            errors.add("amountCurrency", "is required")
        add_on.amount_currency = validation.currency(errors, "amountCurrency", data.amount_currency) or ""


async def _save(session: AsyncSession, add_on: AddOn, tax_codes: list[str] | None) -> AddOn:
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(
            *_live(add_on.organization_id), AddOn.code == add_on.code, AddOn.id != add_on.id
        )
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE_CODE["uq_add_ons_live_code"]]))
    chosen = (
        None
        if tax_codes is None
        else await taxes.resolve_codes(session, add_on.organization_id, tax_codes, "taxCodes")
    )
    session.add(add_on)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    if chosen is not None:
        await taxes.set_links(session, AddOnTax, "add_on_id", add_on, chosen)
    return add_on


async def create_add_on(session: AsyncSession, actor: Actor, data: AddOnInput) -> AddOn:
    add_on = AddOn(id=uuid.uuid4(), organization_id=actor.org())
    errors = Collector()
    _apply(errors, add_on, data, creating=True)
    errors.raise_if_any()
    return await _save(session, add_on, data.tax_codes)


async def update_add_on(session: AsyncSession, actor: Actor, add_on_id: uuid.UUID, data: AddOnInput) -> AddOn:
    add_on = await get_add_on(session, actor.org(), add_on_id)
    errors = Collector()
    _apply(errors, add_on, data, creating=False)
    errors.raise_if_any()
    return await _save(session, add_on, data.tax_codes)


async def destroy_add_on(session: AsyncSession, actor: Actor, add_on_id: uuid.UUID) -> AddOn:
    add_on = await get_add_on(session, actor.org(), add_on_id)
    add_on.deleted_at = datetime.now(UTC)
    await session.flush()
    return add_on
