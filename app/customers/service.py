"""Customers, identified by the integrator's own ``external_id`` (unique per organization)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.core import validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest
from app.customers.models import Customer, CustomerTax
from app.db.errors import constraint_errors
from app.db.pagination import paginate
from app.invoices.models import Invoice
from app.subscriptions.models import LIVE, Subscription
from app.taxes import service as taxes

_UNIQUE_EXTERNAL_ID = {"uq_customers_live_external_id": ("externalId", "is already used by another customer")}
_ADDRESS_FIELDS = {
    "address_line1": "addressLine1",
    "address_line2": "addressLine2",
    "city": "city",
    "zipcode": "zipcode",
    "state": "state",
}


def live(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    return [Customer.organization_id == organization_id, Customer.deleted_at.is_(None)]


async def list_customers(
    session: AsyncSession, organization_id: uuid.UUID, page: PageRequest, search: str | None = None
) -> Page[Customer]:
    query = sa.select(Customer).where(*live(organization_id))
    pattern = validation.search_pattern(search)
    if pattern:
        query = query.where(
            sa.or_(
                Customer.name.ilike(pattern),
                Customer.external_id.ilike(pattern),
                Customer.email.ilike(pattern),
                Customer.legal_name.ilike(pattern),
            )
        )
    return await paginate(session, query.order_by(Customer.name, Customer.id), page)


async def get_customer(session: AsyncSession, organization_id: uuid.UUID, customer_id: uuid.UUID) -> Customer:
    customer = await session.scalar(
        sa.select(Customer).where(Customer.id == customer_id, *live(organization_id))
    )
    if customer is None:
        raise NotFound("Customer")
    return customer


async def customers_by_id(
    session: AsyncSession, organization_id: uuid.UUID, ids: list[uuid.UUID]
) -> dict[uuid.UUID, Customer]:
    rows = await session.scalars(
        sa.select(Customer).where(Customer.organization_id == organization_id, Customer.id.in_(ids))
    )
    return {customer.id: customer for customer in rows}


@dataclass(frozen=True)
class CustomerInput:
    external_id: str | None = None
    name: str | None = None
    legal_name: str | None = None
    email: str | None = None
    phone: str | None = None
    billing_address: dict[str, Any] | None = None
    shipping_address: dict[str, Any] | None = None
    currency: str | None = None
    timezone: str | None = None
    tax_identification_number: str | None = None
    invoice_grace_period: int | None = None
    net_payment_term: int | None = None
    tax_codes: list[str] | None = None


def _address(errors: Collector, path: str, given: dict[str, Any]) -> dict[str, Any] | None:
    address = {
        key: validation.text(errors, f"{path}.{camel}", given.get(key), required=False) or None
        for key, camel in _ADDRESS_FIELDS.items()
    }
    address["country"] = validation.country(errors, f"{path}.country", given.get("country"))
    return address if any(address.values()) else None


def _optional_text(errors: Collector, path: str, value: str | None, max_length: int = 255) -> str | None:
    return validation.text(errors, path, value, required=False, max_length=max_length) or None


def _apply(errors: Collector, customer: Customer, data: CustomerInput, creating: bool) -> None:
    if creating or data.external_id is not None:
        customer.external_id = validation.text(errors, "externalId", data.external_id) or ""
    if creating or data.name is not None:
        customer.name = validation.text(errors, "name", data.name) or ""
    if data.legal_name is not None:
        customer.legal_name = _optional_text(errors, "legalName", data.legal_name)
    if data.email is not None:
        customer.email = validation.email(errors, "email", data.email, required=False) or None
    if data.phone is not None:
        customer.phone = _optional_text(errors, "phone", data.phone, 64)
    if data.billing_address is not None:
        customer.billing_address = _address(errors, "billingAddress", data.billing_address)
    if data.shipping_address is not None:
        customer.shipping_address = _address(errors, "shippingAddress", data.shipping_address)
    if data.currency is not None:
        customer.currency = validation.currency(errors, "currency", data.currency)
    if data.timezone is not None:
        customer.timezone = validation.timezone(errors, "timezone", data.timezone)
    if data.tax_identification_number is not None:
        customer.tax_identification_number = _optional_text(
            errors, "taxIdentificationNumber", data.tax_identification_number, 64
        )
    if data.invoice_grace_period is not None:
        customer.invoice_grace_period = validation.integer(
            errors, "invoiceGracePeriod", data.invoice_grace_period, maximum=365
        )
    if data.net_payment_term is not None:
        customer.net_payment_term = validation.integer(
            errors, "netPaymentTerm", data.net_payment_term, maximum=365
        )


async def _save(session: AsyncSession, customer: Customer, tax_codes: list[str] | None) -> Customer:
    taken = await session.scalar(
        sa.select(sa.literal(True)).where(
            *live(customer.organization_id),
            Customer.external_id == customer.external_id,
            Customer.id != customer.id,
        )
    )
    if taken:
        raise ValidationFailed(dict([_UNIQUE_EXTERNAL_ID["uq_customers_live_external_id"]]))
    chosen = (
        None
        if tax_codes is None
        else await taxes.resolve_codes(session, customer.organization_id, tax_codes, "taxCodes")
    )
    session.add(customer)
    async with constraint_errors(_UNIQUE_EXTERNAL_ID):
        await session.flush()
    if chosen is not None:
        await taxes.set_links(session, CustomerTax, "customer_id", customer, chosen)
    return customer


async def create_customer(session: AsyncSession, actor: Actor, data: CustomerInput) -> Customer:
    customer = Customer(id=uuid.uuid4(), organization_id=actor.org())
    errors = Collector()
    _apply(errors, customer, data, creating=True)
    errors.raise_if_any()
    return await _save(session, customer, data.tax_codes)


async def update_customer(
    session: AsyncSession, actor: Actor, customer_id: uuid.UUID, data: CustomerInput
) -> Customer:
    customer = await get_customer(session, actor.org(), customer_id)
    billed_in = customer.currency
    errors = Collector()
    _apply(errors, customer, data, creating=False)
    if billed_in is not None and customer.currency != billed_in and await _has_history(session, customer.id):
        errors.add("currency", "cannot change once the customer has subscriptions or invoices")
    errors.raise_if_any()
    return await _save(session, customer, data.tax_codes)


async def _has_history(session: AsyncSession, customer_id: uuid.UUID) -> bool:
    subscribed = sa.select(Subscription.id).where(Subscription.customer_id == customer_id)
    invoiced = sa.select(Invoice.id).where(Invoice.customer_id == customer_id)
    return bool(
        await session.scalar(sa.select(sa.exists(subscribed.union_all(invoiced).subquery().select())))
    )


async def destroy_customer(session: AsyncSession, actor: Actor, customer_id: uuid.UUID) -> Customer:
    customer = await get_customer(session, actor.org(), customer_id)
    live_subscription = await session.scalar(
        sa.select(sa.literal(True))
        .where(Subscription.customer_id == customer.id, Subscription.status.in_(LIVE))
        .limit(1)
    )
    if live_subscription:
        raise ValidationFailed.one("id", "the customer has live subscriptions; terminate them first")
    customer.deleted_at = datetime.now(UTC)
    await session.flush()
    return customer
