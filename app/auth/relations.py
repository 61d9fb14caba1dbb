"""Relations carry their resource's view permission (``permissions.md``, "Relations").

Reaching an object through another one needs the same view permission as reading it directly: a
subscription's ``plan`` needs ``plans:view``, an invoice's ``customer`` needs ``customers:view``. The rule
is declared once per guarded type, in ``VIEW``, and applied by ``guard_relations`` when the schema is
assembled, to every field whose named type is guarded, so a new relation cannot forget it:

- a field that already declares ``requires(...)`` gets the view permission merged into that one
  declaration, so its ``@requires`` directive shows everything it needs;
- a guarded field is made nullable (a denial nulls it, the rest of the response stays);
- it is skipped when the parent type belongs to the same resource (``Plan.charges``, the ``collection``
  of a page), or when ``OPEN`` says why the relation is part of its parent.

Root fields are operations: their own declaration is their authorization (a mutation returns the
object it wrote under the mutation's permission); tests check that each root query field returning a
guarded type requires its view permission.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.permission import PermissionExtension
from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import (
    StrawberryList,
    StrawberryObjectDefinition,
    StrawberryOptional,
    has_object_definition,
)
from strawberry.types.field import StrawberryField
from strawberry.types.lazy_type import LazyType

from app.auth import graphql as declared
from app.auth.permissions import P, Permission

# The view permission that reading each guarded GraphQL type needs, wherever it is reached.
VIEW: dict[str, Permission] = {
    "Organization": P.ORGANIZATION_VIEW,
    "CreditNoteApprovalThreshold": P.ORGANIZATION_VIEW,
    "Membership": P.MEMBERS_VIEW,
    "Invite": P.MEMBERS_VIEW,
    "User": P.MEMBERS_VIEW,
    "Role": P.ROLES_VIEW,
    "Tax": P.TAXES_VIEW,
    "Integration": P.INTEGRATIONS_VIEW,
    "IntegrationMapping": P.INTEGRATIONS_VIEW,
    "WebhookEndpoint": P.DEVELOPERS_MANAGE,
    "Webhook": P.DEVELOPERS_MANAGE,
    "ApiKey": P.DEVELOPERS_KEYS_MANAGE,
    "AuditLog": P.AUDIT_LOGS_VIEW,
    "GrossRevenue": P.ANALYTICS_VIEW,
    "Mrr": P.ANALYTICS_VIEW,
    "InvoicedUsage": P.ANALYTICS_VIEW,
    "OutstandingInvoices": P.ANALYTICS_VIEW,
    "BillableMetric": P.BILLABLE_METRICS_VIEW,
    "BillableMetricFilter": P.BILLABLE_METRICS_VIEW,
    "Plan": P.PLANS_VIEW,
    "Charge": P.PLANS_VIEW,
    "ChargeProperties": P.PLANS_VIEW,
    "PlanVersion": P.PLANS_VIEW,
    "AddOn": P.ADDONS_VIEW,
    "Coupon": P.COUPONS_VIEW,
    "AppliedCoupon": P.COUPONS_VIEW,
    "Customer": P.CUSTOMERS_VIEW,
    "CustomerUsage": P.CUSTOMERS_VIEW,
    "ChargeUsage": P.CUSTOMERS_VIEW,
    "Subscription": P.SUBSCRIPTIONS_VIEW,
    "Event": P.EVENTS_VIEW,
    "RejectedEvent": P.EVENTS_VIEW,
    "Invoice": P.INVOICES_VIEW,
    "Fee": P.INVOICES_VIEW,
    "FeeAppliedTax": P.INVOICES_VIEW,
    "CreditNote": P.CREDIT_NOTES_VIEW,
    "CreditNoteItem": P.CREDIT_NOTES_VIEW,
    "Wallet": P.WALLETS_VIEW,
    "WalletTransaction": P.WALLETS_VIEW,
}

# Relations to a guarded type that are part of their parent, and why.
OPEN: dict[tuple[str, str], str] = {
    ("CurrentUser", "memberships"): "the caller's own memberships",
    ("Membership", "roles"): "what the membership holds (its permissions are on it anyway)",
    ("Invite", "roles"): "what the invitation grants",
    ("ApiKey", "roles"): "what the key holds",
    ("CreateInvitePayload", "invite"): "the mutation's result, with the token shown only there",
    ("IssuedApiKeyPayload", "apiKey"): "the mutation's result, with the secret shown only there",
    ("IssuedWebhookEndpointPayload", "webhookEndpoint"): "the mutation's result, with its secret",
}

ROOTS = frozenset({"Query", "Mutation"})
_names = NameConverter()


def named_type(field: StrawberryField) -> Any:
    """The object type (or scalar) a field leads to, through lists, optionals and lazy types."""
    current: Any = field.type
    while True:
        if isinstance(current, StrawberryOptional | StrawberryList):
            current = current.of_type
        elif isinstance(current, LazyType):
            current = current.resolve_type()
        else:
            return current


def _definition(type_: Any) -> StrawberryObjectDefinition | None:
    return type_.__strawberry_definition__ if has_object_definition(type_) else None


def graphql_name(field: StrawberryField) -> str:
    return _names.get_graphql_name(field)


def type_name(definition: StrawberryObjectDefinition) -> str:
    """The GraphQL name (a specialized generic page has its own: ``CustomerCollection``)."""
    return _names.from_object(definition)


def resource_of(definition: StrawberryObjectDefinition) -> Permission | None:
    """The view permission of a type; a page (``collection`` and ``metadata``) is its items'."""
    if type_name(definition) in VIEW:
        return VIEW[type_name(definition)]
    for field in definition.fields:
        if graphql_name(field) == "collection":
            items = _definition(named_type(field))
            return VIEW.get(type_name(items)) if items is not None else None
    return None


def object_types(roots: Iterable[type]) -> Iterator[StrawberryObjectDefinition]:
    """Every object type reachable from ``roots``, each once."""
    seen: set[int] = set()  # by identity: each specialization of a generic page has the generic's name
    pending = [d for d in (_definition(r) for r in roots) if d is not None]
    while pending:
        definition = pending.pop()
        if id(definition) in seen:
            continue
        seen.add(id(definition))
        yield definition
        pending.extend(d for d in (_definition(named_type(f)) for f in definition.fields) if d is not None)


def relation_permission(parent: StrawberryObjectDefinition, field: StrawberryField) -> Permission | None:
    """The view permission ``field`` of ``parent`` carries as a relation, if any."""
    target = _definition(named_type(field))
    if type_name(parent) in ROOTS or target is None or (type_name(parent), graphql_name(field)) in OPEN:
        return None
    needed = VIEW.get(type_name(target))
    return None if needed is None or needed == resource_of(parent) else needed


def _guard(field: StrawberryField, needed: Permission) -> None:
    existing = [e for e in field.extensions if isinstance(e, PermissionExtension)]
    declarations = [p for e in existing for p in e.permissions]
    if not all(isinstance(p, declared.HasPermissions) for p in declarations):
        raise TypeError(f"{field.name}: a relation declares permissions, never public access")
    required = [Permission(name) for p in declarations for name in p.required]  # type: ignore[attr-defined]
    if needed in required:
        return
    for permission in declarations:  # printed again by the merged declaration
        if permission.schema_directive in field.directives:
            field.directives.remove(permission.schema_directive)
    field.extensions = [
        *(e for e in field.extensions if e not in existing),
        *declared.requires(*required, needed),
    ]
    if not isinstance(field.type, StrawberryOptional):
        field.type = StrawberryOptional(field.type)


def guard_relations(roots: Iterable[type]) -> list[tuple[str, str, Permission]]:
    """Give every relation reachable from ``roots`` its view permission, before the schema is built
    (idempotent). Returns the relations and their permissions."""
    guarded = []
    for definition in object_types(roots):
        for field in definition.fields:
            needed = relation_permission(definition, field)
            if needed is not None:
                _guard(field, needed)
                guarded.append((type_name(definition), graphql_name(field), needed))
    return guarded
