from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.errors import ValidationFailed
from app.db.engine import session_fetch
from app.events import ingest
from app.events.models import EventSource
from app.events.service import GRAPH_NAMES
from app.events.types import CreateEventsInput, EventBatchResultType, EventInput, EventResultType
from app.graphql.context import Context


def _raw(event: EventInput) -> dict[str, Any]:
    return {
        "transactionId": event.transaction_id,
        "externalSubscriptionId": event.external_subscription_id,
        "code": event.code,
        "timestamp": event.timestamp,
        "properties": event.properties,
    }


def _result(outcome: ingest.EventOutcome) -> EventResultType:
    return EventResultType(
        transaction_id=outcome.transaction_id,
        external_subscription_id=outcome.external_subscription_id,
        code=outcome.code,
        status=outcome.status,
        errors=outcome.errors,
        warnings=[warning.body() for warning in outcome.warnings],
    )


@strawberry.type
class EventMutations:
    @strawberry.mutation(
        extensions=requires(P.EVENTS_CREATE), description="Send one usage event (idempotent per transaction)."
    )
    async def create_event(self, info: Info[Context, Any], input: EventInput) -> EventResultType | None:
        ctx, org, raw = info.context, info.context.actor.org(), [_raw(input)]
        rejected: list[ingest.BatchOutcome] = []

        async def run(session: AsyncSession) -> ingest.BatchOutcome:
            outcome = await ingest.ingest(
                session_fetch(session), org, raw, GRAPH_NAMES, batch=False, keep_rejected=False
            )
            if outcome.events[0].errors:
                rejected.append(outcome)
                raise ValidationFailed(outcome.events[0].errors)
            return outcome

        async def keep(fetch: ingest.Fetch) -> None:
            await ingest.record_rejected(fetch, org, raw, rejected[0], EventSource.GRAPH)

        try:
            return _result((await ctx.mutate(info, run)).events[0])
        finally:
            if rejected:  # kept apart: the mutation's own write rolls back
                ctx.uow.keep_apart(keep)

    @strawberry.mutation(
        extensions=requires(P.EVENTS_CREATE),
        description=f"Send up to {ingest.MAX_BATCH} events; each is stored, a duplicate, or rejected alone.",
    )
    async def create_events(
        self, info: Info[Context, Any], input: CreateEventsInput
    ) -> EventBatchResultType | None:
        ctx, org = info.context, info.context.actor.org()
        if not input.events or len(input.events) > ingest.MAX_BATCH:
            raise ValidationFailed.one("events", f"send between 1 and {ingest.MAX_BATCH} events")
        raw = [_raw(event) for event in input.events]
        outcome = await ctx.mutate(info, lambda s: ingest.ingest(session_fetch(s), org, raw, GRAPH_NAMES))
        return EventBatchResultType(
            created=outcome.count(ingest.EventStatus.CREATED),
            duplicates=outcome.count(ingest.EventStatus.DUPLICATE),
            rejected=outcome.count(ingest.EventStatus.REJECTED),
            warned=len(outcome.warned()),
            events=[_result(event) for event in outcome.events],
        )
