from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from app.events.coverage import WarningCode
from app.events.ingest import SENT_LIMIT, EventStatus
from app.events.models import EventSource

strawberry.enum(EventStatus, name="EventStatus")
strawberry.enum(
    EventSource, name="EventSource", description="How an event was sent: the graph or the REST API."
)
_CODES = ", ".join(code.value for code in WarningCode)


@strawberry.type(name="Event")
class EventType:
    id: strawberry.ID
    transaction_id: str
    external_subscription_id: str
    code: str
    timestamp: datetime
    properties: JSON
    created_at: datetime = strawberry.field(description="When it was received.")


@strawberry.type(
    name="RejectedEvent",
    description="A usage event refused at ingestion, kept 30 days (at most the latest 10,000).",
)
class RejectedEventType:
    id: strawberry.ID
    transaction_id: str | None = strawberry.field(description="As sent, when it was a valid string.")
    external_subscription_id: str | None = strawberry.field(
        description="As sent, when it was a valid string."
    )
    code: str | None = strawberry.field(description="As sent, when it was a valid string.")
    errors: JSON = strawberry.field(description="Each offending field and what is wrong.")
    sent: str = strawberry.field(
        description=f"The event as received, as JSON (cut at {SENT_LIMIT:,} characters)."
    )
    source: EventSource
    created_at: datetime = strawberry.field(description="When it was received.")


@strawberry.type(name="EventResult", description="What became of one sent event.")
class EventResultType:
    transaction_id: str | None
    external_subscription_id: str | None
    code: str | None
    status: EventStatus
    errors: JSON = strawberry.field(description="Each offending field and what is wrong (when REJECTED).")
    warnings: JSON = strawberry.field(
        description="Why no period will bill the event, though it is stored (CREATED or DUPLICATE): "
        f"a list of {{code, message}}, the code one of {_CODES}."
    )


@strawberry.type(name="EventBatchResult")
class EventBatchResultType:
    created: int
    duplicates: int
    rejected: int
    warned: int = strawberry.field(description="Events stored now that no period will bill.")
    events: list[EventResultType]


@strawberry.input
class EventInput:
    transaction_id: str
    external_subscription_id: str
    code: str
    timestamp: datetime | None = strawberry.field(default=None, description="Default: now.")
    properties: JSON | None = None


@strawberry.input
class CreateEventsInput:
    events: list[EventInput]
