"""Signing up, signing in, and what a user sees of themselves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import passwords
from app.auth.tokens import issue_access_token
from app.core import validation
from app.core.errors import Collector, Forbidden, NotFound, Unauthenticated, ValidationFailed
from app.core.pagination import Window
from app.db.errors import constraint_errors
from app.db.pagination import windowed
from app.members.models import Membership, MembershipStatus
from app.organizations import service as organizations
from app.organizations.models import Organization
from app.settings import Settings
from app.users.models import User

_UNIQUE_EMAIL = {"uq_users_email": ("email", "is already registered")}


@dataclass(frozen=True)
class SignedIn:
    user: User
    token: str
    organization: Organization | None = None
    membership: Membership | None = None

    @property
    def audit_subject(self) -> object:
        return self.organization or self.user


def access_token(settings: Settings, user: User) -> str:
    return issue_access_token(user.id, settings.signing_key(), settings.token_ttl_seconds)


async def find_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(sa.select(User).where(User.email == email.strip().lower()))


async def create_user(session: AsyncSession, settings: Settings, email: str, password: str) -> User:
    user = User(email=email, password_hash=await passwords.hash_password(settings, password))
    session.add(user)
    async with constraint_errors(_UNIQUE_EMAIL):
        await session.flush()
    return user


async def register(
    session: AsyncSession, settings: Settings, email: str, password: str, organization_name: str
) -> SignedIn:
    if not settings.allow_registration:
        raise Forbidden([], "Registration is disabled on this server")
    errors = Collector()
    cleaned_email = validation.email(errors, "email", email) or ""
    passwords.check_policy(errors, "password", password)
    validation.text(errors, "organizationName", organization_name)
    errors.raise_if_any()
    if await find_by_email(session, cleaned_email) is not None:
        raise ValidationFailed.one("email", "is already registered")
    user = await create_user(session, settings, cleaned_email, password)
    organization, membership = await organizations.create_with_admin(session, organization_name, user)
    return SignedIn(user, access_token(settings, user), organization, membership)


async def login(session: AsyncSession, settings: Settings, email: str, password: str) -> SignedIn:
    """The same answer for an unknown email and a wrong password, in the same time."""
    user = await find_by_email(session, email) if "\x00" not in email else None
    if (
        not await passwords.verify_password(settings, user.password_hash if user else None, password)
        or user is None
    ):
        raise Unauthenticated("Wrong email or password")
    return SignedIn(user, access_token(settings, user))


async def get(session: AsyncSession, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("User")
    return user


async def active_memberships(
    session: AsyncSession, user_id: uuid.UUID, window: Window | None = None
) -> Sequence[Membership]:
    """The caller's own memberships, across organizations."""
    query = (
        sa.select(Membership)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
        .order_by(Membership.created_at, Membership.id)
    )
    return (await session.scalars(windowed(query, window))).all()


async def users_by_id(session: AsyncSession, user_ids: list[uuid.UUID]) -> dict[uuid.UUID, User]:
    users = (await session.scalars(sa.select(User).where(User.id.in_(user_ids)))).all()
    return {user.id: user for user in users}
