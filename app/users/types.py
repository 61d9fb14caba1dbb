from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.users import service

if TYPE_CHECKING:
    from app.members.types import MembershipType
    from app.users.models import User


@strawberry.type(name="User", description="A person, as their organization's members see them.")
class UserType:
    id: strawberry.ID
    email: str
    created_at: datetime


@strawberry.type(
    name="CurrentUser", description="The signed-in user, with every organization they belong to."
)
class CurrentUserType:
    id: strawberry.ID
    email: str
    created_at: datetime

    @strawberry.field(description="Active memberships, one per organization.")
    async def memberships(
        self,
        root: strawberry.Parent[User],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[Annotated[MembershipType, strawberry.lazy("app.members.types")]]:
        page = window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: service.active_memberships(s, root.id, page))


@strawberry.type
class AuthPayload:
    token: str
    user: CurrentUserType


@strawberry.input
class RegisterUserInput:
    email: str
    password: str
    organization_name: str


@strawberry.input
class LoginUserInput:
    email: str
    password: str


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str
