"""Declared authorization for the graph.

Operations and sensitive fields declare what they need with ``requires(...)``, ``authenticated()`` or
``public()``. Each is a Strawberry permission checked synchronously against the actor's permission set
(computed once per request) before the resolver runs, so a denial never touches the database and never
reveals whether an object exists. Each also prints as a schema directive, so ``schema.graphql`` shows the
authorization of every field and its diffs show every change of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema_directive import Location

from app.auth.permissions import Permission
from app.core.errors import Forbidden, Unauthenticated

if TYPE_CHECKING:
    from strawberry.types import Info

    from app.auth.actor import Actor


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="requires",
    description="The caller needs every one of these permissions; otherwise the field is null and "
    "a FORBIDDEN error names them.",
)
class RequiresDirective:
    permissions: list[str]


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="authenticated",
    description="Any signed-in user or API key; no permission needed.",
)
class AuthenticatedDirective:
    pass


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="signedIn",
    description="A signed-in person acting on their own account (password, sessions); API keys are "
    "refused with FORBIDDEN.",
)
class SignedInDirective:
    pass


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="public",
    description="Open to anonymous callers (sign-up, sign-in, accepting an invitation).",
)
class PublicDirective:
    pass


def _authenticated_actor(info: Info[Any, Any]) -> Actor:
    actor: Actor = info.context.actor
    if not actor.authenticated:
        raise Unauthenticated(actor.credential_error or "Authentication required")
    return actor


class _Declared(BasePermission):
    """A declaration that prints as its own schema directive."""

    directive: object

    @property
    def schema_directive(self) -> object:
        return self.directive


class HasPermissions(_Declared):
    """The caller holds every listed permission."""

    def __init__(self, *required: Permission) -> None:
        self.required = tuple(permission.value for permission in required)
        self.directive = RequiresDirective(permissions=list(self.required))

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        actor = _authenticated_actor(info)
        for name in self.required:
            if name not in actor.permissions:
                raise Forbidden(self.required)
        return True


class IsAuthenticated(_Declared):
    def __init__(self) -> None:
        self.directive = AuthenticatedDirective()

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        _authenticated_actor(info)
        return True


class IsSignedIn(_Declared):
    def __init__(self) -> None:
        self.directive = SignedInDirective()

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        actor = _authenticated_actor(info)
        if actor.user_id is None or actor.token_id is None:
            raise Forbidden([], "Only a signed-in person can do this, not an API key")
        return True


class IsPublic(_Declared):
    def __init__(self) -> None:
        self.directive = PublicDirective()

    def has_permission(self, source: Any, info: Info[Any, Any], **kwargs: Any) -> bool:
        return True


class Declared(PermissionExtension):
    """Strawberry's permission extension, minus its generality: our permissions are synchronous and raise
    their own error, so the check is a plain call and an async field's resolver is handed back as is,
    without the two extra coroutines per object the general version creates (a 1,000-row list with
    seven guarded fields: +20 % over no checks with it, a few % without; scripts/bench_authz.py)."""

    def _check(self, source: Any, info: Info[Any, Any], kwargs: dict[str, Any]) -> None:
        for permission in self.permissions:
            if permission.has_permission(source, info, **kwargs) is not True:
                permission.on_unauthorized()  # raises the permission's error
                raise PermissionError(type(permission).__name__)

    def resolve(self, next_: Any, source: Any, info: Info[Any, Any], **kwargs: Any) -> Any:
        self._check(source, info, kwargs)
        return next_(source, info, **kwargs)

    def resolve_async(self, next_: Any, source: Any, info: Info[Any, Any], **kwargs: Any) -> Any:
        """Not ``async def``: returns the resolver's own awaitable, which the caller awaits."""
        self._check(source, info, kwargs)
        return next_(source, info, **kwargs)


def requires(*permissions: Permission) -> list[FieldExtension]:
    """Field extensions for ``@strawberry.field(extensions=requires(P.X))``."""
    if not permissions:
        raise ValueError("requires() needs at least one permission")
    return [Declared([HasPermissions(*permissions)])]


def authenticated() -> list[FieldExtension]:
    return [Declared([IsAuthenticated()])]


def signed_in() -> list[FieldExtension]:
    """The caller's own account: a person with an access token, never an API key."""
    return [Declared([IsSignedIn()])]


def public() -> list[FieldExtension]:
    return [Declared([IsPublic()])]
