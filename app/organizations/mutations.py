from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.graphql.context import Context
from app.organizations import service
from app.organizations.types import OrganizationType, UpdateOrganizationInput


@strawberry.type
class OrganizationMutations:
    @strawberry.mutation(extensions=requires(P.ORGANIZATION_UPDATE))
    async def update_organization(
        self, info: Info[Context, Any], input: UpdateOrganizationInput
    ) -> OrganizationType | None:
        ctx = info.context
        data = service.OrganizationInput(
            input.name,
            input.default_currency,
            input.timezone,
            input.billing_email,
            input.net_payment_term,
            input.invoice_grace_period,
            credit_note_approval_thresholds=None
            if input.credit_note_approval_thresholds is None
            else {
                t.currency: None if t.amount_cents is None else int(t.amount_cents)
                for t in input.credit_note_approval_thresholds
            },
            credit_note_approval_threshold_cents=None
            if input.credit_note_approval_threshold_cents is None
            else int(input.credit_note_approval_threshold_cents),
        )
        return await ctx.mutate(info, lambda s: service.update(s, ctx.actor, data))
