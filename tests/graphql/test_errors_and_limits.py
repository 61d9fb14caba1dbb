"""The error contract and the request limits, through the real endpoint."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from app.db import migrate
from app.db.engine import Database
from tests.conftest import make_client, settings_for_tests
from tests.helpers import Api, Factory


async def test_too_deep_a_query_is_rejected(api: Api) -> None:
    # introspection is exempt from the depth limit (GraphiQL's own query is 15 deep): use real fields
    deep = "{ invoices { collection { " + "customer { invoices { " * 6 + "id" + " } }" * 6 + " } } }"

    response = await api(deep)

    assert response.code == "QUERY_REJECTED"
    assert response.error()["message"] == "Query depth 15 exceeds 12"
    assert response.data is None


async def test_too_many_aliases_are_rejected_counting_those_inside_fragments(api: Api) -> None:
    fragment = "fragment F on Query { " + " ".join(f"a{i}: __typename" for i in range(8)) + " }"
    query = "{ ...F ...F ...F ...F }\n" + fragment  # 4 spreads x 8 aliases = 32

    response = await api(query)

    assert response.code == "QUERY_REJECTED"
    assert response.error()["message"] == "32 aliases exceed 30"


async def test_too_many_tokens_are_rejected(api: Api) -> None:
    response = await api("{ " + "__typename " * 3001 + "}")

    assert response.code == "QUERY_REJECTED"
    assert response.error()["message"] == "Document has more than 3000 tokens"


async def test_a_body_over_the_limit_is_refused_before_parsing(client: httpx.AsyncClient) -> None:
    reply = await client.post("/graphql", content=b'{"query": "' + b" " * 1_000_001 + b'{ __typename }"}')

    assert reply.status_code == 413
    assert reply.json()["errors"][0]["extensions"]["code"] == "QUERY_REJECTED"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 400),
        (b'{"variables": {}}', 400),
        (b'{"query": "{ __typename }", "variables": [1]}', 400),
    ],
)
async def test_malformed_requests_are_validation_errors(
    client: httpx.AsyncClient, body: bytes, status: int
) -> None:
    reply = await client.post("/graphql", content=body, headers={"content-type": "application/json"})

    assert reply.status_code == status
    assert reply.json()["errors"][0]["extensions"]["code"] == "VALIDATION_ERROR"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b'{"query": "{ __typename }", "variables": {"x": ' + b"[" * 5000 + b"]" * 5000 + b"}}",
            "nests deeper",
        ),
        (b'{"query": "{ __typename }", "variables": {"x": ' + b"[" * 65 + b"]" * 65 + b"}}", "nests deeper"),
        (b'{"query": "{ __typename }", "variables": {"x": NaN}}', "NaN is not a JSON number"),
        (b'{"query": "{ __typename }", "variables": {"x": -Infinity}}', "-Infinity is not a JSON number"),
    ],
)
@pytest.mark.parametrize("path", ["/graphql", "/api/v1/events"])
async def test_bodies_nested_too_deep_or_not_strictly_json_are_validation_errors_as_json(
    client: httpx.AsyncClient, factory: Factory, body: bytes, message: str, path: str
) -> None:
    org = await factory.organization()
    headers = {"content-type": "application/json", "authorization": f"Bearer {org.admin.token}"}

    reply = await client.post(path, content=body, headers=headers)

    assert reply.status_code == 400
    assert reply.headers["content-type"] == "application/json"
    (error,) = reply.json()["errors"]
    assert error["extensions"] == {"code": "VALIDATION_ERROR"}
    assert message in error["message"]


async def test_a_body_nested_within_the_bound_is_taken(api: Api) -> None:
    deep = json.loads("[" * 60 + "]" * 60)  # inside the body's object and its variables: 62 levels

    response = await api("{ __typename }", {"unused": deep})

    assert response.ok() == {"__typename": "Query"}


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ organization { ", None),
        ("{ noSuchField }", None),
        ("query($id: ID!) { role(id: $id) { id } }", {"id": 5.5}),
        (
            "mutation($input: LoginUserInput!) { loginUser(input: $input) { token } }",
            {"input": {"email": "a"}},
        ),
    ],
)
async def test_bad_documents_and_variables_are_validation_errors(
    api: Api, query: str, variables: dict[str, object] | None
) -> None:
    response = await api(query, variables)

    assert set(response.codes) == {"VALIDATION_ERROR"}
    assert response.data is None


async def test_a_malformed_id_is_a_validation_error_naming_the_field(factory: Factory) -> None:
    org = await factory.organization()

    response = await org.admin('{ role(id: "not-a-uuid") { id } }')

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {"id": "is not a valid ID"}


async def test_nul_characters_are_refused_in_variables_and_literals(factory: Factory) -> None:
    org = await factory.organization()

    in_variable = await org.admin(
        "mutation($name: String) { updateOrganization(input: {name: $name}) { name } }", name="bad\x00name"
    )
    in_literal = await org.admin('mutation { updateOrganization(input: {name: "bad\\u0000name"}) { name } }')

    assert in_variable.code == in_literal.code == "VALIDATION_ERROR"
    assert (await org.admin("{ organization { name } }")).ok("organization")["name"] != "bad\x00name"


async def test_an_unexpected_exception_is_internal_error_without_internals_logged_once(
    factory: Factory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from app.organizations import service

    async def broken(*_: object) -> object:
        raise RuntimeError("connection string postgres://secret@db")

    monkeypatch.setattr(service, "get", broken)
    org = await factory.organization()

    with caplog.at_level(logging.ERROR, logger="billgraph.errors"):
        response = await org.admin("{ organization { name } currentUser { email } }")

    error = response.error()
    assert error["message"] == "Internal server error"
    assert error["extensions"]["code"] == "INTERNAL_ERROR"
    assert "secret" not in str(response.body)
    assert response.data == {"organization": None, "currentUser": {"email": org.admin.email}}
    logged = [r for r in caplog.records if r.name == "billgraph.errors"]
    assert len(logged) == 1
    assert error["extensions"]["requestId"] in logged[0].getMessage()
    assert logged[0].exc_info is not None


async def test_a_denial_is_logged_as_one_line_without_a_traceback(
    factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    org = await factory.organization()
    finance = await factory.member(org, "finance")

    with caplog.at_level(logging.INFO, logger="billgraph.errors"):
        await finance("{ auditLogs { metadata { totalCount } } }")

    (record,) = [r for r in caplog.records if r.name == "billgraph.errors"]
    assert record.exc_info is None
    assert "denied" in record.getMessage()
    assert "audit_logs:view" in record.getMessage()


async def test_the_request_id_is_echoed_or_made(client: httpx.AsyncClient) -> None:
    given = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"x-request-id": "abc-123"}
    )
    made = await client.post("/graphql", json={"query": "{ __typename }"})

    assert given.headers["x-request-id"] == "abc-123"
    assert len(made.headers["x-request-id"]) == 32


async def test_graphiql_is_served_in_development(client: httpx.AsyncClient) -> None:
    reply = await client.get("/graphql", headers={"accept": "text/html"})

    assert reply.status_code == 200
    assert "graphiql" in reply.text.lower()


async def test_production_settings_switch_off_graphiql_and_introspection(db: Database) -> None:
    settings = settings_for_tests(environment="production")
    async with make_client(settings, db) as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
        introspection = await Api(client)("{ __schema { queryType { name } } }")
        typename = await Api(client)("{ __typename }")

    assert page.status_code == 405
    assert introspection.code == "QUERY_REJECTED"
    assert typename.ok() == {"__typename": "Query"}


async def test_health_is_the_readiness_probe(client: httpx.AsyncClient) -> None:
    reply = await client.get("/health")

    assert reply.status_code == 200
    assert reply.json() == {"status": "ok", "database": "ok", "migration": migrate.head_revision()}
