from __future__ import annotations

import uuid

from aiodataloader import DataLoader

from app.core.pagination import Window
from app.graphql.context import Context
from app.invoices.models import Fee, FeeTax, Invoice
from app.invoices.service import by_customer, fees_by_id, fees_by_invoice, invoices_by_id, taxes_by_fee


def fees_of(ctx: Context) -> DataLoader[uuid.UUID, list[Fee]]:
    async def batch(ids: list[uuid.UUID]) -> list[list[Fee]]:
        grouped = await ctx.read(lambda session: fees_by_invoice(session, ids))
        return [grouped.get(invoice_id, []) for invoice_id in ids]

    return ctx.loader("fees_of", batch)


def fee_taxes_of(ctx: Context) -> DataLoader[uuid.UUID, list[FeeTax]]:
    async def batch(ids: list[uuid.UUID]) -> list[list[FeeTax]]:
        grouped = await ctx.read(lambda session: taxes_by_fee(session, ids))
        return [grouped.get(fee_id, []) for fee_id in ids]

    return ctx.loader("fee_taxes_of", batch)


def invoices_of(ctx: Context, window: Window) -> DataLoader[uuid.UUID, list[Invoice]]:
    """Invoices of many customers (already scoped to the caller), newest first, ``window`` of each."""

    async def batch(ids: list[uuid.UUID]) -> list[list[Invoice]]:
        grouped = await ctx.read(lambda session: by_customer(session, ids, window))
        return [grouped.get(customer_id, []) for customer_id in ids]

    return ctx.loader(f"invoices_of:{window.key}", batch)


def invoices(ctx: Context) -> DataLoader[uuid.UUID, Invoice | None]:
    """Invoices by id within the caller's organization."""

    async def batch(ids: list[uuid.UUID]) -> list[Invoice | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: invoices_by_id(session, org, ids))
        return [found.get(invoice_id) for invoice_id in ids]

    return ctx.loader("invoices", batch)


def fees(ctx: Context) -> DataLoader[uuid.UUID, Fee | None]:
    """Fees by id within the caller's organization."""

    async def batch(ids: list[uuid.UUID]) -> list[Fee | None]:
        org = ctx.actor.org()
        found = await ctx.read(lambda session: fees_by_id(session, org, ids))
        return [found.get(fee_id) for fee_id in ids]

    return ctx.loader("fees", batch)
