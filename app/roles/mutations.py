from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.roles import service
from app.roles.types import CreateRoleInput, DestroyRoleInput, DestroyRolePayload, RoleType, UpdateRoleInput


@strawberry.type
class RoleMutations:
    @strawberry.mutation(extensions=requires(P.ROLES_CREATE))
    async def create_role(self, info: Info[Context, Any], input: CreateRoleInput) -> RoleType | None:
        ctx = info.context
        data = service.RoleInput(input.code, input.name, input.description, input.permissions)
        return await ctx.mutate(info, lambda s: service.create_role(s, ctx.actor, data))

    @strawberry.mutation(extensions=requires(P.ROLES_UPDATE))
    async def update_role(self, info: Info[Context, Any], input: UpdateRoleInput) -> RoleType | None:
        ctx, role_id = info.context, parse_id("id", input.id)
        data = service.RoleInput(None, input.name, input.description, input.permissions)
        return await ctx.mutate(info, lambda s: service.update_role(s, ctx.actor, role_id, data))

    @strawberry.mutation(extensions=requires(P.ROLES_DELETE))
    async def destroy_role(
        self, info: Info[Context, Any], input: DestroyRoleInput
    ) -> DestroyRolePayload | None:
        ctx, role_id = info.context, parse_id("id", input.id)
        role = await ctx.mutate(info, lambda s: service.destroy_role(s, ctx.actor, role_id))
        return DestroyRolePayload(id=strawberry.ID(str(role.id)))
