from __future__ import annotations

import uuid
from typing import Any

from aiodataloader import DataLoader

from app.graphql.context import Context
from app.organizations.models import Organization
from app.organizations.service import organizations_by_id


def organizations(ctx: Context) -> DataLoader[uuid.UUID, Any]:
    """Organizations by id, for the caller's own memberships (their names, never their contents)."""

    async def batch(ids: list[uuid.UUID]) -> list[Organization | None]:
        found = await ctx.read(lambda session: organizations_by_id(session, ids))
        return [found.get(organization_id) for organization_id in ids]

    return ctx.loader("organizations", batch)
