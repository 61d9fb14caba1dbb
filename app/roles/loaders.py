"""Roles of many memberships, API keys or invitations in one statement per request."""

from __future__ import annotations

import uuid
from typing import Any

from aiodataloader import DataLoader

from app.api_keys.models import ApiKeyRole
from app.graphql.context import Context
from app.members.models import InviteRole, MembershipRole
from app.roles.models import Role
from app.roles.service import roles_by_owner

_LINKS: dict[str, type[MembershipRole] | type[ApiKeyRole] | type[InviteRole]] = {
    "membership": MembershipRole,
    "api_key": ApiKeyRole,
    "invite": InviteRole,
}


def roles_of(ctx: Context, owner: str) -> DataLoader[uuid.UUID, Any]:
    """``owner`` is ``membership``, ``api_key`` or ``invite``; ids come from already-scoped objects."""
    link = _LINKS[owner]

    async def batch(ids: list[uuid.UUID]) -> list[list[Role]]:
        grouped = await ctx.read(lambda session: roles_by_owner(session, link, ids))
        return [grouped.get(owner_id, []) for owner_id in ids]

    return ctx.loader(f"roles_of_{owner}", batch)
