"""Wallets: prepaid credits. Granted credits are free and land at once; paid credits come with a
credit purchase invoice and land when it is paid. Balance changes lock the wallet row, so concurrent
top-ups all count."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.billing.money import to_minor
from app.core import decimals, validation
from app.core.errors import Collector, NotFound, ValidationFailed
from app.core.pagination import Page, PageRequest, Window
from app.customers.models import Customer
from app.db.errors import constraint_errors
from app.db.pagination import paginate, windowed_per
from app.invoices.builder import Line, build
from app.invoices.models import FeeKind, InvoiceKind
from app.invoices.service import customer_in_currency
from app.wallets.balance import cents_of, credit
from app.wallets.models import (
    TransactionSource,
    TransactionStatus,
    TransactionType,
    Wallet,
    WalletStatus,
    WalletTransaction,
)
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit_data
from app.webhooks.payloads import columns

_ONE_ACTIVE = {"uq_wallets_active_customer": ("customerId", "already has an active wallet")}


@dataclass(frozen=True)
class Credits:
    paid: str | None = None
    granted: str | None = None


def _credits(errors: Collector, given: Credits) -> tuple[Decimal, Decimal]:
    paid = decimals.parse(errors, "paidCredits", given.paid or "0", places=5) or Decimal(0)
    granted = decimals.parse(errors, "grantedCredits", given.granted or "0", places=5) or Decimal(0)
    return paid, granted


def _within_bounds(
    errors: Collector, rate: Decimal, currency: str, held: Decimal, paid: Decimal, granted: Decimal
) -> None:
    """The rate, each top-up and the balance it can reach (with the purchases still pending) stay
    within ``validation.MAX_AMOUNT_CENTS`` once turned into minor units."""
    if not validation.amount_within(errors, "rateAmount", to_minor(rate, currency), "the rate"):
        return
    path = "paidCredits" if paid else "grantedCredits"
    if validation.amount_within(errors, path, to_minor((paid + granted) * rate, currency), "credits x rate"):
        worth = to_minor((held + paid + granted) * rate, currency)
        validation.amount_within(errors, path, worth, "the balance these credits bring the wallet to")


async def _held_credits(session: AsyncSession, wallet: Wallet) -> Decimal:
    """The wallet's credits with those whose purchase is not paid yet."""
    pending = await session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(WalletTransaction.credit_amount), 0)).where(
            WalletTransaction.wallet_id == wallet.id,
            WalletTransaction.transaction_type == TransactionType.INBOUND,
            WalletTransaction.status == TransactionStatus.PENDING,
        )
    )
    return wallet.credits_balance + Decimal(pending or 0)


async def _locked(session: AsyncSession, organization_id: uuid.UUID, wallet_id: uuid.UUID) -> Wallet:
    wallet = await session.scalar(
        sa.select(Wallet)
        .where(Wallet.id == wallet_id, Wallet.organization_id == organization_id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if wallet is None:
        raise NotFound("Wallet")
    return wallet


async def _top_up(session: AsyncSession, wallet: Wallet, paid: Decimal, granted: Decimal) -> None:
    """Granted credits are settled at once; paid ones wait for their invoice's payment. Announced as
    ``wallet.topped_up`` with the new transactions."""
    now = datetime.now(UTC)
    added: list[WalletTransaction] = []
    if granted:
        credit(wallet, granted)
        added.append(
            WalletTransaction(
                organization_id=wallet.organization_id,
                wallet_id=wallet.id,
                transaction_type=TransactionType.INBOUND,
                status=TransactionStatus.SETTLED,
                source=TransactionSource.GRANTED,
                credit_amount=granted,
                amount_cents=cents_of(wallet, granted),
                settled_at=now,
            )
        )
    if paid:
        customer = await session.get_one(Customer, wallet.customer_id)
        line = Line(
            FeeKind.CREDIT,
            f"Prepaid credits{f' ({wallet.name})' if wallet.name else ''}",
            paid,
            to_minor(wallet.rate_amount, wallet.currency),
            [],
            coupon_eligible=False,
        )
        invoice = await build(session, customer, InvoiceKind.CREDIT, wallet.currency, [line])
        added.append(
            WalletTransaction(
                organization_id=wallet.organization_id,
                wallet_id=wallet.id,
                transaction_type=TransactionType.INBOUND,
                status=TransactionStatus.PENDING,
                source=TransactionSource.PURCHASED,
                credit_amount=paid,
                amount_cents=cents_of(wallet, paid),
                invoice_id=invoice.id,
            )
        )
    session.add_all(added)
    await session.flush()
    body = {**columns(wallet), "transactions": [columns(t) for t in added]}
    await emit_data(
        session, wallet.organization_id, WebhookEventType.WALLET_TOPPED_UP, "wallet", body, wallet.id
    )


@dataclass(frozen=True)
class WalletInput:
    customer_id: str
    currency: str
    rate_amount: str
    name: str | None = None
    credits: Credits = Credits()
    expiration_at: datetime | None = None


async def create_wallet(session: AsyncSession, actor: Actor, data: WalletInput) -> Wallet:
    organization_id = actor.org()
    errors = Collector()
    currency = validation.currency(errors, "currency", data.currency)
    customer = await customer_in_currency(session, errors, organization_id, data.customer_id, currency)
    rate = decimals.parse(errors, "rateAmount", data.rate_amount, above_minimum=True, places=8)
    name = validation.text(errors, "name", data.name, required=False) or None
    paid, granted = _credits(errors, data.credits)
    if data.expiration_at is not None and data.expiration_at <= datetime.now(UTC):
        errors.add("expirationAt", "must be in the future")
    if rate is not None and currency is not None and not errors.fields:
        _within_bounds(errors, rate, currency, Decimal(0), paid, granted)
    errors.raise_if_any()
    assert customer is not None
    assert rate is not None
    assert currency is not None
    active = await session.scalar(
        sa.select(sa.literal(True)).where(
            Wallet.customer_id == customer.id, Wallet.status == WalletStatus.ACTIVE
        )
    )
    if active:
        raise ValidationFailed(dict([_ONE_ACTIVE["uq_wallets_active_customer"]]))
    wallet = Wallet(
        id=uuid.uuid4(),
        organization_id=organization_id,
        customer_id=customer.id,
        name=name,
        currency=currency,
        rate_amount=rate,
        status=WalletStatus.ACTIVE,
        credits_balance=Decimal(0),
        balance_cents=0,
        consumed_credits=Decimal(0),
        consumed_amount_cents=0,
        expiration_at=data.expiration_at,
    )
    session.add(wallet)
    async with constraint_errors(_ONE_ACTIVE):
        await session.flush()
    await _top_up(session, wallet, paid, granted)
    return wallet


async def update_wallet(
    session: AsyncSession,
    actor: Actor,
    wallet_id: uuid.UUID,
    name: str | None,
    expiration_at: datetime | None,
) -> Wallet:
    wallet = await _locked(session, actor.org(), wallet_id)
    if wallet.status is WalletStatus.TERMINATED:
        raise ValidationFailed.one("id", "the wallet is terminated")
    errors = Collector()
    if name is not None:
        wallet.name = validation.text(errors, "name", name, required=False) or None
    if expiration_at is not None:
        if expiration_at <= datetime.now(UTC):
            errors.add("expirationAt", "must be in the future")
        wallet.expiration_at = expiration_at
    errors.raise_if_any()
    await session.flush()
    return wallet


async def top_up(session: AsyncSession, actor: Actor, wallet_id: uuid.UUID, credits: Credits) -> Wallet:
    errors = Collector()
    paid, granted = _credits(errors, credits)
    if not errors.fields and not paid and not granted:
        errors.add("grantedCredits", "give paid or granted credits (more than 0)")
    errors.raise_if_any()
    wallet = await _locked(session, actor.org(), wallet_id)
    if wallet.status is WalletStatus.TERMINATED:
        raise ValidationFailed.one("walletId", "the wallet is terminated")
    _within_bounds(
        errors, wallet.rate_amount, wallet.currency, await _held_credits(session, wallet), paid, granted
    )
    errors.raise_if_any()
    await _top_up(session, wallet, paid, granted)
    return wallet


async def terminate_wallet(session: AsyncSession, actor: Actor, wallet_id: uuid.UUID) -> Wallet:
    """No more top-ups or consumption; what is left stays visible but is no longer spent."""
    wallet = await _locked(session, actor.org(), wallet_id)
    if wallet.status is WalletStatus.TERMINATED:
        raise ValidationFailed.one("id", "the wallet is already terminated")
    wallet.status, wallet.terminated_at = WalletStatus.TERMINATED, datetime.now(UTC)
    await session.flush()
    return wallet


async def get_wallet(session: AsyncSession, organization_id: uuid.UUID, wallet_id: uuid.UUID) -> Wallet:
    wallet = await session.scalar(
        sa.select(Wallet).where(Wallet.id == wallet_id, Wallet.organization_id == organization_id)
    )
    if wallet is None:
        raise NotFound("Wallet")
    return wallet


async def list_transactions(
    session: AsyncSession, organization_id: uuid.UUID, wallet_id: uuid.UUID, page: PageRequest
) -> Page[WalletTransaction]:
    await get_wallet(session, organization_id, wallet_id)
    query = (
        sa.select(WalletTransaction)
        .where(WalletTransaction.wallet_id == wallet_id, WalletTransaction.organization_id == organization_id)
        .order_by(WalletTransaction.created_at.desc(), WalletTransaction.id)
    )
    return await paginate(session, query, page)


async def by_customer(
    session: AsyncSession, customer_ids: list[uuid.UUID], window: Window | None = None
) -> dict[uuid.UUID, list[Wallet]]:
    query = (
        sa.select(Wallet)
        .where(Wallet.customer_id.in_(customer_ids))
        .order_by(Wallet.status, Wallet.created_at.desc(), Wallet.id)
    )
    rows = await session.scalars(windowed_per(Wallet, query, Wallet.customer_id, window))
    grouped: dict[uuid.UUID, list[Wallet]] = defaultdict(list)
    for wallet in rows:
        grouped[wallet.customer_id].append(wallet)
    return grouped
