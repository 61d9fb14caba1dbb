from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from app.events.ingest import EventStatus

strawberry.enum(EventStatus, name="EventStatus")


@strawberry.type(name="Event")
class EventType:
    id: strawberry.ID
    transaction_id: str
    external_subscription_id: str
    code: str
    timestamp: datetime
    properties: JSON
    created_at: datetime = strawberry.field(description="When it was received.")


@strawberry.type(name="EventResult", description="What became of one sent event.")
class EventResultType:
    transaction_id: str | None
    external_subscription_id: str | None
    code: str | None
    status: EventStatus
    errors: JSON = strawberry.field(description="Each offending field and what is wrong (when REJECTED).")


@strawberry.type(name="EventBatchResult")
class EventBatchResultType:
    created: int
    duplicates: int
    rejected: int
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
