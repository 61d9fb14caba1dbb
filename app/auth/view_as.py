""" "View as": a request naming a role in ``X-View-As-Role`` is answered with the caller's permissions
narrowed to that role's, so an admin previews exactly what the server gives the role.

The narrowed set is the intersection of the caller's permissions and the role's: it never widens what
the caller holds, whatever the role (a caller viewing as a role with more than they hold keeps only
their own). The caller's role codes are narrowed the same way, so rules that read a role (the last
admin, granting admin) see the preview too. Mutations are refused like any other request's when the
narrowed set lacks their permission. A role that is neither built in nor the organization's is
``VALIDATION_ERROR`` naming the header; without an organization there is nothing to narrow.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from app.auth.actor import permissions_of_roles
from app.auth.cache import IdentityCache
from app.auth.identity import Identity
from app.auth.permissions import BUILTIN_ROLES
from app.core.errors import ValidationFailed
from app.db.engine import Database

HEADER = "x-view-as-role"
FIELD = "X-View-As-Role"

_ROLE = """
SELECT permissions FROM roles WHERE organization_id = $1 AND code = $2"""


async def narrowed(db: Database, cache: IdentityCache, identity: Identity, role_code: str | None) -> Identity:
    """``identity`` narrowed to ``role_code``'s permissions (unchanged without a role code)."""
    actor = identity.actor
    if role_code is None or actor.organization_id is None:
        return identity
    code = role_code.strip()
    if code == "":
        raise ValidationFailed.one(FIELD, "must name a role")
    permissions = await _role_permissions(db, cache, actor.organization_id, code)
    if permissions is None:
        raise ValidationFailed.one(FIELD, f"{code!r} is not a role of this organization")
    narrowed_actor = replace(
        actor, permissions=actor.permissions & permissions, role_codes=actor.role_codes & {code}
    )
    return replace(identity, actor=narrowed_actor)


async def _role_permissions(
    db: Database, cache: IdentityCache, organization_id: uuid.UUID, code: str
) -> frozenset[str] | None:
    if code in BUILTIN_ROLES:
        return BUILTIN_ROLES[code].permissions
    key = ("view_as", organization_id, code)
    cached = cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    generation = cache.generation
    rows = await db.fetch(_ROLE, organization_id, code)
    if not rows:
        return None
    permissions = permissions_of_roles([(code, False, rows[0]["permissions"])])
    cache.put(key, permissions, generation)
    return permissions
