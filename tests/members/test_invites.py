"""Invitations: the token is shown once; accepting makes a member (and a user if new)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.db.engine import Database
from app.members.models import Invite
from tests.helpers import PASSWORD, Api, Factory

INVITE = """
mutation($input: CreateInviteInput!) {
  createInvite(input: $input) { invite { id token email status roles { code } invitedBy { email } } }
}"""
ACCEPT = """
mutation($input: AcceptInviteInput!) {
  acceptInvite(input: $input) { token user { email memberships { organization { name } roles { code } } } }
}"""
REVOKE = "mutation($input: RevokeInviteInput!) { revokeInvite(input: $input) { id status } }"
INVITES = "{ invites { email status token roles { code } } }"


async def test_an_invited_newcomer_accepts_and_becomes_a_member(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    created = (await org.admin(INVITE, input={"email": "New@Example.com", "roles": ["manager"]})).ok(
        "createInvite"
    )
    accepted = await api(ACCEPT, {"input": {"token": created["invite"]["token"], "password": PASSWORD}})

    invite = created["invite"]
    assert invite["email"] == "new@example.com"
    assert invite["status"] == "PENDING"
    assert invite["roles"] == [{"code": "manager"}]
    assert invite["invitedBy"] == {"email": org.admin.email}
    payload = accepted.ok("acceptInvite")
    assert payload["user"] == {
        "email": "new@example.com",
        "memberships": [{"organization": {"name": org.name}, "roles": [{"code": "manager"}]}],
    }
    me = await api("{ currentMembership { permissions } }", token=payload["token"])
    assert "subscriptions:create" in me.ok("currentMembership")["permissions"]


async def test_the_token_is_shown_once_and_only_its_digest_is_stored(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    token = (await org.admin(INVITE, input={"email": "a@example.com", "roles": ["finance"]})).ok(
        "createInvite"
    )["invite"]["token"]

    listed = (await org.admin(INVITES)).ok("invites")

    assert listed == [
        {"email": "a@example.com", "status": "PENDING", "token": None, "roles": [{"code": "finance"}]}
    ]
    async with db.sessionmaker() as session:
        stored = (await session.scalars(sa.select(Invite.token_hash))).all()
    assert token not in stored
    assert len(stored[0]) == 64


async def test_an_existing_user_joins_a_second_organization_signed_in_as_themselves(
    api: Api, factory: Factory
) -> None:
    first, second = await factory.organization("First"), await factory.organization("Second")
    stranger = await factory.organization("Third")
    token = (await second.admin(INVITE, input={"email": first.admin.email, "roles": ["finance"]})).ok(
        "createInvite"
    )["invite"]["token"]

    with_password = await api(ACCEPT, {"input": {"token": token, "password": PASSWORD}})
    as_someone_else = await api(ACCEPT, {"input": {"token": token}}, token=stranger.admin.token)
    as_themselves = await api(ACCEPT, {"input": {"token": token}}, token=first.admin.token)

    assert with_password.code == "UNAUTHENTICATED"  # the right password, anonymously: never checked
    assert as_someone_else.code == "FORBIDDEN"
    memberships = as_themselves.ok("acceptInvite")["user"]["memberships"]
    assert [m["organization"]["name"] for m in memberships] == ["First", "Second"]


async def test_a_newcomer_must_set_a_password(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    token = (await org.admin(INVITE, input={"email": "fresh@example.com", "roles": ["manager"]})).ok(
        "createInvite"
    )["invite"]["token"]

    without = await api(ACCEPT, {"input": {"token": token}})

    assert without.code == "VALIDATION_ERROR"
    assert without.error()["extensions"]["fields"] == {
        "password": "is required to create the invited account"
    }


async def test_a_used_revoked_or_expired_invitation_is_not_found(
    api: Api, factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    used, revoked, expired = [
        (await org.admin(INVITE, input={"email": f"{name}@example.com", "roles": ["manager"]})).ok(
            "createInvite"
        )["invite"]
        for name in ("used", "revoked", "expired")
    ]
    (await api(ACCEPT, {"input": {"token": used["token"], "password": PASSWORD}})).ok()
    assert (await org.admin(REVOKE, input={"id": revoked["id"]})).ok("revokeInvite")["status"] == "REVOKED"
    async with db.sessionmaker() as session:
        await session.execute(
            sa.update(Invite)
            .where(Invite.id == expired["id"])
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await session.commit()

    answers = [
        await api(ACCEPT, {"input": {"token": i["token"], "password": PASSWORD}})
        for i in (used, revoked, expired)
    ]
    statuses = {i["email"]: i["status"] for i in (await org.admin(INVITES)).ok("invites")}

    assert [a.code for a in answers] == ["NOT_FOUND"] * 3
    assert statuses == {
        "used@example.com": "ACCEPTED",
        "revoked@example.com": "REVOKED",
        "expired@example.com": "EXPIRED",
    }


async def test_inviting_a_member_or_a_pending_email_is_refused(factory: Factory) -> None:
    org = await factory.organization()
    member = await factory.member(org, "manager")
    (await org.admin(INVITE, input={"email": "p@example.com", "roles": ["finance"]})).ok()

    already_member = await org.admin(INVITE, input={"email": member.email, "roles": ["finance"]})
    pending = await org.admin(INVITE, input={"email": "P@example.com", "roles": ["finance"]})
    bad = await org.admin(INVITE, input={"email": "nope", "roles": ["nope"]})

    assert already_member.error()["extensions"]["fields"] == {
        "email": "is already a member of the organization"
    }
    assert pending.error()["extensions"]["fields"] == {"email": "already has a pending invitation"}
    assert bad.error()["extensions"]["fields"] == {"email": "is not a valid email address"}


async def test_unknown_roles_are_named(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(INVITE, input={"email": "x@example.com", "roles": ["manager", "wizard"]})

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {"roles": "unknown role: wizard"}


async def test_only_an_admin_invites_an_admin(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(org, "recruiter", ["organization:members:create", "organization:members:view"])
    recruiter = await factory.member(org, "recruiter")

    as_admin = await recruiter(INVITE, input={"email": "boss@example.com", "roles": ["admin"]})
    beyond_own = await recruiter(INVITE, input={"email": "m@example.com", "roles": ["manager"]})
    within_own = await recruiter(INVITE, input={"email": "r@example.com", "roles": ["recruiter"]})

    assert as_admin.code == "FORBIDDEN"
    assert as_admin.error()["extensions"]["requiredRoles"] == ["admin"]
    assert beyond_own.code == "FORBIDDEN"  # manager holds permissions the recruiter does not
    assert within_own.ok("createInvite")["invite"]["roles"] == [{"code": "recruiter"}]


async def test_invitations_need_their_permissions(factory: Factory) -> None:
    org = await factory.organization()
    manager = await factory.member(org, "manager")
    invite_id = (await org.admin(INVITE, input={"email": "x@example.com", "roles": ["finance"]})).ok(
        "createInvite"
    )["invite"]["id"]

    responses = [
        await manager(INVITE, input={"email": "y@example.com", "roles": ["finance"]}),
        await manager(REVOKE, input={"id": invite_id}),
        await manager(INVITES),
    ]

    assert [r.error()["extensions"]["requiredPermissions"] for r in responses] == [
        ["organization:members:create"],
        ["organization:members:delete"],
        ["organization:members:view"],
    ]
