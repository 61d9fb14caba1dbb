from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.graphql.context import Context
from app.organizations import service
from app.organizations.types import OrganizationType


@strawberry.type
class OrganizationQueries:
    @strawberry.field(extensions=requires(P.ORGANIZATION_VIEW), description="The selected organization.")
    async def organization(self, info: Info[Context, Any]) -> OrganizationType | None:
        org = info.context.actor.org()
        return await info.context.read(lambda s: service.get(s, org))
