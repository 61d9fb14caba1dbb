"""Another organization's object is NOT_FOUND, exactly like one that does not exist."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers import Factory, Org

BY_ID = {
    "membership": ("query($id: ID!) { membership(id: $id) { id } }", "id"),
    "role": ("query($id: ID!) { role(id: $id) { id } }", "id"),
    "updateMembership": (
        'mutation($id: ID!) { updateMembership(input: {id: $id, roles: ["finance"]}) { id } }',
        "id",
    ),
    "revokeMembership": ("mutation($id: ID!) { revokeMembership(input: {id: $id}) { id } }", "id"),
    "updateRole": ('mutation($id: ID!) { updateRole(input: {id: $id, name: "Mine"}) { id } }', "id"),
    "destroyRole": ("mutation($id: ID!) { destroyRole(input: {id: $id}) { id } }", "id"),
    "revokeApiKey": ("mutation($id: ID!) { revokeApiKey(input: {id: $id}) { id } }", "id"),
    "rotateApiKey": ("mutation($id: ID!) { rotateApiKey(input: {id: $id}) { secret } }", "id"),
    "revokeInvite": ("mutation($id: ID!) { revokeInvite(input: {id: $id}) { id } }", "id"),
}


async def _victim_ids(factory: Factory, victim: Org) -> dict[str, str]:
    member = await factory.member(victim, "finance")
    role_id = await factory.role(victim, "secret_role", ["roles:view"])
    key = await factory.api_key(victim, "finance")
    invite = (
        await victim.admin(
            'mutation { createInvite(input: {email: "v@victim.com", roles: ["finance"]}) { invite { id } } }'
        )
    ).ok("createInvite")["invite"]
    return {
        "membership": str(member.membership_id),
        "role": str(role_id),
        "updateMembership": str(member.membership_id),
        "revokeMembership": str(member.membership_id),
        "updateRole": str(role_id),
        "destroyRole": str(role_id),
        "revokeApiKey": str(key.id),
        "rotateApiKey": str(key.id),
        "revokeInvite": invite["id"],
    }


@pytest.mark.parametrize("operation", sorted(BY_ID))
async def test_an_admin_gets_not_found_for_another_organizations_objects(
    factory: Factory, operation: str
) -> None:
    attacker, victim = await factory.organization("Attacker"), await factory.organization("Victim")
    ids = await _victim_ids(factory, victim)
    document, variable = BY_ID[operation]

    copied = await attacker.admin(document, **{variable: ids[operation]})
    guessed = await attacker.admin(document, **{variable: str(uuid.uuid4())})

    assert copied.code == guessed.code == "NOT_FOUND"
    assert copied.error()["message"] == guessed.error()["message"]
    assert copied.data == guessed.data


async def test_nothing_of_another_organization_appears_in_lists(factory: Factory) -> None:
    attacker, victim = await factory.organization("Attacker"), await factory.organization("Victim")
    ids = await _victim_ids(factory, victim)

    response = await attacker.admin(
        """{ organization { members { id user { email } } invites { id } apiKeys { id } roles { id } }
             roles { id } apiKeys { id } invites { id } auditLogs { collection { objectId } } }"""
    )

    text = str(response.ok())
    assert not any(value in text for value in ids.values())
    assert "victim" not in text.lower()
    assert victim.admin.email not in text


async def test_the_victim_is_untouched_after_the_attempts(factory: Factory) -> None:
    attacker, victim = await factory.organization("Attacker"), await factory.organization("Victim")
    ids = await _victim_ids(factory, victim)
    for operation, (document, variable) in BY_ID.items():
        await attacker.admin(document, **{variable: ids[operation]})

    roles = (await victim.admin("{ roles { code } apiKeys { status } invites { status } }")).ok()

    assert "secret_role" in [r["code"] for r in roles["roles"]]
    assert roles["apiKeys"] == [{"status": "ACTIVE"}]
    assert roles["invites"] == [{"status": "PENDING"}]
