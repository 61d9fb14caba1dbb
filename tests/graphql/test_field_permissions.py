"""Field-level authorization, for every guarded field of the schema: a caller without the field's
permission gets null there, exactly one FORBIDDEN error at that path, and the rest of the data; a caller
with it gets the value. Guarded fields are found in the schema, so a new one is covered at once (and
fails here until its type can be reached below)."""

from __future__ import annotations

from graphql import get_named_type, is_leaf_type

from app.auth.permissions import ALL_PERMISSIONS
from app.graphql.schema import schema
from app.reference import declarations
from tests.credit_notes.conftest import CREATE, billed_organization, note
from tests.helpers import Factory

# How to reach one object of each type that has guarded fields: the root field, the permission it
# needs, and which of the fixture's objects it is.
REACH = {
    "Organization": ("organization", "organization:view", None),
    "Customer": ("customer", "customers:view", "customer"),
    "Invoice": ("invoice", "invoices:view", "invoice"),
    "CreditNote": ("creditNote", "credit_notes:view", "credit_note"),
}
GUARDED = [d for d in declarations() if d.kind == "field"]


def _document(type_name: str, field: str) -> str:
    root, _, target = REACH[type_name]
    graphql_field = schema._schema.type_map[type_name].fields[field]  # type: ignore[union-attr]
    selection = "" if is_leaf_type(get_named_type(graphql_field.type)) else " { __typename }"
    head = "query($id: ID!) " if target else "query "
    call = "(id: $id)" if target else ""
    return f"{head}{{ {root}{call} {{ __typename {field}{selection} }} }}"


def test_every_type_with_guarded_fields_can_be_reached() -> None:
    assert {d.name.split(".")[0] for d in GUARDED} <= set(REACH)
    assert len(GUARDED) >= 13


async def test_every_guarded_field_is_null_with_one_error_without_its_permission_and_set_with_it(
    factory: Factory,
) -> None:
    billed = await billed_organization(factory)
    note_id = (
        await billed.finance(CREATE, **note(billed.invoice["id"], [(billed.setup_fee, 10)], credit=12))
    ).ok("createCreditNote")["id"]
    ids = {"customer": billed.customer_id, "invoice": billed.invoice["id"], "credit_note": note_id}

    problems = []
    for index, declared in enumerate(GUARDED):
        type_name, field = declared.name.split(".")
        root, reach_permission, target = REACH[type_name]
        needs = set(declared.needs)
        await factory.role(billed.org, f"lacks_{index}", sorted(ALL_PERMISSIONS - needs))
        await factory.role(billed.org, f"holds_{index}", sorted(needs | {reach_permission}))
        lacking = await factory.member(billed.org, f"lacks_{index}")
        holding = await factory.member(billed.org, f"holds_{index}")
        document, variables = _document(type_name, field), ({"id": ids[target]} if target else {})

        without = await lacking(document, **variables)
        with_it = await holding(document, **variables)

        errors = [
            (e["path"], e["extensions"]["code"], e["extensions"].get("requiredPermissions"))
            for e in without.errors
        ]
        if errors != [([root, field], "FORBIDDEN", sorted(needs))]:
            problems.append((declared.name, "errors without", errors))
        if without.data != {root: {"__typename": type_name, field: None}}:
            problems.append((declared.name, "data without", without.data))
        if with_it.errors or with_it.data is None or with_it.data[root][field] is None:
            problems.append((declared.name, "with", with_it.body))

    assert problems == []
