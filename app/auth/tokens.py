"""Signed, expiring access tokens (JWT, HS256 only) and random secrets for keys and invitations."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from app.core.errors import Unauthenticated

ALGORITHM = "HS256"
ISSUER = "billgraph"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a valid access token says: whose it is, at which of the user's token versions it was issued
    (``ver``; raising the user's version ends it), its own id (``jti``, to sign out just this one) and
    when it expires."""

    user_id: uuid.UUID
    version: int
    token_id: str
    expires_at: datetime


def issue_access_token(
    user_id: uuid.UUID, key: str, ttl_seconds: int, version: int = 0, now: datetime | None = None
) -> str:
    issued = now or datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "iss": ISSUER,
        "typ": "access",
        "iat": issued,
        "exp": issued + timedelta(seconds=ttl_seconds),
        "jti": secrets.token_hex(16),
        "ver": version,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


class _VerifiedTokens:
    """Tokens whose signature this process already checked, with their claims: a repeat request skips
    the signature and claims work and only checks the clock. Bounded; keyed by the whole token and key.
    Whether the token was ended (its version, its id) is not decided here but by the identity lookup,
    on every request."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[str, str], AccessClaims] = OrderedDict()

    def get(self, token: str, key: str) -> AccessClaims | None:
        claims = self._entries.get((token, key))
        if claims is None:
            return None
        if datetime.now(UTC) >= claims.expires_at:
            del self._entries[(token, key)]
            return None
        return claims

    def put(self, token: str, key: str, claims: AccessClaims) -> None:
        self._entries[(token, key)] = claims
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)


_verified = _VerifiedTokens()


def read_access_token(token: str, key: str) -> AccessClaims:
    """The claims of a valid token; expired, tampered or foreign tokens are ``Unauthenticated``."""
    known = _verified.get(token, key)
    if known is not None:
        return known
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "exp", "iat", "iss"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("The access token has expired") from None
    except jwt.PyJWTError:
        raise Unauthenticated("The access token is invalid") from None
    if claims.get("typ") != "access":
        raise Unauthenticated("The access token is invalid")
    version, token_id = claims.get("ver", 0), claims.get("jti")
    if type(version) is not int or not isinstance(token_id, str) or not 0 < len(token_id) <= 64:
        raise Unauthenticated("The access token is invalid")
    try:
        user_id = uuid.UUID(claims["sub"])
        expires_at = datetime.fromtimestamp(claims["exp"], UTC)
    except (ValueError, TypeError, OverflowError, OSError):
        raise Unauthenticated("The access token is invalid") from None
    verified = AccessClaims(user_id, version, token_id, expires_at)
    _verified.put(token, key, verified)
    return verified


def random_secret(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def digest(secret: str) -> str:
    """SHA-256 of a high-entropy secret (keys, invite tokens): what is stored instead of the secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


API_KEY_MARKER = "bgk_"
_PREFIX_LENGTH = 12


def new_api_key() -> tuple[str, str]:
    """A fresh ``(prefix, key)``. The prefix is stored in clear to find the key; the key only as a digest."""
    prefix = secrets.token_hex(_PREFIX_LENGTH // 2)
    return prefix, f"{API_KEY_MARKER}{prefix}_{secrets.token_urlsafe(32)}"


def api_key_prefix(key: str) -> str | None:
    """The prefix of something shaped like an API key, else ``None``."""
    if not key.startswith(API_KEY_MARKER):
        return None
    prefix, _, rest = key.removeprefix(API_KEY_MARKER).partition("_")
    if len(prefix) != _PREFIX_LENGTH or not rest:
        return None
    return prefix
