"""Authorization is declared: every operation and every sensitive field says what it needs."""

from __future__ import annotations

from pathlib import Path

from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.field import StrawberryField

from app.auth.graphql import HasPermissions, IsAuthenticated, IsPublic
from app.graphql.schema import schema, sdl
from app.reference import markdown

ROOT = Path(__file__).resolve().parents[2]

PUBLIC = {"loginUser", "registerUser", "acceptInvite"}
AUTHENTICATED_ONLY = {"currentUser", "currentMembership", "permissions"}

# Field-level rules of the contract (permissions.md): checked whenever the type and field exist.
SENSITIVE_FIELDS = {
    ("Customer", "invoices"): "invoices:view",
    ("Customer", "creditNotes"): "credit_notes:view",
    ("Customer", "wallets"): "wallets:view",
    ("Customer", "mrrCents"): "analytics:view",
    ("Customer", "grossRevenueCents"): "analytics:view",
    ("Organization", "members"): "organization:members:view",
    ("Organization", "invites"): "organization:members:view",
    ("Organization", "apiKeys"): "developers:keys:manage",
    ("Organization", "webhookEndpoints"): "developers:manage",
    ("Organization", "taxes"): "organization:taxes:view",
    ("Organization", "integrations"): "organization:integrations:view",
}
# Fields that may carry a secret, each only in the response that creates it.
SHOWN_ONCE = {
    ("IssuedApiKeyPayload", "secret"),
    ("Invite", "token"),
    ("IssuedWebhookEndpointPayload", "secret"),
}
# Fields about a secret that never carry it: when it last changed.
ABOUT_A_SECRET = {("Integration", "credentialsUpdatedAt")}
SECRET_WORDS = ("secret", "password", "credential", "hash", "token")


def _fields(type_name: str) -> dict[str, StrawberryField]:
    definition = schema.get_type_by_name(type_name)
    assert definition is not None, type_name
    return {schema.config.name_converter.get_graphql_name(f): f for f in definition.fields}  # type: ignore[union-attr]


def _declarations(field: StrawberryField) -> list[BasePermission]:
    return [p for ext in field.extensions if isinstance(ext, PermissionExtension) for p in ext.permissions]


def _object_types() -> list[str]:
    from graphql import GraphQLObjectType

    return [
        name
        for name, graphql_type in schema._schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__")
    ]


def test_every_operation_declares_exactly_one_authorization() -> None:
    undeclared = [
        f"{root}.{name}"
        for root in ("Query", "Mutation")
        for name, field in _fields(root).items()
        if len(_declarations(field)) != 1
    ]
    assert undeclared == []


def test_public_and_authenticated_only_operations_are_the_short_allow_lists() -> None:
    public = {
        name
        for root in ("Query", "Mutation")
        for name, field in _fields(root).items()
        if isinstance(_declarations(field)[0], IsPublic)
    }
    authenticated = {
        name
        for root in ("Query", "Mutation")
        for name, field in _fields(root).items()
        if isinstance(_declarations(field)[0], IsAuthenticated)
    }
    assert public == PUBLIC
    assert authenticated == AUTHENTICATED_ONLY


def test_every_mutation_but_the_public_ones_requires_a_permission() -> None:
    for name, field in _fields("Mutation").items():
        if name not in PUBLIC:
            assert isinstance(_declarations(field)[0], HasPermissions), name


def test_the_contracts_sensitive_fields_are_guarded_by_their_permission() -> None:
    checked = 0
    for (type_name, field_name), permission in SENSITIVE_FIELDS.items():
        if type_name not in _object_types() or field_name not in _fields(type_name):
            continue
        declared = _declarations(_fields(type_name)[field_name])
        assert len(declared) == 1, (type_name, field_name)
        assert isinstance(declared[0], HasPermissions), (type_name, field_name)
        assert declared[0].required == (permission,), (type_name, field_name)
        checked += 1
    assert checked >= 8  # Customer and Organization fields that exist so far


def test_guarded_fields_are_nullable_so_a_denial_only_nulls_them() -> None:
    for type_name in _object_types():
        for name, field in _fields(type_name).items():
            if _declarations(field):
                assert isinstance(field.type, StrawberryOptional), f"{type_name}.{name}"


def test_nested_fields_declare_permissions_never_public_access() -> None:
    for type_name in _object_types():
        if type_name in {"Query", "Mutation"}:
            continue
        for name, field in _fields(type_name).items():
            for declared in _declarations(field):
                assert isinstance(declared, HasPermissions), f"{type_name}.{name}"


def test_no_field_exposes_a_secret_except_once_on_creation() -> None:
    exposed = {
        (type_name, name)
        for type_name in _object_types()
        for name in _fields(type_name)
        if any(word in name.lower() for word in SECRET_WORDS)
        and type_name not in {"AuthPayload"}
        and (type_name, name) not in ABOUT_A_SECRET
    }
    assert exposed == SHOWN_ONCE


def test_the_required_permissions_are_visible_in_the_sdl() -> None:
    text = sdl()
    assert 'organization: Organization @requires(permissions: ["organization:view"])' in text
    assert 'apiKeys: [ApiKey!] @requires(permissions: ["developers:keys:manage"])' in text
    assert "loginUser(input: LoginUserInput!): AuthPayload @public" in text


def test_schema_graphql_is_generated_from_the_code_and_current() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == sdl(), "schema.graphql is stale: run `billgraph export-schema`"


def test_docs_permissions_md_is_generated_from_the_code_and_current() -> None:
    committed = (ROOT / "docs" / "permissions.md").read_text()
    assert committed == markdown(), "docs/permissions.md is stale: run `billgraph export-schema`"
    assert "| `createCreditNote` | `credit_notes:create` | - | yes | - | yes |" in committed
    assert "| `Customer.mrrCents` | `analytics:view` | - | yes | - | yes |" in committed


def test_list_type_helpers_are_used_consistently() -> None:
    # Guarded list fields are nullable lists of non-null items: `[T!]`, never `[T]!`.
    for type_name in _object_types():
        for name, field in _fields(type_name).items():
            if _declarations(field) and isinstance(field.type, StrawberryOptional):
                inner = field.type.of_type
                if isinstance(inner, StrawberryList):
                    assert not isinstance(inner.of_type, StrawberryOptional), f"{type_name}.{name}"
