"""Tax rates, and the taxes attached to plans, add-ons and customers (by code)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core import decimals, validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest, Window
from app.db.errors import constraint_errors
from app.db.pagination import paginate, windowed
from app.taxes.models import Tax

# Taxes one plan, add-on or customer carries, and the organization applies by default: each fee lists
# those that applied to it, so this bounds ``Fee.appliedTaxes`` too.
MAX_TAXES = 10
_UNIQUE_CODE = {"uq_taxes_live_code": ("code", "is already used by another tax")}


def _live(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    return [Tax.organization_id == organization_id, Tax.deleted_at.is_(None)]


async def list_taxes(
    session: AsyncSession,
    organization_id: uuid.UUID,
    page: PageRequest,
    search: str | None = None,
    applied_to_organization: bool | None = None,
) -> Page[Tax]:
    query = sa.select(Tax).where(*_live(organization_id))
    pattern = validation.search_pattern(search)
    if pattern:
        query = query.where(sa.or_(Tax.name.ilike(pattern), Tax.code.ilike(pattern)))
    if applied_to_organization is not None:
        query = query.where(Tax.applied_to_organization.is_(applied_to_organization))
    return await paginate(session, query.order_by(Tax.name, Tax.id), page)


async def all_taxes(
    session: AsyncSession, organization_id: uuid.UUID, window: Window | None = None
) -> list[Tax]:
    query = sa.select(Tax).where(*_live(organization_id)).order_by(Tax.name, Tax.id)
    return list((await session.scalars(windowed(query, window))).all())


async def get_tax(session: AsyncSession, organization_id: uuid.UUID, tax_id: uuid.UUID) -> Tax:
    tax = await session.scalar(sa.select(Tax).where(Tax.id == tax_id, *_live(organization_id)))
    if tax is None:
        raise NotFound("Tax")
    return tax


@dataclass(frozen=True)
class TaxInput:
    name: str | None = None
    code: str | None = None
    rate: str | None = None
    description: str | None = None
    applied_to_organization: bool | None = None


def _apply(errors: Collector, tax: Tax, data: TaxInput, creating: bool) -> None:
    if creating or data.name is not None:
        tax.name = validation.text(errors, "name", data.name) or ""
    if creating or data.code is not None:
        tax.code = validation.code(errors, "code", data.code or "")
    if creating or data.rate is not None:
        if data.rate is None:
            errors.add("rate", "is required")
        rate = decimals.parse(errors, "rate", data.rate, maximum=decimals.HUNDRED, places=4)
        if rate is not None:
            tax.rate = rate
    if data.description is not None:
        tax.description = validation.text(
            errors, "description", data.description, required=False, max_length=1000
        )
    if data.applied_to_organization is not None:
        tax.applied_to_organization = data.applied_to_organization


async def _ensure_code_free(session: AsyncSession, tax: Tax) -> None:
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(*_live(tax.organization_id), Tax.code == tax.code, Tax.id != tax.id)
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE_CODE["uq_taxes_live_code"]]))


async def _ensure_room_on_organization(session: AsyncSession, tax: Tax) -> None:
    """An organization applies at most ``MAX_TAXES`` taxes by default (each fee lists its taxes)."""
    if not tax.applied_to_organization:
        return
    others = await session.scalar(
        sa.select(sa.func.count())
        .select_from(Tax)
        .where(*_live(tax.organization_id), Tax.applied_to_organization.is_(True), Tax.id != tax.id)
    )
    if (others or 0) >= MAX_TAXES:
        raise ValidationFailed.one(
            "appliedToOrganization", f"at most {MAX_TAXES} taxes apply to the organization"
        )


async def create_tax(session: AsyncSession, actor: Actor, data: TaxInput) -> Tax:
    tax = Tax(id=uuid.uuid4(), organization_id=actor.org(), applied_to_organization=False)
    errors = Collector()
    _apply(errors, tax, data, creating=True)
    errors.raise_if_any()
    await _ensure_code_free(session, tax)
    await _ensure_room_on_organization(session, tax)
    session.add(tax)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return tax


async def update_tax(session: AsyncSession, actor: Actor, tax_id: uuid.UUID, data: TaxInput) -> Tax:
    tax = await get_tax(session, actor.org(), tax_id)
    errors = Collector()
    _apply(errors, tax, data, creating=False)
    errors.raise_if_any()
    await _ensure_code_free(session, tax)
    await _ensure_room_on_organization(session, tax)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return tax


async def destroy_tax(session: AsyncSession, actor: Actor, tax_id: uuid.UUID) -> Tax:
    """Hidden from now on, and no longer applied to anything; invoices keep the rate they used."""
    tax = await get_tax(session, actor.org(), tax_id)
    tax.deleted_at = datetime.now(UTC)
    await session.flush()
    return tax


async def resolve_codes(
    session: AsyncSession, organization_id: uuid.UUID, codes: list[str], path: str
) -> list[Tax]:
    """The live taxes named by ``codes`` (at most ``MAX_TAXES``); unknown codes are named in the error."""
    wanted = list(dict.fromkeys(code.strip() for code in codes))
    if not wanted:
        return []
    if len(wanted) > MAX_TAXES:
        raise ValidationFailed.one(path, f"at most {MAX_TAXES} taxes apply to one object")
    found = (await session.scalars(sa.select(Tax).where(*_live(organization_id), Tax.code.in_(wanted)))).all()
    by_code = {tax.code: tax for tax in found}
    missing = [code for code in wanted if code not in by_code]
    if missing:
        raise ValidationFailed.one(path, "unknown tax: " + ", ".join(missing))
    return [by_code[code] for code in wanted]


async def set_links(session: AsyncSession, link: Any, owner_field: str, owner: Any, taxes: list[Tax]) -> None:
    """Attach exactly ``taxes`` to ``owner`` through the ``link`` model (ORM rows: audited)."""
    owner_column = getattr(link, owner_field)
    current = (await session.scalars(sa.select(link).where(owner_column == owner.id))).all()
    wanted = {tax.id for tax in taxes}
    for row in current:
        if row.tax_id not in wanted:
            await session.delete(row)
    held = {row.tax_id for row in current}
    for tax in taxes:
        if tax.id not in held:
            session.add(link(organization_id=owner.organization_id, tax_id=tax.id, **{owner_field: owner.id}))
    await session.flush()


async def taxes_by_owner(
    session: AsyncSession, link: Any, owner_field: str, owner_ids: list[Any]
) -> dict[Any, list[Tax]]:
    """Live taxes attached to each owner, in one statement for all of them."""
    owner_column = getattr(link, owner_field)
    rows = await session.execute(
        sa.select(owner_column, Tax)
        .join(Tax, Tax.id == link.tax_id)
        .where(owner_column.in_(owner_ids), Tax.deleted_at.is_(None))
        .order_by(Tax.name)
    )
    grouped: dict[Any, list[Tax]] = defaultdict(list)
    for owner_id, tax in rows:
        grouped[owner_id].append(tax)
    return grouped
