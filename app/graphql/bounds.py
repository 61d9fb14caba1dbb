"""The longest each unpaginated list of the graph can be, and the rule that makes it so.

The query cost multiplies what is under a list by the most items it can hold. A list that grows with the
data takes ``limit``/``offset`` arguments (and is costed by its ``limit``); every other list is declared
here, with the rule that bounds it: a catalogue (the permissions), or a limit enforced where the list is
written (a plan's charges, the taxes of a customer). The schema test fails on a list that is neither.
A bound may depend on the field's arguments (the months an analytics range covers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.analytics.service import MAX_MONTHS
from app.auth.permissions import Permission
from app.core.currencies import EXPONENTS
from app.coupons.service import MAX_TARGETS
from app.events.ingest import MAX_BATCH
from app.invoices.service import MAX_FEES
from app.metrics.service import MAX_FILTER_VALUES, MAX_FILTERS
from app.plans.charge_models import MAX_RANGES
from app.plans.service import MAX_CHARGES
from app.roles.service import MAX_ROLES
from app.taxes.service import MAX_TAXES
from app.webhooks.models import WebhookEventType
from app.webhooks.service import MAX_ENDPOINTS

Bound = Callable[[Mapping[str, Any]], int]

assert MAX_FEES >= MAX_CHARGES + 2, "a subscription invoice holds its fees and one per charge"


def _fixed(size: int) -> Bound:
    return lambda _arguments: size


def _month(value: Any) -> int | None:
    """A ``Date`` argument as a month index, or None when absent or not a date (coercion reports it)."""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return None
    return day.year * 12 + day.month


def _monthly_figures(arguments: Mapping[str, Any]) -> int:
    """One row per month of the range (default 12, at most ``MAX_MONTHS``) and currency (one when the
    currency is given, else at most every currency there is)."""
    first, last = _month(arguments.get("fromMonth")), _month(arguments.get("toMonth"))
    months = MAX_MONTHS
    if first is not None and last is not None:
        months = max(1, min(MAX_MONTHS, last - first + 1))
    elif first is None and last is None:
        months = 12
    currencies = 1 if arguments.get("currency") else len(EXPONENTS)
    return months * currencies


_PERMISSIONS = _fixed(len(Permission))
_TAXES = _fixed(MAX_TAXES)
_ROLES = _fixed(MAX_ROLES)
_FEES = _fixed(MAX_FEES)
_RANGES = _fixed(MAX_RANGES)

BOUNDS: dict[str, tuple[Bound, str]] = {
    "AddOn.taxes": (_TAXES, "taxes.MAX_TAXES per add-on"),
    "Plan.taxes": (_TAXES, "taxes.MAX_TAXES per plan"),
    "Customer.taxes": (_TAXES, "taxes.MAX_TAXES per customer"),
    "Fee.appliedTaxes": (_TAXES, "a fee's taxes are its customer's, plan's, add-on's or the organization's"),
    "Plan.charges": (_fixed(MAX_CHARGES), "plans.MAX_CHARGES per plan"),
    "PlanVersion.charges": (_fixed(MAX_CHARGES), "plans.MAX_CHARGES per plan version"),
    "CustomerUsage.chargesUsage": (_fixed(MAX_CHARGES), "one per charge of the plan"),
    "ChargeProperties.graduatedRanges": (_RANGES, "charge_models.MAX_RANGES tiers"),
    "ChargeProperties.volumeRanges": (_RANGES, "charge_models.MAX_RANGES tiers"),
    "BillableMetric.filters": (_fixed(MAX_FILTERS), "metrics.MAX_FILTERS per metric"),
    "BillableMetricFilter.values": (_fixed(MAX_FILTER_VALUES), "metrics.MAX_FILTER_VALUES per filter"),
    "Invoice.fees": (_FEES, "invoices.MAX_FEES per invoice"),
    "CreditNote.items": (_FEES, "at most one item per fee of the invoice"),
    "CreditNoteEstimate.items": (_FEES, "at most one item per fee of the invoice"),
    "CreditNoteEstimate.creditableFees": (_FEES, "one per fee of the invoice"),
    "Membership.roles": (_ROLES, "roles.MAX_ROLES per membership"),
    "ApiKey.roles": (_ROLES, "roles.MAX_ROLES per key"),
    "Invite.roles": (_ROLES, "roles.MAX_ROLES per invitation"),
    "Membership.permissions": (_PERMISSIONS, "the permission catalogue"),
    "Role.permissions": (_PERMISSIONS, "the permission catalogue"),
    "Query.permissions": (_PERMISSIONS, "the permission catalogue"),
    "Coupon.plans": (_fixed(MAX_TARGETS), "coupons.MAX_TARGETS per coupon"),
    "Coupon.billableMetrics": (_fixed(MAX_TARGETS), "coupons.MAX_TARGETS per coupon"),
    "Organization.webhookEndpoints": (_fixed(MAX_ENDPOINTS), "webhooks.MAX_ENDPOINTS per organization"),
    "Query.webhookEndpoints": (_fixed(MAX_ENDPOINTS), "webhooks.MAX_ENDPOINTS per organization"),
    "WebhookEndpoint.eventTypes": (_fixed(len(WebhookEventType)), "the webhook event types"),
    "Organization.creditNoteApprovalThresholds": (_fixed(len(EXPONENTS)), "at most one per currency"),
    "EventBatchResult.events": (_fixed(MAX_BATCH), "ingest.MAX_BATCH events per call"),
    "Query.grossRevenues": (_monthly_figures, "months of the range times currencies"),
    "Query.mrrs": (_monthly_figures, "months of the range times currencies"),
    "Query.invoicedUsages": (_monthly_figures, "months of the range times currencies"),
    "Query.outstandingInvoices": (_monthly_figures, "months of the range times currencies"),
}


def bound_of(type_name: str, field_name: str) -> Bound | None:
    found = BOUNDS.get(f"{type_name}.{field_name}")
    return found[0] if found is not None else None
