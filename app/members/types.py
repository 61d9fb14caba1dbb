from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.actor import permissions_of_roles
from app.graphql.context import Context
from app.members.models import Invite, InviteStatus, Membership, MembershipStatus
from app.organizations.loaders import organizations
from app.roles.loaders import roles_of
from app.roles.types import RoleType
from app.users.loaders import users
from app.users.types import UserType

strawberry.enum(MembershipStatus, name="MembershipStatus")


@strawberry.type(
    name="MembershipOrganization", description="The organization of a membership: who, not what."
)
class MembershipOrganizationType:
    id: strawberry.ID
    name: str


@strawberry.type(name="Membership", description="A user in an organization, holding roles.")
class MembershipType:
    id: strawberry.ID
    status: MembershipStatus
    created_at: datetime
    updated_at: datetime
    revoked_at: datetime | None

    @strawberry.field
    async def user(self, root: strawberry.Parent[Membership], info: Info[Context, Any]) -> UserType:
        return await users(info.context).load(root.user_id)

    @strawberry.field
    async def organization(
        self, root: strawberry.Parent[Membership], info: Info[Context, Any]
    ) -> MembershipOrganizationType:
        return await organizations(info.context).load(root.organization_id)

    @strawberry.field
    async def roles(self, root: strawberry.Parent[Membership], info: Info[Context, Any]) -> list[RoleType]:
        return await roles_of(info.context, "membership").load(root.id)

    @strawberry.field(description="Names of every permission the roles grant (what the front end shows).")
    def permissions(self, root: strawberry.Parent[Membership], info: Info[Context, Any]) -> list[str]:
        # A plain function: the caller's own permissions are known already and answered at once; any
        # other membership's come from the roles loader as an awaitable, which GraphQL awaits.
        actor = info.context.actor
        if root.id == actor.membership_id:
            return sorted(actor.permissions)
        return _permissions_from_roles(info.context, root.id)


async def _permissions_from_roles(ctx: Context, membership_id: uuid.UUID) -> list[str]:
    held = await roles_of(ctx, "membership").load(membership_id)
    return sorted(permissions_of_roles((r.code, r.builtin, r.permission_names) for r in held))


@strawberry.enum(name="InviteStatus")
class InviteStatusType(enum.Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REVOKED = "revoked"
    EXPIRED = "expired"


@strawberry.type(name="Invite", description="An invitation to join with roles.")
class InviteType:
    id: strawberry.ID
    email: str
    expires_at: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime

    @strawberry.field
    def status(self, root: strawberry.Parent[Invite]) -> InviteStatusType:
        if root.status is InviteStatus.PENDING and root.expires_at <= datetime.now(UTC):
            return InviteStatusType.EXPIRED
        return InviteStatusType(root.status.value)

    @strawberry.field(description="The secret for the invitation link: only in the createInvite response.")
    def token(self, root: strawberry.Parent[Invite]) -> str | None:
        return root.revealed_token

    @strawberry.field
    async def roles(self, root: strawberry.Parent[Invite], info: Info[Context, Any]) -> list[RoleType]:
        return await roles_of(info.context, "invite").load(root.id)

    @strawberry.field
    async def invited_by(self, root: strawberry.Parent[Invite], info: Info[Context, Any]) -> UserType | None:
        if root.invited_by_user_id is None:
            return None
        return await users(info.context).load(root.invited_by_user_id)


@strawberry.type
class CreateInvitePayload:
    invite: InviteType


@strawberry.input
class CreateInviteInput:
    email: str
    roles: list[str]


@strawberry.input
class AcceptInviteInput:
    token: str
    password: str | None = strawberry.field(
        default=None, description="The new account's password; not sent when the account exists."
    )


@strawberry.input
class RevokeInviteInput:
    id: strawberry.ID


@strawberry.input
class UpdateMembershipInput:
    id: strawberry.ID
    roles: list[str]


@strawberry.input
class RevokeMembershipInput:
    id: strawberry.ID
