"""Memberships: roles change, members are revoked; an organization never loses its last admin, and
only an admin grants or removes the admin role."""

from __future__ import annotations

import asyncio

import httpx

from app.db.engine import Database
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import Api, Factory

UPDATE = """
mutation($input: UpdateMembershipInput!) {
  updateMembership(input: $input) { id roles { code } permissions }
}"""
REVOKE = (
    "mutation($input: RevokeMembershipInput!) { revokeMembership(input: $input) { id status revokedAt } }"
)
MEMBERS = "{ organization { members { user { email } status roles { code } } } }"


async def test_admin_changes_a_members_roles(factory: Factory) -> None:
    org = await factory.organization()
    member = await factory.member(org, "manager")

    changed = await org.admin(
        UPDATE, input={"id": str(member.membership_id), "roles": ["finance", "manager"]}
    )

    result = changed.ok("updateMembership")
    assert [role["code"] for role in result["roles"]] == ["finance", "manager"]
    assert "analytics:view" in result["permissions"]
    assert "subscriptions:create" in result["permissions"]
    assert (
        "analytics:view"
        in (await member("{ currentMembership { permissions } }")).ok("currentMembership")["permissions"]
    )


async def test_the_last_admin_can_neither_be_demoted_nor_revoked(factory: Factory) -> None:
    org = await factory.organization()

    demoted = await org.admin(UPDATE, input={"id": str(org.admin.membership_id), "roles": ["finance"]})
    revoked = await org.admin(REVOKE, input={"id": str(org.admin.membership_id)})

    for response in (demoted, revoked):
        assert response.code == "VALIDATION_ERROR"
        assert response.error()["extensions"]["fields"] == {
            "roles": "the organization must keep at least one admin"
        }
    assert (await org.admin(MEMBERS)).ok("organization")["members"][0]["roles"] == [{"code": "admin"}]


async def test_with_a_second_admin_one_may_step_down(factory: Factory) -> None:
    org = await factory.organization()
    second = await factory.member(org, "admin")

    stepped_down = await org.admin(UPDATE, input={"id": str(org.admin.membership_id), "roles": ["finance"]})
    last_one = await second(UPDATE, input={"id": str(second.membership_id), "roles": ["finance"]})

    assert [r["code"] for r in stepped_down.ok("updateMembership")["roles"]] == ["finance"]
    assert last_one.code == "VALIDATION_ERROR"


async def test_only_an_admin_grants_or_removes_the_admin_role(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(
        org,
        "team_lead",
        sorted({"organization:members:view", "organization:members:update", "organization:view"}),
    )
    lead = await factory.member(org, "team_lead")
    other_admin = await factory.member(org, "admin")
    plain = await factory.member(org, "team_lead")

    grant = await lead(UPDATE, input={"id": str(plain.membership_id), "roles": ["admin"]})
    remove = await lead(UPDATE, input={"id": str(other_admin.membership_id), "roles": ["team_lead"]})
    by_admin = await org.admin(UPDATE, input={"id": str(plain.membership_id), "roles": ["admin"]})

    assert grant.code == remove.code == "FORBIDDEN"
    assert grant.error()["extensions"]["requiredRoles"] == ["admin"]
    assert [r["code"] for r in by_admin.ok("updateMembership")["roles"]] == ["admin"]


async def test_a_revoked_member_loses_access_at_once(factory: Factory) -> None:
    org = await factory.organization()
    member = await factory.member(org, "finance")
    assert (await member("{ organization { name } }")).ok()

    revoked = await org.admin(REVOKE, input={"id": str(member.membership_id)})
    after = await member("{ organization { name } currentMembership { id } }")
    again = await org.admin(REVOKE, input={"id": str(member.membership_id)})

    assert revoked.ok("revokeMembership")["status"] == "REVOKED"
    assert after.code == "FORBIDDEN"
    assert after.data == {"organization": None, "currentMembership": None}
    assert again.error()["extensions"]["fields"] == {"id": "the membership is already revoked"}
    listed = (await org.admin(MEMBERS)).ok("organization")["members"]
    assert {"user": {"email": member.email}, "status": "REVOKED", "roles": [{"code": "finance"}]} in listed


async def test_a_user_in_two_organizations_picks_one_with_a_header(api: Api, factory: Factory) -> None:
    first, second = await factory.organization("First"), await factory.organization("Second")
    both = await factory.member(first, "finance", email="both@example.com")
    in_second = await factory.member(second, "manager", email="both@example.com")

    without_header = await api(
        "{ organization { name } currentUser { memberships { organization { name } } } }", token=both.token
    )
    picked_first = await api("{ organization { name } }", token=both.token, org=first.id)
    picked_second = await api("{ currentMembership { roles { code } } }", token=both.token, org=second.id)
    foreign = await api("{ organization { name } }", token=both.token, org=(await factory.organization()).id)

    assert without_header.code == "FORBIDDEN"  # two memberships and no choice: nothing is selected
    assert [m["organization"]["name"] for m in without_header.data["currentUser"]["memberships"]] == [
        "First",
        "Second",
    ]
    assert picked_first.ok("organization") == {"name": "First"}
    assert picked_second.ok("currentMembership") == {"roles": [{"code": "manager"}]}
    assert foreign.code == "FORBIDDEN"
    assert in_second.user_id == both.user_id


async def test_membership_mutations_need_their_permissions(factory: Factory) -> None:
    org = await factory.organization()
    finance = await factory.member(org, "finance")

    update = await finance(UPDATE, input={"id": str(finance.membership_id), "roles": ["admin"]})
    revoke = await finance(REVOKE, input={"id": str(org.admin.membership_id)})
    members = await finance(MEMBERS)

    assert update.error()["extensions"]["requiredPermissions"] == ["organization:members:update"]
    assert revoke.error()["extensions"]["requiredPermissions"] == ["organization:members:delete"]
    assert members.error()["path"] == ["organization", "members"]
    assert members.data == {"organization": {"members": None}}


async def test_two_admins_revoking_each_other_at_once_leave_one_admin(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as client:
        api = Api(client)
        factory = Factory(committed_db, settings, api)
        org = await factory.organization()
        other = await factory.member(org, "admin")

        answers = await asyncio.gather(
            org.admin(REVOKE, input={"id": str(other.membership_id)}),
            other(REVOKE, input={"id": str(org.admin.membership_id)}),
        )

        assert sorted(a.codes[0] if a.errors else "OK" for a in answers) in (
            ["FORBIDDEN", "OK"],  # the loser was revoked before its request authenticated
            ["OK", "VALIDATION_ERROR"],  # or it authenticated, then met the last-admin rule
        )
        survivors = [m for m in (org.admin, other) if (await m("{ organization { id } }")).errors == []]
        assert len(survivors) == 1
        assert isinstance(client, httpx.AsyncClient)


async def test_removing_a_role_needs_every_permission_it_holds(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(org, "team_lead", ["organization:members:update", "organization:members:view"])
    await factory.role(org, "pricing", ["plans:update", "plans:view"])
    lead = await factory.member(org, "team_lead")
    priced = await factory.member(org, "pricing", "team_lead")

    removed = await lead(UPDATE, input={"id": str(priced.membership_id), "roles": ["team_lead"]})
    kept = await lead(UPDATE, input={"id": str(priced.membership_id), "roles": ["pricing", "team_lead"]})

    assert removed.code == "FORBIDDEN"
    assert removed.error()["extensions"]["requiredPermissions"] == ["plans:update", "plans:view"]
    assert sorted(r["code"] for r in kept.ok("updateMembership")["roles"]) == ["pricing", "team_lead"]
