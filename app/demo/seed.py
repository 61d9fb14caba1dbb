"""Load the demo organization (idempotent): an admin, a member for each built-in role, a catalogue."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor, ActorKind
from app.auth.permissions import ADMIN, BUILTIN_ROLES, FINANCE, MANAGER
from app.demo import catalogue, history
from app.members import service as members
from app.members.models import Membership
from app.organizations import service as organizations
from app.organizations.models import Organization
from app.roles import service as roles
from app.settings import Settings
from app.users import service as users

ORGANIZATION_NAME = "Demo API Co"
PASSWORD = "billgraph-demo"
MEMBERS = (
    ("admin@demo.billgraph.dev", ADMIN),
    ("manager@demo.billgraph.dev", MANAGER),
    ("finance@demo.billgraph.dev", FINANCE),
    ("finance2@demo.billgraph.dev", FINANCE),  # approves what the first one asks (four eyes)
)
APPROVAL_THRESHOLD_CENTS = 10_000  # a credit note above 100 EUR waits for a second person


@dataclass(frozen=True)
class DemoMember:
    email: str
    role: str
    password: str


@dataclass(frozen=True)
class Demo:
    organization: Organization
    members: list[DemoMember]
    created: bool


async def load(session: AsyncSession, settings: Settings, *, with_history: bool = True) -> Demo:
    """Create the demo organization unless it exists; flushes, the caller commits. Without
    ``with_history`` only the members and the catalogue are made (tests that script their own year)."""
    credentials = [DemoMember(email, role, PASSWORD) for email, role in MEMBERS]
    admin_email = MEMBERS[0][0]
    admin = await users.find_by_email(session, admin_email)
    if admin is not None:
        organization = await session.scalar(
            sa.select(Organization)
            .join(Membership, Membership.organization_id == Organization.id)
            .where(Membership.user_id == admin.id, Organization.name == ORGANIZATION_NAME)
        )
        if organization is not None:
            return Demo(organization, credentials, created=False)
    admin = admin or await users.create_user(session, settings, admin_email, PASSWORD)
    organization, _ = await organizations.create_with_admin(session, ORGANIZATION_NAME, admin)
    organization.default_currency, organization.timezone = "EUR", "Europe/Paris"
    organization.billing_email = "billing@demo.billgraph.dev"
    for email, role_code in MEMBERS[1:]:
        user = await users.find_by_email(session, email) or await users.create_user(
            session, settings, email, PASSWORD
        )
        membership = Membership(organization_id=organization.id, user_id=user.id)
        session.add(membership)
        await session.flush()
        await members.set_roles(
            session,
            organization.id,
            membership,
            await roles.resolve_codes(session, organization.id, [role_code]),
        )
    await session.flush()
    admin_actor = Actor(
        kind=ActorKind.USER,
        user_id=admin.id,
        organization_id=organization.id,
        role_codes=frozenset({ADMIN}),
        permissions=BUILTIN_ROLES[ADMIN].permissions,
    )
    await catalogue.load(session, admin_actor)
    if not with_history:
        return Demo(organization, credentials, created=True)
    # a new organization's first policy: adding a threshold applies at once (approval_policy)
    organization.credit_note_approval_thresholds = {"EUR": APPROVAL_THRESHOLD_CENTS}
    await session.flush()  # before the billing engine re-reads the organization
    finance = await users.find_by_email(session, MEMBERS[2][0])
    assert finance is not None
    finance_actor = Actor(
        kind=ActorKind.USER,
        user_id=finance.id,
        organization_id=organization.id,
        role_codes=frozenset({FINANCE}),
        permissions=BUILTIN_ROLES[FINANCE].permissions,
    )
    await history.load(session, admin_actor, finance_actor)
    return Demo(organization, credentials, created=True)
