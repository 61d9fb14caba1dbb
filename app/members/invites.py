"""Invitations: an admin (or anyone allowed) invites an email with roles; the invitee accepts, becoming
a member: a new user by setting a password, an existing one signed in as themselves. The token is
shown once and only its digest is kept."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import passwords
from app.auth.actor import Actor, ActorKind
from app.auth.tokens import digest, random_secret
from app.core import validation
from app.core.errors import Collector, Forbidden, NotFound, Unauthenticated, ValidationFailed
from app.core.pagination import Window
from app.db.errors import constraint_errors
from app.db.pagination import windowed
from app.members import service as members
from app.members.models import Invite, InviteRole, InviteStatus, Membership, MembershipStatus
from app.roles import service as roles
from app.roles.models import Role
from app.settings import Settings
from app.users import service as users
from app.users.models import User

_PENDING_EMAIL = {"uq_invites_pending_email": ("email", "already has a pending invitation")}


@dataclass(frozen=True)
class CreatedInvite:
    invite: Invite
    token: str

    @property
    def audit_subject(self) -> Invite:
        return self.invite


@dataclass(frozen=True)
class AcceptedInvite:
    user: User
    membership: Membership
    token: str

    @property
    def audit_subject(self) -> Membership:
        return self.membership


def is_expired(invite: Invite, now: datetime | None = None) -> bool:
    return invite.status is InviteStatus.PENDING and invite.expires_at <= (now or datetime.now(UTC))


async def list_invites(
    session: AsyncSession, organization_id: uuid.UUID, status: str | None = None, window: Window | None = None
) -> Sequence[Invite]:
    """Invitations, newest first; ``status`` is pending, accepted, revoked or expired (a pending one
    past its expiry)."""
    query = sa.select(Invite).where(Invite.organization_id == organization_id)
    now = datetime.now(UTC)
    if status == "expired":
        query = query.where(Invite.status == InviteStatus.PENDING, Invite.expires_at <= now)
    elif status == "pending":
        query = query.where(Invite.status == InviteStatus.PENDING, Invite.expires_at > now)
    elif status is not None:
        query = query.where(Invite.status == InviteStatus(status))
    return (
        await session.scalars(windowed(query.order_by(Invite.created_at.desc(), Invite.id), window))
    ).all()


async def create_invite(
    session: AsyncSession, actor: Actor, settings: Settings, email: str, role_codes: list[str]
) -> CreatedInvite:
    organization_id = actor.org()
    errors = Collector()
    cleaned = validation.email(errors, "email", email) or ""
    errors.raise_if_any()
    wanted = await roles.resolve_codes(session, organization_id, role_codes)
    roles.ensure_may_assign(actor, wanted)
    already_member = await session.scalar(
        sa.select(sa.literal(True))
        .select_from(Membership)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            User.email == cleaned,
        )
    )
    if already_member:
        raise ValidationFailed.one("email", "is already a member of the organization")
    now = datetime.now(UTC)
    pending = await session.scalar(
        sa.select(Invite).where(
            Invite.organization_id == organization_id,
            Invite.email == cleaned,
            Invite.status == InviteStatus.PENDING,
        )
    )
    if pending is not None:
        if not is_expired(pending, now):
            raise ValidationFailed(dict([_PENDING_EMAIL["uq_invites_pending_email"]]))
        pending.status, pending.revoked_at = InviteStatus.REVOKED, now  # an expired one makes way
        await session.flush()
    token = random_secret()
    invite = Invite(
        organization_id=organization_id,
        email=cleaned,
        token_hash=digest(token),
        expires_at=now + timedelta(seconds=settings.invite_ttl_seconds),
        invited_by_user_id=actor.user_id,
    )
    session.add(invite)
    async with constraint_errors(_PENDING_EMAIL):
        await session.flush()
    for role in wanted:
        session.add(InviteRole(organization_id=organization_id, invite_id=invite.id, role_id=role.id))
    await session.flush()
    invite.revealed_token = token
    return CreatedInvite(invite, token)


async def revoke_invite(session: AsyncSession, actor: Actor, invite_id: uuid.UUID) -> Invite:
    invite = await session.scalar(
        sa.select(Invite)
        .where(Invite.id == invite_id, Invite.organization_id == actor.org())
        .with_for_update(key_share=True)
    )
    if invite is None:
        raise NotFound("Invite")
    if invite.status is not InviteStatus.PENDING:
        raise ValidationFailed.one("id", f"the invitation is already {invite.status.value}")
    invite.status, invite.revoked_at = InviteStatus.REVOKED, datetime.now(UTC)
    await session.flush()
    return invite


async def accept_invite(
    session: AsyncSession, settings: Settings, actor: Actor, token: str, password: str | None
) -> AcceptedInvite:
    """Join with the invitation. A new account sets its password here; an existing account accepts
    signed in as itself (its token), so that no password is ever checked here: an invitation is no way
    to guess one, and every password check stays behind the login throttle."""
    invite = (
        await session.scalar(
            sa.select(Invite).where(Invite.token_hash == digest(token)).with_for_update(key_share=True)
        )
        if "\x00" not in token
        else None
    )
    if invite is None or invite.status is not InviteStatus.PENDING or is_expired(invite):
        raise NotFound("Invitation")
    user = await users.find_by_email(session, invite.email)
    if user is None:
        errors = Collector()
        if password is None:
            errors.add("password", "is required to create the invited account")
        else:
            passwords.check_policy(errors, "password", password)
        errors.raise_if_any()
        assert password is not None
        user = await users.create_user(session, settings, invite.email, password)
    elif actor.user_id is None or actor.kind is not ActorKind.USER:
        raise Unauthenticated("The invited account exists: sign in as it to accept the invitation")
    elif actor.user_id != user.id:
        raise Forbidden([], "The invitation is for another account: sign in as it to accept")
    invited_roles = (
        await session.scalars(
            sa.select(Role)
            .join(InviteRole, InviteRole.role_id == Role.id)
            .where(InviteRole.invite_id == invite.id)
        )
    ).all()
    membership = await session.scalar(
        sa.select(Membership).where(
            Membership.organization_id == invite.organization_id, Membership.user_id == user.id
        )
    )
    if membership is None:
        membership = Membership(organization_id=invite.organization_id, user_id=user.id)
        session.add(membership)
        await session.flush()
    elif membership.status is MembershipStatus.ACTIVE:
        raise ValidationFailed.one("token", "you are already a member of this organization")
    else:
        membership.status, membership.revoked_at = MembershipStatus.ACTIVE, None
    await members.set_roles(session, invite.organization_id, membership, list(invited_roles))
    invite.status, invite.accepted_at, invite.accepted_by_user_id = (
        InviteStatus.ACCEPTED,
        datetime.now(UTC),
        user.id,
    )
    await session.flush()
    return AcceptedInvite(user, membership, users.access_token(settings, user))
