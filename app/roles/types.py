from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.type(name="Role", description="A named set of permissions; built-in roles cannot change.")
class RoleType:
    id: strawberry.ID
    code: str
    name: str
    description: str | None
    permissions: list[str]
    builtin: bool
    is_admin: bool = strawberry.field(
        description="The built-in admin role: only members holding it grant or remove it, and the "
        "organization keeps at least one active member holding it (what a console explains before the click)."
    )
    created_at: datetime
    updated_at: datetime


@strawberry.type(name="PermissionDefinition", description="One permission of the catalogue.")
class PermissionDefinitionType:
    name: str
    description: str


@strawberry.input
class CreateRoleInput:
    code: str
    name: str
    description: str | None = None
    permissions: list[str]


@strawberry.input
class UpdateRoleInput:
    id: strawberry.ID
    name: str | None = None
    description: str | None = None
    permissions: list[str] | None = None


@strawberry.input
class DestroyRoleInput:
    id: strawberry.ID


@strawberry.type
class DestroyRolePayload:
    id: strawberry.ID
