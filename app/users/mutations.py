from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from app.auth.actor import Actor, ActorKind
from app.auth.graphql import public, signed_in
from app.graphql.context import Context
from app.users import service
from app.users.types import (
    AuthPayload,
    ChangePasswordInput,
    CurrentUserType,
    LoginUserInput,
    RegisterUserInput,
)

T = TypeVar("T")


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
        signed_in = await checked_password(
            ctx,
            input.email,
            lambda: ctx.read(lambda s: service.login(s, ctx.settings, input.email, input.password)),
        )
        return AuthPayload(token=signed_in.token, user=signed_in.user)

    @strawberry.mutation(
        extensions=signed_in(),
        description="Set a new password (the current one is checked, and throttled as a login). Every "
        "token issued so far ends, on every device; carry on with the token returned.",
    )
    async def change_password(
        self, info: Info[Context, Any], input: ChangePasswordInput
    ) -> AuthPayload | None:
        ctx = info.context
        user_id = signed_in_person(ctx.actor)
        service.check_new_password(input.current_password, input.new_password)
        signed_in = await checked_password(
            ctx,
            user_id,
            lambda: ctx.mutate(
                info,
                lambda s: service.change_password(
                    s, ctx.settings, user_id, input.current_password, input.new_password
                ),
            ),
        )
        return AuthPayload(token=signed_in.token, user=signed_in.user)

    @strawberry.mutation(
        extensions=signed_in(), description="Sign out: the token of this request stops working at once."
    )
    async def logout_user(self, info: Info[Context, Any]) -> CurrentUserType | None:
        ctx = info.context
        user_id = signed_in_person(ctx.actor)
        token_id, expires_at = ctx.actor.token_id, ctx.actor.token_expires_at
        assert token_id is not None  # a person's actor comes with its token
        assert expires_at is not None
        return await ctx.mutate(info, lambda s: service.end_token(s, user_id, token_id, expires_at))

    @strawberry.mutation(
        extensions=signed_in(),
        description="Sign out everywhere: every token of the signed-in user, this one included, stops "
        "working at once on every device.",
    )
    async def logout_everywhere(self, info: Info[Context, Any]) -> CurrentUserType | None:
        ctx = info.context
        user_id = signed_in_person(ctx.actor)
        return await ctx.mutate(info, lambda s: service.end_all_tokens(s, user_id))


def signed_in_person(actor: Actor) -> uuid.UUID:
    """The person the ``signed_in()`` declaration let through."""
    assert actor.user_id is not None
    return actor.user_id


async def checked_password(ctx: Context, account: str | uuid.UUID, attempt: Callable[[], Awaitable[T]]) -> T:
    """``attempt`` a password check of ``account`` (an email, or a signed-in user's id) under the one
    throttle (none in contexts built without one)."""
    if ctx.passwords is None:
        return await attempt()
    email = account if isinstance(account, str) else await ctx.passwords.account_email(account)
    return await ctx.passwords.check(email, ctx.client_address, attempt)
