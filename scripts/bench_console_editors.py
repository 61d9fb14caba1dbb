"""Benchmark: the console's plan editor and audit log in headless Chromium, against
``billgraph serve --demo --no-worker`` on a fresh database (as ``scripts.bench_console`` does).

Prepares through the graph a plan with 10 charges (every charge model: standard, graduated, volume,
package, percentage, each twice, on 10 metrics) and 1,000 audit entries (``updateCustomer`` on one
customer), then prints, for the demo admin (median, min and max of ``--runs``; target <= 1 s each):

- plan: from navigation to the plan's page showing its 10 charges; from "Edit plan" to the editor
  showing 10 charge cards; from "Save the plan" (a new fee, so a new version) to "The plan was saved";
- audit log: from navigation to the first page of rows, unfiltered (1,000+ entries) and filtered by
  operation and object (1,000 matching) and by a time range;
- requests: the POST /graphql requests of each of these (the session query of a page load apart).

Build the console first (``cd console && npm run build``).

    .venv/bin/python -m scripts.bench_console_editors [--runs 5] [--entries 1000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from playwright.sync_api import Page, Request, sync_playwright

from scripts.bench_console import (
    ASSETS,
    CHROMIUM,
    SERVER_ENV,
    TIME_TARGET,
    fresh_database,
    ok,
    operation_name,
    settle,
    sign_in,
    table,
    verdict,
)
from scripts.server import login, server_process
from tests.console.conftest import DEMO_MEMBERS

CHARGES = 10
TIERS = [
    {"fromValue": "0", "toValue": "100", "perUnitAmount": "1", "flatAmount": "0"},
    {"fromValue": "100", "toValue": "1000", "perUnitAmount": "0.5", "flatAmount": "0"},
    {"fromValue": "1000", "toValue": None, "perUnitAmount": "0.25", "flatAmount": "10"},
]
MODELS: list[tuple[str, dict[str, Any]]] = [
    ("STANDARD", {"amount": "0.01"}),
    ("GRADUATED", {"graduatedRanges": TIERS}),
    ("VOLUME", {"volumeRanges": TIERS}),
    ("PACKAGE", {"amount": "5", "packageSize": 100, "freeUnits": 10}),
    ("PERCENTAGE", {"rate": "1.5", "fixedAmount": "0.1"}),
]


def make_plan(port: int, admin: str, tag: str) -> Any:
    charges = []
    for n in range(CHARGES):
        metric = ok(
            port,
            "mutation($c: String!, $n: String!) { createBillableMetric(input: {name: $n, code: $c, "
            'aggregationType: SUM_AGG, fieldName: "units"}) { id } }',
            admin,
            c=f"bench_{tag}_{n}",
            n=f"Bench metric {n}",
        )["createBillableMetric"]
        model, properties = MODELS[n % len(MODELS)]
        charges.append({"billableMetricId": metric["id"], "chargeModel": model, "properties": properties})
    return ok(
        port,
        'mutation($c: String!, $charges: [ChargeInput!]!) { createPlan(input: {name: "Bench ten charges", '
        'code: $c, interval: MONTHLY, amountCents: 10000, amountCurrency: "EUR", charges: $charges}) '
        "{ id name } }",
        admin,
        c=f"bench_{tag}",
        charges=charges,
    )["createPlan"]


def make_audit_entries(port: int, admin: str, tag: str, entries: int) -> str:
    customer = ok(
        port,
        'mutation($e: String!) { createCustomer(input: {externalId: $e, name: "Audited"}) { id } }',
        admin,
        e=f"cus_audit_{tag}",
    )["createCustomer"]["id"]
    for n in range(entries):
        ok(
            port,
            "mutation($id: ID!, $n: String!) { updateCustomer(input: {id: $id, name: $n}) { id } }",
            admin,
            id=customer,
            n=f"Audited {n:04d}",
        )
    return str(customer)


class Recorder:
    """The POST /graphql requests' operations since the last ``take()``."""

    def __init__(self, page: Page) -> None:
        self.seen: list[str] = []
        page.on("request", self.record)

    def record(self, request: Request) -> None:
        if request.method == "POST" and request.url.endswith("/graphql"):
            self.seen.append(operation_name(request))

    def take(self) -> list[str]:
        taken, self.seen = [op for op in self.seen if op != "Session"], []
        return taken


def measure(
    page: Page,
    recorder: Recorder,
    runs: int,
    act: Callable[[int], None],
    done: str,
    before: Callable[[int], None] | None = None,
) -> tuple[list[float], list[str]]:
    """Seconds from ``act(run)`` to the ``done`` JavaScript condition, each run after ``before(run)``
    (not timed); the requests of the first run."""
    times: list[float] = []
    first: list[str] = []
    for run in range(runs):
        if before is not None:
            before(run)
            settle(page)
        recorder.take()
        began = time.perf_counter()
        act(run)
        page.wait_for_function(done, polling="raf", timeout=30_000)
        times.append(time.perf_counter() - began)
        settle(page)
        if run == 0:
            first = recorder.take()
    return times, first


def count(selector: str, at_least: int) -> str:
    return f"() => document.querySelectorAll('{selector}').length >= {at_least}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    assert (ASSETS.parent / "index.html").is_file(), "no build: run `npm run build` in console/ first"
    tag = datetime.now(UTC).strftime("%H%M%S")
    rows: list[list[str]] = []

    with fresh_database() as database, server_process({**SERVER_ENV, **database}) as (port, _):
        admin = login(port, DEMO_MEMBERS[0])
        plan = make_plan(port, admin, tag)
        began = time.perf_counter()
        customer = make_audit_entries(port, admin, tag, args.entries)
        print(
            f"prepared: a plan with {CHARGES} charges; {args.entries} audit entries in "
            f"{time.perf_counter() - began:.1f} s"
        )
        today = datetime.now(UTC).date().isoformat()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox"], headless=True
            )
            try:
                context = browser.new_context(
                    base_url=f"http://127.0.0.1:{port}", viewport={"width": 1280, "height": 900}
                )
                page = context.new_page()
                sign_in(page, DEMO_MEMBERS[0])
                settle(page)
                recorder = Recorder(page)

                def open_plan(_: int) -> None:
                    page.goto(f"/plans/{plan['id']}", wait_until="commit")

                charges_shown = count('section[aria-label^="Charge "]', CHARGES)
                measured = {
                    "plan page, 10 charges": measure(page, recorder, args.runs, open_plan, charges_shown)
                }

                def plan_page(_: int) -> None:
                    page.goto("/plans")  # away first: the same URL again would not reload it
                    settle(page)
                    page.goto(f"/plans/{plan['id']}")
                    page.wait_for_function(charges_shown, polling="raf")

                def edit(_: int) -> None:
                    page.get_by_role("button", name="Edit plan").click()

                editor_shown = count('form[aria-labelledby="plan-edit-title"] section[aria-label]', CHARGES)
                measured["plan editor, 10 charge cards"] = measure(
                    page, recorder, args.runs, edit, editor_shown, before=plan_page
                )

                def new_fee(run: int) -> None:
                    plan_page(run)
                    settle(page)
                    edit(run)
                    page.wait_for_function(editor_shown, polling="raf")
                    page.get_by_label("Fee per month (EUR)").fill(f"{101 + run}.00")

                def save(_: int) -> None:
                    page.get_by_role("button", name="Save the plan").click()

                saved = "() => [...document.querySelectorAll('[role=status]')].some(e => e.textContent.includes('The plan was saved'))"
                measured["save a new plan version"] = measure(
                    page, recorder, args.runs, save, saved, before=new_fee
                )

                audit_rows = count('table[aria-label="Audit log"] tbody tr', 25)
                for name, query in [
                    ("audit log, unfiltered", ""),
                    (
                        "audit log, by operation and object",
                        f"?operation=updateCustomer&objectType=Customer&objectId={customer}",
                    ),
                    ("audit log, by time range", f"?from={today}&to={today}"),
                ]:

                    def open_log(_: int, query: str = query) -> None:
                        page.goto(f"/audit-log{query}", wait_until="commit")

                    measured[name] = measure(page, recorder, args.runs, open_log, audit_rows)
                versions = ok(
                    port,
                    "query($id: ID!) { plan(id: $id) { versions(limit: 100) { id } } }",
                    admin,
                    id=plan["id"],
                )["plan"]["versions"]
                context.close()
            except Exception:
                page.screenshot(path="/tmp/bench_console_editors_failure.png")
                print("failed at", page.url)
                raise
            finally:
                browser.close()

    for name, (times, operations) in measured.items():
        rows.append(
            [
                name,
                f"{statistics.median(times) * 1000:.0f} ms",
                f"{min(times) * 1000:.0f} ms",
                f"{max(times) * 1000:.0f} ms",
                verdict(statistics.median(times) <= TIME_TARGET),
                str(len(operations)),
                ", ".join(operations) or "-",
            ]
        )
    print(f"\nplan editor and audit log, {DEMO_MEMBERS[0]}, {args.runs} runs (localhost)")
    print(table(["what", "median", "min", "max", "<= 1 s", "requests", "operations (first run)"], rows))
    print(f"\nplan versions after the saves: {len(versions)} (1 + {args.runs} expected)")


if __name__ == "__main__":
    main()
