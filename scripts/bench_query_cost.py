"""Benchmark: the most expensive query the server accepts, on a live server.

A customer with 101 invoices, and the query that abuses it: ``Customer.invoices → customer → invoices``
with every scalar field of an invoice, under as many aliases as the limits let through. The script asks
the server (cost rejections are answered before anything runs) for the largest such query it accepts,
then runs it and prints its time and the size of its answer, and how long another caller's
``{ __typename }`` waited meanwhile.

    .venv/bin/python -m scripts.bench_query_cost
"""

from __future__ import annotations

import argparse
import contextlib
import json
import threading
import time
import urllib.error
import urllib.request
from typing import Any

from scripts.server import login, post, running_server

FIELDS = """id number sequentialId invoiceType status paymentStatus currency issuingDate paymentDueDate
  netPaymentTerm feesAmountCents couponsAmountCents subTotalExcludingTaxesAmountCents taxesAmountCents
  subTotalIncludingTaxesAmountCents creditNotesAmountCents prepaidCreditAmountCents totalAmountCents
  finalizedAt voidedAt paidAt createdAt"""
CUSTOMER = (
    'mutation { createCustomer(input: {externalId: "bench_cost", name: "Bench", currency: "EUR"}) { id } }'
)
ADD_ON = "{ addOns { collection { id } } }"
INVOICE = """mutation($c: ID!, $a: ID!) { createInvoice(input: {customerId: $c, currency: "EUR",
  fees: [{addOnId: $a}]}) { id } }"""


def attack(aliases: int, inner: int | None, paginated: bool) -> str:
    """``aliases`` copies of invoices → customer → invoices; ``inner`` the inner page size (paginated)."""
    outer_args = "(limit: 100)" if paginated else ""
    inner_args = f"(limit: {inner})" if paginated else ""
    one = f"invoices{outer_args} {{ customer {{ invoices{inner_args} {{ {FIELDS} }} }} }}"
    body = " ".join(f"a{i}: {one}" for i in range(aliases))
    return f"query($id: ID!) {{ customer(id: $id) {{ {body} }} }}"


def raw_post(port: int, query: str, token: str, variables: dict[str, Any]) -> tuple[int, bytes, float]:
    data = json.dumps({"query": query, "variables": variables}).encode()
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=data, headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as reply:
            return reply.status, reply.read(), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.perf_counter() - started


def rejected_by_cost(port: int, query: str, token: str, variables: dict[str, Any]) -> bool:
    """Whether the server refuses ``query`` for its cost. The cost is checked before the variables
    are: an id that cannot be one makes an accepted query fail at once instead of running."""
    answer = post(port, query, token, {**variables, "id": {"not": "an id"}})
    return any(str(e.get("message", "")).startswith("Query cost") for e in answer.get("errors") or ())


def is_paginated(port: int, token: str, customer: str) -> bool:
    answer = post(
        port, "query($id: ID!) { customer(id: $id) { invoices(limit: 1) { id } } }", token, {"id": customer}
    )
    return not answer.get("errors")


def largest_accepted(
    port: int, token: str, customer: str, paginated: bool, most: int
) -> tuple[int, int | None]:
    """The aliases (and inner page size) of the largest attack not rejected for its cost."""
    variables = {"id": customer}
    best: tuple[int, int | None] = (0, None)
    best_work = 0
    for aliases in range(1, most + 1):
        if not paginated:
            if rejected_by_cost(port, attack(aliases, None, False), token, variables):
                break
            best = (aliases, None)
            continue
        low, high = 0, 100  # the largest inner limit accepted with this many aliases
        while low < high:
            middle = (low + high + 1) // 2
            if rejected_by_cost(port, attack(aliases, middle, True), token, variables):
                high = middle - 1
            else:
                low = middle
        if low == 0:
            break
        if aliases * low > best_work:
            best, best_work = (aliases, low), aliases * low
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--invoices", type=int, default=101)
    parser.add_argument(
        "--aliases", type=int, default=30, help="try at most this many aliases (30: the alias limit)"
    )
    arguments = parser.parse_args()
    with running_server() as port:
        admin = login(port, "admin@demo.billgraph.dev")
        customer = post(port, CUSTOMER, admin)["data"]["createCustomer"]["id"]
        add_on = post(port, ADD_ON, admin)["data"]["addOns"]["collection"][0]["id"]
        for _ in range(arguments.invoices):
            post(port, INVOICE, admin, {"c": customer, "a": add_on})
        paginated = is_paginated(port, admin, customer)
        aliases, inner = largest_accepted(port, admin, customer, paginated, arguments.aliases)
        query = attack(aliases, inner, paginated)

        waits: list[float] = []
        done = threading.Event()

        def probe() -> None:
            while not done.is_set():
                started = time.perf_counter()
                with contextlib.suppress(OSError):  # stalled past the client's timeout
                    post(port, "{ __typename }")
                waits.append(time.perf_counter() - started)
                time.sleep(0.02)

        prober = threading.Thread(target=probe)
        prober.start()
        try:
            status, body, seconds = raw_post(port, query, admin, {"id": customer})
        finally:
            done.set()
            prober.join()
        answer = json.loads(body)
        codes = sorted({str(e["extensions"]["code"]) for e in answer.get("errors") or ()})
        shape = f"{aliases} aliases of invoices → customer → invoices"
        if paginated:
            shape += f" (outer limit 100, inner limit {inner})"
        print(f"customer with {arguments.invoices} invoices; largest query accepted: {shape}")
        print(f"  HTTP {status}, errors {codes or 'none'}")
        print(f"  time {seconds:.2f} s, response {len(body) / 1e6:.2f} MB")
        if waits:
            print(f"  another caller's {{ __typename }}: worst {max(waits) * 1000:.0f} ms over {len(waits)}")


if __name__ == "__main__":
    main()
