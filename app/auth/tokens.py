"""Signed, expiring access tokens (JWT, HS256 only) and random secrets for keys and invitations."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections import OrderedDict
from datetime import UTC, datetime, timedelta

import jwt

from app.core.errors import Unauthenticated

ALGORITHM = "HS256"
ISSUER = "billgraph"


def issue_access_token(user_id: uuid.UUID, key: str, ttl_seconds: int, now: datetime | None = None) -> str:
    issued = now or datetime.now(UTC)
    claims = {
        "sub": str(user_id),
        "iss": ISSUER,
        "typ": "access",
        "iat": issued,
        "exp": issued + timedelta(seconds=ttl_seconds),
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


class _VerifiedTokens:
    """Tokens whose signature this process already checked, with their expiry: a repeat request skips
    the signature and claims work and only checks the clock. Bounded; keyed by the whole token and key."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[str, str], tuple[uuid.UUID, float]] = OrderedDict()

    def get(self, token: str, key: str) -> uuid.UUID | None:
        entry = self._entries.get((token, key))
        if entry is None:
            return None
        user_id, expires = entry
        if time.time() >= expires:
            del self._entries[(token, key)]
            return None
        return user_id

    def put(self, token: str, key: str, user_id: uuid.UUID, expires: float) -> None:
        self._entries[(token, key)] = (user_id, expires)
        if len(self._entries) > self.size:
            self._entries.popitem(last=False)


_verified = _VerifiedTokens()


def read_access_token(token: str, key: str) -> uuid.UUID:
    """The user id of a valid token; expired, tampered or foreign tokens are ``Unauthenticated``."""
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
    try:
        user_id = uuid.UUID(claims["sub"])
    except (ValueError, TypeError):
        raise Unauthenticated("The access token is invalid") from None
    _verified.put(token, key, user_id, float(claims["exp"]))
    return user_id


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
