"""Runaway work: while the most expensive query the server accepts runs, another caller is answered
within 100 ms; a statement past the timeout answers ``QUERY_REJECTED`` and leaves nothing; and
GraphiQL's own introspection query loads the schema on a default start."""

from __future__ import annotations

import asyncio
import gc
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from graphql import (
    get_introspection_query,
    parse,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db.engine import Database
from app.graphql.cost import query_cost
from app.graphql.schema import schema
from app.main import tune_garbage_collector
from app.settings import Settings
from scripts.bench_query_cost import attack
from tests.conftest import make_client, settings_for_tests
from tests.helpers import Api, Factory, Member

UUID = "00000000-0000-4000-8000-000000000000"


def _cost(query: str, variables: dict[str, Any] | None = None) -> int:
    document = parse(query)
    operation = document.definitions[0]
    return query_cost(schema._schema, document, operation, variables, 100).fields  # type: ignore[arg-type]


ADD_ON = """mutation { createAddOn(input: {name: "Setup", code: "setup", amountCents: 100,
  amountCurrency: "EUR"}) { id } }"""
INVOICE = """mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR",
  fees: [{addOnId: $a}]}) { id } }"""


@pytest.fixture
async def live(
    committed_db: Database, engine: AsyncEngine
) -> AsyncIterator[tuple[Factory, httpx.AsyncClient]]:
    """A client on a pool of real connections (concurrent requests), data wiped afterwards, with the
    garbage collector tuned as ``billgraph serve`` tunes it (a test process's untuned collector, over
    all of pytest's objects, pauses 120 ms now and then whatever the server does)."""
    settings = settings_for_tests()
    thresholds = gc.get_threshold()
    tune_garbage_collector()
    try:
        async with make_client(settings, committed_db) as client:
            yield Factory(committed_db, settings, Api(client)), client
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _largest_accepted(settings: Settings) -> tuple[int, int]:
    """The aliases and inner limit of the costliest invoices → customer → invoices query accepted."""
    best, work = (0, 0), 0
    for aliases in range(1, settings.max_aliases + 1):
        low, high = 0, 100  # the largest inner limit accepted with this many aliases
        while low < high:
            middle = (low + high + 1) // 2
            if _cost(attack(aliases, middle, True), {"id": UUID}) > settings.max_query_cost:
                high = middle - 1
            else:
                low = middle
        inner = low
        if aliases * inner > work:
            best, work = (aliases, inner), aliases * inner
    return best


async def _customer_with_invoices(admin: Member, count: int) -> str:
    add_on = (await admin(ADD_ON)).ok("createAddOn")["id"]
    created = await admin('mutation { createCustomer(input: {externalId: "big", name: "Big"}) { id } }')
    customer = str(created.ok("createCustomer")["id"])
    for _ in range(count):
        (await admin(INVOICE, c=customer, a=add_on)).ok()
    return customer


async def test_another_callers_typename_is_answered_within_100_ms_while_the_costliest_query_runs(
    live: tuple[Factory, httpx.AsyncClient],
) -> None:
    # given a customer of 101 invoices and the costliest invoices → customer → invoices query accepted
    factory, client = live
    org = await factory.organization()
    customer = await _customer_with_invoices(org.admin, 101)
    unpaginated = await org.admin("query($id: ID!) { customer(id: $id) { invoices { id } } }", id=customer)
    aliases, inner = _largest_accepted(factory.settings)
    query = attack(aliases, inner, True)
    headers = {"authorization": f"Bearer {org.admin.token}"}
    waits: list[float] = []
    done = asyncio.Event()

    async def heavy() -> tuple[int, bytes, float]:
        started = time.perf_counter()
        reply = await client.post(
            "/graphql", json={"query": query, "variables": {"id": customer}}, headers=headers
        )
        done.set()
        return reply.status_code, reply.content, time.perf_counter() - started

    async def other_caller() -> None:
        """Sends { __typename } every 20 ms, each wait measured from when it was due: a caller's
        request arriving while the event loop is held waits for it, so that time counts."""
        due = time.perf_counter() + 0.02
        while not done.is_set():
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            if done.is_set():
                break
            reply = await client.post("/graphql", json={"query": "{ __typename }"})
            assert reply.json() == {"data": {"__typename": "Query"}}
            waits.append(time.perf_counter() - due)
            due = max(due + 0.02, time.perf_counter())

    # when another caller asks { __typename } over and over while it runs
    (status, body, seconds), _ = await asyncio.gather(heavy(), other_caller())

    # then the heavy query ran (accepted, answered in full), a default list held one page, and the other
    # caller never waited 100 ms
    answer = json.loads(body)
    assert len(unpaginated.ok("customer")["invoices"]) == 100
    assert (aliases, inner) != (0, 0)
    assert status == 200
    assert "errors" not in answer, answer.get("errors")
    first = answer["data"]["customer"]["a0"]
    assert len(first) == 100
    assert len(first[0]["customer"]["invoices"]) == inner
    assert seconds > 0.2, "the query must run long enough for the probe to mean something"
    assert len(waits) >= 3
    assert max(waits) < 0.1, (
        f"worst wait {max(waits) * 1000:.0f} ms over {len(waits)} (query {seconds:.2f} s): "
        f"{[round(w * 1000) for w in waits]} ms"
    )


async def test_a_statement_past_the_timeout_is_query_rejected_and_rolled_back(
    committed_db: Database, engine: AsyncEngine
) -> None:
    # given a server with a 200 ms statement timeout, a customer, and another transaction holding
    # the customers table so that reading it waits
    settings = settings_for_tests(statement_timeout_ms=200)
    async with make_client(settings, committed_db) as client:
        factory = Factory(committed_db, settings, Api(client))
        org = await factory.organization()
        (await org.admin('mutation { createCustomer(input: {externalId: "c", name: "c"}) { id } }')).ok()
        async with engine.connect() as blocker:
            transaction = await blocker.begin()
            await blocker.execute(sa.text("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE"))

            # when a query reads the customers
            started = time.perf_counter()
            response = await org.admin("{ customers { collection { id } } }")
            seconds = time.perf_counter() - started
            await transaction.rollback()
        after = await org.admin("{ customers { collection { id } } }")

    # then it is answered QUERY_REJECTED with no data, soon after the timeout, and the server goes on
    assert response.status == 200
    assert response.data is None
    assert response.error()["extensions"] == {"code": "QUERY_REJECTED"}
    assert response.error()["message"] == "The query ran past the statement timeout (200 ms): ask for less"
    assert seconds < 5
    assert len(after.ok("customers")["collection"]) == 1


# --- introspection as GraphiQL sends it ---------------------------------------------------------------

GRAPHIQL_OPTIONS: list[dict[str, bool]] = [
    {},  # graphql-js's default
    {"input_value_deprecation": True},  # GraphiQL's default (graphiql 3 to 5: inputValueDeprecation)
    {"input_value_deprecation": True, "schema_description": True},
    {
        "descriptions": True,
        "specified_by_url": True,
        "directive_is_repeatable": True,
        "schema_description": True,
        "input_value_deprecation": True,
        "one_of": True,
    },
]


@pytest.mark.parametrize("options", GRAPHIQL_OPTIONS, ids=lambda o: "+".join(sorted(o)) or "default")
async def test_graphiql_loads_the_schema_anonymously_on_a_default_start(
    db: Database, options: dict[str, bool]
) -> None:
    # given a server on default settings (no token, as GraphiQL starts)
    settings = Settings(secret_key="test-signing-key-" + "x" * 64, rate_limit_anonymous_per_second=0)
    query = get_introspection_query(**options)
    async with make_client(settings, db) as client:
        # when GraphiQL posts its introspection query under its operation name
        reply = await client.post("/graphql", json={"query": query, "operationName": "IntrospectionQuery"})

    # then the schema comes back in full, without errors
    body = reply.json()
    assert reply.status_code == 200
    assert "errors" not in body, body.get("errors")
    found = body["data"]["__schema"]
    assert found["queryType"]["name"] == "Query"
    assert found["mutationType"]["name"] == "Mutation"
    assert {t["name"] for t in found["types"]} >= {"Customer", "Invoice", "BigInt", "DateTime", "JSON"}


async def test_introspection_through_a_fragment_is_exempt_from_depth_but_not_its_siblings(api: Api) -> None:
    # given GraphiQL's deepest query moved into a fragment, and the same with a 13-deep sibling
    full = get_introspection_query(descriptions=True, input_value_deprecation=True)
    spread = full.replace("__schema {", "...S } fragment S on Query { __schema {", 1)
    deep = "invoices { collection { " + "customer { invoices { " * 5 + "id" + " } }" * 5 + " } }"
    with_sibling = spread.replace("...S }", f"...S {deep} }}", 1)

    # when each is sent
    alone = await api(spread)
    mixed = await api(with_sibling)

    # then the introspection alone loads, and the sibling's depth still counts
    assert alone.ok("__schema")["queryType"]["name"] == "Query"
    assert mixed.code == "QUERY_REJECTED"
    assert mixed.error()["message"] == "Query depth 13 exceeds 12"
