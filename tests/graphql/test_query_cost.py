"""Query cost as an attacker would try it: impossible page sizes, lists that grow with the data, the
schema's every list bounded, and introspection as GraphiQL sends it."""

from __future__ import annotations

import pytest
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, get_introspection_query

from app.db.engine import Database
from app.graphql.bounds import BOUNDS
from app.graphql.schema import schema
from tests.catalogue import CREATE_PLAN, metric, standard, tax
from tests.conftest import count_statements, make_client, settings_for_tests
from tests.helpers import Api, Factory, Member

HEAVY = "customers(limit: 100) { collection { id invoices { id number } } }"
ADD_ON = """mutation { createAddOn(input: {name: "Setup", code: "setup", amountCents: 100,
  amountCurrency: "EUR"}) { id } }"""
CUSTOMER = """mutation($e: String!) { createCustomer(input: {externalId: $e, name: $e, currency: "EUR"})
  { id } }"""
INVOICE = """mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR",
  fees: [{addOnId: $a}]}) { number } }"""
# GraphiQL 5 builds its schema query with graphql-js's getIntrospectionQuery; these are every option it
# can turn on (the deepest form: 15 levels through the TypeRef fragment).
GRAPHIQL = get_introspection_query(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
    one_of=True,
)


async def add_on(admin: Member) -> str:
    return str((await admin(ADD_ON)).ok("createAddOn")["id"])


async def customer_with_invoices(admin: Member, add_on_id: str, name: str, invoices: int) -> str:
    customer = str((await admin(CUSTOMER, e=name)).ok("createCustomer")["id"])
    for _ in range(invoices):
        (await admin(INVOICE, c=customer, a=add_on_id)).ok()
    return customer


@pytest.mark.parametrize("limit", [-2_000_000_000, -1, 0, 101])
async def test_a_limit_out_of_range_is_refused_before_anything_runs(factory: Factory, limit: int) -> None:
    org = await factory.organization()

    literal = await org.admin(f"{{ customers(limit: {limit}) {{ collection {{ id }} }} }}")
    variable = await org.admin("query($l: Int) { customers(limit: $l) { collection { id } } }", l=limit)
    on_a_list = await org.admin(f"{{ organization {{ roles(limit: {limit}) {{ code }} }} }}")

    for response in (literal, variable, on_a_list):
        assert response.code == "VALIDATION_ERROR"
        assert response.error()["extensions"]["fields"] == {"limit": "must be between 1 and 100"}
        assert response.data is None


async def test_a_negative_offset_or_page_is_refused(factory: Factory) -> None:
    org = await factory.organization()

    offset = await org.admin("{ organization { roles(offset: -1) { code } } }")
    page = await org.admin("query($p: Int) { customers(page: $p) { collection { id } } }", p=0)

    assert offset.error()["extensions"]["fields"] == {"offset": "must be at least 0"}
    assert page.error()["extensions"]["fields"] == {"page": "must be at least 1"}


async def test_a_negative_limit_no_longer_pays_for_heavy_aliases(factory: Factory) -> None:
    org = await factory.organization()
    heavy = " ".join(f"h{i}: {HEAVY}" for i in range(25))

    alone = await org.admin(f"{{ {heavy} }}")
    with_negative = await org.admin(
        f"{{ {heavy} cheap: customers(limit: -2000000000) {{ collection {{ id }} }} }}"
    )

    assert alone.code == "QUERY_REJECTED"
    assert with_negative.code == "VALIDATION_ERROR"
    assert with_negative.error()["extensions"]["fields"] == {"limit": "must be between 1 and 100"}
    assert with_negative.data is None


async def test_a_customers_invoices_are_costed_as_the_page_they_are(factory: Factory) -> None:
    org = await factory.organization()
    customer = await customer_with_invoices(org.admin, await add_on(org.admin), "c", 1)
    inner = "id number sequentialId status currency totalAmountCents createdAt issuingDate"
    aliases = " ".join(f"a{i}: invoices {{ customer {{ invoices {{ {inner} }} }} }}" for i in range(3))

    nested = await org.admin(f"query($id: ID!) {{ customer(id: $id) {{ {aliases} }} }}", id=customer)
    limited = await org.admin(
        "query($id: ID!) { customer(id: $id) { invoices(limit: 5) { customer { invoices(limit: 5) { id } } } } }",
        id=customer,
    )

    assert nested.code == "QUERY_REJECTED"  # 3 x 100 x 100 x 8 fields (it was costed 3 x 10 x 10 x 8)
    assert nested.error()["message"] == "Query cost 240604 exceeds 200000"
    assert len(limited.ok("customer")["invoices"][0]["customer"]["invoices"]) == 1


async def test_a_list_takes_its_window_per_parent_in_one_statement(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    setup = await add_on(org.admin)
    await customer_with_invoices(org.admin, setup, "c0", 3)
    query = "{ customers { collection { externalId invoices(limit: 2, offset: 1) { sequentialId } } } }"
    with count_statements(db) as one:
        alone = (await org.admin(query)).ok("customers")["collection"]
    for name in ("c1", "c2"):
        await customer_with_invoices(org.admin, setup, name, 3)

    with count_statements(db) as three:
        together = (await org.admin(query)).ok("customers")["collection"]

    assert alone == [{"externalId": "c0", "invoices": [{"sequentialId": 2}, {"sequentialId": 1}]}]
    assert {c["externalId"]: [i["sequentialId"] for i in c["invoices"]] for c in together} == {
        "c2": [8, 7],  # newest first, the newest skipped
        "c1": [5, 4],
        "c0": [2, 1],
    }
    assert len(one) == len(three)
    assert sum("row_number() OVER (PARTITION BY" in statement for statement in three) == 1


def _page_types() -> set[str]:
    """Types returned by a field that takes ``limit`` without being a list: pages, whose lists are
    costed by that ``limit``."""
    found = set()
    for graphql_type in schema._schema.type_map.values():
        if isinstance(graphql_type, GraphQLObjectType) and not graphql_type.name.startswith("__"):
            for field in graphql_type.fields.values():
                of = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
                if "limit" in field.args and not isinstance(of, GraphQLList):
                    found.add(getattr(of, "name", ""))
    return found


def test_every_list_of_the_schema_is_paginated_or_has_a_real_bound() -> None:
    pages = _page_types()
    unbounded = []
    declared_and_seen = set()
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        for field_name, field in graphql_type.fields.items():
            of = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
            if not isinstance(of, GraphQLList):
                continue
            key = f"{name}.{field_name}"
            if key in BOUNDS:
                declared_and_seen.add(key)
            elif "limit" not in field.args and name not in pages:
                unbounded.append(key)

    assert unbounded == [], "a list that grows with the data takes limit/offset; others declare a bound"
    assert set(BOUNDS) == declared_and_seen, "a bound is declared for a list that no longer exists"
    assert all(bound({}) > 0 for bound, _ in BOUNDS.values())
    assert {"Customer.invoices", "Invoice.creditNotes", "Organization.members"}.isdisjoint(BOUNDS)


async def test_the_rules_behind_the_bounds_hold(factory: Factory) -> None:
    org = await factory.organization()
    calls = await metric(org.admin, "calls")
    codes = [(await tax(org.admin, f"t{i}", "1"))["code"] for i in range(11)]
    plan = {"name": "P", "code": "p", "interval": "MONTHLY", "amountCents": 0, "amountCurrency": "EUR"}

    too_many_charges = await org.admin(CREATE_PLAN, input={**plan, "charges": [standard(calls["id"])] * 21})
    too_many_taxes = await org.admin(CREATE_PLAN, input={**plan, "taxCodes": codes})
    tiers = [
        {"fromValue": str(i), "toValue": str(i + 1), "perUnitAmount": "1", "flatAmount": "0"}
        for i in range(21)
    ]
    graduated = {
        "billableMetricId": calls["id"],
        "chargeModel": "GRADUATED",
        "properties": {"graduatedRanges": tiers},
    }
    too_many_tiers = await org.admin(CREATE_PLAN, input={**plan, "charges": [graduated]})

    assert too_many_charges.error()["extensions"]["fields"] == {"charges": "a plan has at most 20 charges"}
    assert too_many_taxes.error()["extensions"]["fields"] == {
        "taxCodes": "at most 10 taxes apply to one object"
    }
    assert too_many_tiers.error()["extensions"]["fields"] == {
        "charges.0.properties.graduatedRanges": "at most 20 tiers"
    }


async def test_graphiql_loads_the_schema_on_a_default_start(api: Api) -> None:
    response = await api(GRAPHIQL)

    found = response.ok("__schema")
    assert found["queryType"]["name"] == "Query"
    assert {t["name"] for t in found["types"]} >= {"Customer", "Invoice", "BigInt"}


HEAVY_INTROSPECTION = (
    "types { fields { args { type { name } } type { fields { args { name } type { name } } } } }"
)


async def test_the_introspection_exemption_does_not_exempt_anything_else(factory: Factory) -> None:
    org = await factory.organization()
    deep = "invoices { customer { " * 6 + "id" + " } }" * 6
    mixed = f"{{ __schema {{ types {{ name }} }} customers {{ collection {{ {deep} }} }} }}"
    thirty = "{ " + " ".join(f"s{i}: __schema {{ {HEAVY_INTROSPECTION} }}" for i in range(30)) + " }"

    deep_with_introspection = await org.admin(mixed)
    copies = await org.admin(thirty)

    assert deep_with_introspection.error()["message"] == "Query depth 15 exceeds 12"
    assert copies.code == "QUERY_REJECTED"
    assert copies.error()["message"].startswith("Introspection cost ")


async def test_a_response_over_the_size_limit_is_rejected(db: Database) -> None:
    settings = settings_for_tests(max_response_bytes=2_000)
    async with make_client(settings, db) as client:
        api = Api(client)
        small = await api("{ __typename }")
        large = await api("{ __schema { types { name description } } }")

    assert small.ok() == {"__typename": "Query"}
    assert large.code == "QUERY_REJECTED"
    assert (
        large.error()["message"] == "The response would be over 2000 bytes: ask for fewer objects or fields"
    )
    assert large.data is None
