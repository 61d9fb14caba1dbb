"""Moving credits in and out of a wallet (the wallet row is locked by the caller)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.billing.money import round_minor, to_minor
from app.wallets.models import TransactionStatus, TransactionType, Wallet, WalletTransaction


def cents_of(wallet: Wallet, credits: Decimal) -> int:
    """What ``credits`` are worth in minor units of the wallet's currency."""
    return round_minor(to_minor(credits * wallet.rate_amount, wallet.currency))


def credit(wallet: Wallet, credits: Decimal) -> None:
    wallet.credits_balance += credits
    wallet.balance_cents = cents_of(wallet, wallet.credits_balance)


async def settle_purchase(session: AsyncSession, invoice_id: object) -> int:
    """Paid credits become spendable when their purchase invoice is paid; returns how many settled."""
    pending = (
        await session.scalars(
            sa.select(WalletTransaction).where(
                WalletTransaction.invoice_id == invoice_id,
                WalletTransaction.transaction_type == TransactionType.INBOUND,
                WalletTransaction.status == TransactionStatus.PENDING,
            )
        )
    ).all()
    for transaction in pending:
        wallet = await session.scalar(
            sa.select(Wallet).where(Wallet.id == transaction.wallet_id).with_for_update(key_share=True)
        )
        assert wallet is not None
        credit(wallet, transaction.credit_amount)
        transaction.status, transaction.settled_at = TransactionStatus.SETTLED, datetime.now(UTC)
    await session.flush()
    return len(pending)
