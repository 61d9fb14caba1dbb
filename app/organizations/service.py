"""Organizations: creation with a first admin, reading and updating the caller's own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.auth.permissions import ADMIN
from app.core import validation
from app.core.errors import Collector, NotFound
from app.members.models import Membership, MembershipRole
from app.organizations import approval_policy
from app.organizations.models import Organization
from app.roles.models import Role
from app.users.models import User
from app.webhooks.models import WebhookEventType
from app.webhooks.outbox import emit_data


async def create_with_admin(session: AsyncSession, name: str, admin: User) -> tuple[Organization, Membership]:
    """A new organization whose creator is its first admin."""
    errors = Collector()
    cleaned = validation.text(errors, "organizationName", name)
    errors.raise_if_any()
    organization = Organization(name=cleaned, invoice_prefix=invoice_prefix(cleaned or ""))
    session.add(organization)
    await session.flush()
    membership = Membership(organization_id=organization.id, user_id=admin.id)
    session.add(membership)
    await session.flush()
    admin_role_id = await session.scalar(sa.select(Role.id).where(Role.builtin, Role.code == ADMIN))
    assert admin_role_id is not None, "the built-in roles are seeded by the first migration"
    session.add(
        MembershipRole(organization_id=organization.id, membership_id=membership.id, role_id=admin_role_id)
    )
    await session.flush()
    return organization, membership


def invoice_prefix(name: str) -> str:
    """Three letters of the organization's name for its invoice numbers (ACM-000042), or INV."""
    letters = "".join(ch for ch in name.upper() if "A" <= ch <= "Z")
    return letters[:3] if len(letters) >= 3 else "INV"


async def get(session: AsyncSession, organization_id: uuid.UUID) -> Organization:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound("Organization")
    return organization


async def organizations_by_id(
    session: AsyncSession, organization_ids: list[uuid.UUID]
) -> dict[uuid.UUID, Organization]:
    rows = (await session.scalars(sa.select(Organization).where(Organization.id.in_(organization_ids)))).all()
    return {organization.id: organization for organization in rows}


async def lock(session: AsyncSession, organization_id: uuid.UUID) -> None:
    """Serialize changes that must see a consistent organization (e.g. 'at least one admin')."""
    await session.execute(
        sa.select(Organization.id).where(Organization.id == organization_id).with_for_update(key_share=True)
    )


@dataclass(frozen=True)
class OrganizationInput:
    name: str | None = None
    default_currency: str | None = None
    timezone: str | None = None
    billing_email: str | None = None
    net_payment_term: int | None = None
    invoice_grace_period: int | None = None
    # currency -> cents (None: no approval in that currency); replaces the whole setting when given
    credit_note_approval_thresholds: dict[str, int | None] | None = None
    credit_note_approval_threshold_cents: int | None = None  # in the default currency


def _thresholds(
    errors: Collector, organization: Organization, data: OrganizationInput, now: datetime
) -> dict[str, int] | None:
    """The approval policy asked for, or None when the input does not touch it."""
    if data.credit_note_approval_thresholds is None and data.credit_note_approval_threshold_cents is None:
        return None
    thresholds = approval_policy.requested(organization, now)
    if data.credit_note_approval_thresholds is not None:
        thresholds = {}
        for index, (currency, cents) in enumerate(data.credit_note_approval_thresholds.items()):
            path = f"creditNoteApprovalThresholds.{index}"
            code = validation.currency(errors, f"{path}.currency", currency)
            if code and cents is not None:
                thresholds[code] = validation.integer(errors, f"{path}.amountCents", cents) or 0
    if data.credit_note_approval_threshold_cents is not None:
        cents = validation.integer(
            errors, "creditNoteApprovalThresholdCents", data.credit_note_approval_threshold_cents
        )
        thresholds[organization.default_currency] = cents or 0
    return thresholds


async def update(session: AsyncSession, actor: Actor, data: OrganizationInput) -> Organization:
    """Change the settings; the approval policy loosens only after a delay (``approval_policy``), and
    each change of it is announced as a webhook (the audit log has it as every change)."""
    organization = await session.scalar(
        sa.select(Organization)
        .where(Organization.id == actor.org())
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    if organization is None:
        raise NotFound("Organization")
    now, errors = datetime.now(UTC), Collector()
    if data.name is not None:
        organization.name = validation.text(errors, "name", data.name) or organization.name
    if data.default_currency is not None:
        organization.default_currency = (
            validation.currency(errors, "defaultCurrency", data.default_currency)
            or organization.default_currency
        )
    if data.timezone is not None:
        organization.timezone = (
            validation.timezone(errors, "timezone", data.timezone) or organization.timezone
        )
    if data.billing_email is not None:
        organization.billing_email = (
            validation.email(errors, "billingEmail", data.billing_email, required=False) or None
        )
    if data.net_payment_term is not None:
        organization.net_payment_term = (
            validation.integer(errors, "netPaymentTerm", data.net_payment_term, maximum=365) or 0
        )
    if data.invoice_grace_period is not None:
        organization.invoice_grace_period = (
            validation.integer(errors, "invoiceGracePeriod", data.invoice_grace_period, maximum=365) or 0
        )
    wanted = _thresholds(errors, organization, data, now)
    errors.raise_if_any()
    policy_changed = wanted is not None and approval_policy.change(organization, wanted, now)
    await session.flush()
    if policy_changed:
        await emit_data(
            session,
            organization.id,
            WebhookEventType.APPROVAL_POLICY_UPDATED,
            "approval_policy",
            approval_policy.payload(organization, now),
            organization.id,
        )
    return organization
