from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.api_keys import service as api_keys
from app.api_keys.types import ApiKeyType
from app.auth.graphql import requires
from app.auth.permissions import P
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.graphql.scalars import BigInt
from app.integrations import service as integrations
from app.integrations.types import IntegrationType
from app.members import invites
from app.members import service as members
from app.members.types import InviteType, MembershipType
from app.organizations import approval_policy
from app.organizations.models import Organization
from app.roles import service as roles
from app.roles.types import RoleType
from app.taxes import service as taxes
from app.taxes.types import TaxType
from app.webhooks import service as webhooks
from app.webhooks.types import WebhookEndpointType


@strawberry.type(
    name="CreditNoteApprovalThreshold",
    description="A credit note in this currency with a total above `amountCents` waits for a second "
    "person. Raising or removing a threshold waits (`effectiveAt`; the organization's "
    "`creditNoteThresholdLooseningDelaySeconds`, 24 hours); lowering it is immediate.",
)
class CreditNoteApprovalThresholdType:
    currency: str
    amount_cents: BigInt = strawberry.field(description="In force now.")
    pending_amount_cents: BigInt | None = strawberry.field(
        description="What applies from `effectiveAt` (null with an `effectiveAt`: no threshold then)."
    )
    effective_at: datetime | None = strawberry.field(
        description="When the waiting change takes effect; null: no change waits."
    )


@strawberry.input
class CreditNoteApprovalThresholdInput:
    currency: str
    amount_cents: BigInt | None = strawberry.field(default=None, description="None: no approval needed.")


@strawberry.type(name="Organization")
class OrganizationType:
    """The caller's organization. Its relations load for the caller's organization only."""

    id: strawberry.ID
    name: str
    default_currency: str
    timezone: str
    billing_email: str | None
    net_payment_term: int = strawberry.field(description="Days to pay an invoice, unless the customer's.")
    invoice_grace_period: int = strawberry.field(
        description="Days an invoice stays a draft before finalizing."
    )
    created_at: datetime
    updated_at: datetime

    @strawberry.field(
        description="Credit notes with a total above these (per currency, in force now) wait for a second "
        "person; a raise or removal shows as pending until its `effectiveAt`."
    )
    def credit_note_approval_thresholds(
        self, root: strawberry.Parent[Organization]
    ) -> list[CreditNoteApprovalThresholdType]:
        return [
            CreditNoteApprovalThresholdType(
                currency=t.currency,
                amount_cents=BigInt(t.amount_cents),
                pending_amount_cents=(
                    None if t.pending_amount_cents is None else BigInt(t.pending_amount_cents)
                ),
                effective_at=t.effective_at,
            )
            for t in approval_policy.thresholds(root)
        ]

    @strawberry.field(
        description="How long raising or removing a credit-note approval threshold waits before it "
        "applies, in seconds; lowering or adding one applies at once."
    )
    def credit_note_threshold_loosening_delay_seconds(self) -> int:
        return int(approval_policy.LOOSENING_DELAY.total_seconds())

    @strawberry.field(extensions=requires(P.MEMBERS_VIEW), description="Active and revoked memberships.")
    async def members(
        self,
        root: strawberry.Parent[Organization],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[MembershipType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: members.list_memberships(s, org, page))

    @strawberry.field(extensions=requires(P.MEMBERS_VIEW))
    async def invites(
        self,
        root: strawberry.Parent[Organization],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[InviteType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: invites.list_invites(s, org, None, page))

    @strawberry.field(extensions=requires(P.DEVELOPERS_KEYS_MANAGE))
    async def api_keys(
        self,
        root: strawberry.Parent[Organization],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[ApiKeyType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: api_keys.list_keys(s, org, page))

    @strawberry.field(extensions=requires(P.TAXES_VIEW), description="Every tax rate of the organization.")
    async def taxes(
        self,
        root: strawberry.Parent[Organization],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[TaxType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: taxes.all_taxes(s, org, page))

    @strawberry.field(extensions=requires(P.DEVELOPERS_MANAGE), description="Where webhooks are posted.")
    async def webhook_endpoints(
        self, root: strawberry.Parent[Organization], info: Info[Context, Any]
    ) -> list[WebhookEndpointType] | None:
        org = info.context.actor.org()
        return await info.context.read(lambda s: webhooks.list_endpoints(s, org))

    @strawberry.field(extensions=requires(P.INTEGRATIONS_VIEW), description="Accounting integrations.")
    async def integrations(
        self,
        root: strawberry.Parent[Organization],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[IntegrationType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: integrations.list_integrations(s, org, page))

    @strawberry.field(extensions=requires(P.ROLES_VIEW))
    async def roles(
        self,
        root: strawberry.Parent[Organization],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[RoleType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: roles.list_roles(s, org, page))


@strawberry.input
class UpdateOrganizationInput:
    name: str | None = None
    default_currency: str | None = None
    timezone: str | None = None
    billing_email: str | None = None
    net_payment_term: int | None = None
    invoice_grace_period: int | None = None
    credit_note_approval_threshold_cents: BigInt | None = strawberry.field(
        default=None,
        description="Credit notes above this total in the default currency wait for approval (a raise "
        "takes effect after 24 hours, a lowering at once).",
    )
    credit_note_approval_thresholds: list[CreditNoteApprovalThresholdInput] | None = strawberry.field(
        default=None,
        description="Per currency; the whole policy asked for, replacing every threshold. Raising or "
        "removing one takes effect after 24 hours; lowering or adding one, at once.",
    )
