from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.audit.models import ActorType, AuditLog
from app.graphql.context import Context
from app.users.loaders import users
from app.users.types import UserType

strawberry.enum(ActorType, name="AuditActorType")


@strawberry.type(
    name="AuditLog", description="One successful mutation: who, what, which object, what changed."
)
class AuditLogType:
    id: strawberry.ID
    created_at: datetime
    operation: str
    object_type: str | None
    object_id: strawberry.ID | None
    actor_type: ActorType
    actor_user_id: strawberry.ID | None
    actor_api_key_id: strawberry.ID | None
    request_id: str | None
    changes: JSON = strawberry.field(
        description="Objects created, updated (with old and new values) and deleted; secrets redacted."
    )

    @strawberry.field
    async def actor_user(
        self, root: strawberry.Parent[AuditLog], info: Info[Context, Any]
    ) -> UserType | None:
        if root.actor_user_id is None:
            return None
        return await users(info.context).load(root.actor_user_id)
