"""Tenant isolation as a property: random sequences of operations by the members and API keys of two
organizations (creating, listing, searching, reading, changing and deleting catalogue objects,
customers and accounting integrations, naming objects of either organization; both start with one
object of each kind) never show one organization anything of the other's, and every operation on the
other's objects is NOT_FOUND."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import Factory

CREATE = {
    "customer": "mutation($m: String!) { createCustomer(input: {externalId: $m, name: $m}) { id } }",
    "metric": "mutation($m: String!) { createBillableMetric(input: {name: $m, code: $m,"
    " aggregationType: COUNT_AGG}) { id } }",
    "addon": 'mutation($m: String!) { createAddOn(input: {name: $m, code: $m, amountCents: 100, amountCurrency: "EUR"}) { id } }',
    "coupon": "mutation($m: String!) { createCoupon(input: {name: $m, code: $m, couponType: FIXED_AMOUNT,"
    ' amountCents: 100, amountCurrency: "EUR", frequency: ONCE}) { id } }',
    "tax": 'mutation($m: String!) { createTax(input: {name: $m, code: $m, rate: "5"}) { id } }',
    "integration": "mutation($m: String!) { createIntegration(input: {kind: XERO, name: $m, code: $m,"
    ' credentials: {clientId: "c", clientSecret: "s"}}) { id } }',
}
LIST = {
    "customer": "query($s: String) { customers(searchTerm: $s) { collection { id externalId name } } }",
    "metric": "query($s: String) { billableMetrics(searchTerm: $s) { collection { id code name } } }",
    "addon": "query($s: String) { addOns(searchTerm: $s) { collection { id code name } } }",
    "coupon": "query($s: String) { coupons(searchTerm: $s) { collection { id code name } } }",
    "tax": "query { organization { taxes { id code name } } }",
    "integration": "query { integrations { id code name mappings { id } } organization { integrations { id } } }",
}
UNSEARCHABLE = {"tax", "integration"}  # plain lists
BY_ID = {
    "get": {
        "customer": "query($id: ID!) { customer(id: $id) { id externalId } }",
        "metric": "query($id: ID!) { billableMetric(id: $id) { id code } }",
        "addon": "query($id: ID!) { addOn(id: $id) { id code } }",
        "coupon": "query($id: ID!) { coupon(id: $id) { id code } }",
        "integration": "query($id: ID!) { integration(id: $id) { id code } }",
    },
    "update": {
        "customer": 'mutation($id: ID!) { updateCustomer(input: {id: $id, name: "renamed"}) { id name } }',
        "metric": 'mutation($id: ID!) { updateBillableMetric(input: {id: $id, name: "renamed"}) { id } }',
        "addon": "mutation($id: ID!) { updateAddOn(input: {id: $id, amountCents: 7}) { id } }",
        "coupon": 'mutation($id: ID!) { updateCoupon(input: {id: $id, name: "renamed"}) { id } }',
        "tax": 'mutation($id: ID!) { updateTax(input: {id: $id, rate: "7"}) { id } }',
        "integration": 'mutation($id: ID!) { updateIntegration(input: {id: $id, name: "renamed"}) { id } }',
    },
    "destroy": {
        "metric": "mutation($id: ID!) { destroyBillableMetric(input: {id: $id}) { id } }",
        "addon": "mutation($id: ID!) { destroyAddOn(input: {id: $id}) { id } }",
        "coupon": "mutation($id: ID!) { destroyCoupon(input: {id: $id}) { id } }",
        "tax": "mutation($id: ID!) { destroyTax(input: {id: $id}) { id } }",
        "integration": "mutation($id: ID!) { destroyIntegration(input: {id: $id}) { id } }",
    },
}
KINDS = sorted(CREATE)

step = st.tuples(
    st.sampled_from(["a", "b"]),  # which organization acts
    st.sampled_from(["member", "key"]),  # through whom
    st.sampled_from(["create", "list", "search", "get", "update", "destroy"]),
    st.sampled_from(KINDS),
    st.integers(min_value=0, max_value=10_000),  # picks a target among the objects created so far
)


@dataclass
class Tenant:
    callers: dict[str, Any]
    secrets: set[str] = field(default_factory=set)  # ids and names nobody else may ever see
    objects: list[tuple[str, str]] = field(default_factory=list)  # (kind, id)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(step, min_size=4, max_size=14))
async def test_no_sequence_of_operations_crosses_organizations(factory: Factory, steps: list[Any]) -> None:
    tenants = {}
    for label in ("a", "b"):
        org = await factory.organization()
        tenants[label] = Tenant({"member": org.admin, "key": await factory.api_key(org, "admin")})
        tenants[label].secrets.add(str(org.id))
    serial = iter(range(1_000_000))
    salt = uuid.uuid4().hex[:6]
    seeded = [(label, "member", "create", kind, 0) for kind in KINDS for label in ("a", "b")]

    for label, through, action, kind, pick in seeded + steps:
        me, other = tenants[label], tenants["b" if label == "a" else "a"]
        call = me.callers[through]
        if action == "create":
            marker = f"iso_{label}_{salt}_{next(serial)}"
            created = (await call(CREATE[kind], m=marker)).ok()
            me.secrets |= {marker, next(iter(created.values()))["id"]}
            me.objects.append((kind, next(iter(created.values()))["id"]))
            response = None
        elif action in ("list", "search"):
            other_markers = sorted(s for s in other.secrets if s.startswith("iso_"))
            term = other_markers[pick % len(other_markers)] if action == "search" and other_markers else None
            variables = {} if kind in UNSEARCHABLE else {"s": term}
            response = await call(LIST[kind], **variables)
            assert not response.errors, response.errors
            if term is not None and kind not in UNSEARCHABLE:
                assert next(iter(response.data.values()))["collection"] == []
        else:
            documents = BY_ID[action]
            candidates = [(k, i) for k, i in other.objects if k in documents]
            if not candidates:
                continue
            target_kind, target = candidates[pick % len(candidates)]
            response = await call(documents[target_kind], id=target)
            assert response.code == "NOT_FOUND", (action, target_kind, response.body)
            assert set(response.data.values()) == {None}
        if response is not None:
            text = json.dumps(response.body)
            leaked = [secret for secret in other.secrets if secret in text]
            assert leaked == [], (label, action, kind, leaked)
