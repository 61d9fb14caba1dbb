"""Abuse limits: query cost (lists multiplied by their page size), batches, per-caller rate limits with
a retry hint, and login throttling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.auth.throttle import TokenBuckets
from app.db.engine import Database
from tests.conftest import make_client, settings_for_tests
from tests.helpers import PASSWORD, Api, Factory

CUSTOMERS = """customers(limit: $limit) { collection { id
  invoices { id fees { id appliedTaxes { taxCode } } } creditNotes { items { fee { id } } } } }"""
# a customer's invoices are a full page (100) unless limited, each of at most 50 fees of at most 10 taxes:
# about 70,000 per customer and alias
HEAVY = f"query($limit: Int) {{ first: {CUSTOMERS} second: {CUSTOMERS} }}"
PLANS = """{ plans(limit: 100) { collection { id name charges { id chargeModel billableMetric { code }
  properties { amount graduatedRanges { fromValue toValue perUnitAmount flatAmount } } } } } }"""
LOGIN = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"


async def test_a_query_over_its_cost_is_rejected_and_its_page_size_counts(factory: Factory) -> None:
    org = await factory.organization()

    huge = await org.admin(HEAVY, limit=100)
    small = await org.admin(HEAVY, limit=1)
    catalogue_page = await org.admin(PLANS)

    assert huge.code == "QUERY_REJECTED"
    assert huge.error()["message"].startswith("Query cost ")
    assert huge.error()["message"].endswith(" exceeds 200000")
    assert small.ok("first")["collection"] == []
    assert catalogue_page.ok("plans")["collection"] == []  # a real admin page stays under the limit


async def test_fragments_and_aliases_are_costed_as_they_run(factory: Factory) -> None:
    org = await factory.organization()
    fragment = "fragment Deep on Customer { invoices { fees { appliedTaxes { taxCode } } } }"
    aliased = " ".join(f"a{i}: customers(limit: 100) {{ collection {{ ...Deep }} }}" for i in range(3))

    response = await org.admin(f"query {{ {aliased} }} {fragment}")

    assert response.code == "QUERY_REJECTED"


async def test_a_batch_runs_each_operation_and_is_bounded(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization("Batch Co")
    headers = {"authorization": f"Bearer {org.admin.token}"}

    two = await client.post(
        "/graphql",
        json=[{"query": "{ organization { name } }"}, {"query": "{ nothing }"}],
        headers=headers,
    )
    too_many = await client.post("/graphql", json=[{"query": "{ __typename }"}] * 11, headers=headers)

    assert two.status_code == 200
    first, second = two.json()
    assert first == {"data": {"organization": {"name": "Batch Co"}}}
    assert second["errors"][0]["extensions"]["code"] == "VALIDATION_ERROR"
    assert too_many.status_code == 400
    assert too_many.json()["errors"][0]["extensions"]["code"] == "QUERY_REJECTED"


@pytest.fixture
async def strict(db: Database) -> AsyncIterator[tuple[Factory, httpx.AsyncClient]]:
    settings = settings_for_tests(
        rate_limit_user_per_second=1,
        rate_limit_user_burst=3,
        rate_limit_key_per_second=1,
        rate_limit_key_burst=2,
        rate_limit_anonymous_per_second=1,
        rate_limit_anonymous_burst=10,
        login_max_failures=3,
    )
    async with make_client(settings, db) as client:
        yield Factory(db, settings, Api(client)), client


async def test_each_user_and_key_has_its_own_budget_with_a_retry_hint(
    strict: tuple[Factory, httpx.AsyncClient],
) -> None:
    factory, client = strict
    org = await factory.organization()
    key = await factory.api_key(org, "admin")
    other = await factory.member(org, "manager")

    def post(token: str) -> Any:
        return client.post(
            "/graphql",
            json={"query": "{ organization { id } }"},
            headers={"authorization": f"Bearer {token}"},
        )

    user_replies = [await post(org.admin.token) for _ in range(4)]
    key_replies = [await post(key.secret) for _ in range(3)]
    someone_else = await post(other.token)
    events = await client.post(
        "/api/v1/events", json={"event": {}}, headers={"authorization": f"Bearer {key.secret}"}
    )

    assert [r.status_code for r in user_replies] == [200, 200, 200, 429]
    assert [r.status_code for r in key_replies] == [200, 200, 429]
    assert someone_else.status_code == 200
    limited = user_replies[-1]
    assert limited.headers["retry-after"] == "1"
    assert limited.json()["errors"][0]["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 1}
    assert events.status_code == 429  # the plain HTTP endpoints share the key's budget


async def test_failed_logins_are_throttled_per_email(strict: tuple[Factory, httpx.AsyncClient]) -> None:
    factory, _ = strict
    org = await factory.organization()
    anonymous = factory.api.anonymous
    email = org.admin.email

    failures = [await anonymous(LOGIN, e=email, p="wrong-password") for _ in range(3)]
    right_but_late = await anonymous(LOGIN, e=email, p=PASSWORD)

    assert [f.code for f in failures] == ["UNAUTHENTICATED"] * 3
    assert right_but_late.code == "RATE_LIMITED"
    assert right_but_late.error()["extensions"]["retryAfter"] > 800
    assert right_but_late.error()["message"].startswith("Too many failed password attempts")


def test_token_buckets_refill_at_their_rate() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=2, burst=2, clock=lambda: now[0])

    spent = [buckets.take("k") for _ in range(3)]
    now[0] = 0.5
    refilled = buckets.take("k")

    assert spent == [0.0, 0.0, 0.5]
    assert refilled == 0.0
    assert TokenBuckets(rate=0, burst=1).take("k") == 0.0  # switched off


async def test_callers_without_credentials_share_a_budget_per_address(
    strict: tuple[Factory, httpx.AsyncClient],
) -> None:
    _, client = strict

    replies = [await client.post("/graphql", json={"query": "{ __typename }"}) for _ in range(11)]

    assert [r.status_code for r in replies] == [200] * 10 + [429]
