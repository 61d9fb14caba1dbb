"""From a request's credentials to its ``Actor``: one SQL statement, once per request.

``Authorization: Bearer <token>`` carries either a signed access token (a user) or an API key (an
integration). A user with several memberships picks one with ``X-Organization-Id``; with one membership
none is needed. Credentials that fail give an anonymous actor that remembers why, so every guarded field
answers ``UNAUTHENTICATED`` while public operations (login) still work.
"""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.models import ApiKey, ApiKeyRole
from app.auth.actor import ANONYMOUS, Actor, ActorKind, permissions_of_roles
from app.auth.tokens import api_key_prefix, digest, read_access_token
from app.core.errors import Unauthenticated
from app.members.models import Membership, MembershipRole, MembershipStatus
from app.roles.models import Role

LAST_USED_RESOLUTION = timedelta(minutes=1)


def anonymous(reason: str) -> Actor:
    return Actor(kind=ActorKind.ANONYMOUS, credential_error=reason)


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return ""
    return value.strip()


async def authenticate(
    session: AsyncSession, signing_key: str, authorization: str | None, organization_header: str | None
) -> Actor:
    credential = bearer(authorization)
    if credential is None:
        return ANONYMOUS
    if credential == "":
        return anonymous("Use 'Authorization: Bearer <token or API key>'")
    prefix = api_key_prefix(credential)
    if prefix is not None:
        return await _api_key_actor(session, prefix, credential)
    try:
        user_id = read_access_token(credential, signing_key)
    except Unauthenticated as error:
        return anonymous(error.message)
    return await _user_actor(session, user_id, organization_header)


async def _user_actor(session: AsyncSession, user_id: uuid.UUID, organization_header: str | None) -> Actor:
    query = (
        sa.select(Membership.id, Membership.organization_id, Role.code, Role.builtin, Role.permission_names)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .join(Role, Role.id == MembershipRole.role_id)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
    )
    if organization_header:
        try:
            query = query.where(Membership.organization_id == uuid.UUID(organization_header))
        except ValueError:
            return Actor(kind=ActorKind.USER, user_id=user_id)
    rows = (await session.execute(query)).all()
    memberships = {(row[0], row[1]) for row in rows}
    if len(memberships) != 1:
        # No organization selected (none, or several to choose from): only `currentUser` is open.
        return Actor(kind=ActorKind.USER, user_id=user_id)
    ((membership_id, organization_id),) = memberships
    return Actor(
        kind=ActorKind.USER,
        user_id=user_id,
        membership_id=membership_id,
        organization_id=organization_id,
        role_codes=frozenset(row[2] for row in rows),
        permissions=permissions_of_roles((row[2], row[3], row[4]) for row in rows),
    )


async def _api_key_actor(session: AsyncSession, prefix: str, presented: str) -> Actor:
    rows = (
        await session.execute(
            sa.select(
                ApiKey.id,
                ApiKey.organization_id,
                ApiKey.secret_hash,
                ApiKey.expires_at,
                ApiKey.revoked_at,
                ApiKey.last_used_at,
                Role.code,
                Role.builtin,
                Role.permission_names,
            )
            .outerjoin(ApiKeyRole, ApiKeyRole.api_key_id == ApiKey.id)
            .outerjoin(Role, Role.id == ApiKeyRole.role_id)
            .where(ApiKey.prefix == prefix)
        )
    ).all()
    if not rows or not hmac.compare_digest(rows[0].secret_hash, digest(presented)):
        return anonymous("The API key is invalid")
    key = rows[0]
    now = datetime.now(UTC)
    if key.revoked_at is not None:
        return anonymous("The API key has been revoked")
    if key.expires_at is not None and key.expires_at <= now:
        return anonymous("The API key has expired")
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_RESOLUTION:
        await session.execute(
            sa.update(ApiKey)
            .where(ApiKey.id == key.id)
            .values(last_used_at=now, updated_at=ApiKey.updated_at)
        )
        await session.commit()
    roles = [(row.code, row.builtin, row.permission_names) for row in rows if row.code is not None]
    return Actor(
        kind=ActorKind.API_KEY,
        api_key_id=key.id,
        organization_id=key.organization_id,
        role_codes=frozenset(code for code, _, _ in roles),
        permissions=permissions_of_roles(roles),
    )
