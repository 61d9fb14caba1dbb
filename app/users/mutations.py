from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.actor import Actor, ActorKind
from app.auth.graphql import public
from app.auth.throttle import throttled_login
from app.graphql.context import Context
from app.users import service
from app.users.types import AuthPayload, LoginUserInput, RegisterUserInput


def _registrant(signed_in: service.SignedIn) -> Actor:
    organization_id = signed_in.organization.id if signed_in.organization else None
    membership_id = signed_in.membership.id if signed_in.membership else None
    return Actor(
        kind=ActorKind.USER,
        user_id=signed_in.user.id,
        organization_id=organization_id,
        membership_id=membership_id,
    )


@strawberry.type
class UserMutations:
    @strawberry.mutation(
        extensions=public(), description="Create a user, an organization, and make them its admin."
    )
    async def register_user(self, info: Info[Context, Any], input: RegisterUserInput) -> AuthPayload | None:
        ctx = info.context
        signed_in = await ctx.mutate(
            info,
            lambda s: service.register(s, ctx.settings, input.email, input.password, input.organization_name),
            audit_as=_registrant,
        )
        return AuthPayload(token=signed_in.token, user=signed_in.user)

    @strawberry.mutation(
        extensions=public(), description="Exchange an email and password for an access token."
    )
    async def login_user(self, info: Info[Context, Any], input: LoginUserInput) -> AuthPayload | None:
        ctx = info.context
        signed_in = await throttled_login(
            ctx.limits,
            input.email,
            ctx.client_address,
            lambda: ctx.read(lambda s: service.login(s, ctx.settings, input.email, input.password)),
        )
        return AuthPayload(token=signed_in.token, user=signed_in.user)
