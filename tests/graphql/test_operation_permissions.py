"""The authorization matrix: every operation of the graph, generated from the schema, called by an
anonymous caller, a member of each built-in role, an API key holding each built-in role and a member of a
custom role, is allowed or denied exactly as the declarations and the role table say (the rows of
``docs/permissions.md``). A new operation is covered the moment it exists."""

from __future__ import annotations

import dataclasses

import pytest

from app.auth.permissions import ALL_PERMISSIONS, BUILTIN_ROLES, PEOPLE_ONLY
from app.reference import PUBLIC, declarations
from tests.graphql.operations import denied, operations
from tests.helpers import PASSWORD, Api, Factory, Member

DECLARED = {d.name: d for d in declarations() if d.kind in ("query", "mutation")}
CUSTOM = frozenset({"customers:view", "invoices:view", "credit_notes:create", "plans:view", "events:create"})
ENDS_THE_SESSION = {"logoutUser", "logoutEverywhere", "changePassword"}
LOGIN = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
CALLERS = ["anonymous", *BUILTIN_ROLES, *(f"key:{role}" for role in BUILTIN_ROLES), "custom"]


async def _fresh_token(api: Api, email: str) -> str:
    token: str = (await api.anonymous(LOGIN, e=email, p=PASSWORD)).ok("loginUser")["token"]
    return token


def test_every_operation_of_the_schema_is_in_the_reference() -> None:
    assert sorted(op.name for op in operations()) == sorted(DECLARED)


@pytest.mark.parametrize("caller_kind", CALLERS)
async def test_each_caller_gets_exactly_what_the_reference_says(
    factory: Factory, api: Api, caller_kind: str
) -> None:
    org = await factory.organization()
    if caller_kind == "anonymous":
        permissions = None
        call = api.anonymous
    elif caller_kind == "custom":
        await factory.role(org, "custom", sorted(CUSTOM))
        permissions, call = CUSTOM, await factory.member(org, "custom")
    elif caller_kind.startswith("key:"):
        role = caller_kind.removeprefix("key:")
        permissions = BUILTIN_ROLES[role].permissions - PEOPLE_ONLY  # keys never manage keys
        call = await factory.api_key(org, role)
    else:
        permissions, call = BUILTIN_ROLES[caller_kind].permissions, await factory.member(org, caller_kind)

    wrong = []
    # Signing out ends the caller's token: those run last, each with a token of its own.
    ordered = sorted(operations(), key=lambda op: op.name in ENDS_THE_SESSION)
    for operation in ordered:
        expected_allowed = DECLARED[operation.name].allows(
            permissions, api_key=caller_kind.startswith("key:")
        )
        if operation.name in ENDS_THE_SESSION and isinstance(call, Member):
            call = dataclasses.replace(call, token=await _fresh_token(api, call.email))
        response = await call(operation.document, **operation.variables)
        if denied(response, operation) == expected_allowed:
            wrong.append((operation.name, response.errors))
        if not expected_allowed:
            assert response.data in (None, {operation.name: None}), operation.name

    assert wrong == []


async def test_each_permission_guarded_operation_needs_exactly_its_permissions(factory: Factory) -> None:
    org = await factory.organization()
    guarded = [op for op in operations() if DECLARED[op.name].needs[0] in ALL_PERMISSIONS]
    for index, operation in enumerate(guarded):
        required = DECLARED[operation.name].needs
        await factory.role(org, f"without_{index}", sorted(ALL_PERMISSIONS - set(required)))
        await factory.role(org, f"only_{index}", sorted(required))
        lacking = await factory.member(org, f"without_{index}")
        holding = await factory.member(org, f"only_{index}")

        refused = await lacking(operation.document, **operation.variables)
        allowed = await holding(operation.document, **operation.variables)

        assert refused.code == "FORBIDDEN", operation.name
        assert refused.error()["extensions"]["requiredPermissions"] == sorted(required), operation.name
        assert refused.data == {operation.name: None}, operation.name
        assert not denied(allowed, operation), (operation.name, allowed.errors)


def test_public_operations_are_the_three_ways_in() -> None:
    assert {name for name, d in DECLARED.items() if d.needs == (PUBLIC,)} == {
        "loginUser",
        "registerUser",
        "acceptInvite",
    }
