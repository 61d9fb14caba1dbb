"""The per-request GraphQL context: the actor, the unit of work, the settings and fresh dataloaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiodataloader import DataLoader
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from app.audit import service as audit
from app.audit.capture import capture_changes
from app.auth.actor import Actor
from app.auth.identity import MembershipSnapshot
from app.auth.login_throttle import PasswordThrottle
from app.db.unit_of_work import UnitOfWork
from app.settings import Settings

T = TypeVar("T")

# Models whose changes alter who may do what (the identity cache must forget them); User for its
# token version, EndedToken for a signed-out token.
_AUTHORIZATION_TYPES = frozenset(
    {"Membership", "MembershipRole", "Role", "ApiKey", "ApiKeyRole", "User", "EndedToken"}
)


@dataclass
class Context:
    request_id: str
    actor: Actor
    uow: UnitOfWork
    settings: Settings
    operation_name: str | None = None
    membership: MembershipSnapshot | None = None  # the caller's own, loaded with the actor
    passwords: PasswordThrottle | None = None  # every password check goes through it
    client_address: str = ""
    changed_authorization: bool = False  # a mutation changed memberships, roles or keys
    committed_changes: list[dict[str, Any]] = field(default_factory=list)  # counted once committed
    _loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict)

    def loader(
        self, name: str, batch: Callable[[list[Any]], Coroutine[Any, Any, list[Any]]]
    ) -> DataLoader[Any, Any]:
        """The request's loader called ``name``, created on first use around ``batch``."""
        found = self._loaders.get(name)
        if found is None:
            found = self._loaders[name] = DataLoader(batch)
        return found

    def release(self) -> None:
        """Drop the loaders once the request has executed. Each loader's batch function refers back
        to this context, so without this every object the request loaded would wait in a reference
        cycle for a full garbage collection (pauses of a hundred milliseconds under load)."""
        self._loaders.clear()

    async def read(self, fn: Callable[[AsyncSession], Awaitable[T]]) -> T:
        async with self.uow.read() as session:
            return await fn(session)

    async def mutate(
        self,
        info: Info[Context, Any],
        fn: Callable[[AsyncSession], Awaitable[T]],
        *,
        audit_as: Callable[[T], Actor] | None = None,
        unscoped: bool = False,
    ) -> T:
        """Run one mutation in its own savepoint and write its audit entry in the same transaction.

        This is the only way to a committed write: the request commits only if a mutation succeeded.
        ``audit_as`` names the actor for public mutations that create one (sign-up, accepting an invite);
        ``unscoped`` lifts the caller's organization scope for it (see ``UnitOfWork.write``).
        """
        async with self.uow.write(unscoped=unscoped) as session:
            with capture_changes(session) as changes:
                result = await fn(session)
                await session.flush()
            changes.extend(getattr(result, "audit_changes", []))  # what raw SQL did, as the result says
            if any(change["type"] in _AUTHORIZATION_TYPES for change in changes):
                self.changed_authorization = True
            await audit.record(
                session,
                actor=audit_as(result) if audit_as else self.actor,
                operation=info.field_name,
                result=result,
                changes=changes,
                request_id=self.request_id,
            )
        self.committed_changes.extend(changes)  # the savepoint held: counted when the request commits
        self._loaders.clear()  # what was loaded before this write may have changed
        return result


def context(info: Info[Context, Any]) -> Context:
    return info.context
