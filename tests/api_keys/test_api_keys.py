"""API keys: the secret once, a digest stored, the key's own roles, revocation, rotation, expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.api_keys.models import ApiKey
from app.db.engine import Database
from tests.helpers import Api, Factory

CREATE = """
mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name prefix status roles { code } expiresAt lastUsedAt } }
}"""
REVOKE = "mutation($input: ApiKeyIdInput!) { revokeApiKey(input: $input) { id status revokedAt } }"
ROTATE = "mutation($input: ApiKeyIdInput!) { rotateApiKey(input: $input) { secret apiKey { id rotatedAt } } }"
KEYS = "{ apiKeys { id name prefix status lastUsedAt roles { code } } }"
WHO = "{ currentUser { id } currentMembership { id } organization { name } roles { code } }"


async def test_a_key_is_shown_once_and_acts_in_its_organization_with_its_roles(
    api: Api, factory: Factory, db: Database
) -> None:
    org = await factory.organization()

    issued = (await org.admin(CREATE, input={"name": "Warehouse sync", "roles": ["finance"]})).ok(
        "createApiKey"
    )
    as_key = await api(WHO, token=issued["secret"])

    assert issued["secret"].startswith(f"bgk_{issued['apiKey']['prefix']}_")
    assert issued["apiKey"]["status"] == "ACTIVE"
    assert issued["apiKey"]["roles"] == [{"code": "finance"}]
    assert as_key.data == {
        "currentUser": None,
        "currentMembership": None,
        "organization": {"name": org.name},
        "roles": None,
    }
    assert as_key.code == "FORBIDDEN"  # finance holds no roles:view
    async with db.sessionmaker() as session:
        stored = (await session.execute(sa.select(ApiKey.secret_hash, ApiKey.last_used_at))).one()
    assert issued["secret"] not in stored.secret_hash
    assert stored.last_used_at is not None


async def test_keys_are_listed_without_secrets_with_their_last_use(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "manager")
    await api("{ organization { id } }", token=key.secret)

    listed = (await org.admin(KEYS)).ok("apiKeys")
    via_organization = (await org.admin("{ organization { apiKeys { id } } }")).ok("organization")

    assert len(listed) == 1
    assert listed[0]["roles"] == [{"code": "manager"}]
    assert listed[0]["lastUsedAt"] is not None
    assert via_organization == {"apiKeys": [{"id": str(key.id)}]}


async def test_a_revoked_key_stops_working_at_once(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "finance")

    revoked = await org.admin(REVOKE, input={"id": str(key.id)})
    after = await api("{ organization { name } }", token=key.secret)

    assert revoked.ok("revokeApiKey")["status"] == "REVOKED"
    assert after.code == "UNAUTHENTICATED"
    assert after.error()["message"] == "The API key has been revoked"


async def test_rotation_gives_a_new_secret_and_retires_the_old_one(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "finance")

    rotated = (await org.admin(ROTATE, input={"id": str(key.id)})).ok("rotateApiKey")
    old = await api("{ organization { name } }", token=key.secret)
    new = await api("{ organization { name } }", token=rotated["secret"])

    assert rotated["apiKey"]["id"] == str(key.id)
    assert rotated["apiKey"]["rotatedAt"] is not None
    assert old.code == "UNAUTHENTICATED"
    assert new.ok("organization") == {"name": org.name}


async def test_an_expired_key_is_unauthenticated(api: Api, factory: Factory, db: Database) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "finance", expires_at=datetime.now(UTC) + timedelta(hours=1))
    async with db.sessionmaker() as session:
        await session.execute(
            sa.update(ApiKey)
            .where(ApiKey.id == key.id)
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await session.commit()

    response = await api("{ organization { name } }", token=key.secret)

    assert response.code == "UNAUTHENTICATED"
    assert response.error()["message"] == "The API key has expired"
    assert (await org.admin(KEYS)).ok("apiKeys")[0]["status"] == "EXPIRED"


async def test_a_forged_key_is_unauthenticated(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "finance")
    forged = key.secret[:-4] + ("AAAA" if not key.secret.endswith("AAAA") else "BBBB")

    response = await api("{ organization { name } }", token=forged)

    assert response.code == "UNAUTHENTICATED"
    assert response.error()["message"] == "The API key is invalid"


async def test_key_input_is_validated(factory: Factory) -> None:
    org = await factory.organization()

    past = await org.admin(
        CREATE, input={"name": " ", "roles": ["finance"], "expiresAt": "2020-01-01T00:00:00Z"}
    )
    no_role = await org.admin(CREATE, input={"name": "k", "roles": []})

    assert past.error()["extensions"]["fields"] == {
        "name": "must not be blank",
        "expiresAt": "must be in the future",
    }
    assert no_role.error()["extensions"]["fields"] == {"roles": "at least one role is required"}
    assert (await org.admin(KEYS)).ok("apiKeys") == []


async def test_a_key_manager_cannot_mint_or_take_over_keys_more_powerful_than_themselves(
    factory: Factory,
) -> None:
    org = await factory.organization()
    await factory.role(org, "integrator", ["developers:keys:manage", "events:create"])
    integrator = await factory.member(org, "integrator")
    admin_key = await factory.api_key(org, "admin")

    mint = await integrator(CREATE, input={"name": "k", "roles": ["finance"]})
    rotate = await integrator(ROTATE, input={"id": str(admin_key.id)})
    own = await integrator(CREATE, input={"name": "events", "roles": ["integrator"]})

    assert mint.code == "FORBIDDEN"
    assert rotate.code == "FORBIDDEN"
    assert own.ok("createApiKey")["apiKey"]["roles"] == [{"code": "integrator"}]


async def test_keys_need_developers_keys_manage(factory: Factory) -> None:
    org = await factory.organization()
    manager = await factory.member(org, "manager")
    key = await factory.api_key(org, "finance")

    responses = [
        await manager(KEYS),
        await manager(CREATE, input={"name": "k", "roles": ["manager"]}),
        await manager(REVOKE, input={"id": str(key.id)}),
        await manager(ROTATE, input={"id": str(key.id)}),
        await manager("{ organization { name apiKeys { id } } }"),
    ]

    assert [r.code for r in responses] == ["FORBIDDEN"] * 5
    assert all(
        r.error()["extensions"]["requiredPermissions"] == ["developers:keys:manage"] for r in responses
    )
    assert responses[-1].data == {"organization": {"name": org.name, "apiKeys": None}}


async def test_a_key_with_a_role_uses_the_same_permissions_as_a_person(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "admin")

    created = await api(
        'mutation { createRole(input: {code: "bot", name: "Bot", permissions: ["roles:view"]}) { code } }',
        token=key.secret,
    )
    audit = (await org.admin("{ auditLogs { collection { operation actorType actorApiKeyId } } }")).ok(
        "auditLogs"
    )

    assert created.ok("createRole") == {"code": "bot"}
    assert audit["collection"][0] == {
        "operation": "createRole",
        "actorType": "API_KEY",
        "actorApiKeyId": str(key.id),
    }


async def test_no_api_key_manages_keys_even_holding_the_admin_role(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    admin_key = await factory.api_key(org, "admin")
    other = await factory.api_key(org, "finance")

    responses = [
        await api(CREATE, {"input": {"name": "forever", "roles": ["admin"]}}, token=admin_key.secret),
        await api(ROTATE, {"input": {"id": str(other.id)}}, token=admin_key.secret),
        await api(REVOKE, {"input": {"id": str(other.id)}}, token=admin_key.secret),
        await api(KEYS, token=admin_key.secret),
    ]

    assert [r.code for r in responses] == ["FORBIDDEN"] * 4
    assert all(
        r.error()["extensions"]["requiredPermissions"] == ["developers:keys:manage"] for r in responses
    )
    assert {(k["id"], k["status"]) for k in (await org.admin(KEYS)).ok("apiKeys")} == {
        (str(admin_key.id), "ACTIVE"),
        (str(other.id), "ACTIVE"),
    }  # nothing minted, rotated or revoked


async def test_a_person_revokes_only_keys_whose_permissions_they_hold(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(org, "integrator", ["developers:keys:manage", "events:create"])
    integrator = await factory.member(org, "integrator")
    admin_key = await factory.api_key(org, "admin")
    events_key = await factory.api_key(org, "integrator")

    stronger = await integrator(REVOKE, input={"id": str(admin_key.id)})
    own_level = await integrator(REVOKE, input={"id": str(events_key.id)})

    assert stronger.code == "FORBIDDEN"
    assert own_level.ok("revokeApiKey")["status"] == "REVOKED"
    statuses = {k["id"]: k["status"] for k in (await org.admin(KEYS)).ok("apiKeys")}
    assert statuses == {str(admin_key.id): "ACTIVE", str(events_key.id): "REVOKED"}
