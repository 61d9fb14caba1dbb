"""Subscription life cycles as a property: random sequences of starts (now or pending, with or without an
end date), upgrades now, downgrades at the period end, terminations, re-subscriptions and trials, for
customers in several timezones, with billing runs at random past times, in any order and repeated.

Whatever the sequence: each local day is billed on at most one subscription of a customer's chain (net
of credit notes), never outside the subscription's [start, end); every event inside a subscription is
counted exactly once and none outside; and the fees equal a day count made here, with zoneinfo and
dates only (none of the engine's period functions). Invoices are read through the graph."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from app.db.engine import Database
from app.invoicing.run import run
from app.subscriptions.models import Subscription
from tests.catalogue import metric, plan, standard
from tests.helpers import Factory, Org
from tests.invoicing.lifecycle import (
    Clock,
    change,
    create,
    fee_owners,
    half_up,
    invoices,
    local_date,
    local_midnight,
    send,
    subscriptions,
    terminate,
)
from tests.invoicing.lifecycle_model import (
    CODES,
    DAY_MINUTES,
    MINUTE,
    PLANS,
    ZONES,
    Slot,
    Sub,
    fee_cents,
    fee_days,
    month_pieces,
    next_month,
)

# Ending a subscription paid in advance inside a period already billed gives the unused days back (a
# credit note, or the draft cut); False leaves upgrades and terminations of such plans out.
CREDITS_UNUSED_DAYS = True


create_step = st.tuples(
    st.just("create"),
    st.sampled_from(CODES),
    st.one_of(st.just(0), st.integers(1, 40 * DAY_MINUTES)),  # 0: now, else pending
    st.one_of(st.none(), st.integers(1, 70 * DAY_MINUTES)),  # length until its end date
)
step = st.tuples(
    st.integers(0, 1),  # which customer
    st.integers(1, 25 * DAY_MINUTES),  # minutes the clock moves first
    st.one_of(
        create_step,
        st.tuples(st.just("change"), st.sampled_from(CODES), st.just(0), st.none()),
        st.tuples(st.just("terminate"), st.just(""), st.just(0), st.none()),
        st.tuples(st.just("run"), st.just(""), st.integers(0, 45 * DAY_MINUTES), st.none()),  # lag
    ),
)


async def catalogue(org: Org) -> dict[str, str]:
    calls = await metric(org.admin, "api_calls")
    ids = {}
    for code, (amount, advance, trial) in PLANS.items():
        created = await plan(
            org.admin,
            code,
            [standard(calls["id"], "0.01")],
            amountCents=amount,
            payInAdvance=advance,
            trialPeriod=trial,
        )
        ids[code] = str(created["id"])
    return ids


async def act(
    org: Org,
    plans: dict[str, str],
    slot: Slot,
    now: datetime,
    action: Any,
    *,
    force: bool = False,
    seen: datetime | None = None,
) -> None:
    """One life event at ``now``, on the subscriptions as the last run left them (at ``seen``)."""
    kind, code, offset, length = action
    seen = seen or now
    live = slot.live(seen)
    if kind == "create" and live is None:
        start = now if offset == 0 else now + offset * MINUTE + timedelta(seconds=30)
        ending = None if length is None else start + length * MINUTE + timedelta(seconds=15)
        extra: dict[str, Any] = {"subscriptionAt": start.isoformat()}
        if ending is not None:
            extra["endingAt"] = ending.isoformat()
        created = await create(org, slot.customer_id, plans[code], slot.external_id, **extra)
        assert created["status"] == ("ACTIVE" if offset == 0 else "PENDING")
        slot.subs.append(Sub(created["id"], code, start, ending, first_of_chain=True))
    elif kind == "change" and live is not None and code != live.plan:
        upgrade = PLANS[code][0] >= PLANS[live.plan][0]
        pending = live.status_at(seen) == "pending"
        if PLANS[live.plan][1] and upgrade and not pending and not CREDITS_UNUSED_DAYS:
            return
        if live.successor is not None:
            live.successor.canceled = True
        if pending:
            live.canceled, start = True, live.start
        elif upgrade:
            live.ended_at, live.ended_by, start = now, "ORDER_CHANGE", now
        else:
            start = local_midnight(next_month(local_date(now, slot.zone).replace(day=1)), slot.zone)
        successor = Sub((await change(org, live.id, plans[code]))["id"], code, start, live.ending_at, False)
        if not pending and not upgrade:
            live.successor = successor
        slot.subs.append(successor)
    elif kind == "terminate" and live is not None:
        if PLANS[live.plan][1] and live.status_at(seen) == "active" and not (CREDITS_UNUSED_DAYS or force):
            return
        await terminate(org, live.id)
        if live.status_at(seen) == "pending":
            live.canceled = True
        else:
            live.ended_at = now
            if live.successor is not None:
                live.successor.canceled = True


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    report_multiple_bugs=False,  # shrinking a database run takes minutes
)
@given(
    zones=st.lists(st.sampled_from(ZONES), min_size=2, max_size=2),
    graces=st.lists(st.sampled_from([0, 2]), min_size=2, max_size=2),
    opening=st.lists(create_step, min_size=2, max_size=2),
    begin=st.integers(0, 200 * DAY_MINUTES),
    steps=st.lists(step, min_size=3, max_size=12),
    event_offsets=st.lists(st.integers(0, 400 * DAY_MINUTES), max_size=25),
)
async def test_every_day_and_every_event_is_billed_once_on_the_subscription_in_force(
    factory: Factory,
    db: Database,
    zones: list[str],
    graces: list[int],
    opening: list[Any],
    begin: int,
    steps: list[Any],
    event_offsets: list[int],
) -> None:
    note(
        f"zones={zones} graces={graces} opening={opening} begin={begin} steps={steps} events={event_offsets}"
    )
    org = await factory.organization()
    plans = await catalogue(org)
    clock = Clock(datetime(2025, 1, 1, 0, 0, 20, tzinfo=UTC) + begin * MINUTE)  # never on a midnight
    origin = clock.at
    slots = []
    for i, (zone, grace) in enumerate(zip(zones, graces, strict=True)):
        document = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }"
        given_customer = {
            "externalId": f"c{i}",
            "name": f"c{i}",
            "timezone": zone,
            "invoiceGracePeriod": grace,
        }
        customer_id = (await org.admin(document, input=given_customer)).ok("createCustomer")["id"]
        slots.append(Slot(customer_id, f"c{i}_sub", zone))

    with clock.installed():
        for slot, opener in zip(slots, opening, strict=True):
            await act(org, plans, slot, clock.at, opener)
            month = local_date(origin, slot.zone).replace(day=1)
            midnights = []
            for _ in range(16):  # events right on the period boundaries
                midnights.append(local_midnight(month, slot.zone))
                month = next_month(month)
            slot.events = [origin + m * MINUTE for m in event_offsets] + midnights
            await send(org, slot.external_id, slot.events, "opening")
        for who, minutes, action in steps:
            clock.at += minutes * MINUTE
            slot = slots[who]
            if action[0] == "run":
                await run(db, clock.at - action[2] * MINUTE)
                continue
            await run(db, clock.at)  # the runs keep up with the clock before anyone acts
            await act(org, plans, slot, clock.at, action)
            slot.events.append(clock.at)
            await send(org, slot.external_id, [clock.at], f"step{clock.at.timestamp()}")
        # wind down: each customer's subscriptions end on its next local month start
        ends = [
            (local_midnight(next_month(local_date(clock.at, s.zone).replace(day=1)), s.zone), s)
            for s in slots
        ]
        for end, slot in sorted(ends, key=lambda pair: pair[0]):
            if clock.at < end:  # a run just before, none at the end itself
                clock.at = max(clock.at, end - timedelta(seconds=1))
                await run(db, clock.at)
            clock.at = max(clock.at, end)
            stop = ("terminate", "", 0, None)
            await act(org, plans, slot, clock.at, stop, force=True, seen=clock.at - timedelta(seconds=1))
        for later in (40, 41, 3):  # settle and finalize everything, then once more out of order
            await run(db, clock.at + timedelta(days=later))

    for slot in slots:
        await check(org, db, slot, clock.at)
    async with db.sessionmaker() as session:  # later examples' runs leave this organization alone
        await session.execute(
            sa.update(Subscription).where(Subscription.organization_id == org.id).values(next_billing_at=None)
        )
        await session.commit()


async def check(org: Org, db: Database, slot: Slot, now: datetime) -> None:
    zone = slot.zone
    seen = {s["id"]: s for s in await subscriptions(org, slot.customer_id)}
    started = [s for s in slot.subs if not s.never_starts]
    for sub in slot.subs:  # the engine's start and end are the ones the life events imply
        row = seen[sub.id]
        if sub.never_starts:
            assert row["status"] == "CANCELED", (sub, row)
            continue
        end = sub.end()
        assert (row["status"], row["startedAt"], row["terminatedAt"]) == (
            "TERMINATED",
            sub.start.isoformat(),
            end.isoformat() if end else None,
        ), (sub, row)
    ordered = sorted(started, key=lambda s: s.start)
    for before, after in itertools.pairwise(ordered):
        assert (before.end() or now) <= after.start  # the model itself: one subscription at a time

    billed = await invoices(org, slot.customer_id)
    owners = await fee_owners(db, [f["id"] for invoice in billed for f in invoice["fees"]])
    credited: dict[str, list[tuple[int, str, str]]] = {}  # fee id: (amount, reason, status) of each note
    for invoice in billed:
        for credit_note in invoice["creditNotes"] or []:
            for item in credit_note["items"]:
                credited.setdefault(item["fee"]["id"], []).append(
                    (item["amountCents"], credit_note["reason"], credit_note["status"])
                )
    by_id = {s.id: s for s in started}
    days_billed: dict[date, str] = {}
    units_billed = 0
    for sub in started:
        end = sub.end()
        assert end is not None
        fees = [
            f
            for invoice in billed
            for f in invoice["fees"]
            if owners[f["id"]] == sub.id and f["feeType"] == "SUBSCRIPTION"
        ]
        charges = [
            f
            for invoice in billed
            for f in invoice["fees"]
            if owners[f["id"]] == sub.id and f["feeType"] == "CHARGE"
        ]
        pieces = month_pieces(sub.start, end, zone)
        expected_fees = sorted(
            (a.isoformat(), b.isoformat(), fee_cents(sub, a, b, zone))
            for a, b, _ in pieces
            if fee_days(sub, a, b, zone)
        )
        actual_fees = []
        for f in fees:
            start, finish = datetime.fromisoformat(f["periodStart"]), datetime.fromisoformat(f["periodEnd"])
            month = local_date(start, zone).replace(day=1)
            assert sub.start <= start < finish <= local_midnight(next_month(month), zone), (sub, f)
            kept = min(finish, end)  # days past the end must be credited back
            if kept < finish:
                unused = (local_date(finish, zone) - local_date(kept, zone)).days
                whole = fee_days(sub, start, finish, zone)  # the days paid for: after any trial
                unused = min(unused, whole)
                expected_credit = half_up(Decimal(f["amountCents"]) * unused / whole)
                reasons = {sub.ended_by}  # an end date reached cancels a change scheduled past it
                notes = credited.get(f["id"]) or []
                assert [(c, status) for c, _, status in notes] == [(expected_credit, "FINALIZED")], (sub, f)
                assert notes[0][1] in reasons, (sub, f, notes)
            else:
                assert f["id"] not in credited, (sub, f)
            # the fee of what was billed, the net days the ones in force
            actual_fees.append((start.isoformat(), kept.isoformat(), fee_cents(sub, start, finish, zone)))
            assert f["amountCents"] == actual_fees[-1][2], (sub, f)
            for offset in range((local_date(kept, zone) - local_date(start, zone)).days):
                day = local_date(start, zone) + timedelta(days=offset)
                assert local_date(sub.start, zone) <= day < local_date(end, zone), (sub, f, day)
                assert day not in days_billed, (day, days_billed[day], sub.id)  # one subscription a day
                days_billed[day] = sub.id
        in_force = sorted(
            (a, b)
            for a, b, _ in actual_fees
            if fee_days(sub, datetime.fromisoformat(a), datetime.fromisoformat(b), zone)
        )
        assert in_force == [e[:2] for e in expected_fees], (sub, pieces)
        expected_charges = []
        for a, b, _ in pieces:
            units = sum(1 for t in slot.events if a <= t < b)
            if units:
                expected_charges.append((a.isoformat(), b.isoformat(), str(units), units))
        actual_charges = [(f["periodStart"], f["periodEnd"], f["units"], f["amountCents"]) for f in charges]
        assert sorted(actual_charges) == sorted(expected_charges), (sub, pieces)
        units_billed += sum(int(f["units"]) for f in charges)
    inside = sum(1 for t in slot.events if any(s.start <= t < (s.end() or now) for s in by_id.values()))
    assert units_billed == inside  # every event inside a subscription once, none outside
