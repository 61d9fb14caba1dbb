"""From a request's credentials to its ``Actor``: one SQL statement, once per request.

``Authorization: Bearer <token>`` carries either a signed access token (a user) or an API key (an
integration). A user with several memberships picks one with ``X-Organization-Id``; with one membership
none is needed. Credentials that fail give an anonymous actor that remembers why, so every guarded field
answers ``UNAUTHENTICATED`` while public operations (login) still work.

This runs on every request, so it is the one place that speaks to asyncpg directly, with fixed SQL
(prepared once per connection): building and processing an ORM statement costs more than running it.
The caller's membership comes back in the same rows, so ``currentMembership`` needs no statement at all,
and so do the user's token version and whether this token was signed out: a token from before a
password change, a "sign out everywhere" or its own sign-out is refused on every request.
Repeat callers are served from ``IdentityCache`` (see there for how revocation stays immediate).
"""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.auth.actor import ANONYMOUS, Actor, ActorKind, permissions_of_roles
from app.auth.cache import IdentityCache
from app.auth.permissions import PEOPLE_ONLY
from app.auth.tokens import AccessClaims, api_key_prefix, digest, read_access_token
from app.core.errors import Unauthenticated
from app.db.engine import Database
from app.members.models import MembershipStatus

LAST_USED_RESOLUTION = timedelta(minutes=1)

# The user's token version and whether this token was signed out, with their active memberships'
# roles (in the organization asked for, if any): one row per role, or one row of NULLs for none.
_USER_ROLES = """
SELECT u.token_version, EXISTS (SELECT 1 FROM ended_tokens e WHERE e.token_id = $2) AS ended,
       m.id, m.organization_id, m.status, m.revoked_at, m.created_at, m.updated_at,
       r.code, r.builtin, r.permissions
FROM users u
LEFT JOIN (memberships m
           JOIN membership_roles mr ON mr.membership_id = m.id
           JOIN roles r ON r.id = mr.role_id)
       ON m.user_id = u.id AND m.status = 'active'{}
WHERE u.id = $1"""
_USER_ROLES_ANY = _USER_ROLES.format("")
_USER_ROLES_IN = _USER_ROLES.format(" AND m.organization_id = $3")
_KEY_ROLES = """
SELECT k.id, k.organization_id, k.secret_hash, k.expires_at, k.revoked_at, k.last_used_at,
       r.code, r.builtin, r.permissions
FROM api_keys k
LEFT JOIN api_key_roles kr ON kr.api_key_id = k.id
LEFT JOIN roles r ON r.id = kr.role_id
WHERE k.prefix = $1"""
_TOUCH_KEY = "UPDATE api_keys SET last_used_at = $2 WHERE id = $1"


@dataclass(frozen=True, slots=True)
class MembershipSnapshot:
    """The caller's membership as read with the actor: immutable, so cached identities can share it."""

    id: uuid.UUID
    organization_id: uuid.UUID
    user_id: uuid.UUID
    status: MembershipStatus
    revoked_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Identity:
    actor: Actor
    membership: MembershipSnapshot | None = None  # the caller's own, when a user acts in an organization


def anonymous(reason: str) -> Identity:
    return Identity(Actor(kind=ActorKind.ANONYMOUS, credential_error=reason))


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return ""
    return value.strip()


async def authenticate(
    db: Database,
    cache: IdentityCache,
    signing_key: str,
    authorization: str | None,
    organization_header: str | None,
) -> Identity:
    credential = bearer(authorization)
    if credential is None:
        return Identity(ANONYMOUS)
    if credential == "":
        return anonymous("Use 'Authorization: Bearer <token or API key>'")
    prefix = api_key_prefix(credential)
    if prefix is not None:
        return await _api_key_identity(db, cache, prefix, credential)
    try:
        claims = read_access_token(credential, signing_key)
    except Unauthenticated as error:
        return anonymous(error.message)
    grant = await _user_grant(db, cache, claims, organization_header)
    if grant.identity is None:
        return anonymous("The access token is invalid")
    if grant.ended or grant.version != claims.version:
        return anonymous("The session has ended: sign in again")
    return grant.identity


@dataclass(frozen=True, slots=True)
class _UserGrant:
    identity: Identity | None  # None: no such user
    version: int = 0
    ended: bool = False


async def _user_grant(
    db: Database, cache: IdentityCache, claims: AccessClaims, organization_header: str | None
) -> _UserGrant:
    """Per token (its signing out is per token), so repeat requests with it need no statement."""
    key = ("user", claims.user_id, claims.token_id, organization_header)
    grant = cache.get(key)
    if grant is None:
        generation = cache.generation
        grant = await _load_user_grant(db, claims, organization_header)
        cache.put(key, grant, generation)
    assert isinstance(grant, _UserGrant)
    return grant


async def _load_user_grant(db: Database, claims: AccessClaims, organization_header: str | None) -> _UserGrant:
    user_id = claims.user_id
    no_organization = Actor(
        kind=ActorKind.USER,
        user_id=user_id,
        token_id=claims.token_id,
        token_expires_at=claims.expires_at,
    )
    if organization_header:
        try:
            organization_id = uuid.UUID(organization_header)
        except ValueError:
            organization_id = None
        rows = await db.fetch(_USER_ROLES_IN, user_id, claims.token_id, organization_id)
    else:
        rows = await db.fetch(_USER_ROLES_ANY, user_id, claims.token_id)
    if not rows:
        return _UserGrant(None)
    version, ended = rows[0]["token_version"], rows[0]["ended"]
    rows = [row for row in rows if row["id"] is not None]
    if len({row["id"] for row in rows}) != 1:
        # No organization selected (none, or several to choose from): only `currentUser` is open.
        return _UserGrant(Identity(no_organization), version, ended)
    first = rows[0]
    actor = Actor(
        kind=ActorKind.USER,
        user_id=user_id,
        token_id=claims.token_id,
        token_expires_at=claims.expires_at,
        membership_id=first["id"],
        organization_id=first["organization_id"],
        role_codes=frozenset(row["code"] for row in rows),
        permissions=permissions_of_roles((row["code"], row["builtin"], row["permissions"]) for row in rows),
    )
    membership = MembershipSnapshot(
        id=first["id"],
        organization_id=first["organization_id"],
        user_id=user_id,
        status=MembershipStatus(first["status"]),
        revoked_at=first["revoked_at"],
        created_at=first["created_at"],
        updated_at=first["updated_at"],
    )
    return _UserGrant(Identity(actor, membership), version, ended)


@dataclass
class _KeyGrant:
    actor: Actor | None  # None: no such key
    secret_hash: str = ""
    revoked: bool = False
    expires_at: datetime | None = None
    last_used_at: datetime | None = None


async def _api_key_identity(db: Database, cache: IdentityCache, prefix: str, presented: str) -> Identity:
    key = ("api_key", prefix)
    grant = cache.get(key)
    if grant is None:
        generation = cache.generation
        grant = await _load_key_grant(db, prefix)
        cache.put(key, grant, generation)
    if grant.actor is None or not hmac.compare_digest(grant.secret_hash, digest(presented)):
        return anonymous("The API key is invalid")
    now = datetime.now(UTC)
    if grant.revoked:
        return anonymous("The API key has been revoked")
    if grant.expires_at is not None and grant.expires_at <= now:
        return anonymous("The API key has expired")
    if grant.last_used_at is None or now - grant.last_used_at >= LAST_USED_RESOLUTION:
        grant.last_used_at = now
        await db.fetch(_TOUCH_KEY, grant.actor.api_key_id, now)  # autocommit: kept whatever the request does
    return Identity(grant.actor)


async def _load_key_grant(db: Database, prefix: str) -> _KeyGrant:
    rows = await db.fetch(_KEY_ROLES, prefix)
    if not rows:
        return _KeyGrant(None)
    key = rows[0]
    roles = [(row["code"], row["builtin"], row["permissions"]) for row in rows if row["code"] is not None]
    actor = Actor(
        kind=ActorKind.API_KEY,
        api_key_id=key["id"],
        organization_id=key["organization_id"],
        role_codes=frozenset(code for code, _, _ in roles),
        permissions=permissions_of_roles(roles) - PEOPLE_ONLY,  # keys never manage keys
    )
    return _KeyGrant(
        actor, key["secret_hash"], key["revoked_at"] is not None, key["expires_at"], key["last_used_at"]
    )
