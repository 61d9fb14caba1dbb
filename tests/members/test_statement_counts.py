"""Lists load their relations through dataloaders: the statement count does not grow with the rows."""

from __future__ import annotations

from app.db.engine import Database
from tests.conftest import count_statements
from tests.helpers import Factory

MEMBERS = (
    """{ organization { members { id status user { email } roles { code permissions } permissions } } }"""
)
INVITES_AND_KEYS = "{ invites { roles { code } invitedBy { email } } apiKeys { roles { code } } }"


async def _count(db: Database, member: object, query: str) -> int:
    with count_statements(db) as statements:
        response = await member(query)  # type: ignore[operator]
        response.ok()
    return len(statements)


async def test_members_with_users_roles_and_permissions_take_the_same_statements_for_3_or_30(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    for role in ("manager", "finance"):
        await factory.member(org, role)
    few = await _count(db, org.admin, MEMBERS)

    for index in range(27):
        await factory.member(org, ("manager", "finance")[index % 2])
    many = await _count(db, org.admin, MEMBERS)

    assert few == many
    assert many <= 6  # actor, scope, organization, members, users, roles


async def test_invites_and_keys_with_their_roles_take_the_same_statements_for_1_or_20(
    factory: Factory, db: Database
) -> None:
    org = await factory.organization()
    invite = (
        'mutation($e: String!) { createInvite(input: {email: $e, roles: ["finance"]}) { invite { id } } }'
    )
    await org.admin(invite, e="i0@example.com")
    await factory.api_key(org, "finance")
    few = await _count(db, org.admin, INVITES_AND_KEYS)

    for index in range(1, 20):
        await org.admin(invite, e=f"i{index}@example.com")
        await factory.api_key(org, "manager")
    many = await _count(db, org.admin, INVITES_AND_KEYS)

    assert few == many
