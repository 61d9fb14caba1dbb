"""A small catalogue to bill: a metered API plan, a VAT rate, and helpers to subscribe and send usage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest

from app.db.engine import Database
from app.invoicing.run import RunReport, run
from tests.catalogue import metric, plan, standard, tax
from tests.helpers import Factory, Org

INVOICES = """query($c: ID) { invoices(customerId: $c, limit: 100) { collection {
  id number sequentialId status invoiceType issuingDate currency feesAmountCents couponsAmountCents
  taxesAmountCents creditNotesAmountCents prepaidCreditAmountCents totalAmountCents
  fees { feeType description units amountCents couponsAmountCents taxesAmountCents periodStart periodEnd } } } }"""


@dataclass
class Setup:
    org: Org
    metric_id: str
    plans: dict[str, str]


async def bill(db: Database, at: str) -> RunReport:
    return await run(db, datetime.fromisoformat(at))


async def customer(org: Org, external_id: str, **extra: Any) -> str:
    document = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }"
    given = {"externalId": external_id, "name": external_id, "timezone": "UTC", **extra}
    return str((await org.admin(document, input=given)).ok("createCustomer")["id"])


async def subscribe(org: Org, customer_id: str, plan_id: str, external_id: str, at: str, **extra: Any) -> str:
    document = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }"
    given = {
        "customerId": customer_id,
        "planId": plan_id,
        "externalId": external_id,
        "subscriptionAt": at,
        **extra,
    }
    return str((await org.admin(document, input=given)).ok("createSubscription")["id"])


async def usage(
    org: Org, subscription: str, times: list[str], code: str = "api_calls", **properties: Any
) -> None:
    document = "mutation($input: CreateEventsInput!) { createEvents(input: $input) { created rejected } }"
    events = [
        {
            "transactionId": f"{subscription}-{code}-{i}-{at}",
            "externalSubscriptionId": subscription,
            "code": code,
            "timestamp": at,
            "properties": properties,
        }
        for i, at in enumerate(times)
    ]
    result = (await org.admin(document, input={"events": events})).ok("createEvents")
    assert result == {"created": len(events), "rejected": 0}


async def invoices(org: Org, customer_id: str) -> list[dict[str, Any]]:
    collection = (await org.admin(INVOICES, c=customer_id)).ok("invoices")["collection"]
    return sorted(collection, key=lambda invoice: invoice["sequentialId"])


@pytest.fixture
async def setup(factory: Factory) -> Setup:
    org = await factory.organization()
    await tax(org.admin, "vat", "20", applied=True)
    calls = await metric(org.admin, "api_calls")
    plans = {
        "arrears": (await plan(org.admin, "arrears", [standard(calls["id"], "0.01")], amountCents=1000))[
            "id"
        ],
        "advance": (
            await plan(
                org.admin, "advance", [standard(calls["id"], "0.01")], amountCents=3100, payInAdvance=True
            )
        )["id"],
        "trial": (await plan(org.admin, "trial", [], amountCents=3100, payInAdvance=True, trialPeriod=10))[
            "id"
        ],
    }
    return Setup(org, calls["id"], plans)
