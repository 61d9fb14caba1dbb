from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.wallets import service
from app.wallets.types import (
    CreateCustomerWalletInput,
    CreateCustomerWalletTransactionInput,
    TerminateCustomerWalletInput,
    UpdateCustomerWalletInput,
    WalletType,
)


@strawberry.type
class WalletMutations:
    @strawberry.mutation(
        extensions=requires(P.WALLETS_CREATE), description="Open a wallet, with first credits."
    )
    async def create_customer_wallet(
        self, info: Info[Context, Any], input: CreateCustomerWalletInput
    ) -> WalletType | None:
        ctx = info.context
        data = service.WalletInput(
            customer_id=str(input.customer_id),
            currency=input.currency,
            rate_amount=input.rate_amount,
            name=input.name,
            credits=service.Credits(input.paid_credits, input.granted_credits),
            expiration_at=input.expiration_at,
        )
        return await ctx.mutate(info, lambda s: service.create_wallet(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.WALLETS_UPDATE))
    async def update_customer_wallet(
        self, info: Info[Context, Any], input: UpdateCustomerWalletInput
    ) -> WalletType | None:
        ctx, wallet_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(
            info, lambda s: service.update_wallet(s, ctx.actor, wallet_id, input.name, input.expiration_at)
        )

    @strawberry.mutation(
        extensions=requires(P.WALLETS_TOP_UP),
        description="Grant free credits and/or sell paid ones (invoiced).",
    )
    async def create_customer_wallet_transaction(
        self, info: Info[Context, Any], input: CreateCustomerWalletTransactionInput
    ) -> WalletType | None:
        ctx, wallet_id = info.context, parse_id("walletId", input.wallet_id)
        credits = service.Credits(input.paid_credits, input.granted_credits)
        return await ctx.mutate(info, lambda s: service.top_up(s, ctx.actor, wallet_id, credits))

    @strawberry.mutation(extensions=requires(P.WALLETS_TERMINATE))
    async def terminate_customer_wallet(
        self, info: Info[Context, Any], input: TerminateCustomerWalletInput
    ) -> WalletType | None:
        ctx, wallet_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.terminate_wallet(s, ctx.actor, wallet_id))
