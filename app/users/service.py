"""Signing up, signing in, and what a user sees of themselves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

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
from app.users.models import EndedToken, User

_UNIQUE_EMAIL = {"uq_users_email": ("email", "is already registered")}
_ENDED_TOKEN = {"pk_ended_tokens": ("token", "is already signed out")}


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
    return issue_access_token(user.id, settings.signing_key(), settings.token_ttl_seconds, user.token_version)


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


async def change_password(
    session: AsyncSession, settings: Settings, user_id: uuid.UUID, current_password: str, new_password: str
) -> SignedIn:
    """Set a new password after checking the current one; every token issued so far ends, and the
    caller carries on with the new token returned."""
    user = await session.get(User, user_id, with_for_update=True)
    if user is None:
        raise NotFound("User")
    if not await passwords.verify_password(settings, user.password_hash, current_password):
        raise ValidationFailed.one("currentPassword", "is not your current password")
    user.password_hash = await passwords.hash_password(settings, new_password)
    user.token_version += 1
    await session.flush()
    return SignedIn(user, access_token(settings, user))


def check_new_password(current_password: str, new_password: str) -> None:
    """The new password's rules, checked before the current password is (so before the throttle)."""
    errors = Collector()
    passwords.check_policy(errors, "newPassword", new_password)
    if new_password == current_password:
        errors.add("newPassword", "must differ from the current password")
    errors.raise_if_any()


async def end_token(session: AsyncSession, user_id: uuid.UUID, token_id: str, expires_at: datetime) -> User:
    """Sign out one token; tokens already past their expiry are forgotten on the way."""
    user = await get(session, user_id)
    # forgotten an hour after their expiry, so that a database clock ahead of this one never lets
    # an ended token work again
    await session.execute(
        sa.delete(EndedToken).where(EndedToken.expires_at < sa.func.now() - sa.text("interval '1 hour'"))
    )
    session.add(EndedToken(token_id=token_id, user_id=user_id, expires_at=expires_at))
    async with constraint_errors(_ENDED_TOKEN):
        await session.flush()
    return user


async def end_all_tokens(session: AsyncSession, user_id: uuid.UUID) -> User:
    """Sign out everywhere: every token issued so far, on every device, ends."""
    user = await session.get(User, user_id, with_for_update=True)
    if user is None:
        raise NotFound("User")
    user.token_version += 1
    await session.flush()
    return user


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
