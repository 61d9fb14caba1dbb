"""Memberships: changing roles and revoking, with the rules that keep an organization governable: it
never loses its last admin, only an admin grants (or removes) the admin role, and nobody adds or removes a
role holding a permission they do not hold themselves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.actor import Actor
from app.auth.permissions import ADMIN
from app.core.errors import NotFound, ValidationFailed
from app.core.pagination import Window
from app.db.pagination import windowed
from app.members.models import Membership, MembershipRole, MembershipStatus
from app.organizations import service as organizations
from app.roles import service as roles
from app.roles.models import Role


async def list_memberships(
    session: AsyncSession, organization_id: uuid.UUID, window: Window | None = None
) -> Sequence[Membership]:
    query = (
        sa.select(Membership)
        .where(Membership.organization_id == organization_id)
        .order_by(Membership.created_at, Membership.id)
    )
    return (await session.scalars(windowed(query, window))).all()


async def get_membership(
    session: AsyncSession, organization_id: uuid.UUID, membership_id: uuid.UUID
) -> Membership:
    membership = await session.get(Membership, membership_id)
    if membership is None or membership.organization_id != organization_id:
        raise NotFound("Membership")
    return membership


async def _links(session: AsyncSession, membership: Membership) -> list[tuple[MembershipRole, Role]]:
    rows = await session.execute(
        sa.select(MembershipRole, Role)
        .join(Role, Role.id == MembershipRole.role_id)
        .where(MembershipRole.membership_id == membership.id)
    )
    return [(link, role) for link, role in rows]


async def _ensure_another_admin(
    session: AsyncSession, organization_id: uuid.UUID, leaving: uuid.UUID
) -> None:
    """Called with the organization locked: someone other than ``leaving`` stays an active admin."""
    others = await session.scalar(
        sa.select(sa.func.count())
        .select_from(Membership)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .join(Role, Role.id == MembershipRole.role_id)
        .where(
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.id != leaving,
            Role.builtin,
            Role.code == ADMIN,
        )
    )
    if not others:
        raise ValidationFailed.one("roles", "the organization must keep at least one admin")


async def set_roles(
    session: AsyncSession, organization_id: uuid.UUID, membership: Membership, wanted: list[Role]
) -> None:
    """Replace the membership's roles with ``wanted`` (ORM changes, so the audit log sees them)."""
    current = await _links(session, membership)
    wanted_ids = {role.id for role in wanted}
    for link, role in current:
        if role.id not in wanted_ids:
            await session.delete(link)
    held = {role.id for _, role in current}
    for role in wanted:
        if role.id not in held:
            session.add(
                MembershipRole(organization_id=organization_id, membership_id=membership.id, role_id=role.id)
            )
    await session.flush()


async def update_membership(
    session: AsyncSession, actor: Actor, membership_id: uuid.UUID, role_codes: list[str]
) -> Membership:
    organization_id = actor.org()
    await organizations.lock(session, organization_id)
    membership = await get_membership(session, organization_id, membership_id)
    if membership.status is not MembershipStatus.ACTIVE:
        raise ValidationFailed.one("id", "the membership is revoked")
    wanted = await roles.resolve_codes(session, organization_id, role_codes)
    current = [role for _, role in await _links(session, membership)]
    was_admin = any(role.code == ADMIN for role in current)
    stays_admin = any(role.code == ADMIN for role in wanted)
    # Granting and taking away alike: the caller holds every permission of every role added or removed.
    changed = [r for r in wanted if r.id not in {c.id for c in current}] + [
        r for r in current if r.id not in {w.id for w in wanted}
    ]
    roles.ensure_may_assign(actor, changed, touching_admin=was_admin != stays_admin)
    if was_admin and not stays_admin:
        await _ensure_another_admin(session, organization_id, membership.id)
    await set_roles(session, organization_id, membership, wanted)
    membership.updated_at = datetime.now(UTC)
    await session.flush()
    return membership


async def revoke_membership(session: AsyncSession, actor: Actor, membership_id: uuid.UUID) -> Membership:
    organization_id = actor.org()
    await organizations.lock(session, organization_id)
    membership = await get_membership(session, organization_id, membership_id)
    if membership.status is not MembershipStatus.ACTIVE:
        raise ValidationFailed.one("id", "the membership is already revoked")
    current = [role for _, role in await _links(session, membership)]
    if any(role.code == ADMIN for role in current):
        roles.ensure_may_assign(actor, [], touching_admin=True)
        await _ensure_another_admin(session, organization_id, membership.id)
    membership.status = MembershipStatus.REVOKED
    membership.revoked_at = datetime.now(UTC)
    await session.flush()
    return membership
