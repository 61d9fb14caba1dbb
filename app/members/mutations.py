from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.actor import Actor, ActorKind
from app.auth.graphql import public, requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.members import invites, service
from app.members.types import (
    AcceptInviteInput,
    CreateInviteInput,
    CreateInvitePayload,
    InviteType,
    MembershipType,
    RevokeInviteInput,
    RevokeMembershipInput,
    UpdateMembershipInput,
)
from app.users.types import AuthPayload


def _invitee(accepted: invites.AcceptedInvite) -> Actor:
    m = accepted.membership
    return Actor(
        kind=ActorKind.USER, user_id=m.user_id, organization_id=m.organization_id, membership_id=m.id
    )


@strawberry.type
class MemberMutations:
    @strawberry.mutation(extensions=requires(P.MEMBERS_CREATE))
    async def create_invite(
        self, info: Info[Context, Any], input: CreateInviteInput
    ) -> CreateInvitePayload | None:
        ctx = info.context
        created = await ctx.mutate(
            info, lambda s: invites.create_invite(s, ctx.actor, ctx.settings, input.email, input.roles)
        )
        return CreateInvitePayload(invite=created.invite)

    @strawberry.mutation(extensions=requires(P.MEMBERS_DELETE))
    async def revoke_invite(self, info: Info[Context, Any], input: RevokeInviteInput) -> InviteType | None:
        ctx, invite_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: invites.revoke_invite(s, ctx.actor, invite_id))

    @strawberry.mutation(
        extensions=public(),
        description="Join an organization with an invitation token: a new account sets its password; "
        "an existing account accepts signed in as itself, with no password.",
    )
    async def accept_invite(self, info: Info[Context, Any], input: AcceptInviteInput) -> AuthPayload | None:
        ctx = info.context
        accepted = await ctx.mutate(
            info,
            lambda s: invites.accept_invite(s, ctx.settings, ctx.actor, input.token, input.password),
            audit_as=_invitee,
            unscoped=True,  # the invitation belongs to another organization than the caller's
        )
        return AuthPayload(token=accepted.token, user=accepted.user)

    @strawberry.mutation(extensions=requires(P.MEMBERS_UPDATE), description="Replace a member's roles.")
    async def update_membership(
        self, info: Info[Context, Any], input: UpdateMembershipInput
    ) -> MembershipType | None:
        ctx, membership_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(
            info, lambda s: service.update_membership(s, ctx.actor, membership_id, input.roles)
        )

    @strawberry.mutation(extensions=requires(P.MEMBERS_DELETE))
    async def revoke_membership(
        self, info: Info[Context, Any], input: RevokeMembershipInput
    ) -> MembershipType | None:
        ctx, membership_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.revoke_membership(s, ctx.actor, membership_id))
