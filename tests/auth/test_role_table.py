"""The code's role table is exactly the contract of permissions.md."""

from __future__ import annotations

from app.auth.permissions import ALL_PERMISSIONS, BUILTIN_ROLES, Permission

MANAGER_VIEWS = {
    "organization:view",
    "organization:taxes:view",
    "billable_metrics:view",
    "plans:view",
    "addons:view",
    "coupons:view",
    "customers:view",
    "subscriptions:view",
    "events:view",
    "invoices:view",
    "credit_notes:view",
    "wallets:view",
}
MANAGER_ACTIONS = {
    "subscriptions:create",
    "subscriptions:update",
    "coupons:attach",
    "coupons:detach",
    "invoices:create",
    "wallets:create",
    "wallets:update",
    "wallets:top_up",
    "wallets:terminate",
}
FINANCE_EXTRA = {
    "organization:integrations:view",
    "analytics:view",
    "invoices:export",
    "credit_notes:create",
    "credit_notes:update",
    "credit_notes:void",
    "credit_notes:export",
    "credit_notes:approve",
}


def test_the_catalogue_has_every_permission_of_the_contract_once() -> None:
    names = [permission.value for permission in Permission]
    assert len(names) == len(set(names)) == 64
    assert all(permission.description for permission in Permission)


def test_admin_holds_everything() -> None:
    assert BUILTIN_ROLES["admin"].permissions == ALL_PERMISSIONS


def test_manager_holds_the_views_and_exactly_the_customer_actions() -> None:
    assert BUILTIN_ROLES["manager"].permissions == MANAGER_VIEWS | MANAGER_ACTIONS


def test_finance_holds_the_views_plus_money_reading_and_credit_notes() -> None:
    assert BUILTIN_ROLES["finance"].permissions == MANAGER_VIEWS | FINANCE_EXTRA


def test_neither_manager_nor_finance_holds_what_the_contract_withholds() -> None:
    withheld = {
        p.value
        for p in Permission
        if p.value.startswith(("organization:members", "roles:", "developers:", "audit_logs:"))
        or p.value
        in {
            "organization:update",
            "events:create",
            "customers:create",
            "customers:update",
            "customers:delete",
        }
        or (
            p.value.split(":")[0] in {"billable_metrics", "plans", "addons", "coupons"}
            and p.value.split(":")[-1] in {"create", "update", "delete"}
        )
        or p.value == "organization:taxes:update"
    }
    assert withheld
    for code in ("manager", "finance"):
        assert not BUILTIN_ROLES[code].permissions & withheld, code
