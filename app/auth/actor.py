"""The caller of a request: who, in which organization, holding which permissions (computed once)."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from app.auth.permissions import ADMIN, ALL_PERMISSIONS, BUILTIN_ROLES
from app.core.errors import Forbidden


class ActorKind(enum.Enum):
    ANONYMOUS = "anonymous"
    USER = "user"
    API_KEY = "api_key"


@dataclass(frozen=True, slots=True)
class Actor:
    kind: ActorKind
    permissions: frozenset[str] = frozenset()
    role_codes: frozenset[str] = frozenset()
    organization_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    membership_id: uuid.UUID | None = None
    # The access token a user came with: its id and expiry, for signing out just this one.
    token_id: str | None = None
    token_expires_at: datetime | None = field(default=None, compare=False)
    # Why the credentials that came with the request were refused (anonymous actors only).
    credential_error: str | None = field(default=None, compare=False)

    @property
    def authenticated(self) -> bool:
        return self.kind is not ActorKind.ANONYMOUS

    @property
    def is_admin(self) -> bool:
        return ADMIN in self.role_codes

    def org(self) -> uuid.UUID:
        """The organization the caller acts in; services call this for every scoped query."""
        if self.organization_id is None:
            raise Forbidden([], "Select an organization (X-Organization-Id) to do this")
        return self.organization_id

    def ensure_can_grant(self, permissions: Iterable[str]) -> None:
        """Nobody hands out a permission they do not hold themselves (no escalation through roles)."""
        missing = set(permissions) - self.permissions
        if missing:
            raise Forbidden(
                missing, "You cannot grant permissions you do not hold: " + ", ".join(sorted(missing))
            )


ANONYMOUS = Actor(kind=ActorKind.ANONYMOUS)


def permissions_of_roles(roles: Iterable[tuple[str, bool, list[str] | None]]) -> frozenset[str]:
    """Union of the permissions of ``(code, builtin, permissions)`` rows; built-ins come from code."""
    granted: set[str] = set()
    for code, builtin, names in roles:
        if builtin:
            granted |= BUILTIN_ROLES[code].permissions
        else:
            granted |= set(names or ()) & ALL_PERMISSIONS
    return frozenset(granted)
