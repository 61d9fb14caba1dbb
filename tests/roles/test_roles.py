"""Custom roles: created, changed and deleted by those allowed; built-in roles immutable."""

from __future__ import annotations

import pytest

from tests.helpers import Factory, Org

CREATE = """
mutation($input: CreateRoleInput!) {
  createRole(input: $input) { id code name description permissions builtin }
}"""
UPDATE = "mutation($input: UpdateRoleInput!) { updateRole(input: $input) { id name permissions } }"
DESTROY = "mutation($input: DestroyRoleInput!) { destroyRole(input: $input) { id } }"
ROLES = "{ roles { code builtin permissions } }"


def _role_input(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "code": "billing_ops",
        "name": "Billing operations",
        "description": "Runs the monthly close",
        "permissions": ["invoices:view", "invoices:update"],
    }
    values.update(overrides)
    return {"input": values}


async def test_admin_creates_a_custom_role_listed_with_the_built_in_ones(factory: Factory) -> None:
    org = await factory.organization()

    created = (await org.admin(CREATE, **_role_input())).ok("createRole")
    listed = (await org.admin(ROLES)).ok("roles")

    assert created["code"] == "billing_ops"
    assert created["builtin"] is False
    assert created["permissions"] == ["invoices:update", "invoices:view"]
    assert [role["code"] for role in listed] == ["admin", "finance", "manager", "billing_ops"]
    assert all(role["builtin"] for role in listed[:3])


async def test_an_unknown_permission_is_a_validation_error_naming_it_and_writes_nothing(
    factory: Factory,
) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE, **_role_input(permissions=["invoices:view", "invoices:shred", "x"]))

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {
        "permissions": "unknown permission: invoices:shred, x"
    }
    assert [role["code"] for role in (await org.admin(ROLES)).ok("roles")] == ["admin", "finance", "manager"]


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"code": "admin"}, {"code": "is the code of a built-in role"}),
        (
            {"code": "Not A Code"},
            {"code": "must be lower-case letters, digits and underscores, starting with a letter"},
        ),
        ({"name": ""}, {"name": "must not be blank"}),
        ({"permissions": []}, {"permissions": "at least one permission is required"}),
    ],
)
async def test_role_input_is_validated(
    factory: Factory, overrides: dict[str, object], fields: dict[str, str]
) -> None:
    org = await factory.organization()

    response = await org.admin(CREATE, **_role_input(**overrides))

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == fields


async def test_codes_are_unique_per_organization_only(factory: Factory) -> None:
    first, second = await factory.organization(), await factory.organization()
    (await first.admin(CREATE, **_role_input())).ok()

    again = await first.admin(CREATE, **_role_input())
    elsewhere = await second.admin(CREATE, **_role_input())

    assert again.error()["extensions"]["fields"] == {"code": "is already used by another role"}
    assert elsewhere.ok("createRole")["code"] == "billing_ops"


async def test_built_in_roles_cannot_be_changed_or_deleted(factory: Factory) -> None:
    org = await factory.organization()
    admin_role = next(
        r for r in (await org.admin("{ roles { id code } }")).ok("roles") if r["code"] == "admin"
    )

    updated = await org.admin(UPDATE, input={"id": admin_role["id"], "name": "Owner"})
    deleted = await org.admin(DESTROY, input={"id": admin_role["id"]})

    for response in (updated, deleted):
        assert response.code == "VALIDATION_ERROR"
        assert response.error()["extensions"]["fields"] == {
            "id": "built-in roles cannot be changed or deleted"
        }


async def test_a_role_changes_and_its_holders_get_the_new_permissions(factory: Factory) -> None:
    org = await factory.organization()
    role_id = await factory.role(org, "auditor", ["audit_logs:view"])
    holder = await factory.member(org, "auditor")
    assert (await holder("{ auditLogs { metadata { totalCount } } }")).ok()

    updated = await org.admin(UPDATE, input={"id": str(role_id), "permissions": ["roles:view"]})

    assert updated.ok("updateRole")["permissions"] == ["roles:view"]
    assert (await holder("{ auditLogs { metadata { totalCount } } }")).code == "FORBIDDEN"
    assert (await holder("{ roles { code } }")).ok()


async def test_a_role_still_assigned_cannot_be_deleted_then_can(factory: Factory) -> None:
    org = await factory.organization()
    role_id = await factory.role(org, "auditor", ["audit_logs:view"])
    holder = await factory.member(org, "auditor")

    refused = await org.admin(DESTROY, input={"id": str(role_id)})
    await org.admin(
        "mutation($input: UpdateMembershipInput!) { updateMembership(input: $input) { id } }",
        input={"id": str(holder.membership_id), "roles": ["finance"]},
    )
    accepted = await org.admin(DESTROY, input={"id": str(role_id)})

    assert refused.code == "VALIDATION_ERROR"
    assert "still assigned" in refused.error()["extensions"]["fields"]["id"]
    assert accepted.ok("destroyRole") == {"id": str(role_id)}
    assert "auditor" not in [role["code"] for role in (await org.admin(ROLES)).ok("roles")]


async def test_a_custom_role_grants_exactly_its_permissions(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(org, "role_designer", ["roles:view", "roles:create"])
    designer = await factory.member(org, "role_designer")

    created = await designer(CREATE, **_role_input(code="viewer", permissions=["roles:view"]))
    cannot_delete = await designer(DESTROY, input={"id": created.ok("createRole")["id"]})
    cannot_see_members = await designer("{ organization { name } }")

    assert cannot_delete.code == "FORBIDDEN"
    assert cannot_delete.error()["extensions"]["requiredPermissions"] == ["roles:delete"]
    assert cannot_see_members.code == "FORBIDDEN"


async def test_nobody_creates_a_role_with_permissions_they_do_not_hold(factory: Factory) -> None:
    org = await factory.organization()
    await factory.role(org, "role_designer", ["roles:view", "roles:create", "roles:update"])
    designer = await factory.member(org, "role_designer")

    escalation = await designer(
        CREATE, **_role_input(code="sneaky", permissions=["roles:view", "audit_logs:view"])
    )

    assert escalation.code == "FORBIDDEN"
    assert escalation.error()["extensions"]["requiredPermissions"] == ["audit_logs:view"]


@pytest.mark.parametrize("role", ["manager", "finance"])
async def test_manager_and_finance_read_nothing_of_roles_and_write_none(factory: Factory, role: str) -> None:
    org: Org = await factory.organization()
    member = await factory.member(org, role)
    role_id = await factory.role(org, "auditor", ["audit_logs:view"])

    responses = [
        await member(ROLES),
        await member(CREATE, **_role_input()),
        await member(UPDATE, input={"id": str(role_id), "name": "x"}),
        await member(DESTROY, input={"id": str(role_id)}),
    ]

    assert [r.code for r in responses] == ["FORBIDDEN"] * 4
    assert [r.error()["extensions"]["requiredPermissions"] for r in responses] == [
        ["roles:view"],
        ["roles:create"],
        ["roles:update"],
        ["roles:delete"],
    ]


async def test_the_permission_catalogue_is_served_with_descriptions(factory: Factory) -> None:
    org = await factory.organization()
    finance = await factory.member(org, "finance")

    catalogue = (await finance("{ permissions { name description } }")).ok("permissions")

    assert len(catalogue) == 64
    assert {
        "name": "credit_notes:approve",
        "description": "Approve or reject a credit note someone else requested.",
    } in catalogue


async def test_only_the_built_in_admin_role_is_the_admin_role(factory: Factory) -> None:
    # given an organization with a custom role granting every permission the admin holds
    org = await factory.organization()
    catalogue = [p["name"] for p in (await org.admin("{ permissions { name } }")).ok("permissions")]
    await org.admin(CREATE, **_role_input(code="almost_admin", permissions=catalogue))

    # when the roles are read, from the list and from the admin's own membership
    listed = (await org.admin("{ roles { code isAdmin } }")).ok("roles")
    own = (await org.admin("{ currentMembership { roles { code isAdmin } } }")).ok("currentMembership")

    # then only the built-in admin role is the one the governance rules name, whatever a role grants
    assert listed == [
        {"code": "admin", "isAdmin": True},
        {"code": "finance", "isAdmin": False},
        {"code": "manager", "isAdmin": False},
        {"code": "almost_admin", "isAdmin": False},
    ]
    assert own["roles"] == [{"code": "admin", "isAdmin": True}]
