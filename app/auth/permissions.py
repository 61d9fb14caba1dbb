"""THE permission catalogue and THE built-in role table (the contract of ``permissions.md``).

Everything that authorizes reads from here: the GraphQL permission class, the ``permissions`` query, the
generated reference and the tests. Adding a permission here gives it to ``admin`` automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Permission(StrEnum):
    """Every permission of the catalogue, as ``resource:action``."""

    description: str

    def __new__(cls, value: str, description: str = "") -> Permission:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member

    ORGANIZATION_VIEW = "organization:view", "See the organization's settings."
    ORGANIZATION_UPDATE = "organization:update", "Change the organization's name, currency, timezone, email."
    MEMBERS_VIEW = "organization:members:view", "List members and pending invitations."
    MEMBERS_CREATE = "organization:members:create", "Invite people to the organization."
    MEMBERS_UPDATE = "organization:members:update", "Change the roles of a member."
    MEMBERS_DELETE = "organization:members:delete", "Revoke a membership or an invitation."
    ROLES_VIEW = "roles:view", "List built-in and custom roles."
    ROLES_CREATE = "roles:create", "Create custom roles."
    ROLES_UPDATE = "roles:update", "Change custom roles."
    ROLES_DELETE = "roles:delete", "Delete custom roles that nobody holds."
    TAXES_VIEW = "organization:taxes:view", "See tax rates."
    TAXES_UPDATE = "organization:taxes:update", "Create, change and delete tax rates."
    INTEGRATIONS_VIEW = "organization:integrations:view", "See accounting integrations (never secrets)."
    INTEGRATIONS_CREATE = "organization:integrations:create", "Connect an accounting integration."
    INTEGRATIONS_UPDATE = "organization:integrations:update", "Change an accounting integration."
    INTEGRATIONS_DELETE = "organization:integrations:delete", "Remove an accounting integration."
    DEVELOPERS_MANAGE = "developers:manage", "Manage webhook endpoints."
    DEVELOPERS_KEYS_MANAGE = "developers:keys:manage", "Create, rotate, revoke and list API keys."
    AUDIT_LOGS_VIEW = "audit_logs:view", "Read the audit log."
    ANALYTICS_VIEW = "analytics:view", "See MRR, gross revenue, invoiced usage and revenue figures."
    BILLABLE_METRICS_VIEW = "billable_metrics:view", "See billable metrics."
    BILLABLE_METRICS_CREATE = "billable_metrics:create", "Create billable metrics."
    BILLABLE_METRICS_UPDATE = "billable_metrics:update", "Change billable metrics."
    BILLABLE_METRICS_DELETE = "billable_metrics:delete", "Delete billable metrics."
    PLANS_VIEW = "plans:view", "See plans and their charges."
    PLANS_CREATE = "plans:create", "Create plans."
    PLANS_UPDATE = "plans:update", "Change plans and their charges."
    PLANS_DELETE = "plans:delete", "Delete plans."
    ADDONS_VIEW = "addons:view", "See add-ons."
    ADDONS_CREATE = "addons:create", "Create add-ons."
    ADDONS_UPDATE = "addons:update", "Change add-ons."
    ADDONS_DELETE = "addons:delete", "Delete add-ons."
    COUPONS_VIEW = "coupons:view", "See coupons."
    COUPONS_CREATE = "coupons:create", "Create coupons."
    COUPONS_UPDATE = "coupons:update", "Change or terminate coupons."
    COUPONS_DELETE = "coupons:delete", "Delete coupons."
    COUPONS_ATTACH = "coupons:attach", "Apply a coupon to a customer."
    COUPONS_DETACH = "coupons:detach", "Remove a coupon from a customer."
    CUSTOMERS_VIEW = "customers:view", "See customers and their current usage."
    CUSTOMERS_CREATE = "customers:create", "Create customers."
    CUSTOMERS_UPDATE = "customers:update", "Change customers."
    CUSTOMERS_DELETE = "customers:delete", "Delete customers."
    SUBSCRIPTIONS_VIEW = "subscriptions:view", "See subscriptions."
    SUBSCRIPTIONS_CREATE = "subscriptions:create", "Subscribe customers to plans, with negotiated prices."
    SUBSCRIPTIONS_UPDATE = "subscriptions:update", "Change plan, terminate, override prices."
    EVENTS_VIEW = "events:view", "See ingested usage events."
    EVENTS_CREATE = "events:create", "Ingest usage events."
    INVOICES_VIEW = "invoices:view", "See invoices."
    INVOICES_CREATE = "invoices:create", "Create one-off invoices from add-ons."
    INVOICES_UPDATE = "invoices:update", "Refresh, adjust and finalize draft invoices."
    INVOICES_VOID = "invoices:void", "Void invoices."
    INVOICES_SEND = "invoices:send", "Send invoices to customers."
    INVOICES_EXPORT = "invoices:export", "Export invoices for accounting."
    CREDIT_NOTES_VIEW = "credit_notes:view", "See credit notes."
    CREDIT_NOTES_CREATE = "credit_notes:create", "Issue credit notes."
    CREDIT_NOTES_UPDATE = "credit_notes:update", "Change credit notes."
    CREDIT_NOTES_VOID = "credit_notes:void", "Void credit notes."
    CREDIT_NOTES_EXPORT = "credit_notes:export", "Export credit notes for accounting."
    CREDIT_NOTES_APPROVE = "credit_notes:approve", "Approve or reject a credit note someone else requested."
    WALLETS_VIEW = "wallets:view", "See prepaid credit wallets and their transactions."
    WALLETS_CREATE = "wallets:create", "Create prepaid credit wallets."
    WALLETS_UPDATE = "wallets:update", "Change prepaid credit wallets."
    WALLETS_TOP_UP = "wallets:top_up", "Grant or buy credits."
    WALLETS_TERMINATE = "wallets:terminate", "Terminate prepaid credit wallets."


P = Permission
ALL_PERMISSIONS: frozenset[str] = frozenset(p.value for p in Permission)

# Permissions only a person holds: an API key whose roles include one of them does not get it (keys are
# managed by people, so a leaked key can neither mint keys that outlive it nor revoke stronger ones).
PEOPLE_ONLY: frozenset[str] = frozenset({P.DEVELOPERS_KEYS_MANAGE.value})

_SHARED_VIEWS = frozenset(
    p.value
    for p in (
        P.ORGANIZATION_VIEW,
        P.TAXES_VIEW,
        P.BILLABLE_METRICS_VIEW,
        P.PLANS_VIEW,
        P.ADDONS_VIEW,
        P.COUPONS_VIEW,
        P.CUSTOMERS_VIEW,
        P.SUBSCRIPTIONS_VIEW,
        P.EVENTS_VIEW,
        P.INVOICES_VIEW,
        P.CREDIT_NOTES_VIEW,
        P.WALLETS_VIEW,
    )
)


@dataclass(frozen=True)
class BuiltinRole:
    code: str
    name: str
    description: str
    permissions: frozenset[str]


ADMIN = "admin"
MANAGER = "manager"
FINANCE = "finance"

BUILTIN_ROLES: dict[str, BuiltinRole] = {
    ADMIN: BuiltinRole(ADMIN, "Admin", "Everything, including permissions added later.", ALL_PERMISSIONS),
    MANAGER: BuiltinRole(
        MANAGER,
        "Account Manager",
        "Works with customers: subscriptions, negotiated prices, coupons, add-ons, credits.",
        _SHARED_VIEWS
        | {
            p.value
            for p in (
                P.SUBSCRIPTIONS_CREATE,
                P.SUBSCRIPTIONS_UPDATE,
                P.COUPONS_ATTACH,
                P.COUPONS_DETACH,
                P.INVOICES_CREATE,
                P.WALLETS_CREATE,
                P.WALLETS_UPDATE,
                P.WALLETS_TOP_UP,
                P.WALLETS_TERMINATE,
            )
        },
    ),
    FINANCE: BuiltinRole(
        FINANCE,
        "Finance & Analyst",
        "Reads everything financial, exports it, and issues credit notes.",
        _SHARED_VIEWS
        | {
            p.value
            for p in (
                P.INTEGRATIONS_VIEW,
                P.ANALYTICS_VIEW,
                P.INVOICES_EXPORT,
                P.CREDIT_NOTES_CREATE,
                P.CREDIT_NOTES_UPDATE,
                P.CREDIT_NOTES_VOID,
                P.CREDIT_NOTES_EXPORT,
                P.CREDIT_NOTES_APPROVE,
            )
        },
    ),
}


def unknown_permissions(names: list[str]) -> list[str]:
    """The names that are not in the catalogue, in the order given."""
    return [name for name in names if name not in ALL_PERMISSIONS]
