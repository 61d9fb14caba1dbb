"""Every ``limit`` of the schema refuses what it cannot be before anything runs (inline, as a variable,
as a variable's default, as an integral float), and no list ever costs less than zero or less than what
it can return."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    is_required_argument,
    parse,
)

from app.db.engine import Database
from app.graphql.cost import query_cost
from app.graphql.schema import schema
from scripts.fuzz import _valid
from tests.conftest import count_statements
from tests.helpers import Factory

UUID = "00000000-0000-4000-8000-000000000000"
OUT_OF_RANGE = {"limit": "must be between 1 and 100"}

# How to reach an object of each type that holds a list taking ``limit`` (the cost is checked before
# anything runs, so the object need not exist).
_REACH = {
    "Query": ("", ""),
    "Organization": ("organization { ", " }"),
    "CurrentUser": ("currentUser { ", " }"),
    "Integration": (f'integration(id: "{UUID}") {{ ', " }"),
    "Customer": (f'customer(id: "{UUID}") {{ ', " }"),
    "Invoice": (f'invoice(id: "{UUID}") {{ ', " }"),
    "Plan": (f'plan(id: "{UUID}") {{ ', " }"),
}


def _limited_fields() -> list[tuple[str, str, bool]]:
    """(type, field, is a list) of every field of the schema taking ``limit``: a list (limit/offset) or
    a page (limit/page)."""
    found = []
    for type_name, graphql_type in schema._schema.type_map.items():
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, field in graphql_type.fields.items():
            if "limit" in field.args:
                of = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
                found.append((type_name, field_name, isinstance(of, GraphQLList)))
    return found


LIMITED = _limited_fields()


def _document(type_name: str, field_name: str, is_list: bool, arguments: str) -> str:
    before, after = _REACH[type_name]
    field = schema._schema.type_map[type_name].fields[field_name]  # type: ignore[attr-defined]
    required = [f"{n}: {_valid(a.type)}" for n, a in field.args.items() if is_required_argument(a)]
    arguments = ", ".join([arguments, *required])
    inner = "{ __typename }" if is_list else "{ collection { __typename } }"
    return f"{{ {before}{field_name}({arguments}) {inner}{after} }}"


def test_every_field_taking_a_limit_is_reachable_here() -> None:
    # given the schema's fields that take limit, when listed, then each is probed by the test below
    assert len(LIMITED) >= 31
    assert {type_name for type_name, _, _ in LIMITED} <= set(_REACH)


@pytest.mark.parametrize(
    ("type_name", "field_name", "is_list"), LIMITED, ids=[f"{t}.{f}" for t, f, _ in LIMITED]
)
async def test_every_limit_of_the_schema_is_refused_out_of_range_before_any_statement(
    factory: Factory, db: Database, type_name: str, field_name: str, is_list: bool
) -> None:
    # given an admin and a field that takes limit
    org = await factory.organization()
    second = "offset" if is_list else "page"
    variable = f"query($l: Int) {_document(type_name, field_name, is_list, 'limit: $l')}"
    defaulted = f"query($l: Int = -7) {_document(type_name, field_name, is_list, 'limit: $l')}"

    # when it is sent a limit it cannot have, inline, as a variable or as a variable's default
    with count_statements(db) as statements:
        answers = {
            f"inline {limit}": await org.admin(_document(type_name, field_name, is_list, f"limit: {limit}"))
            for limit in (-2_000_000_000, -1, 0, 101, 2_147_483_647)
        }
        answers["variable -1"] = await org.admin(variable, l=-1)
        answers["variable 0"] = await org.admin(variable, l=0)
        answers["variable 101"] = await org.admin(variable, l=101)
        answers["default -7"] = await org.admin(defaulted)
        below = -1 if is_list else 0
        other = await org.admin(_document(type_name, field_name, is_list, f"{second}: {below}"))

    # then each is VALIDATION_ERROR naming limit (or offset/page), with no data and no statement run
    for sent, response in answers.items():
        assert response.data is None, sent
        assert response.error()["extensions"] == {"code": "VALIDATION_ERROR", "fields": OUT_OF_RANGE}, sent
    expected = {"offset": "must be at least 0"} if is_list else {"page": "must be at least 1"}
    assert other.data is None
    assert other.error()["extensions"] == {"code": "VALIDATION_ERROR", "fields": expected}
    assert statements == []  # refused before authentication, let alone a resolver


async def test_a_limit_past_32_bits_inline_is_a_validation_error_naming_it(factory: Factory) -> None:
    # given an admin
    org = await factory.organization()

    # when a limit past Int's range is typed inline
    response = await org.admin("{ customers(limit: 9223372036854775808) { collection { id } } }")

    # then the literal is refused naming limit
    assert response.data is None
    assert response.error()["extensions"]["code"] == "VALIDATION_ERROR"
    assert list(response.error()["extensions"]["fields"]) == ["limit"]


def _cost(query: str, variables: dict[str, Any] | None = None) -> int:
    document = parse(query)
    operation = document.definitions[0]
    return query_cost(schema._schema, document, operation, variables, 100).fields  # type: ignore[arg-type]


def test_no_list_costs_less_than_zero_or_less_than_what_it_can_return() -> None:
    # given the heavy field of the issue, and the cheapest limit a list may have
    heavy = "customers(limit: 100) { collection { id invoices { id number } } }"

    # when costed alone, with one more field, and with its page size sent as an integer or a float
    alone = _cost(f"{{ {heavy} }}")
    with_one = _cost(f"{{ {heavy} cheap: customers(limit: 1) {{ collection {{ id }} }} }}")
    page = "query($l: Int) { customers(limit: $l) { collection { id } } }"
    as_integer = _cost(page, {"l": 100})
    as_float = _cost(page, {"l": 100.0})  # Int takes 100.0: the resolver lists 100

    # then adding a field never lowers the cost, and a page costs what it returns however it is sent
    assert alone == 2 + 100 * (1 + 1 + 100 * 2)  # customers, collection, then per customer
    assert with_one == alone + 2 + 1
    assert as_integer == 2 + 100
    assert as_float == as_integer


async def test_a_negative_integral_float_limit_is_refused_before_anything_runs(
    factory: Factory, db: Database
) -> None:
    # given an admin and a customer
    org = await factory.organization()
    (await org.admin('mutation { createCustomer(input: {externalId: "c", name: "c"}) { id } }')).ok()
    query = "query($l: Int) { customers(limit: $l) { collection { id } } others: customers { collection { id } } }"

    # when the limit is sent as a JSON float that Int takes (-5.0), beside a field that is fine
    with count_statements(db) as statements:
        response = await org.admin(query, l=-5.0)

    # then it is refused as -5 is: before execution, so nothing of the operation runs
    assert response.error()["extensions"] == {"code": "VALIDATION_ERROR", "fields": OUT_OF_RANGE}
    assert response.data is None, response.body
    assert statements == []


async def test_a_page_size_sent_as_an_integral_float_is_costed_as_the_page_it_returns(
    factory: Factory,
) -> None:
    # given the heavy field under 25 aliases, its page size a variable
    org = await factory.organization()
    heavy = "customers(limit: $l) { collection { id invoices { id number } } }"
    query = "query($l: Int) { " + " ".join(f"h{i}: {heavy}" for i in range(25)) + " }"

    # when the page size is sent as the integer 100, and as the JSON number 100.0 (which Int takes)
    as_integer = await org.admin(query, l=100)
    as_float = await org.admin(query, l=100.0)

    # then both are the same 100-customer pages, costed alike: rejected before anything runs
    assert as_integer.error()["message"] == "Query cost 505050 exceeds 200000"
    assert as_float.code == "QUERY_REJECTED", as_float.body
    assert as_float.error()["message"] == "Query cost 505050 exceeds 200000"
