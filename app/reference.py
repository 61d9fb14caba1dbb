"""The generated authorization reference, ``docs/permissions.md``: every operation of the graph, every
guarded field and every plain HTTP endpoint, what it needs, and which built-in roles have it. Written by
``billgraph export-schema`` together with ``schema.graphql``; a test fails when either is stale."""

from __future__ import annotations

from dataclasses import dataclass

from graphql import GraphQLObjectType
from strawberry.permission import PermissionExtension
from strawberry.types.field import StrawberryField

from app.auth.graphql import HasPermissions, IsAuthenticated, IsPublic, IsSignedIn
from app.auth.permissions import ALL_PERMISSIONS, BUILTIN_ROLES, PEOPLE_ONLY, Permission

PUBLIC = "public"
AUTHENTICATED = "authenticated"
SIGNED_IN = "signed in (a person, not an API key)"


@dataclass(frozen=True)
class Declared:
    """One declaration: ``needs`` is ``public``, ``authenticated``, signed in, or the permissions
    required."""

    kind: str  # query, mutation, field, http
    name: str
    needs: tuple[str, ...]

    def allows(self, permissions: frozenset[str] | None, *, api_key: bool = False) -> bool:
        """Whether a caller with ``permissions`` (None: anonymous), a person or an API key, passes."""
        if self.needs == (PUBLIC,):
            return True
        if permissions is None:
            return False
        if self.needs == (SIGNED_IN,):
            return not api_key
        return self.needs == (AUTHENTICATED,) or set(self.needs) <= permissions


def _needs(field: StrawberryField) -> tuple[str, ...] | None:
    declared = [
        p for ext in field.extensions if isinstance(ext, PermissionExtension) for p in ext.permissions
    ]
    if not declared:
        return None
    (only,) = declared
    if isinstance(only, HasPermissions):
        return only.required
    if isinstance(only, IsPublic):
        return (PUBLIC,)
    if isinstance(only, IsSignedIn):
        return (SIGNED_IN,)
    assert isinstance(only, IsAuthenticated), only
    return (AUTHENTICATED,)


def declarations() -> list[Declared]:
    """Operations, then guarded fields (by type), then HTTP endpoints; each group sorted by name."""
    from app.graphql.schema import schema
    from app.main import REST_ROUTES

    def fields(type_name: str) -> dict[str, StrawberryField]:
        definition = schema.get_type_by_name(type_name)
        assert definition is not None
        return {schema.config.name_converter.get_graphql_name(f): f for f in definition.fields}  # type: ignore[union-attr]

    found: list[Declared] = []
    for root, kind in (("Query", "query"), ("Mutation", "mutation")):
        for name, field in sorted(fields(root).items()):
            needs = _needs(field)
            assert needs is not None, f"{root}.{name} declares nothing"
            found.append(Declared(kind, name, needs))
    object_types = sorted(
        name
        for name, graphql_type in schema._schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType)
        and not name.startswith("__")
        and name not in ("Query", "Mutation")
    )
    for type_name in object_types:
        for name, field in sorted(fields(type_name).items()):
            needs = _needs(field)
            if needs is not None:
                found.append(Declared("field", f"{type_name}.{name}", needs))
    for route in sorted(REST_ROUTES, key=lambda r: r.path):
        protected = getattr(route.endpoint, "__self__", None)
        methods = ",".join(sorted(m for m in route.methods or () if m != "HEAD"))
        needs = tuple(p.value for p in protected.permissions)  # type: ignore[union-attr]
        found.append(Declared("http", f"{methods} {route.path}", needs))
    return found


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _mark(allowed: bool) -> str:
    return "yes" if allowed else "-"


ROLES = tuple(BUILTIN_ROLES)


def _people_only() -> list[str]:
    """Permissions an API key never holds, whatever its roles."""
    return [
        "",
        "## People only",
        "",
        "An API key never holds these, even through a role that grants them (such as `admin`): keys are",
        "managed by people, and a person creates, rotates or revokes only keys whose permissions they hold.",
        "",
        *(f"- `{name}`" for name in sorted(PEOPLE_ONLY)),
    ]


def _relations() -> list[str]:
    """The relation rule, its table of guarded types, its exceptions, and what webhooks and exports
    carry besides."""
    from app.auth.relations import OPEN, VIEW

    lines = [
        "",
        "## Relations",
        "",
        "Reaching an object through another one needs the same view permission as reading it directly:",
        "a field leading to one of these types (an object or a list) needs the type's view permission, on",
        "top of whatever else it declares (the guarded fields below show the sum), and is null without it.",
        "Not for a type of the same resource (a plan's charges, a page's `collection`), nor for the",
        "operations themselves: a query requires its type's permission itself (`currentMembership` is",
        "the caller's own), and a mutation returns what it wrote under its own permission.",
        "",
        _row(["type", "view permission", *ROLES]),
        _row(["---"] * (2 + len(ROLES))),
    ]
    for type_name, permission in sorted(VIEW.items()):
        marks = (_mark(permission.value in BUILTIN_ROLES[r].permissions) for r in ROLES)
        lines.append(_row([f"`{type_name}`", f"`{permission.value}`", *marks]))
    lines += ["", "Relations that are part of what carries them, with no permission of their own:", ""]
    lines += [f"- `{parent}.{field}`: {why}." for (parent, field), why in sorted(OPEN.items())]
    lines += [
        "",
        "Two ways out carry whole documents, by design. **`developers:manage` reads everything webhooks",
        "carry**, whatever its holder's other permissions: the delivery log (`webhooks { payload }`) shows",
        "every payload sent, invoices with their fees and the customer's name, email, address and tax",
        "number as issued, credit notes with their items, subscriptions and wallets; grant it as every view",
        "it covers. The CSV exports (`invoices:export`, `credit_notes:export`) carry each document as",
        "issued, with its customer's external id, name and tax number.",
    ]
    return lines


def markdown() -> str:
    lines = [
        "# Permissions reference",
        "",
        "Generated by `billgraph export-schema` from the code's role table (`app/auth/permissions.py`) and",
        "the schema's declarations; a test fails when this file is stale, and the authorization matrix test",
        "checks every row against the running graph. The contract is `permissions.md`.",
        "",
        "`public`: anyone; `authenticated`: any member or API key of the organization; `signed in`: a",
        "person with an access token acting on their own account (password, sessions), never an API key;",
        "otherwise every listed permission is needed. A custom role or an API key passes exactly when its",
        "permissions do.",
        "",
        "## Built-in roles",
        "",
        _row(["permission", "description", *ROLES]),
        _row(["---"] * (2 + len(ROLES))),
    ]
    for permission in Permission:
        lines.append(
            _row(
                [
                    f"`{permission.value}`",
                    permission.description,
                    *(_mark(permission.value in BUILTIN_ROLES[r].permissions) for r in ROLES),
                ]
            )
        )
    lines += _people_only()
    lines += _relations()
    sections = (
        ("Queries", "query"),
        ("Mutations", "mutation"),
        ("Guarded fields", "field"),
        ("HTTP endpoints", "http"),
    )
    every = declarations()
    for title, kind in sections:
        lines += [
            "",
            f"## {title}",
            "",
            _row(["", "needs", "anonymous", *ROLES]),
            _row(["---"] * (3 + len(ROLES))),
        ]
        for declared in (d for d in every if d.kind == kind):
            needs = ", ".join(f"`{n}`" if n in ALL_PERMISSIONS else n for n in declared.needs)
            lines.append(
                _row(
                    [
                        f"`{declared.name}`",
                        needs,
                        _mark(declared.allows(None)),
                        *(_mark(declared.allows(BUILTIN_ROLES[r].permissions)) for r in ROLES),
                    ]
                )
            )
    return "\n".join(lines) + "\n"
