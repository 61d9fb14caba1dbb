from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import authenticated, requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.members import invites, service
from app.members.types import InviteStatusType, InviteType, MembershipType


@strawberry.type
class MemberQueries:
    @strawberry.field(
        extensions=authenticated(), description="The caller's membership in the selected organization."
    )
    def current_membership(self, info: Info[Context, Any]) -> MembershipType | None:
        return info.context.membership

    @strawberry.field(extensions=requires(P.MEMBERS_VIEW))
    async def membership(self, info: Info[Context, Any], id: strawberry.ID) -> MembershipType | None:
        org, membership_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_membership(s, org, membership_id))

    @strawberry.field(extensions=requires(P.MEMBERS_VIEW), description="Invitations, newest first.")
    async def invites(
        self,
        info: Info[Context, Any],
        status: InviteStatusType | None = None,
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[InviteType] | None:
        org, wanted = info.context.actor.org(), status.value if status else None
        page = window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: invites.list_invites(s, org, wanted, page))
