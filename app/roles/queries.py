from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import authenticated, requires
from app.auth.permissions import P, Permission
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.roles import service
from app.roles.types import PermissionDefinitionType, RoleType


@strawberry.type
class RoleQueries:
    @strawberry.field(extensions=requires(P.ROLES_VIEW), description="Built-in and custom roles.")
    async def roles(
        self, info: Info[Context, Any], limit: Limit = None, offset: Offset = None
    ) -> list[RoleType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: service.list_roles(s, org, page))

    @strawberry.field(extensions=requires(P.ROLES_VIEW))
    async def role(self, info: Info[Context, Any], id: strawberry.ID) -> RoleType | None:
        org, role_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_role(s, org, role_id))

    @strawberry.field(extensions=authenticated(), description="The permission catalogue.")
    def permissions(self) -> list[PermissionDefinitionType] | None:
        return [PermissionDefinitionType(name=p.value, description=p.description) for p in Permission]
