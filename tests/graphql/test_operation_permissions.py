"""Every operation, generated from the schema, is allowed exactly for callers holding what it declares."""

from __future__ import annotations

import pytest

from app.auth.graphql import HasPermissions
from app.auth.permissions import ALL_PERMISSIONS, BUILTIN_ROLES
from tests.graphql.operations import Operation, operations
from tests.graphql.test_schema_declarations import _declarations, _fields
from tests.helpers import Api, Factory, Response

GUARDED = [
    (op, _declarations(_fields("Query" if op.root == "query" else "Mutation")[op.name])[0])
    for op in operations()
]
GUARDED_BY_PERMISSION = [(op, d.required) for op, d in GUARDED if isinstance(d, HasPermissions)]


def _denied(response: Response, operation: Operation) -> bool:
    return any(
        error.get("path") == [operation.name]
        and error["extensions"]["code"] in {"FORBIDDEN", "UNAUTHENTICATED"}
        for error in response.errors
    )


async def test_every_permission_guarded_operation_is_denied_to_anonymous_callers(api: Api) -> None:
    for operation, _ in GUARDED_BY_PERMISSION:
        response = await api(operation.document, operation.variables)
        assert response.code == "UNAUTHENTICATED", operation.name
        assert response.data == {operation.name: None}


async def test_every_operation_is_denied_without_its_permission_and_allowed_with_it(factory: Factory) -> None:
    org = await factory.organization()
    for index, (operation, required) in enumerate(GUARDED_BY_PERMISSION):
        await factory.role(org, f"without_{index}", sorted(ALL_PERMISSIONS - set(required)))
        await factory.role(org, f"only_{index}", sorted(required))
        lacking = await factory.member(org, f"without_{index}")
        holding = await factory.member(org, f"only_{index}")

        denied = await lacking(operation.document, **operation.variables)
        allowed = await holding(operation.document, **operation.variables)

        assert denied.code == "FORBIDDEN", operation.name
        assert denied.error()["extensions"]["requiredPermissions"] == sorted(required), operation.name
        assert denied.data == {operation.name: None}, operation.name
        assert not _denied(allowed, operation), (operation.name, allowed.errors)


@pytest.mark.parametrize("role", sorted(BUILTIN_ROLES))
async def test_built_in_roles_and_keys_holding_them_get_exactly_what_the_role_table_says(
    factory: Factory, role: str
) -> None:
    org = await factory.organization()
    member = await factory.member(org, role)
    key = await factory.api_key(org, role)
    for operation, required in GUARDED_BY_PERMISSION:
        expected_denied = not set(required) <= BUILTIN_ROLES[role].permissions
        for caller in (member, key):
            response = await caller(operation.document, **operation.variables)
            assert _denied(response, operation) == expected_denied, (
                role,
                type(caller).__name__,
                operation.name,
            )
