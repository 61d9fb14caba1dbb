"""The partner example (scripts/examples/partner_client.py) against a live server and worker, as the
partner guide describes it: a key holding a custom role sends usage twice (stored once), hears a
signed webhook and verifies it, and pages through the invoices."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
from typing import Any

from scripts.server import ROOT, login, post, server_process

ROLE = """mutation { createRole(input: {code: "usage_sender", name: "Usage sender",
  permissions: ["events:create", "invoices:view", "developers:manage", "organization:view"]}) { id } }"""
KEY = 'mutation { createApiKey(input: {name: "Product usage", roles: ["usage_sender"]}) { secret } }'
CATALOGUE = """{ customers(searchTerm: "acme") { collection { id } }
  plans(searchTerm: "starter") { collection { id } } addOns { collection { id } } }"""
SUBSCRIBE = """mutation($c: ID!, $p: ID!) { createSubscription(input: {customerId: $c, planId: $p,
  externalId: "sub_example"}) { id } }"""
INVOICE = """mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR",
  fees: [{addOnId: $a}]}) { id } }"""


def _ok(answer: dict[str, Any]) -> dict[str, Any]:
    assert not answer.get("errors"), answer
    return dict(answer["data"])


def _prepare(port: int) -> str:
    """As the demo admin: the integration's role and key, a subscription to meter, five invoices."""
    admin = login(port, "admin@demo.billgraph.dev")
    _ok(post(port, ROLE, admin))
    secret = str(_ok(post(port, KEY, admin))["createApiKey"]["secret"])
    found = _ok(post(port, CATALOGUE, admin))
    customer = found["customers"]["collection"][0]["id"]
    _ok(post(port, SUBSCRIBE, admin, {"c": customer, "p": found["plans"]["collection"][0]["id"]}))
    for _ in range(5):
        _ok(post(port, INVOICE, admin, {"c": customer, "a": found["addOns"]["collection"][0]["id"]}))
    return secret


def test_the_partner_example_runs_end_to_end(scratch_database: str) -> None:
    shared = {"DATABASE_URL": scratch_database, "BILLGRAPH_SECRET_KEY": "partner-example-" + "k" * 40}
    env = {**os.environ, **shared}  # every process of a deployment shares the database and the keys
    with server_process(shared) as (port, _):
        worker = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker", "--interval", "3600", "--webhook-interval", "0.2"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            secret = _prepare(port)
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "scripts.examples.partner_client",
                    "--url",
                    f"http://127.0.0.1:{port}",
                    "--api-key",
                    secret,
                    "--subscription",
                    "sub_example",
                    "--events",
                    "150",
                    "--page-size",
                    "2",
                ],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            admin = login(port, "admin@demo.billgraph.dev")
            total = _ok(post(port, "{ invoices { metadata { totalCount } } }", admin))["invoices"]["metadata"]
        finally:
            worker.send_signal(signal.SIGTERM)
            _, worker_log = worker.communicate(timeout=30)

    assert run.returncode == 0, run.stdout + run.stderr + worker_log.decode()
    assert run.stdout.splitlines() == [
        "connected to Demo API Co",
        "events first send: 150 created, 0 duplicates",
        "events sent again: 0 created, 150 duplicates",
        "webhook events.rejected received, signature verified",
        # five one-off invoices, and the worker's billing run may have billed the subscription too
        f"invoices read: {total['totalCount']} of {total['totalCount']} in {math.ceil(total['totalCount'] / 2)} pages",
    ]
    assert total["totalCount"] >= 5
