"""Authorization is declared: every operation and every sensitive field says what it needs."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import strawberry
from graphql import GraphQLNonNull, GraphQLObjectType, get_named_type
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.field import StrawberryField

from app.auth.actor import Actor, ActorKind
from app.auth.graphql import (
    HasPermissions,
    IsAuthenticated,
    IsPublic,
    IsSignedIn,
    RequiresDirective,
    requires,
)
from app.auth.permissions import P
from app.auth.relations import OPEN, VIEW, guard_relations
from app.core.errors import Forbidden
from app.graphql.schema import schema, sdl
from app.reference import _needs, markdown

ROOT = Path(__file__).resolve().parents[2]

PUBLIC = {"loginUser", "registerUser", "acceptInvite"}
AUTHENTICATED_ONLY = {"currentUser", "currentMembership", "permissions"}
SIGNED_IN = {"changePassword", "logoutUser", "logoutEverywhere"}  # a person's own account

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
    # relations, the contract's examples
    ("Invoice", "customer"): "customers:view",
    ("CreditNote", "customer"): "customers:view",
    ("Subscription", "customer"): "customers:view",
    ("Subscription", "plan"): "plans:view",
    ("CreditNoteItem", "fee"): "invoices:view",
}
# Fields that may carry a secret, each only in the response that creates it.
SHOWN_ONCE = {
    ("IssuedApiKeyPayload", "secret"),
    ("Invite", "token"),
    ("IssuedWebhookEndpointPayload", "secret"),
}
# Fields about a secret that never carry it: when it last changed.
ABOUT_A_SECRET = {("Integration", "credentialsUpdatedAt"), ("Mutation", "changePassword")}
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
        if name not in PUBLIC and name not in SIGNED_IN:
            assert isinstance(_declarations(field)[0], HasPermissions), name


def test_only_a_persons_own_account_is_open_to_any_signed_in_person() -> None:
    signed_in = {
        name for name, field in _fields("Mutation").items() if isinstance(_declarations(field)[0], IsSignedIn)
    }
    assert signed_in == SIGNED_IN


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
    assert '): [ApiKey!] @requires(permissions: ["developers:keys:manage"])' in text  # after limit, offset
    assert "loginUser(input: LoginUserInput!): AuthPayload @public" in text
    assert 'plan: Plan @requires(permissions: ["plans:view"])' in text
    assert 'fee: Fee @requires(permissions: ["invoices:view"])' in text


def test_schema_graphql_is_generated_from_the_code_and_current() -> None:
    committed = (ROOT / "schema.graphql").read_text()
    assert committed == sdl(), "schema.graphql is stale: run `billgraph export-schema`"


def test_docs_permissions_md_is_generated_from_the_code_and_current() -> None:
    committed = (ROOT / "docs" / "permissions.md").read_text()
    assert committed == markdown(), "docs/permissions.md is stale: run `billgraph export-schema`"
    assert "| `createCreditNote` | `credit_notes:create` | - | yes | - | yes |" in committed
    assert "| `Customer.mrrCents` | `analytics:view` | - | yes | - | yes |" in committed
    assert "| `Subscription.plan` | `plans:view` | - | yes | yes | yes |" in committed
    assert "| `Plan` | `plans:view` | yes | yes | yes |" in committed
    assert "**`developers:manage` reads everything webhooks\ncarry**" in committed


def test_list_type_helpers_are_used_consistently() -> None:
    # Guarded list fields are nullable lists of non-null items: `[T!]`, never `[T]!`.
    for type_name in _object_types():
        for name, field in _fields(type_name).items():
            if _declarations(field) and isinstance(field.type, StrawberryOptional):
                inner = field.type.of_type
                if isinstance(inner, StrawberryList):
                    assert not isinstance(inner.of_type, StrawberryOptional), f"{type_name}.{name}"


# Object types that are no resource of their own: values carried by what holds them, the caller's own
# identity, the results of mutations and estimates. Every other type is guarded (``VIEW``) or a page.
NOT_RESOURCES = {
    "Address",
    "BillingPeriod",
    "CollectionMetadata",
    "Range",
    "MembershipOrganization",
    "PermissionDefinition",
    "AuthPayload",
    "CurrentUser",
    "CreditNoteEstimate",
    "CreditNoteEstimateItem",
    "CreditNoteCreditableFee",
    "EventBatchResult",
    "EventResult",
    "CreateInvitePayload",
    "IssuedApiKeyPayload",
    "IssuedWebhookEndpointPayload",
    "DestroyAddOnPayload",
    "DestroyBillableMetricPayload",
    "DestroyCouponPayload",
    "DestroyCustomerPayload",
    "DestroyPlanPayload",
    "DestroyRolePayload",
    "DestroyTaxPayload",
}
# Root fields that return a guarded type without its view permission: the caller's own membership.
OWN = {"currentMembership"}


def _graphql_type(name: str) -> GraphQLObjectType:
    graphql_type = schema._schema.type_map[name]
    assert isinstance(graphql_type, GraphQLObjectType)
    return graphql_type


def _resource(type_name: str) -> str | None:
    """The view permission of a type, read from the built schema; a page's is its items'."""
    if type_name in VIEW:
        return VIEW[type_name].value
    page = _graphql_type(type_name).fields.get("collection")
    items = get_named_type(page.type).name if page is not None else None
    return VIEW[items].value if items in VIEW else None


def test_every_object_type_is_a_guarded_resource_a_page_or_a_declared_value() -> None:
    unclassified = {
        name
        for name in _object_types()
        if name not in {"Query", "Mutation"} and _resource(name) is None and name not in NOT_RESOURCES
    }
    assert unclassified == set(), "add each to VIEW (app/auth/relations.py) or, if no resource, here"
    assert set(VIEW) <= set(_object_types())
    assert set(_object_types()) >= NOT_RESOURCES


def test_every_relation_to_a_guarded_type_requires_its_view_permission_and_is_nullable() -> None:
    forgotten, non_null, checked = [], [], 0
    for type_name in _object_types():
        if type_name in {"Query", "Mutation"}:
            continue
        for name, graphql_field in _graphql_type(type_name).fields.items():
            target = get_named_type(graphql_field.type).name
            if target not in VIEW or _resource(type_name) == VIEW[target].value or (type_name, name) in OPEN:
                continue
            checked += 1
            if VIEW[target].value not in (_needs(_fields(type_name)[name]) or ()):
                forgotten.append(f"{type_name}.{name}")
            if isinstance(graphql_field.type, GraphQLNonNull):
                non_null.append(f"{type_name}.{name}")
    assert forgotten == []
    assert non_null == []
    assert checked >= 25


def test_root_queries_returning_a_guarded_type_require_exactly_its_view_permission() -> None:
    wrong = {}
    for name, graphql_field in _graphql_type("Query").fields.items():
        resource = _resource(get_named_type(graphql_field.type).name)
        needs = _needs(_fields("Query")[name])
        if resource is not None and name not in OWN and needs != (resource,):
            wrong[name] = (needs, resource)
    assert wrong == {}


def test_open_relations_exist_and_their_payloads_are_only_mutation_results() -> None:
    for type_name, name in OPEN:
        assert name in _graphql_type(type_name).fields, (type_name, name)
        assert get_named_type(_graphql_type(type_name).fields[name].type).name in VIEW, (type_name, name)
    payloads = {t for t, _ in OPEN if t.endswith("Payload")}
    returned_by = {
        (get_named_type(field.type).name, root)
        for root in ("Query", "Mutation")
        for field in _graphql_type(root).fields.values()
    }
    assert {root for t, root in returned_by if t in payloads} == {"Mutation"}
    assert not any(
        get_named_type(field.type).name in payloads
        for type_name in _object_types()
        if type_name != "Mutation"
        for field in _graphql_type(type_name).fields.values()
    )


@strawberry.type(name="Customer")
class _Customer:
    id: strawberry.ID


@strawberry.type(name="Gadget")
class _Gadget:
    @strawberry.field
    def owner(self) -> _Customer:  # a new relation whose author forgot the rule
        return _Customer(id=strawberry.ID("c1"))

    @strawberry.field(extensions=requires(P.ANALYTICS_VIEW))
    def buyer(self) -> _Customer | None:  # a sensitive field that is also a relation
        return _Customer(id=strawberry.ID("c2"))


@strawberry.type(name="Query")
class _Query:
    @strawberry.field(extensions=requires(P.EVENTS_VIEW))
    def gadget(self) -> _Gadget:
        return _Gadget()


def test_a_new_relation_gets_its_view_permission_when_the_schema_is_assembled() -> None:
    guard_relations((_Query,))
    guard_relations((_Query,))  # building twice changes nothing
    tiny = strawberry.Schema(query=_Query, schema_directives=[RequiresDirective])
    caller = Actor(kind=ActorKind.USER, permissions=frozenset({"events:view", "analytics:view"}))

    result = tiny.execute_sync(
        "{ gadget { owner { id } buyer { id } } }", context_value=SimpleNamespace(actor=caller)
    )

    text = tiny.as_str()
    assert 'owner: Customer @requires(permissions: ["customers:view"])' in text
    assert 'buyer: Customer @requires(permissions: ["analytics:view", "customers:view"])' in text
    assert result.data == {"gadget": {"owner": None, "buyer": None}}
    assert sorted(
        (e.path, e.original_error.required)
        for e in result.errors or ()
        if isinstance(e.original_error, Forbidden)
    ) == [
        (["gadget", "buyer"], ["analytics:view", "customers:view"]),
        (["gadget", "owner"], ["customers:view"]),
    ]
