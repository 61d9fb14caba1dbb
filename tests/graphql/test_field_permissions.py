"""Field-level authorization, for every guarded field of the schema (sensitive fields and relations to
another resource): a caller without the field's permission gets null there, exactly one FORBIDDEN error
at that path, and the rest of the data; a caller with it gets the value. Guarded fields are found in the
schema, so a new one is covered at once (and fails here until its type can be reached below)."""

from __future__ import annotations

from typing import Any

from graphql import get_named_type, is_leaf_type

from app.auth.permissions import ALL_PERMISSIONS
from app.db.engine import Database
from app.graphql.schema import schema
from app.reference import declarations
from tests.catalogue import metric, plan, standard
from tests.credit_notes.conftest import CREATE, billed_organization, note
from tests.helpers import Factory
from tests.invoicing.conftest import bill, customer, subscribe, usage

# How to reach one object of each type that has guarded fields: a document whose "…" is the selection,
# the path to the object, and the permission reaching it needs. Lists reached hold exactly one object.
REACH: dict[str, tuple[str, tuple[str | int, ...], str | tuple[str, ...]]] = {
    "Organization": ("query { organization { … } }", ("organization",), "organization:view"),
    "Customer": ("query($customer: ID!) { customer(id: $customer) { … } }", ("customer",), "customers:view"),
    "Invoice": ("query($invoice: ID!) { invoice(id: $invoice) { … } }", ("invoice",), "invoices:view"),
    "Fee": (  # a credit note on the one charge fee of an invoice with another (its zero plan fee)
        "query($meteredNote: ID!) { creditNote(id: $meteredNote) { items { fee { … } } } }",
        ("creditNote", "items", 0, "fee"),
        ("credit_notes:view", "invoices:view"),
    ),
    "CreditNote": ("query($note: ID!) { creditNote(id: $note) { … } }", ("creditNote",), "credit_notes:view"),
    "CreditNoteItem": (
        "query($note: ID!) { creditNote(id: $note) { items { … } } }",
        ("creditNote", "items", 0),
        "credit_notes:view",
    ),
    "Subscription": (
        "query($subscription: ID!) { subscription(id: $subscription) { … } }",
        ("subscription",),
        "subscriptions:view",
    ),
    "Plan": ("query($plan: ID!) { plan(id: $plan) { … } }", ("plan",), "plans:view"),
    "Charge": (
        "query($plan: ID!) { plan(id: $plan) { charges { … } } }",
        ("plan", "charges", 0),
        "plans:view",
    ),
    "AddOn": ("query($addOn: ID!) { addOn(id: $addOn) { … } }", ("addOn",), "addons:view"),
    "Coupon": ("query($coupon: ID!) { coupon(id: $coupon) { … } }", ("coupon",), "coupons:view"),
    "ChargeUsage": (
        "query($customer: ID!, $subscription: ID!) {"
        " customerUsage(customerId: $customer, subscriptionId: $subscription) { chargesUsage { … } } }",
        ("customerUsage", "chargesUsage", 0),
        "customers:view",
    ),
    "AuditLog": (
        "query { auditLogs(limit: 1) { collection { … } } }",
        ("auditLogs", "collection", 0),
        "audit_logs:view",
    ),
}
GUARDED = [d for d in declarations() if d.kind == "field"]
COUPON = """mutation($plan: ID!) { createCoupon(input: {name: "Launch", code: "launch",
  couponType: FIXED_AMOUNT, frequency: ONCE, amountCents: 500, amountCurrency: "EUR", planIds: [$plan]}) { id } }"""
SUBSCRIBE = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }"


def _document(type_name: str, field: str) -> str:
    document = REACH[type_name][0]
    graphql_field = schema._schema.type_map[type_name].fields[field]  # type: ignore[union-attr]
    selection = "" if is_leaf_type(get_named_type(graphql_field.type)) else " { __typename }"
    return document.replace("…", f"__typename {field}{selection}")


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


async def _objects(factory: Factory) -> tuple[Any, dict[str, str]]:
    """One organization with one of everything reached above (the credit note fixture's invoice, plus a
    plan with one charge, a subscription to it, and a coupon limited to it)."""
    billed = await billed_organization(factory)
    admin = billed.org.admin
    note_id = (
        await billed.finance(CREATE, **note(billed.invoice["id"], [(billed.setup_fee, 10)], credit=12))
    ).ok("createCreditNote")["id"]
    calls = await metric(admin, "api_calls")
    plan_id = (await plan(admin, "pro", [standard(calls["id"])]))["id"]
    given = {"customerId": billed.customer_id, "planId": plan_id, "externalId": "sub_1"}
    subscription = (await admin(SUBSCRIBE, input=given)).ok("createSubscription")["id"]
    coupon = (await admin(COUPON, plan=plan_id)).ok("createCoupon")["id"]
    metered_note = await _metered_note(billed, factory.db, calls["id"])
    ids = {
        "customer": billed.customer_id,
        "invoice": billed.invoice["id"],
        "note": note_id,
        "plan": plan_id,
        "subscription": subscription,
        "coupon": coupon,
        "addOn": billed.add_ons[0],
        "meteredNote": metered_note,
    }
    return billed, ids


async def _metered_note(billed: Any, db: Database, metric_id: str) -> str:
    """A credit note on the charge fee of January's invoice of a metered plan (no fee of its own)."""
    org = billed.org
    plan_id = (await plan(org.admin, "metered", [standard(metric_id)], amountCents=0))["id"]
    customer_id = await customer(org, "metered")
    await subscribe(org, customer_id, plan_id, "sub_metered", "2026-01-01T00:00:00+00:00")
    await usage(org, "sub_metered", ["2026-01-05T00:00:00+00:00"] * 3)
    await bill(db, "2026-02-01T00:00:00+00:00")
    found = await org.admin(
        "query($c: ID!) { invoices(customerId: $c) { collection { id fees { id feeType } } } }", c=customer_id
    )
    (invoice,) = found.ok("invoices")["collection"]
    fee = next(f for f in invoice["fees"] if f["feeType"] == "CHARGE")
    created = await billed.finance(CREATE, **note(invoice["id"], [(fee["id"], 1)], credit=1))
    return str(created.ok("createCreditNote")["id"])


def test_every_type_with_guarded_fields_can_be_reached() -> None:
    assert {d.name.split(".")[0] for d in GUARDED} <= set(REACH)
    assert len(GUARDED) >= 30


async def test_every_guarded_field_is_null_with_one_error_without_its_permission_and_set_with_it(
    factory: Factory,
) -> None:
    billed, ids = await _objects(factory)

    problems = []
    for index, declared in enumerate(GUARDED):
        type_name, field = declared.name.split(".")
        _, path, reach_permission = REACH[type_name]
        reach = {reach_permission} if isinstance(reach_permission, str) else set(reach_permission)
        needs = set(declared.needs)
        assert not reach & needs, declared.name
        await factory.role(billed.org, f"lacks_{index}", sorted(ALL_PERMISSIONS - needs))
        await factory.role(billed.org, f"holds_{index}", sorted(needs | reach))
        lacking = await factory.member(billed.org, f"lacks_{index}")
        holding = await factory.member(billed.org, f"holds_{index}")
        document = _document(type_name, field)

        without = await lacking(document, **ids)
        with_it = await holding(document, **ids)

        errors = [
            (e["path"], e["extensions"]["code"], e["extensions"].get("requiredPermissions"))
            for e in without.errors
        ]
        if errors != [([*path, field], "FORBIDDEN", sorted(needs))]:
            problems.append((declared.name, "errors without", errors))
        if without.data is None or _at(without.data, path) != {"__typename": type_name, field: None}:
            problems.append((declared.name, "data without", without.data))
        if with_it.errors or with_it.data is None or _at(with_it.data, path)[field] is None:
            problems.append((declared.name, "with", with_it.body))

    assert problems == []
