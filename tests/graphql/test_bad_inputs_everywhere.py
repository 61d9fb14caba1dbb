"""Every bad input answered in the contract, past the common cases: each custom scalar given every
wrong kind of inline literal, values past 64 bits either way, JSON nested thousands deep inline and as
a variable (and variables inside a JSON literal), every list filter of the schema past its bound, and
schema-level errors named down to the list item."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from graphql import GraphQLEnumType, get_named_type, get_nullable_type, is_list_type

from app.core.validation import MAX_AMOUNT_CENTS
from app.graphql.input_errors import MAX_LIST_ITEMS
from app.graphql.scalars import MAX_JSON_DEPTH
from app.graphql.schema import schema
from tests.helpers import Factory, Response

UUID = "00000000-0000-4000-8000-000000000000"
WHOLE = "is not a whole number (an optional minus and ASCII digits)"
OUT_OF_RANGE = f"must be between -{MAX_AMOUNT_CENTS} and {MAX_AMOUNT_CENTS}"
NOT_DATE_TIME = "expected an ISO 8601 date-time string"
NOT_DATE = "expected an ISO 8601 date string (YYYY-MM-DD)"
NESTED = f"JSON values nest at most {MAX_JSON_DEPTH} levels deep"

ADD_ON = (
    'mutation { createAddOn(input: {name: "a", code: "a", amountCents: %s, amountCurrency: "EUR"}) { id } }'
)
AUDIT = "{ auditLogs(fromTime: %s) { metadata { totalCount } } }"
INVOICES = "{ invoices(issuingDateFrom: %s) { metadata { totalCount } } }"
EVENT = (
    'mutation { createEvent(input: {transactionId: "t", externalSubscriptionId: "s", code: "c", '
    "properties: %s}) { status } }"
)

# (the document with %s where the literal goes, the literal, the field named, the problem)
INLINE: list[tuple[str, str, str, str]] = [
    (ADD_ON, "true", "amountCents", "expected a whole number"),
    (ADD_ON, "[1]", "amountCents", "expected a whole number"),
    (ADD_ON, "{a: 1}", "amountCents", "expected a whole number"),
    (ADD_ON, "ABC", "amountCents", f"'ABC' {WHOLE}"),
    (ADD_ON, "null", "amountCents", "must not be null"),
    (ADD_ON, "-9223372036854775809", "amountCents", OUT_OF_RANGE),
    (ADD_ON, "99999999999999999999999999999999999999", "amountCents", OUT_OF_RANGE),
    (ADD_ON, '"-9223372036854775809"', "amountCents", OUT_OF_RANGE),
    (ADD_ON, '"\uff11\uff12"', "amountCents", f"'\uff11\uff12' {WHOLE}"),  # full-width digits
    (ADD_ON, '"12\\n"', "amountCents", f"'12\n' {WHOLE}"),
    (ADD_ON, '"-"', "amountCents", f"'-' {WHOLE}"),
    (AUDIT, "true", "fromTime", NOT_DATE_TIME),
    (AUDIT, '["2026-01-01T00:00:00Z"]', "fromTime", NOT_DATE_TIME),
    (AUDIT, "{a: 1}", "fromTime", NOT_DATE_TIME),
    (AUDIT, "NOW", "fromTime", "'NOW' is not an ISO 8601 date-time"),
    (
        AUDIT,
        '"9999-12-31T23:59:59-01:00"',
        "fromTime",
        "'9999-12-31T23:59:59-01:00' is not an ISO 8601 date-time",
    ),
    (INVOICES, "20240101", "issuingDateFrom", NOT_DATE),
    (
        INVOICES,
        '"2024-01-01T00:00:00Z"',
        "issuingDateFrom",
        "'2024-01-01T00:00:00Z' is not an ISO 8601 date (YYYY-MM-DD)",
    ),
    (INVOICES, '"0000-01-01"', "issuingDateFrom", "'0000-01-01' is not an ISO 8601 date (YYYY-MM-DD)"),
    (INVOICES, "TODAY", "issuingDateFrom", "'TODAY' is not an ISO 8601 date (YYYY-MM-DD)"),
    (EVENT, "{a: 1e400}", "properties", "JSON numbers are finite"),
    (EVENT, "{a: " * 150 + "1" + "}" * 150, "properties", NESTED),
    (EVENT, "[" * 150 + "1" + "]" * 150, "properties", NESTED),
    ("{ role(id: %s) { id } }", "1.5", "id", "ID cannot represent a non-string and non-integer value: 1.5"),
]


def _assert_names(response: Response, fields: dict[str, str]) -> None:
    assert response.status == 200
    assert response.data is None, response.body
    assert response.error()["extensions"] == {"code": "VALIDATION_ERROR", "fields": fields}


@pytest.mark.parametrize(
    ("document", "literal", "field", "problem"), INLINE, ids=[f"{f}-{lit[:24]}" for _, lit, f, _ in INLINE]
)
async def test_every_wrong_kind_of_inline_custom_scalar_is_a_validation_error_naming_it(
    factory: Factory, document: str, literal: str, field: str, problem: str
) -> None:
    # given an admin
    org = await factory.organization()

    # when a custom scalar is typed inline with a value of the wrong kind
    response = await org.admin(document % literal)

    # then it is VALIDATION_ERROR naming the input, never INTERNAL_ERROR
    _assert_names(response, {field: problem})


@pytest.mark.parametrize(
    "value", [1e20, 12.5, True, 10**30, -(10**30), [1], {"a": 1}], ids=lambda v: type(v).__name__ + str(v)[:8]
)
async def test_big_int_variables_of_any_kind_past_the_bound_or_not_whole_are_named(
    factory: Factory, value: Any
) -> None:
    # given an admin
    org = await factory.organization()

    # when an amount is sent as a variable that is not a whole number within the bound
    response = await org.admin(
        'mutation($a: BigInt!) { createAddOn(input: {name: "a", code: "a", amountCents: $a, '
        'amountCurrency: "EUR"}) { id } }',
        a=value,
    )

    # then it is refused naming amountCents, and nothing is written
    problem = (
        OUT_OF_RANGE if isinstance(value, int) and not isinstance(value, bool) else "expected a whole number"
    )
    _assert_names(response, {"amountCents": problem})
    listed = await org.admin("{ addOns { metadata { totalCount } } }")
    assert listed.ok("addOns")["metadata"]["totalCount"] == 0


@pytest.mark.parametrize("opening", ["{a: ", "["], ids=["objects", "lists"])
async def test_json_nested_5000_deep_inline_is_a_validation_error(factory: Factory, opening: str) -> None:
    # given an admin
    org = await factory.organization()
    closing = "}" if opening == "{a: " else "]"

    # when a JSON literal nests 5,000 deep (within the body limit)
    response = await org.admin(EVENT % (opening * 5000 + "1" + closing * 5000))

    # then it is answered in the contract, as JSON
    assert response.status == 200
    assert response.data is None
    assert response.error()["extensions"] == {"code": "VALIDATION_ERROR"}
    assert response.error()["message"] == "Syntax Error: Document is nested too deeply. Parsing aborted."


async def test_a_json_variable_nested_5000_deep_is_a_validation_error_as_json(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    # given an admin and a JSON variable of objects nested 5,000 deep
    org = await factory.organization()
    query = (
        'mutation($p: JSON) { createEvent(input: {transactionId: "t", externalSubscriptionId: "s", '
        'code: "c", properties: $p}) { status } }'
    )
    body = (
        '{"query": ' + json.dumps(query) + ', "variables": {"p": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}}"
    )

    # when it is posted
    reply = await client.post(
        "/graphql",
        content=body.encode(),
        headers={"content-type": "application/json", "authorization": f"Bearer {org.admin.token}"},
    )

    # then it is a JSON VALIDATION_ERROR, not a plain-text 500
    assert reply.status_code == 400
    assert reply.headers["content-type"] == "application/json"
    (error,) = reply.json()["errors"]
    assert error["extensions"] == {"code": "VALIDATION_ERROR"}
    assert "nests deeper" in error["message"]


async def test_a_json_variable_one_level_past_the_bound_is_named(factory: Factory) -> None:
    # given an admin
    org = await factory.organization()
    deep: Any = 1
    for _ in range(MAX_JSON_DEPTH + 1):
        deep = {"a": deep}

    # when event properties nest one level past the bound, as a variable
    response = await org.admin(
        'mutation($p: JSON) { createEvent(input: {transactionId: "t", externalSubscriptionId: "s", '
        'code: "c", properties: $p}) { status } }',
        p=deep,
    )

    # then the property is named
    _assert_names(response, {"properties": NESTED})


def _list_arguments() -> list[tuple[str, str, Any]]:
    """Every list argument of a root field whose items are enums: (field, argument, an item)."""
    found = []
    for field_name, field in schema._schema.query_type.fields.items():  # type: ignore[union-attr]
        for name, argument in field.args.items():
            item = get_named_type(argument.type)
            if is_list_type(get_nullable_type(argument.type)) and isinstance(item, GraphQLEnumType):
                found.append((field_name, name, next(iter(item.values))))
    return found


LIST_ARGUMENTS = _list_arguments()


@pytest.mark.parametrize(
    ("field", "argument", "item"), LIST_ARGUMENTS, ids=[f"{f}.{a}" for f, a, _ in LIST_ARGUMENTS]
)
async def test_every_list_filter_past_the_bound_is_named_and_40000_items_too(
    factory: Factory, field: str, argument: str, item: str
) -> None:
    # given an admin and a list filter of the schema
    org = await factory.organization()
    root = schema._schema.query_type
    assert root is not None
    item_type = get_named_type(root.fields[field].args[argument].type)
    query = f"query($v: [{item_type.name}!]) {{ {field}({argument}: $v) {{ metadata {{ totalCount }} }} }}"

    # when it is sent one item past the bound, and 40,000 items
    one_past = await org.admin(query, v=[item] * (MAX_LIST_ITEMS + 1))
    forty_thousand = await org.admin(query, v=[item] * 40_000)
    at_the_bound = await org.admin(query, v=[item] * MAX_LIST_ITEMS)

    # then both are VALIDATION_ERROR naming the filter, and the bound itself is taken
    _assert_names(one_past, {argument: f"holds at most {MAX_LIST_ITEMS} items"})
    _assert_names(forty_thousand, {argument: f"holds at most {MAX_LIST_ITEMS} items"})
    assert at_the_bound.ok(field)["metadata"]["totalCount"] == 0


def test_the_list_filters_audited_are_all_of_them() -> None:
    # given the schema, when its enum list filters are listed, then the nine of the era are there
    assert {(f, a) for f, a, _ in LIST_ARGUMENTS} >= {
        ("subscriptions", "status"),
        ("invoices", "status"),
        ("invoices", "invoiceType"),
        ("invoices", "paymentStatus"),
        ("creditNotes", "status"),
        ("creditNotes", "reason"),
        ("webhooks", "status"),
        ("webhooks", "eventType"),
        ("billableMetrics", "aggregationTypes"),
    }


async def test_a_40000_item_filter_typed_inline_is_rejected_in_the_contract(factory: Factory) -> None:
    # given an admin
    org = await factory.organization()

    # when 40,000 statuses are typed inline
    response = await org.admin(
        "{ subscriptions(status: [" + "ACTIVE " * 40_000 + "]) { metadata { totalCount } } }"
    )

    # then the document is refused for its size, in the contract
    assert response.status == 200
    assert response.error()["extensions"] == {"code": "QUERY_REJECTED"}
    assert response.error()["message"] == "Document has more than 3000 tokens"


@pytest.mark.parametrize(
    ("operation", "variables", "fields"),
    [
        (  # a wrong enum inside a list, inline: the item is named
            "{ subscriptions(status: [ACTIVE, NOPE]) { metadata { totalCount } } }",
            None,
            {"status.1": "Value 'NOPE' does not exist in 'SubscriptionStatus' enum."},
        ),
        (  # the same as a variable
            "query($s: [SubscriptionStatus!]) { subscriptions(status: $s) { metadata { totalCount } } }",
            {"s": ["ACTIVE", "NOPE"]},
            {"status.1": "Value 'NOPE' does not exist in 'SubscriptionStatus' enum."},
        ),
        (  # a wrong type, inline
            f'mutation {{ createInvoice(input: {{customerId: "{UUID}", currency: 5, fees: []}}) {{ id }} }}',
            None,
            {"currency": "String cannot represent a non string value: 5"},
        ),
        (  # a wrong enum at the top of an input, as a variable
            "mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }",
            {"i": {"name": "P", "code": "p", "interval": "NOPE", "amountCents": 1, "amountCurrency": "EUR"}},
            {"interval": "Value 'NOPE' does not exist in 'PlanInterval' enum."},
        ),
        (  # an Int argument past 32 bits, inline
            "{ customers(page: 99999999999) { metadata { totalCount } } }",
            None,
            {"page": "Int cannot represent non 32-bit signed integer value: 99999999999"},
        ),
    ],
    ids=["enum-in-list-inline", "enum-in-list-variable", "wrong-type-inline", "enum-variable", "int-32-bits"],
)
async def test_schema_level_errors_name_the_input_down_to_the_item(
    factory: Factory, operation: str, variables: dict[str, Any] | None, fields: dict[str, str]
) -> None:
    # given an admin
    org = await factory.organization()

    # when a schema-level input error is sent
    response = await org.admin(operation, **(variables or {}))

    # then it names its input path in extensions.fields
    _assert_names(response, fields)


async def test_a_missing_input_field_as_a_variable_names_every_missing_one(factory: Factory) -> None:
    # given an admin
    org = await factory.organization()

    # when an input lacks several required fields
    response = await org.admin(
        "mutation($i: CreateAddOnInput!) { createAddOn(input: $i) { id } }", i={"name": "a"}
    )

    # then each is named as required, and nothing else is said
    assert response.data is None
    assert {e["extensions"]["code"] for e in response.errors} == {"VALIDATION_ERROR"}
    named: dict[str, str] = {}
    for error in response.errors:
        named.update(error["extensions"]["fields"])
    assert named == {"code": "is required", "amountCents": "is required", "amountCurrency": "is required"}


@pytest.mark.parametrize("value", [1, {"plan": "pro"}, "x"], ids=["number", "object", "string"])
async def test_a_variable_inside_a_json_literal_is_taken_as_its_value(factory: Factory, value: Any) -> None:
    # given an admin (the spec lets a variable stand inside a list or object literal, JSON's included)
    org = await factory.organization()

    # when event properties are written inline around a variable
    response = await org.admin(
        'mutation($v: JSON) { createEvent(input: {transactionId: "t", externalSubscriptionId: "s", '
        'code: "c", properties: {a: $v}}) { status } }',
        v=value,
    )

    # then the literal is valid: the event is refused only for what the service knows (no such metric)
    assert response.errors, response.body
    fields = response.error()["extensions"].get("fields", {})
    assert "properties" not in fields, response.body
    assert response.error()["extensions"]["code"] == "VALIDATION_ERROR"
