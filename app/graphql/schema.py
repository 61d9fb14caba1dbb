"""The one graph: every domain's queries and mutations, merged."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from app.addons.mutations import AddOnMutations
from app.addons.queries import AddOnQueries
from app.analytics.queries import AnalyticsQueries
from app.api_keys.mutations import ApiKeyMutations
from app.api_keys.queries import ApiKeyQueries
from app.audit.queries import AuditQueries
from app.auth.graphql import AuthenticatedDirective, PublicDirective, RequiresDirective
from app.auth.relations import guard_relations
from app.coupons.mutations import CouponMutations
from app.coupons.queries import CouponQueries
from app.credit_notes.mutations import CreditNoteMutations
from app.credit_notes.queries import CreditNoteQueries
from app.customers.mutations import CustomerMutations
from app.customers.queries import CustomerQueries
from app.events.mutations import EventMutations
from app.events.queries import EventQueries
from app.graphql.scalars import SCALAR_OVERRIDES
from app.integrations.mutations import IntegrationMutations
from app.integrations.queries import IntegrationQueries
from app.invoices.mutations import InvoiceMutations
from app.invoices.queries import InvoiceQueries
from app.members.mutations import MemberMutations
from app.members.queries import MemberQueries
from app.metrics.mutations import MetricMutations
from app.metrics.queries import MetricQueries
from app.organizations.mutations import OrganizationMutations
from app.organizations.queries import OrganizationQueries
from app.plans.mutations import PlanMutations
from app.plans.queries import PlanQueries
from app.roles.mutations import RoleMutations
from app.roles.queries import RoleQueries
from app.subscriptions.mutations import SubscriptionMutations
from app.subscriptions.queries import SubscriptionQueries
from app.taxes.mutations import TaxMutations
from app.taxes.queries import TaxQueries
from app.users.mutations import UserMutations
from app.users.queries import UserQueries
from app.wallets.mutations import WalletMutations
from app.wallets.queries import WalletQueries
from app.webhooks.mutations import WebhookMutations
from app.webhooks.queries import WebhookQueries

Query = merge_types(
    "Query",
    (
        UserQueries,
        MemberQueries,
        OrganizationQueries,
        RoleQueries,
        ApiKeyQueries,
        AuditQueries,
        TaxQueries,
        MetricQueries,
        PlanQueries,
        AddOnQueries,
        CouponQueries,
        CustomerQueries,
        SubscriptionQueries,
        InvoiceQueries,
        CreditNoteQueries,
        AnalyticsQueries,
        WalletQueries,
        EventQueries,
        WebhookQueries,
        IntegrationQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        UserMutations,
        MemberMutations,
        OrganizationMutations,
        RoleMutations,
        ApiKeyMutations,
        TaxMutations,
        MetricMutations,
        PlanMutations,
        AddOnMutations,
        CouponMutations,
        CustomerMutations,
        SubscriptionMutations,
        InvoiceMutations,
        CreditNoteMutations,
        WalletMutations,
        EventMutations,
        WebhookMutations,
        IntegrationMutations,
    ),
)


def build_schema() -> strawberry.Schema:
    guard_relations((Query, Mutation))  # every relation carries its resource's view permission
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        scalar_overrides=SCALAR_OVERRIDES,
        schema_directives=[RequiresDirective, AuthenticatedDirective, PublicDirective],
    )


schema = build_schema()


def sdl() -> str:
    """The schema as SDL, exactly as committed in ``schema.graphql``."""
    return schema.as_str() + "\n"
