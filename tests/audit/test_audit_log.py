"""Every successful mutation leaves one audit entry, in its own transaction, with secrets redacted."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from app.audit.models import AuditLog
from app.db.engine import Database
from tests.helpers import Factory

ENTRIES = """
query($operation: String, $objectId: ID) {
  auditLogs(operation: $operation, objectId: $objectId) {
    collection { operation objectType objectId actorType actorUserId actorUser { email } changes requestId }
    metadata { totalCount currentPage limitValue totalPages }
  }
}"""


async def test_a_mutation_writes_who_what_which_object_and_what_changed(factory: Factory) -> None:
    org = await factory.organization()
    role = (
        await org.admin(
            'mutation { createRole(input: {code: "ops", name: "Ops", permissions: ["roles:view"]}) { id } }'
        )
    ).ok("createRole")
    await org.admin(
        "mutation($input: UpdateRoleInput!) { updateRole(input: $input) { id } }",
        input={"id": role["id"], "name": "Operations"},
    )

    entries = (await org.admin(ENTRIES, objectId=role["id"])).ok("auditLogs")

    assert entries["metadata"] == {"totalCount": 2, "currentPage": 1, "limitValue": 25, "totalPages": 1}
    update, create = entries["collection"]
    assert update["operation"] == "updateRole"
    assert update["objectType"] == "Role"
    assert update["actorType"] == "USER"
    assert update["actorUserId"] == str(org.admin.user_id)
    assert update["actorUser"] == {"email": org.admin.email}
    assert update["changes"] == [
        {"type": "Role", "id": role["id"], "action": "update", "changes": {"name": ["Ops", "Operations"]}}
    ]
    assert create["changes"][0]["changes"] == {
        "organization_id": str(org.id),
        "code": "ops",
        "name": "Ops",
        "permissions": ["roles:view"],
        "builtin": False,
    }
    assert len(update["requestId"]) == 32


async def test_secrets_are_redacted(factory: Factory) -> None:
    org = await factory.organization()
    issued = (
        await org.admin(
            'mutation { createApiKey(input: {name: "k", roles: ["finance"]}) { secret apiKey { id } } }'
        )
    ).ok("createApiKey")
    invite = (
        await org.admin(
            'mutation { createInvite(input: {email: "a@b.co", roles: ["finance"]}) { invite { token } } }'
        )
    ).ok("createInvite")

    entries = (await org.admin("{ auditLogs { collection { operation changes } } }")).ok("auditLogs")[
        "collection"
    ]

    text = str(entries)
    assert issued["secret"] not in text
    assert invite["invite"]["token"] not in text
    key_entry = next(e for e in entries if e["operation"] == "createApiKey")
    api_key = next(c for c in key_entry["changes"] if c["type"] == "ApiKey")
    assert api_key["changes"]["secret_hash"] == "[REDACTED]"
    invite_entry = next(e for e in entries if e["operation"] == "createInvite")
    assert (
        next(c for c in invite_entry["changes"] if c["type"] == "Invite")["changes"]["token_hash"]
        == "[REDACTED]"
    )


async def test_a_failed_mutation_writes_nothing_not_even_an_entry(factory: Factory) -> None:
    org = await factory.organization()

    failed = await org.admin(
        'mutation { createRole(input: {code: "x", name: "X", permissions: ["bogus"]}) { id } }'
    )
    entries = await org.admin(ENTRIES, operation="createRole")

    assert failed.code == "VALIDATION_ERROR"
    assert entries.ok("auditLogs")["metadata"]["totalCount"] == 0


async def test_in_one_document_a_failing_mutation_keeps_the_earlier_ones(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(
        """mutation {
          good: createRole(input: {code: "good", name: "Good", permissions: ["roles:view"]}) { code }
          bad: createRole(input: {code: "good", name: "Again", permissions: ["roles:view"]}) { code }
        }"""
    )
    roles = [r["code"] for r in (await org.admin("{ roles { code } }")).ok("roles")]
    entries = (await org.admin(ENTRIES, operation="createRole")).ok("auditLogs")["metadata"]["totalCount"]

    assert response.data == {"good": {"code": "good"}, "bad": None}
    assert response.code == "VALIDATION_ERROR"
    assert roles.count("good") == 1
    assert entries == 1


async def test_the_log_is_append_only_even_for_the_database_user(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    await org.admin('mutation { updateOrganization(input: {name: "Renamed"}) { name } }')

    async with db.sessionmaker() as session:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(sa.update(AuditLog).values(operation="nothing happened"))
        await session.rollback()
    async with db.sessionmaker() as session:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(sa.delete(AuditLog))


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_only_holders_of_audit_logs_view_read_it(factory: Factory, role: str) -> None:
    org = await factory.organization()
    member = await factory.member(org, role)

    response = await member(ENTRIES)

    assert response.code == "FORBIDDEN"
    assert response.error()["extensions"]["requiredPermissions"] == ["audit_logs:view"]


async def test_paging_is_bounded(factory: Factory) -> None:
    org = await factory.organization()

    too_big = await org.admin("{ auditLogs(limit: 101) { metadata { totalCount } } }")
    zero = await org.admin("{ auditLogs(page: 0) { metadata { totalCount } } }")

    assert too_big.error()["extensions"]["fields"] == {"limit": "must be between 1 and 100"}
    assert zero.error()["extensions"]["fields"] == {"page": "must be at least 1"}
