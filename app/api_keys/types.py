from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.api_keys.models import ApiKey
from app.graphql.context import Context
from app.roles.loaders import roles_of
from app.roles.types import RoleType


@strawberry.enum(name="ApiKeyStatus")
class ApiKeyStatus(enum.Enum):
    ACTIVE = "active"
    REVOKED = "revoked"
    EXPIRED = "expired"


@strawberry.type(name="ApiKey", description="A key for a partner integration. Its secret is never readable.")
class ApiKeyType:
    id: strawberry.ID
    name: str
    prefix: str = strawberry.field(
        description="Public part of the key, to recognise it (`bgk_<prefix>_...`)."
    )
    expires_at: datetime | None
    revoked_at: datetime | None
    rotated_at: datetime | None
    last_used_at: datetime | None = strawberry.field(
        description="Last authenticated request (to the minute)."
    )
    created_at: datetime

    @strawberry.field
    def status(self, root: strawberry.Parent[ApiKey]) -> ApiKeyStatus:
        if root.revoked_at is not None:
            return ApiKeyStatus.REVOKED
        if root.expires_at is not None and root.expires_at <= datetime.now(UTC):
            return ApiKeyStatus.EXPIRED
        return ApiKeyStatus.ACTIVE

    @strawberry.field
    async def roles(self, root: strawberry.Parent[ApiKey], info: Info[Context, Any]) -> list[RoleType]:
        return await roles_of(info.context, "api_key").load(root.id)


@strawberry.type
class IssuedApiKeyPayload:
    api_key: ApiKeyType
    secret: str = strawberry.field(description="The key itself. Shown once: store it now.")


@strawberry.input
class CreateApiKeyInput:
    name: str
    roles: list[str]
    expires_at: datetime | None = None


@strawberry.input
class ApiKeyIdInput:
    id: strawberry.ID
