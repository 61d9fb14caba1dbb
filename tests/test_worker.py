"""The worker sends webhooks on its own rounds beside billing (each loop on its own connection) and
stops when told."""

from __future__ import annotations

import asyncio

import pytest

from app.db.engine import Database
from app.settings import Settings
from app.worker import work
from tests.catalogue import plan
from tests.conftest import make_client
from tests.helpers import Api, Factory
from tests.webhooks.conftest import Receiver, endpoint, webhooks


@pytest.mark.committed
async def test_the_worker_delivers_webhooks_and_stops_when_told(
    committed_db: Database, settings: Settings, receiver: Receiver
) -> None:
    async with make_client(settings, committed_db) as client:
        org = await Factory(committed_db, settings, Api(client)).organization()
        await endpoint(org.admin, receiver.url, "SUBSCRIPTION_STARTED")
        customer = (
            await org.admin('mutation { createCustomer(input: {externalId: "c", name: "C"}) { id } }')
        ).ok("createCustomer")["id"]
        basic = (await plan(org.admin, "basic", [], amountCents=1000))["id"]
        await org.admin(
            "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }",
            input={"customerId": customer, "planId": basic, "externalId": "s1"},
        )
        stop = asyncio.Event()

        running = asyncio.create_task(
            work(committed_db, settings, stop, billing_interval=60, delivery_interval=0.02)
        )
        for _ in range(250):
            if receiver.received:
                break
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(running, 10)
        logged = await webhooks(org.admin)

    assert len(receiver.received) == 1
    assert [w["status"] for w in logged] == ["SUCCEEDED"]
