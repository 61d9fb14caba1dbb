"""API keys: created with roles, shown once, stored as a digest; revoked or rotated at any time.

Keys are managed by people only (``PEOPLE_ONLY``: a key never holds ``developers:keys:manage``), and
a person creates, rotates or revokes only keys whose permissions they hold. A key acts for the person who
created it wherever a person matters (four eyes on credit notes): ``person_of``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.models import ApiKey, ApiKeyRole
from app.auth.actor import Actor
from app.auth.permissions import P
from app.auth.tokens import digest, new_api_key
from app.core import validation
from app.core.errors import Collector, Forbidden, NotFound, ValidationFailed
from app.core.pagination import Window
from app.db.pagination import windowed
from app.roles import service as roles


@dataclass(frozen=True)
class IssuedKey:
    """A key with its secret, which exists only in this response."""

    api_key: ApiKey
    secret: str

    @property
    def audit_subject(self) -> ApiKey:
        return self.api_key


async def list_keys(
    session: AsyncSession, organization_id: uuid.UUID, window: Window | None = None
) -> Sequence[ApiKey]:
    query = sa.select(ApiKey).where(ApiKey.organization_id == organization_id)
    return (
        await session.scalars(windowed(query.order_by(ApiKey.created_at.desc(), ApiKey.id), window))
    ).all()


async def get_key(session: AsyncSession, organization_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey:
    key = await session.scalar(
        sa.select(ApiKey)
        .where(ApiKey.id == key_id, ApiKey.organization_id == organization_id)
        .with_for_update(key_share=True)
    )
    if key is None:
        raise NotFound("API key")
    return key


async def create_key(
    session: AsyncSession, actor: Actor, name: str, role_codes: list[str], expires_at: datetime | None
) -> IssuedKey:
    organization_id = actor.org()
    if actor.user_id is None:  # every key has a person behind it (declared: keys lack the permission)
        raise Forbidden([P.DEVELOPERS_KEYS_MANAGE.value], "API keys are managed by people, not by API keys")
    errors = Collector()
    cleaned = validation.text(errors, "name", name)
    if expires_at is not None and expires_at <= datetime.now(UTC):
        errors.add("expiresAt", "must be in the future")
    errors.raise_if_any()
    wanted = await roles.resolve_codes(session, organization_id, role_codes)
    roles.ensure_may_assign(actor, wanted)
    prefix, secret = new_api_key()
    key = ApiKey(
        organization_id=organization_id,
        name=cleaned,
        prefix=prefix,
        secret_hash=digest(secret),
        expires_at=expires_at,
        created_by_user_id=actor.user_id,
    )
    session.add(key)
    await session.flush()
    for role in wanted:
        session.add(ApiKeyRole(organization_id=organization_id, api_key_id=key.id, role_id=role.id))
    await session.flush()
    return IssuedKey(key, secret)


async def _ensure_holds(session: AsyncSession, actor: Actor, key: ApiKey) -> None:
    """Only someone holding every permission of ``key`` manages it (no revoking stronger keys)."""
    held = (await roles.roles_by_owner(session, ApiKeyRole, [key.id])).get(key.id, [])
    roles.ensure_may_assign(actor, held)


async def revoke_key(session: AsyncSession, actor: Actor, key_id: uuid.UUID) -> ApiKey:
    key = await get_key(session, actor.org(), key_id)
    if key.revoked_at is not None:
        raise ValidationFailed.one("id", "the API key is already revoked")
    await _ensure_holds(session, actor, key)
    key.revoked_at = datetime.now(UTC)
    await session.flush()
    return key


async def rotate_key(session: AsyncSession, actor: Actor, key_id: uuid.UUID) -> IssuedKey:
    """A new secret for the same key and roles; the old secret stops working at once.

    Whoever rotates receives the key's powers, so they must hold every permission the key has.
    """
    key = await get_key(session, actor.org(), key_id)
    if key.revoked_at is not None:
        raise ValidationFailed.one("id", "a revoked API key cannot be rotated")
    await _ensure_holds(session, actor, key)
    prefix, secret = new_api_key()
    key.prefix, key.secret_hash, key.rotated_at = prefix, digest(secret), datetime.now(UTC)
    await session.flush()
    return IssuedKey(key, secret)


async def person_of(session: AsyncSession, actor: Actor) -> uuid.UUID | None:
    """The person ``actor`` acts for: a member themselves, an API key the person who created it.

    None for a key with no recorded creator (one minted by another key before keys were managed by
    people only, whose chain back to a person the audit log could not tell): such a key acts for nobody.
    """
    if actor.api_key_id is None:
        return actor.user_id
    return await session.scalar(
        sa.select(ApiKey.created_by_user_id).where(
            ApiKey.id == actor.api_key_id, ApiKey.organization_id == actor.org()
        )
    )
