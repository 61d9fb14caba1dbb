"""The billing run: start and end the subscriptions that are due, bill every subscription whose
boundary has come, finalize the drafts whose grace period is over.

Safe to run twice and in parallel: each batch locks its subscriptions with ``FOR UPDATE SKIP LOCKED``
(a concurrent run takes others), re-reads their progress under the lock, and one invoice per
subscription and boundary is enforced by a unique key. Each batch commits on its own."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from app.db.engine import Database
from app.invoicing import drafts, service
from app.observability.metrics import INVOICES
from app.subscriptions.models import Subscription
from app.subscriptions.service import apply_due_transitions

log = logging.getLogger("billgraph.billing")

BATCH = 200


@dataclass
class RunReport:
    at: datetime
    transitions: int = 0
    subscriptions: int = 0
    invoices: int = 0
    finalized: int = 0
    held: set[uuid.UUID] = field(default_factory=set)  # amounts past the largest one: not billed

    def line(self) -> str:
        return (
            f"billing run at {self.at.isoformat()}: {self.transitions} subscription transitions, "
            f"{self.subscriptions} subscriptions billed, {self.invoices} invoices, "
            f"{self.finalized} drafts finalized"
            + (f", {len(self.held)} subscriptions held (amounts past the largest one)" if self.held else "")
        )


async def run(db: Database, at: datetime, batch: int = BATCH) -> RunReport:
    report = RunReport(at)
    async with db.sessionmaker() as session, session.begin():
        report.transitions = await apply_due_transitions(session, at)
    while True:
        async with db.sessionmaker() as session, session.begin():
            due = (
                await session.scalars(
                    sa.select(Subscription)
                    .where(Subscription.next_billing_at <= at, Subscription.id.not_in(report.held))
                    .order_by(Subscription.next_billing_at, Subscription.id)
                    .limit(batch)
                    .with_for_update(key_share=True, skip_locked=True)
                    .execution_options(populate_existing=True)
                )
            ).all()
            if not due:
                break
            invoices = await service.bill(session, due, at, report.held)
            report.subscriptions += len(due)
            report.invoices += len(invoices)
            stuck = [
                s.id
                for s in due
                if s.next_billing_at is not None and s.next_billing_at <= at and s.id not in report.held
            ]
            if stuck:  # would loop forever: a bug, never silence it
                raise RuntimeError(f"billing made no progress for subscriptions {stuck}")
        INVOICES.inc(len(invoices))  # committed
    while True:
        async with db.sessionmaker() as session, session.begin():
            finalized = await drafts.finalize_due_drafts(session, at.date())
        report.finalized += finalized
        if finalized == 0:
            break
    log.info(report.line())
    return report
