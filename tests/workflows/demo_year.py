"""The demo year: a year of usage for the twelve demo customers, billed monthly, and what every invoice
must hold, computed here independently of the engine (its own formulas, roundings and coupon splits).

Every charge model, every coupon kind (fixed once carried over, percentage recurring, forever limited to
a metric, fixed recurring), plan, customer and organization taxes, prepaid wallets and a negotiated
price appear at least once. Billing catches the whole year up in one run."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from app.db.engine import Database
from app.demo import seed
from app.invoicing.run import RunReport, run
from app.settings import Settings
from app.users import service as users
from tests.helpers import Api, Response

D = Decimal
MONTHS = range(1, 13)


def r(amount: Decimal) -> int:
    return int(amount.quantize(D(1), rounding=ROUND_HALF_UP))


# --- the catalogue, as plain numbers for the independent computation -----------------------------------


@dataclass(frozen=True)
class PlanSpec:
    code: str
    amount_cents: int
    advance: bool
    charges: list[dict[str, Any]]  # what the test sends; ``price`` rates one month of usage


def graduated(units: Decimal, tiers: list[tuple[int, int | None, str, str]]) -> Decimal:
    total = D(0)
    for start, end, per_unit, flat in tiers:
        if units > start:
            top = units if end is None else min(units, D(end))
            total += (top - start) * D(per_unit) + D(flat)
    return total


def volume(units: Decimal, tiers: list[tuple[int, int | None, str, str]]) -> Decimal:
    if units == 0:
        return D(0)
    for _start, end, per_unit, flat in tiers:
        if end is None or units <= end:
            return units * D(per_unit) + D(flat)
    raise AssertionError


def tiers_input(tiers: list[tuple[int, int | None, str, str]]) -> list[dict[str, Any]]:
    return [
        {"fromValue": str(s), "toValue": None if e is None else str(e), "perUnitAmount": p, "flatAmount": f}
        for s, e, p, f in tiers
    ]


GROWTH_TIERS = [(0, 50, "0", "0"), (50, None, "0.02", "1")]
SCALE_TIERS = [(0, 5, "8", "0"), (5, None, "6", "0")]


@dataclass
class Month:
    calls: int = 0
    storage: list[int] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    payments: list[Decimal] = field(default_factory=list)


def basic_price(month: Month, per_call: str = "0.05") -> list[tuple[str, Decimal]]:
    return [("api_calls", D(month.calls) * D(per_call) * 100)]


def growth_price(month: Month) -> list[tuple[str, Decimal]]:
    storage = D(max(month.storage, default=0))
    packages = max(D(0), storage - 5)
    return [
        ("api_calls", graduated(D(month.calls), GROWTH_TIERS) * 100),
        ("storage_gb", ((packages + 9) // 10) * D(2) * 100),
    ]


def scale_price(month: Month) -> list[tuple[str, Decimal]]:
    seats = D(len(set(month.seats)))
    payments = sum(month.payments, D(0))
    return [
        ("seats", volume(seats, SCALE_TIERS) * 100),
        ("payment_volume", (payments * D("1.5") / 100 + D("0.10") * len(month.payments)) * 100),
    ]


def custom_price(month: Month) -> list[tuple[str, Decimal]]:
    return [("storage_gb", D(max(month.storage, default=0)) * D("0.5") * 100)]


def starter_price(month: Month) -> list[tuple[str, Decimal]]:
    storage = D(max(month.storage, default=0))
    return [
        ("api_calls", D(month.calls) * D("0.002") * 100),
        ("storage_gb", ((max(D(0), storage - 5) + 9) // 10) * D(5) * 100),
    ]


@dataclass
class Coupon:
    kind: str  # fixed or percentage
    value: Decimal
    frequency: str  # once, recurring, forever
    remaining: Decimal | None = None  # cents of a fixed once coupon, periods of a recurring one
    metric: str | None = None


@dataclass
class Customer:
    external_id: str
    plan: str
    taxes: list[Decimal]
    price: Any
    coupons: list[Coupon] = field(default_factory=list)
    wallet_cents: int = 0
    fee_cents: int = 0
    advance: bool = False
    months: dict[int, Month] = field(default_factory=lambda: defaultdict(Month))
    # what each expected invoice holds, line by line: (metric or "fee", amount, coupon share)
    billed_lines: list[list[tuple[str, int, int]]] = field(default_factory=list)


def split(total: int, weights: list[int]) -> list[int]:
    """Largest remainder, ties to the first (the documented rule), written again here."""
    whole = sum(weights)
    if not whole or not total:
        return [0] * len(weights)
    shares = [D(total) * w / whole for w in weights]
    parts = [int(s) for s in shares]
    for i in sorted(range(len(weights)), key=lambda i: (-(shares[i] - parts[i]), i))[: total - sum(parts)]:
        parts[i] += 1
    return parts


def expected_invoice(customer: Customer, lines: list[tuple[str, Decimal]]) -> dict[str, int]:
    fees = [r(amount) for _, amount in lines]
    remaining = list(fees)
    discount = [0] * len(fees)
    for coupon in [c for c in customer.coupons if c.remaining is None or c.remaining > 0]:
        covered = [i for i, (metric, _) in enumerate(lines) if coupon.metric in (None, metric)]
        weights = [remaining[i] if i in covered else 0 for i in range(len(fees))]
        base = sum(weights)
        if coupon.kind == "percentage":
            granted = min(base, r(D(base) * coupon.value / 100))
        else:
            granted = min(base, int(coupon.remaining if coupon.frequency == "once" else coupon.value))
        for i, part in enumerate(split(granted, weights)):
            discount[i] += part
            remaining[i] -= part
        if granted > 0:
            if coupon.frequency == "once" and coupon.kind == "fixed":
                coupon.remaining = (coupon.remaining or D(0)) - granted
            elif coupon.frequency == "once":
                coupon.remaining = D(0)
            elif coupon.frequency == "recurring":
                coupon.remaining = (coupon.remaining or D(0)) - 1
    customer.billed_lines.append(
        [(metric, fee, off) for (metric, _), fee, off in zip(lines, fees, discount, strict=True)]
    )
    taxes = sum(
        r(D(fee - off) * rate / 100)
        for fee, off in zip(fees, discount, strict=True)
        for rate in customer.taxes
    )
    due = sum(fees) - sum(discount) + taxes
    prepaid = min(customer.wallet_cents, due)
    customer.wallet_cents -= prepaid
    return {
        "feesAmountCents": sum(fees),
        "couponsAmountCents": sum(discount),
        "taxesAmountCents": taxes,
        "prepaidCreditAmountCents": prepaid,
        "totalAmountCents": due - prepaid,
    }


def expected_invoices(customer: Customer) -> list[dict[str, int]]:
    invoices = []
    if customer.advance:  # the start: January paid in advance
        invoices.append(expected_invoice(customer, [("fee", D(customer.fee_cents))]))
    for month in MONTHS:
        lines: list[tuple[str, Decimal]] = []
        if not customer.advance:
            lines.append(("fee", D(customer.fee_cents)))
        lines += [
            (metric, amount)
            for metric, amount in customer.price(customer.months[month])
            if amount or _units(customer, month, metric)
        ]
        if customer.advance:
            lines.append(("fee", D(customer.fee_cents)))
        invoices.append(expected_invoice(customer, lines))
    return invoices


def _units(customer: Customer, month: int, metric: str) -> int:
    data = customer.months[month]
    return {
        "api_calls": data.calls,
        "storage_gb": max(data.storage, default=0),
        "seats": len(set(data.seats)),
        "payment_volume": len(data.payments),
    }[metric]


# --- the story --------------------------------------------------------------------------------------------

PLANS = """{ plans(limit: 100) { collection { id code charges { id billableMetric { code } } } }
  billableMetrics { collection { id code } } coupons { collection { id code } }
  customers(limit: 100) { collection { id externalId timezone } } }"""


Caller = Callable[..., Awaitable[Response]]


async def _mutate(admin: Caller, document: str, **variables: Any) -> dict[str, Any]:
    data = (await admin(document, **variables)).ok()
    return dict(next(iter(data.values())))


async def _catalogue(admin: Caller, metric: dict[str, str]) -> None:
    create = "mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }"

    def std(code: str, amount: str) -> dict[str, Any]:
        return {"billableMetricId": metric[code], "chargeModel": "STANDARD", "properties": {"amount": amount}}

    for code, amount, advance, charges, taxes in (
        ("y_basic", 1000, False, [std("api_calls", "0.05")], None),
        (
            "y_growth",
            2900,
            True,
            [
                {
                    "billableMetricId": metric["api_calls"],
                    "chargeModel": "GRADUATED",
                    "properties": {"graduatedRanges": tiers_input(GROWTH_TIERS)},
                },
                {
                    "billableMetricId": metric["storage_gb"],
                    "chargeModel": "PACKAGE",
                    "properties": {"amount": "2", "packageSize": 10, "freeUnits": 5},
                },
            ],
            None,
        ),
        (
            "y_scale",
            9900,
            False,
            [
                {
                    "billableMetricId": metric["seats"],
                    "chargeModel": "VOLUME",
                    "properties": {"volumeRanges": tiers_input(SCALE_TIERS)},
                },
                {
                    "billableMetricId": metric["payment_volume"],
                    "chargeModel": "PERCENTAGE",
                    "properties": {"rate": "1.5", "fixedAmount": "0.10"},
                },
            ],
            None,
        ),
        ("y_custom", 5000, False, [std("storage_gb", "0.5")], ["reduced"]),
    ):
        await _mutate(
            admin,
            create,
            input={
                "name": code,
                "code": code,
                "interval": "MONTHLY",
                "amountCents": amount,
                "amountCurrency": "EUR",
                "payInAdvance": advance,
                "charges": charges,
                "taxCodes": taxes,
            },
        )


def _generate(customers: dict[str, Customer], timezones: dict[str, str]) -> list[dict[str, Any]]:
    rng = random.Random(2026)
    events = []
    for external_id, customer in customers.items():
        sub = f"sub_{external_id}"
        for month in MONTHS:
            data = customer.months[month]

            def at(day: int, hour: int, month: int = month, zone: str = timezones[external_id]) -> str:
                return datetime(2026, month, day, hour, tzinfo=ZoneInfo(zone)).astimezone(UTC).isoformat()

            data.calls = rng.randint(0, 120)
            events += [
                {"code": "api_calls", "at": at(rng.randint(2, 27), 12), "props": {}}
                for _ in range(data.calls)
            ]
            data.storage = [rng.randint(0, 60) for _ in range(3)]
            events += [
                {"code": "storage_gb", "at": at(3 + i * 8, 9), "props": {"gb": gb}}
                for i, gb in enumerate(data.storage)
            ]
            data.seats = [f"u{rng.randint(1, 12)}" for _ in range(15)]
            events += [
                {"code": "seats", "at": at(rng.randint(2, 27), 15), "props": {"user_id": u}}
                for u in data.seats
            ]
            data.payments = [D(rng.randint(100, 500_000)) / 100 for _ in range(10)]
            events += [
                {"code": "payment_volume", "at": at(rng.randint(2, 27), 18), "props": {"amount": str(a)}}
                for a in data.payments
            ]
            for event in events[-(data.calls + 3 + 15 + 10) :]:
                event["sub"] = sub
    return events


@dataclass
class DemoYear:
    admin: Caller
    customers: dict[str, Customer]
    ids: dict[str, str]  # customer id by external id
    report: RunReport
    again: RunReport

    def issuing_month(self, external_id: str, index: int) -> tuple[int, int]:
        """(year, month) of the customer's invoice ``index``: the month after the period billed in
        arrears; a plan paid in advance bills its start in January first."""
        month = index + 1 if self.customers[external_id].advance else index + 2
        return (2026, month) if month <= 12 else (2027, month - 12)


async def bill_demo_year(db: Database, settings: Settings, api: Api) -> DemoYear:
    """The demo organization, its year of usage, billed up to 2 January 2027."""
    async with db.sessionmaker() as session:
        await seed.load(session, settings, with_history=False)
        admin_user = await users.find_by_email(session, "admin@demo.billgraph.dev")
        await session.commit()
    assert admin_user is not None
    token = users.access_token(settings, admin_user)

    async def admin(document: str, **variables: Any) -> Response:
        return await api(document, variables, token=token)

    catalogue = (await admin(PLANS)).ok()
    metric = {m["code"]: m["id"] for m in catalogue["billableMetrics"]["collection"]}
    await _mutate(
        admin, 'mutation { createTax(input: {name: "Reduced", code: "reduced", rate: "5.5"}) { id } }'
    )
    await _mutate(admin, 'mutation { createTax(input: {name: "GST", code: "gst", rate: "10"}) { id } }')
    await _catalogue(admin, metric)
    catalogue = (await admin(PLANS)).ok()
    plans = {p["code"]: p for p in catalogue["plans"]["collection"]}
    ids = {c["externalId"]: c["id"] for c in catalogue["customers"]["collection"]}
    timezones = {c["externalId"]: c["timezone"] for c in catalogue["customers"]["collection"]}
    welcome = next(c["id"] for c in catalogue["coupons"]["collection"] if c["code"] == "welcome")
    vat, gst, reduced = [D(20)], [D(10)], [D("5.5")]

    customers = {
        "cus_acme": Customer("cus_acme", "y_basic", vat, basic_price, fee_cents=1000),
        "cus_globex": Customer(
            "cus_globex",
            "y_basic",
            vat,
            basic_price,
            fee_cents=1000,
            coupons=[Coupon("fixed", D(2000), "once", remaining=D(2000))],
        ),
        "cus_initech": Customer("cus_initech", "y_growth", vat, growth_price, fee_cents=2900, advance=True),
        "cus_umbrella": Customer(
            "cus_umbrella",
            "y_growth",
            vat,
            growth_price,
            fee_cents=2900,
            advance=True,
            coupons=[Coupon("percentage", D(10), "recurring", remaining=D(3))],
        ),
        "cus_hooli": Customer("cus_hooli", "y_scale", vat, scale_price, fee_cents=9900),
        "cus_stark": Customer(
            "cus_stark",
            "y_scale",
            vat,
            scale_price,
            fee_cents=9900,
            coupons=[Coupon("percentage", D(5), "forever", metric="payment_volume")],
        ),
        "cus_wayne": Customer("cus_wayne", "y_custom", reduced, custom_price, fee_cents=5000),
        "cus_tyrell": Customer("cus_tyrell", "y_basic", gst, basic_price, fee_cents=1000),
        "cus_cyberdyne": Customer(
            "cus_cyberdyne", "y_growth", vat, growth_price, fee_cents=2900, advance=True, wallet_cents=3000
        ),
        "cus_soylent": Customer(
            "cus_soylent", "y_scale", vat, scale_price, fee_cents=9900, wallet_cents=10000
        ),
        "cus_oscorp": Customer("cus_oscorp", "y_basic", vat, lambda m: basic_price(m, "0.04"), fee_cents=800),
        "cus_wonka": Customer(
            "cus_wonka",
            "starter",
            vat,
            starter_price,
            fee_cents=2900,
            advance=True,
            coupons=[Coupon("fixed", D(300), "recurring", remaining=D(6))],
        ),
    }

    # coupons, customer taxes and wallets, then the subscriptions (one negotiated)
    once = await _mutate(
        admin,
        'mutation { createCoupon(input: {name: "Twenty", code: "twenty", couponType: FIXED_AMOUNT, amountCents: 2000, amountCurrency: "EUR", frequency: ONCE}) { id } }',
    )
    forever = await _mutate(
        admin,
        f'mutation {{ createCoupon(input: {{name: "Five", code: "five", couponType: PERCENTAGE, percentageRate: "5", frequency: FOREVER, billableMetricIds: ["{metric["payment_volume"]}"]}}) {{ id }} }}',
    )
    monthly = await _mutate(
        admin,
        'mutation { createCoupon(input: {name: "Three", code: "three", couponType: FIXED_AMOUNT, amountCents: 300, amountCurrency: "EUR", frequency: RECURRING, frequencyDuration: 6}) { id } }',
    )
    apply = "mutation($c: ID!, $k: ID!) { createAppliedCoupon(input: {customerId: $c, couponId: $k}) { id } }"
    for external_id, coupon_id in (
        ("cus_globex", once["id"]),
        ("cus_umbrella", welcome),
        ("cus_stark", forever["id"]),
        ("cus_wonka", monthly["id"]),
    ):
        (await admin(apply, c=ids[external_id], k=coupon_id)).ok()
    (
        await admin(
            'mutation($id: ID!) { updateCustomer(input: {id: $id, taxCodes: ["gst"]}) { id } }',
            id=ids["cus_tyrell"],
        )
    ).ok()
    wallet = 'mutation($c: ID!, $r: String!, $g: String!) { createCustomerWallet(input: {customerId: $c, currency: "EUR", rateAmount: $r, grantedCredits: $g}) { id } }'
    (await admin(wallet, c=ids["cus_cyberdyne"], r="1", g="30")).ok()
    (await admin(wallet, c=ids["cus_soylent"], r="2", g="50")).ok()
    subscribe = "mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }"
    for external_id, customer in customers.items():
        given: dict[str, Any] = {
            "customerId": ids[external_id],
            "planId": plans[customer.plan]["id"],
            "externalId": f"sub_{external_id}",
            "subscriptionAt": "2026-01-01T00:00:00Z",
        }
        if external_id == "cus_oscorp":
            charge = plans["y_basic"]["charges"][0]["id"]
            given["planOverrides"] = {
                "amountCents": 800,
                "charges": [{"id": charge, "properties": {"amount": "0.04"}}],
            }
        (await admin(subscribe, input=given)).ok()

    # a year of usage, sent in batches
    events = _generate(customers, timezones)
    send = "mutation($input: CreateEventsInput!) { createEvents(input: $input) { created rejected } }"
    for start in range(0, len(events), 1000):
        chunk = [
            {
                "transactionId": f"e{start + i}",
                "externalSubscriptionId": e["sub"],
                "code": e["code"],
                "timestamp": e["at"],
                "properties": e["props"],
            }
            for i, e in enumerate(events[start : start + 1000])
        ]
        assert (await admin(send, input={"events": chunk})).ok("createEvents")["rejected"] == 0

    report = await run(db, datetime(2027, 1, 2, tzinfo=UTC))
    again = await run(db, datetime(2027, 1, 2, tzinfo=UTC))
    return DemoYear(admin, customers, ids, report, again)
