"""Bad input, typed inline as in GraphiQL or sent as variables, is answered ``VALIDATION_ERROR`` naming
the input in ``extensions.fields`` (as the services name theirs), never ``INTERNAL_ERROR``."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.validation import MAX_AMOUNT_CENTS
from app.graphql.input_errors import MAX_LIST_ITEMS
from app.graphql.scalars import MAX_JSON_DEPTH
from tests.helpers import Factory, Response

UUID = "00000000-0000-4000-8000-000000000000"
WHOLE = "is not a whole number (an optional minus and ASCII digits)"
OUT_OF_RANGE = f"must be between -{MAX_AMOUNT_CENTS} and {MAX_AMOUNT_CENTS}"


def _deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = {"a": value}
    return value


def _deep_literal(levels: int) -> str:
    return "{a: " * levels + "1" + "}" * levels


# (scalar, the operation with {value} where the value goes, its variable's type, the field, literal, value,
# the problem)
CASES: list[tuple[str, str, str, str, str, Any, str]] = [
    (
        "BigInt",
        'mutation { createAddOn(input: {name: "a", code: "a", amountCents: {value}, amountCurrency: "EUR"}) '
        "{ id } }",
        "BigInt!",
        "amountCents",
        '"abc"',
        "abc",
        f"'abc' {WHOLE}",
    ),
    (
        "BigInt",
        'mutation { createAddOn(input: {name: "a", code: "a", amountCents: {value}, amountCurrency: "EUR"}) '
        "{ id } }",
        "BigInt!",
        "amountCents",
        "9223372036854775808",
        9223372036854775808,
        OUT_OF_RANGE,
    ),
    (
        "BigInt",
        'mutation { createAddOn(input: {name: "a", code: "a", amountCents: {value}, amountCurrency: "EUR"}) '
        "{ id } }",
        "BigInt!",
        "amountCents",
        "12.5",
        12.5,
        "expected a whole number",
    ),
    (
        "DateTime",
        f'mutation {{ createSubscription(input: {{customerId: "{UUID}", planId: "{UUID}", externalId: "s", '
        "subscriptionAt: {value}}) { id } }",
        "DateTime",
        "subscriptionAt",
        '"yesterday"',
        "yesterday",
        "'yesterday' is not an ISO 8601 date-time",
    ),
    (
        "DateTime",
        "{ auditLogs(fromTime: {value}) { metadata { totalCount } } }",
        "DateTime",
        "fromTime",
        '"garbage"',
        "garbage",
        "'garbage' is not an ISO 8601 date-time",
    ),
    (
        "DateTime",
        "{ auditLogs(fromTime: {value}) { metadata { totalCount } } }",
        "DateTime",
        "fromTime",
        '"0001-01-01T00:00:00+01:00"',
        "0001-01-01T00:00:00+01:00",
        "'0001-01-01T00:00:00+01:00' is not an ISO 8601 date-time",
    ),
    (
        "DateTime",
        "{ auditLogs(fromTime: {value}) { metadata { totalCount } } }",
        "DateTime",
        "fromTime",
        "5",
        5,
        "expected an ISO 8601 date-time string",
    ),
    (
        "Date",
        "{ invoices(issuingDateFrom: {value}) { metadata { totalCount } } }",
        "Date",
        "issuingDateFrom",
        '"2024-13-45"',
        "2024-13-45",
        "'2024-13-45' is not an ISO 8601 date (YYYY-MM-DD)",
    ),
    (
        "JSON",
        'mutation { createEvent(input: {transactionId: "t", externalSubscriptionId: "s", code: "c", '
        "properties: {value}}) { status } }",
        "JSON",
        "properties",
        _deep_literal(MAX_JSON_DEPTH + 1),
        _deep(MAX_JSON_DEPTH + 1),
        f"JSON values nest at most {MAX_JSON_DEPTH} levels deep",
    ),
]


def _with_variable(operation: str, variable_type: str) -> str:
    kind, rest = (
        ("mutation", operation[len("mutation ") :])
        if operation.startswith("mutation")
        else ("query", operation)
    )
    return f"{kind}($value: {variable_type}) " + rest.replace("{value}", "$value")


def _assert_names(response: Response, fields: dict[str, str]) -> None:
    assert response.data is None
    error = response.error()
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "fields": fields}


@pytest.mark.parametrize(
    ("operation", "variable_type", "field", "literal", "value", "problem"),
    [case[1:] for case in CASES],
    ids=[f"{case[0]}-{case[3]}-{case[4][:20]}" for case in CASES],
)
async def test_a_malformed_custom_scalar_inline_or_as_a_variable_is_a_validation_error_naming_it(
    factory: Factory, operation: str, variable_type: str, field: str, literal: str, value: Any, problem: str
) -> None:
    org = await factory.organization()

    inline = await org.admin(operation.replace("{value}", literal))
    as_variable = await org.admin(_with_variable(operation, variable_type), value=value)

    _assert_names(inline, {field: problem})
    _assert_names(as_variable, {field: problem})


@pytest.mark.parametrize("given", ["1_000", "١٢٣", " 12 ", "+5", "0x10", "1e3", "", "--1"])
async def test_big_int_takes_an_optional_minus_and_ascii_digits_only(factory: Factory, given: str) -> None:
    org = await factory.organization()
    create = (
        "mutation($amount: BigInt!) { createAddOn(input: "
        '{name: "Setup", code: "setup", amountCents: $amount, amountCurrency: "EUR"}) { amountCents } }'
    )

    refused = await org.admin(create, amount=given)
    inline = await org.admin(
        create.replace("mutation($amount: BigInt!)", "mutation").replace("$amount", f'"{given}"')
    )

    _assert_names(refused, {"amountCents": f"'{given}' {WHOLE}"})
    _assert_names(inline, {"amountCents": f"'{given}' {WHOLE}"})
    assert (await org.admin("{ addOns { metadata { totalCount } } }")).ok("addOns")["metadata"][
        "totalCount"
    ] == 0


async def test_big_int_accepts_digits_and_a_minus_as_strings_or_numbers_up_to_the_maximum(
    factory: Factory,
) -> None:
    org = await factory.organization()
    create = (
        "mutation($code: String!, $amount: BigInt!) { createAddOn(input: "
        '{name: "Setup", code: $code, amountCents: $amount, amountCurrency: "EUR"}) { amountCents } }'
    )

    as_string = await org.admin(create, code="a", amount="0012")
    as_number = await org.admin(create, code="b", amount=MAX_AMOUNT_CENTS)
    too_much = await org.admin(create, code="c", amount=str(MAX_AMOUNT_CENTS + 1))
    negative = await org.admin(create, code="d", amount="-5")

    assert as_string.ok("createAddOn") == {"amountCents": 12}
    assert as_number.ok("createAddOn") == {"amountCents": MAX_AMOUNT_CENTS}
    _assert_names(too_much, {"amountCents": OUT_OF_RANGE})
    assert negative.error()["extensions"]["code"] == "VALIDATION_ERROR"
    assert list(negative.error()["extensions"]["fields"]) == ["amountCents"]


@pytest.mark.parametrize(
    ("operation", "variables", "fields"),
    [
        (  # a wrong enum, inline
            'mutation { createPlan(input: {name: "P", code: "p", interval: FORTNIGHTLY, amountCents: 1, '
            'amountCurrency: "EUR"}) { id } }',
            None,
            {"interval": "Value 'FORTNIGHTLY' does not exist in 'PlanInterval' enum."},
        ),
        (  # a wrong enum deep in a list, as a variable
            "mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }",
            {
                "input": {
                    "name": "P",
                    "code": "p",
                    "interval": "MONTHLY",
                    "amountCents": 1,
                    "amountCurrency": "EUR",
                    "charges": [{"billableMetricId": UUID, "chargeModel": "NOPE", "properties": {}}],
                }
            },
            {"charges.0.chargeModel": "Value 'NOPE' does not exist in 'ChargeModel' enum."},
        ),
        (  # a wrong type, as a variable
            "mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }",
            {"input": {"customerId": UUID, "currency": 5, "fees": []}},
            {"currency": "String cannot represent a non string value: 5"},
        ),
        (  # a missing field, inline
            'mutation { loginUser(input: {email: "a@example.com"}) { token } }',
            None,
            {"password": "is required"},
        ),
        (  # a missing field, as a variable
            "mutation($input: LoginUserInput!) { loginUser(input: $input) { token } }",
            {"input": {"email": "a@example.com"}},
            {"password": "is required"},
        ),
        (  # an unknown field, inline
            'mutation { loginUser(input: {email: "a@example.com", password: "x", otp: "1"}) { token } }',
            None,
            {"otp": "is not a field of this input"},
        ),
        (  # a missing argument
            "{ role { id } }",
            None,
            {"id": "is required"},
        ),
        (  # a missing variable of a required type
            "query($id: ID!) { role(id: $id) { id } }",
            {},
            {"id": "is required"},
        ),
    ],
)
async def test_schema_level_errors_name_the_input(
    factory: Factory, operation: str, variables: dict[str, Any] | None, fields: dict[str, str]
) -> None:
    org = await factory.organization()

    response = await org.admin(operation, **(variables or {}))

    _assert_names(response, fields)


async def test_a_variable_inside_an_inline_input_is_named_where_it_is_used(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(
        'mutation($when: DateTime) { createSubscription(input: {customerId: "'
        + UUID
        + '", planId: "'
        + UUID
        + '", externalId: "s", subscriptionAt: $when}) { id } }',
        when="tomorrow",
    )

    _assert_names(response, {"subscriptionAt": "'tomorrow' is not an ISO 8601 date-time"})


@pytest.mark.parametrize("inline", [False, True])
async def test_a_list_past_the_bound_is_refused_naming_it_before_any_statement(
    factory: Factory, inline: bool
) -> None:
    org = await factory.organization()
    statuses = ["ACTIVE"] * (MAX_LIST_ITEMS + 1) if inline else ["ACTIVE"] * 40_000
    query = (
        "query($status: [SubscriptionStatus!]) { subscriptions(status: $status) { metadata { totalCount } } }"
    )
    if inline:
        query = "{ subscriptions(status: [" + " ".join(statuses) + "]) { metadata { totalCount } } }"

    response = await org.admin(query, **({} if inline else {"status": statuses}))
    at_the_bound = await org.admin(
        "query($status: [SubscriptionStatus!]) { subscriptions(status: $status) { metadata { totalCount } } }",
        status=["ACTIVE"] * MAX_LIST_ITEMS,
    )

    _assert_names(response, {"status": f"holds at most {MAX_LIST_ITEMS} items"})
    assert at_the_bound.ok("subscriptions") == {"metadata": {"totalCount": 0}}


async def test_a_list_past_the_bound_deep_in_an_input_is_named(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin(
        "mutation($input: CreateCouponInput!) { createCoupon(input: $input) { id } }",
        input={
            "name": "C",
            "code": "c",
            "couponType": "FIXED_AMOUNT",
            "frequency": "ONCE",
            "amountCents": 100,
            "amountCurrency": "EUR",
            "planIds": [UUID] * (MAX_LIST_ITEMS + 1),
        },
    )

    _assert_names(response, {"planIds": f"holds at most {MAX_LIST_ITEMS} items"})
