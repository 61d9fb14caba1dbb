"""Calling the graph as someone, and making organizations, members and keys to call it as."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.api_keys import service as api_keys
from app.auth.actor import ANONYMOUS, Actor, ActorKind, permissions_of_roles
from app.auth.permissions import ADMIN
from app.db.engine import Database
from app.members import service as members
from app.members.models import Membership
from app.organizations import service as organizations
from app.roles import service as roles
from app.settings import Settings
from app.users import service as users

PASSWORD = "correct horse battery"
_serial = itertools.count(1)


@dataclass
class Response:
    status: int
    body: dict[str, Any]

    @property
    def data(self) -> dict[str, Any] | None:
        return self.body.get("data")

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.body.get("errors") or []

    @property
    def codes(self) -> list[str]:
        return [error["extensions"]["code"] for error in self.errors]

    def ok(self, name: str | None = None) -> Any:
        assert not self.errors, self.errors
        assert self.data is not None
        return self.data[name] if name else self.data

    def error(self) -> dict[str, Any]:
        """The single error of the response."""
        assert len(self.errors) == 1, self.body
        return self.errors[0]

    @property
    def code(self) -> str:
        return str(self.error()["extensions"]["code"])


@dataclass
class Member:
    email: str
    user_id: uuid.UUID
    organization_id: uuid.UUID
    membership_id: uuid.UUID
    token: str
    roles: tuple[str, ...]
    api: Api
    org_header: bool = False

    async def __call__(self, query: str, **variables: Any) -> Response:
        org = self.organization_id if self.org_header else None
        return await self.api(query, variables, token=self.token, org=org)


@dataclass
class Key:
    secret: str
    id: uuid.UUID
    organization_id: uuid.UUID
    api: Api

    async def __call__(self, query: str, **variables: Any) -> Response:
        return await self.api(query, variables, token=self.secret)


@dataclass
class Org:
    id: uuid.UUID
    name: str
    admin: Member
    members: list[Member] = field(default_factory=list)


class Api:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        org: uuid.UUID | str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        sent = dict(headers or {})
        if token is not None:
            sent["authorization"] = f"Bearer {token}"
        if org is not None:
            sent["x-organization-id"] = str(org)
        reply = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=sent
        )
        return Response(reply.status_code, reply.json())

    async def anonymous(self, query: str, **variables: Any) -> Response:
        return await self(query, variables)


def actor_for(member: Member) -> Actor:
    """An in-process actor equal to what the server computes for ``member`` (for service-level tests)."""
    from app.auth.permissions import BUILTIN_ROLES

    return Actor(
        kind=ActorKind.USER,
        user_id=member.user_id,
        organization_id=member.organization_id,
        membership_id=member.membership_id,
        role_codes=frozenset(member.roles),
        permissions=permissions_of_roles((code, code in BUILTIN_ROLES, []) for code in member.roles),
    )


class Factory:
    """Creates data through the services (not the API under test), committed for the test's requests."""

    def __init__(self, db: Database, settings: Settings, api: Api) -> None:
        self.db = db
        self.settings = settings
        self.api = api

    async def organization(self, name: str | None = None) -> Org:
        serial = next(_serial)
        email = f"admin{serial}@example.com"
        async with self.db.sessionmaker() as session:
            user = await users.create_user(session, self.settings, email, PASSWORD)
            organization, membership = await organizations.create_with_admin(
                session, name or f"Org {serial}", user
            )
            await session.commit()
        admin = Member(
            email,
            user.id,
            organization.id,
            membership.id,
            users.access_token(self.settings, user),
            (ADMIN,),
            self.api,
        )
        return Org(organization.id, organization.name, admin, [admin])

    async def member(self, org: Org, *role_codes: str, email: str | None = None) -> Member:
        email = email or f"member{next(_serial)}@example.com"
        async with self.db.sessionmaker() as session:
            user = await users.find_by_email(session, email) or await users.create_user(
                session, self.settings, email, PASSWORD
            )
            membership = Membership(organization_id=org.id, user_id=user.id)
            session.add(membership)
            await session.flush()
            wanted = await roles.resolve_codes(session, org.id, list(role_codes))
            await members.set_roles(session, org.id, membership, wanted)
            await session.commit()
        member = Member(
            email,
            user.id,
            org.id,
            membership.id,
            users.access_token(self.settings, user),
            role_codes,
            self.api,
        )
        org.members.append(member)
        return member

    async def role(self, org: Org, code: str, permissions: list[str]) -> uuid.UUID:
        async with self.db.sessionmaker() as session:
            role = await roles.create_role(
                session, actor_for(org.admin), roles.RoleInput(code, code.title(), None, permissions)
            )
            await session.commit()
        return role.id

    async def api_key(self, org: Org, *role_codes: str, expires_at: Any = None) -> Key:
        async with self.db.sessionmaker() as session:
            issued = await api_keys.create_key(
                session, actor_for(org.admin), "test key", list(role_codes), expires_at
            )
            await session.commit()
        return Key(issued.secret, issued.api_key.id, org.id, self.api)


__all__ = ["ANONYMOUS", "PASSWORD", "Api", "Factory", "Key", "Member", "Org", "Response", "actor_for"]
