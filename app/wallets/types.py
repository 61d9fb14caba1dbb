from __future__ import annotations

from datetime import datetime

import strawberry

from app.graphql.scalars import BigInt
from app.wallets.models import TransactionSource, TransactionStatus, TransactionType, WalletStatus

strawberry.enum(WalletStatus, name="WalletStatus")
strawberry.enum(TransactionType, name="WalletTransactionType")
strawberry.enum(TransactionStatus, name="WalletTransactionStatus")
strawberry.enum(TransactionSource, name="WalletTransactionSource")


@strawberry.type(
    name="Wallet", description="Prepaid credits; each credit is worth rateAmount of the currency."
)
class WalletType:
    id: strawberry.ID
    name: str | None
    currency: str
    rate_amount: str
    status: WalletStatus
    credits_balance: str
    balance_cents: BigInt
    consumed_credits: str
    consumed_amount_cents: BigInt
    expiration_at: datetime | None
    terminated_at: datetime | None
    created_at: datetime


@strawberry.type(name="WalletTransaction")
class WalletTransactionType:
    id: strawberry.ID
    transaction_type: TransactionType
    status: TransactionStatus
    source: TransactionSource = strawberry.field(description="PURCHASED (paid), GRANTED (free) or INVOICED.")
    credit_amount: str
    amount_cents: BigInt
    invoice_id: strawberry.ID | None
    settled_at: datetime | None
    created_at: datetime


@strawberry.input
class CreateCustomerWalletInput:
    customer_id: strawberry.ID
    currency: str
    rate_amount: str = strawberry.field(description="The value of one credit, as a decimal string.")
    name: str | None = None
    paid_credits: str | None = None
    granted_credits: str | None = None
    expiration_at: datetime | None = None


@strawberry.input
class UpdateCustomerWalletInput:
    id: strawberry.ID
    name: str | None = None
    expiration_at: datetime | None = None


@strawberry.input
class CreateCustomerWalletTransactionInput:
    wallet_id: strawberry.ID
    paid_credits: str | None = None
    granted_credits: str | None = None


@strawberry.input
class TerminateCustomerWalletInput:
    id: strawberry.ID
