""" "View as" (the X-View-As-Role header): a caller's requests under a role receive exactly what a member
holding that role receives; the header never adds a permission (a property over random roles and
callers); an unknown role is VALIDATION_ERROR naming the header; a mutation the narrowed set lacks is
refused and writes nothing; the REST exports narrow the same way."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.auth.permissions import ALL_PERMISSIONS, BUILTIN_ROLES
from tests.helpers import Api, Factory, Member, Response

HEADER = "x-view-as-role"
PERMISSIONS = sorted(ALL_PERMISSIONS)
_codes = itertools.count()

# What the console asks on its screens, across guarded types and fields (each answered or refused).
SCREENS = """{
  currentMembership { permissions }
  customers(limit: 5) { collection { externalId subscriptions { externalId } appliedCoupons { id }
    wallets { id } invoices { number } } }
  invoices(limit: 5) { collection { number customer { externalId } } }
  creditNotes(limit: 5) { collection { number } }
  plans(limit: 5) { collection { code charges { chargeModel billableMetric { code } } } }
  billableMetrics(limit: 5) { collection { code } }
  mrrs { month amountCents }
  auditLogs(limit: 5) { collection { operation } }
}"""


async def as_role(api: Api, caller: Member, role: str, query: str, **variables: Any) -> Response:
    return await api(query, variables, token=caller.token, headers={HEADER: role})


def outcome(response: Response) -> tuple[Any, list[tuple[str, tuple[Any, ...]]]]:
    """The data and the (code, path) of each error: what two callers are compared on."""
    errors = sorted((e["extensions"]["code"], tuple(e.get("path") or ())) for e in response.errors)
    return response.data, errors


async def test_each_role_viewed_as_receives_exactly_what_a_member_holding_it_receives(
    factory: Factory, api: Api
) -> None:
    # given an organization with a customer, and a member of each built-in role and of a custom one
    org = await factory.organization()
    await org.admin('mutation { createCustomer(input: {externalId: "cus_1", name: "Acme"}) { id } }')
    await factory.role(org, "clerk", ["customers:view", "invoices:view", "credit_notes:view"])
    for role in [*BUILTIN_ROLES, "clerk"]:
        holder = await factory.member(org, role)
        # when the admin views as the role, and the member asks the same
        viewed = await as_role(api, org.admin, role, SCREENS)
        held = await holder(SCREENS)
        # then both receive the same data and the same refusals
        assert viewed.status == held.status == 200
        assert outcome(viewed) == outcome(held), role


async def test_an_unknown_role_is_a_validation_error_naming_the_header(factory: Factory, api: Api) -> None:
    org, other = await factory.organization(), await factory.organization()
    await factory.role(other, "elsewhere", ["customers:view"])  # another organization's role is unknown here

    for role in ("nobody", "elsewhere", " "):
        response = await as_role(api, org.admin, role, "{ currentMembership { permissions } }")

        assert response.data is None
        assert response.error()["extensions"]["code"] == "VALIDATION_ERROR"
        assert list(response.error()["extensions"]["fields"]) == ["X-View-As-Role"]


async def test_a_mutation_the_viewed_role_lacks_is_refused_and_writes_nothing(
    factory: Factory, api: Api
) -> None:
    org = await factory.organization()
    create = 'mutation { createCustomer(input: {externalId: "cus_preview", name: "Preview"}) { id } }'

    refused = await as_role(api, org.admin, "finance", create)
    allowed = await as_role(
        api, org.admin, "admin", 'mutation { createCustomer(input: {externalId: "cus_a", name: "A"}) { id } }'
    )
    listed = await org.admin("{ customers { collection { externalId } } }")

    assert refused.code == "FORBIDDEN"
    assert allowed.ok("createCustomer")["id"]
    assert [c["externalId"] for c in listed.ok("customers")["collection"]] == ["cus_a"]


async def test_the_rest_exports_narrow_the_same_way(factory: Factory, client: httpx.AsyncClient) -> None:
    org = await factory.organization()
    url = "/api/v1/exports/invoices.csv?from=2026-01-01&to=2026-01-31"
    auth = {"authorization": f"Bearer {org.admin.token}"}

    as_finance = await client.get(url, headers={**auth, HEADER: "finance"})
    as_manager = await client.get(url, headers={**auth, HEADER: "manager"})
    unknown = await client.get(url, headers={**auth, HEADER: "nobody"})

    assert as_finance.status_code == 200
    assert as_manager.status_code == 403  # the manager's role has no invoices:export
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["extensions"]["fields"] == {
        "X-View-As-Role": "'nobody' is not a role of this organization"
    }


subsets = st.sets(st.sampled_from(PERMISSIONS), min_size=1, max_size=len(PERMISSIONS))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(caller_permissions=subsets, viewed_permissions=subsets)
async def test_the_header_never_adds_a_permission(
    factory: Factory, api: Api, caller_permissions: set[str], viewed_permissions: set[str]
) -> None:
    # given a caller holding a random custom role, and another random role of the organization
    org = await factory.organization()
    caller_role, viewed_role = f"caller_{next(_codes)}", f"viewed_{next(_codes)}"
    await factory.role(org, caller_role, sorted(caller_permissions))
    await factory.role(org, viewed_role, sorted(viewed_permissions))
    caller = await factory.member(org, caller_role)
    ask = "{ currentMembership { permissions } }"

    # when the caller views as the other role (or as a built-in one)
    for role in (viewed_role, "admin", caller_role):
        response = await as_role(api, caller, role, ask)
        got = set(response.ok("currentMembership")["permissions"])
        expected = {
            viewed_role: viewed_permissions,
            "admin": ALL_PERMISSIONS,
            caller_role: caller_permissions,
        }
        # then they hold the intersection: never more than their own
        assert got == set(caller_permissions) & set(expected[role])
        assert got <= set(caller_permissions)
