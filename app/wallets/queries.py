from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Collection, collection, page_request
from app.wallets import service
from app.wallets.types import WalletTransactionType, WalletType


@strawberry.type
class WalletQueries:
    @strawberry.field(extensions=requires(P.WALLETS_VIEW))
    async def wallet(self, info: Info[Context, Any], id: strawberry.ID) -> WalletType | None:
        org, wallet_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_wallet(s, org, wallet_id))

    @strawberry.field(extensions=requires(P.WALLETS_VIEW), description="A wallet's history, newest first.")
    async def wallet_transactions(
        self,
        info: Info[Context, Any],
        wallet_id: strawberry.ID,
        page: int | None = None,
        limit: int | None = None,
    ) -> Collection[WalletTransactionType] | None:
        ctx = info.context
        org, request = ctx.actor.org(), page_request(ctx.settings, page, limit)
        wallet = parse_id("walletId", wallet_id)
        return collection(await ctx.read(lambda s: service.list_transactions(s, org, wallet, request)))
