from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.analytics.loaders import contracted_mrr_of, gross_revenue_of
from app.auth.graphql import requires
from app.auth.permissions import P
from app.coupons.loaders import applied_coupons_of
from app.coupons.models import AppliedCouponStatus
from app.coupons.types import AppliedCouponType
from app.credit_notes.loaders import credit_notes_of_customer
from app.credit_notes.types import CreditNoteType
from app.customers.models import Customer, CustomerTax
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.graphql.scalars import BigInt
from app.invoices.loaders import invoices_of
from app.invoices.types import InvoiceType
from app.subscriptions.loaders import subscriptions_of
from app.subscriptions.models import LIVE
from app.subscriptions.types import SubscriptionType
from app.taxes.loaders import taxes_of
from app.taxes.types import TaxType
from app.wallets.loaders import wallets_of
from app.wallets.types import WalletType


@strawberry.type(name="Address")
class AddressType:
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    zipcode: str | None = None
    state: str | None = None
    country: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2.")


def _address(stored: dict[str, Any] | None) -> AddressType | None:
    return AddressType(**stored) if stored else None


def _in_currency(customer: Customer, by_currency: dict[str, int]) -> BigInt:
    """The figure in the customer's currency (or the only one it has been billed in)."""
    currency = customer.currency or (next(iter(by_currency)) if len(by_currency) == 1 else None)
    return BigInt(by_currency.get(currency, 0) if currency else 0)


@strawberry.type(name="Customer")
class CustomerType:
    id: strawberry.ID
    external_id: str = strawberry.field(description="Your own identifier of the customer.")
    name: str
    legal_name: str | None
    email: str | None
    phone: str | None
    currency: str | None
    timezone: str | None = strawberry.field(description="None: the organization's timezone applies.")
    tax_identification_number: str | None
    invoice_grace_period: int | None = strawberry.field(
        description="Days invoices stay drafts (None: org's)."
    )
    net_payment_term: int | None = strawberry.field(description="Days to pay (None: the organization's).")
    created_at: datetime
    updated_at: datetime

    @strawberry.field
    def billing_address(self, root: strawberry.Parent[Customer]) -> AddressType | None:
        return _address(root.billing_address)

    @strawberry.field
    def shipping_address(self, root: strawberry.Parent[Customer]) -> AddressType | None:
        return _address(root.shipping_address)

    @strawberry.field(description="Taxes attached to the customer (besides the organization's defaults).")
    async def taxes(self, root: strawberry.Parent[Customer], info: Info[Context, Any]) -> list[TaxType]:
        return await taxes_of(info.context, CustomerTax, "customer_id").load(root.id)

    @strawberry.field(
        extensions=requires(P.SUBSCRIPTIONS_VIEW), description="Pending and active subscriptions."
    )
    async def subscriptions(
        self,
        root: strawberry.Parent[Customer],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[SubscriptionType] | None:
        return await subscriptions_of(info.context, LIVE, window(info.context.settings, limit, offset)).load(
            root.id
        )

    @strawberry.field(extensions=requires(P.COUPONS_VIEW), description="Coupons the customer has now.")
    async def applied_coupons(
        self,
        root: strawberry.Parent[Customer],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[AppliedCouponType] | None:
        return await applied_coupons_of(
            info.context, (AppliedCouponStatus.ACTIVE,), window(info.context.settings, limit, offset)
        ).load(root.id)

    @strawberry.field(
        extensions=requires(P.WALLETS_VIEW), description="Prepaid credit wallets, active first."
    )
    async def wallets(
        self,
        root: strawberry.Parent[Customer],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[WalletType] | None:
        return await wallets_of(info.context, window(info.context.settings, limit, offset)).load(root.id)

    @strawberry.field(extensions=requires(P.INVOICES_VIEW), description="Invoices, newest first.")
    async def invoices(
        self,
        root: strawberry.Parent[Customer],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[InvoiceType] | None:
        return await invoices_of(info.context, window(info.context.settings, limit, offset)).load(root.id)

    @strawberry.field(extensions=requires(P.CREDIT_NOTES_VIEW), description="Credit notes, newest first.")
    async def credit_notes(
        self,
        root: strawberry.Parent[Customer],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[CreditNoteType] | None:
        return await credit_notes_of_customer(
            info.context, window(info.context.settings, limit, offset)
        ).load(root.id)

    @strawberry.field(
        extensions=requires(P.ANALYTICS_VIEW),
        description="Monthly recurring revenue under contract now, in the customer's currency: the price "
        "of each active subscription past its trial (negotiated prices included, before coupons and "
        "taxes), per month.",
    )
    async def mrr_cents(self, root: strawberry.Parent[Customer], info: Info[Context, Any]) -> BigInt | None:
        return _in_currency(root, await contracted_mrr_of(info.context).load(root.id))

    @strawberry.field(
        extensions=requires(P.ANALYTICS_VIEW),
        description="All-time gross revenue in the customer's currency: finalized invoice totals "
        "less refunds.",
    )
    async def gross_revenue_cents(
        self, root: strawberry.Parent[Customer], info: Info[Context, Any]
    ) -> BigInt | None:
        return _in_currency(root, await gross_revenue_of(info.context).load(root.id))


@strawberry.input
class AddressInput:
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    zipcode: str | None = None
    state: str | None = None
    country: str | None = None


@strawberry.input
class CreateCustomerInput:
    external_id: str
    name: str
    legal_name: str | None = None
    email: str | None = None
    phone: str | None = None
    billing_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    currency: str | None = None
    timezone: str | None = None
    tax_identification_number: str | None = None
    invoice_grace_period: int | None = None
    net_payment_term: int | None = None
    tax_codes: list[str] | None = None


@strawberry.input
class UpdateCustomerInput:
    id: strawberry.ID
    external_id: str | None = None
    name: str | None = None
    legal_name: str | None = None
    email: str | None = None
    phone: str | None = None
    billing_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    currency: str | None = None
    timezone: str | None = None
    tax_identification_number: str | None = None
    invoice_grace_period: int | None = None
    net_payment_term: int | None = None
    tax_codes: list[str] | None = None


@strawberry.input
class DestroyCustomerInput:
    id: strawberry.ID


@strawberry.type
class DestroyCustomerPayload:
    id: strawberry.ID
