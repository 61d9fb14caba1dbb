"""Roles: built-in ones are global and immutable; custom ones belong to an organization."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.models import ApiKeyRole
from app.auth.actor import Actor, permissions_of_roles
from app.auth.permissions import ADMIN, BUILTIN_ROLES, unknown_permissions
from app.core import validation
from app.core.errors import Collector, Forbidden, NotFound, ValidationFailed
from app.core.pagination import Window
from app.db.errors import constraint_errors
from app.db.pagination import windowed
from app.members.models import Invite, InviteRole, InviteStatus, Membership, MembershipRole, MembershipStatus
from app.roles.models import Role

MAX_ROLES = 10  # roles one membership, API key or invitation holds
_UNIQUE_CODE = {"uq_roles_organization_id_code": ("code", "is already used by another role")}
_STILL_ASSIGNED = {
    name: ("id", "the role is still assigned; remove it from every member, invitation and API key first")
    for name in (
        "fk_membership_roles_role_id_roles",
        "fk_api_key_roles_role_id_roles",
        "fk_invite_roles_role_id_roles",
    )
}


def _visible(organization_id: uuid.UUID) -> sa.ColumnElement[bool]:
    return sa.or_(Role.builtin, Role.organization_id == organization_id)


async def list_roles(
    session: AsyncSession, organization_id: uuid.UUID, window: Window | None = None
) -> Sequence[Role]:
    query = sa.select(Role).where(_visible(organization_id)).order_by(Role.builtin.desc(), Role.code)
    return (await session.scalars(windowed(query, window))).all()


async def get_role(session: AsyncSession, organization_id: uuid.UUID, role_id: uuid.UUID) -> Role:
    role = await session.scalar(sa.select(Role).where(Role.id == role_id, _visible(organization_id)))
    if role is None:
        raise NotFound("Role")
    return role


async def resolve_codes(
    session: AsyncSession, organization_id: uuid.UUID, codes: list[str], path: str = "roles"
) -> list[Role]:
    """The roles named by ``codes`` (built-in or the organization's own); unknown codes are named."""
    wanted = list(dict.fromkeys(code.strip() for code in codes))
    if not wanted:
        raise ValidationFailed.one(path, "at least one role is required")
    if len(wanted) > MAX_ROLES:
        raise ValidationFailed.one(path, f"at most {MAX_ROLES} roles")
    found = (
        await session.scalars(sa.select(Role).where(_visible(organization_id), Role.code.in_(wanted)))
    ).all()
    by_code = {role.code: role for role in found}
    missing = [code for code in wanted if code not in by_code]
    if missing:
        raise ValidationFailed.one(path, "unknown role: " + ", ".join(missing))
    return [by_code[code] for code in wanted]


def ensure_may_assign(actor: Actor, roles: list[Role], *, touching_admin: bool = False) -> None:
    """Only an admin grants (or takes away) the admin role; nobody grants more than they hold."""
    if (touching_admin or any(role.code == ADMIN for role in roles)) and not actor.is_admin:
        raise Forbidden([], "Only an admin can grant or remove the admin role", roles=[ADMIN])
    actor.ensure_can_grant(permissions_of_roles((r.code, r.builtin, r.permission_names) for r in roles))


@dataclass(frozen=True)
class RoleInput:
    code: str | None = None
    name: str | None = None
    description: str | None = None
    permissions: list[str] | None = None


def _validated_permissions(errors: Collector, permissions: list[str]) -> list[str]:
    names = list(dict.fromkeys(name.strip() for name in permissions))
    unknown = unknown_permissions(names)
    if unknown:
        errors.add("permissions", "unknown permission: " + ", ".join(unknown))
    elif not names:
        errors.add("permissions", "at least one permission is required")
    return sorted(names)


async def create_role(session: AsyncSession, actor: Actor, data: RoleInput) -> Role:
    organization_id = actor.org()
    errors = Collector()
    code = validation.code(errors, "code", data.code or "")
    if code in BUILTIN_ROLES:
        errors.add("code", "is the code of a built-in role")
    name = validation.text(errors, "name", data.name)
    description = validation.text(errors, "description", data.description, required=False, max_length=1000)
    permissions = _validated_permissions(errors, data.permissions or [])
    errors.raise_if_any()
    actor.ensure_can_grant(permissions)
    if await session.scalar(
        sa.select(sa.literal(True)).where(Role.organization_id == organization_id, Role.code == code)
    ):
        raise ValidationFailed.one("code", "is already used by another role")
    role = Role(
        organization_id=organization_id,
        code=code,
        name=name,
        description=description or None,
        permission_names=permissions,
    )
    session.add(role)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return role


async def _custom_role(session: AsyncSession, organization_id: uuid.UUID, role_id: uuid.UUID) -> Role:
    role = await get_role(session, organization_id, role_id)
    if role.builtin:
        raise ValidationFailed.one("id", "built-in roles cannot be changed or deleted")
    return role


async def update_role(session: AsyncSession, actor: Actor, role_id: uuid.UUID, data: RoleInput) -> Role:
    role = await _custom_role(session, actor.org(), role_id)
    errors = Collector()
    if data.name is not None:
        role.name = validation.text(errors, "name", data.name) or role.name
    if data.description is not None:
        description = validation.text(
            errors, "description", data.description, required=False, max_length=1000
        )
        role.description = description or None
    if data.permissions is not None:
        permissions = _validated_permissions(errors, data.permissions)
        errors.raise_if_any()
        actor.ensure_can_grant(permissions)
        role.permission_names = permissions
    errors.raise_if_any()
    await session.flush()
    return role


async def destroy_role(session: AsyncSession, actor: Actor, role_id: uuid.UUID) -> Role:
    role = await _custom_role(session, actor.org(), role_id)
    holders = sa.union_all(
        sa.select(MembershipRole.role_id)
        .join(Membership, Membership.id == MembershipRole.membership_id)
        .where(MembershipRole.role_id == role.id, Membership.status == MembershipStatus.ACTIVE),
        sa.select(InviteRole.role_id)
        .join(Invite, Invite.id == InviteRole.invite_id)
        .where(InviteRole.role_id == role.id, Invite.status == InviteStatus.PENDING),
        sa.select(ApiKeyRole.role_id).where(ApiKeyRole.role_id == role.id),
    )
    if await session.scalar(sa.select(sa.func.count()).select_from(holders.subquery())):
        raise ValidationFailed(dict([_STILL_ASSIGNED["fk_membership_roles_role_id_roles"]]))
    # Revoked memberships and settled invitations keep no hold on the role.
    await session.execute(sa.delete(MembershipRole).where(MembershipRole.role_id == role.id))
    await session.execute(sa.delete(InviteRole).where(InviteRole.role_id == role.id))
    await session.delete(role)
    async with constraint_errors(_STILL_ASSIGNED):
        await session.flush()
    return role


async def roles_by_owner(
    session: AsyncSession,
    link: type[MembershipRole] | type[ApiKeyRole] | type[InviteRole],
    owner_ids: list[uuid.UUID],
) -> dict[uuid.UUID, list[Role]]:
    """Roles held by each membership, API key or invite (one statement for all of them)."""
    owner_column = {
        MembershipRole: MembershipRole.membership_id,
        ApiKeyRole: ApiKeyRole.api_key_id,
        InviteRole: InviteRole.invite_id,
    }[link]
    rows = (
        await session.execute(
            sa.select(owner_column, Role)
            .join(Role, Role.id == link.role_id)
            .where(owner_column.in_(owner_ids))
            .order_by(Role.builtin.desc(), Role.code)
        )
    ).all()
    grouped: dict[uuid.UUID, list[Role]] = defaultdict(list)
    for owner_id, role in rows:
        grouped[owner_id].append(role)
    return grouped
