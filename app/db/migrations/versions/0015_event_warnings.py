"""event warnings: the ``events.warned`` webhook event type

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

Usage events that no period will bill (before their subscription starts, after it ends, in a period
invoiced for good) are stored with warnings; webhooks gain ``events.warned`` to announce them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_EVENT_TYPES = (
    "invoice.created",
    "invoice.finalized",
    "invoice.voided",
    "credit_note.created",
    "credit_note.approved",
    "credit_note.rejected",
    "subscription.started",
    "subscription.changed",
    "subscription.terminated",
    "wallet.topped_up",
    "events.rejected",
    "approval_policy.updated",
)
_NEW_EVENT_TYPE = "events.warned"
_CONSTRAINT = "ck_webhooks_webhookeventtype"


def _event_type_check(values: tuple[str, ...]) -> None:
    op.drop_constraint(op.f(_CONSTRAINT), "webhooks", type_="check")
    listed = ", ".join(f"'{value}'" for value in values)
    op.create_check_constraint(op.f(_CONSTRAINT), "webhooks", f"event_type IN ({listed})")


def upgrade() -> None:
    _event_type_check((*_EVENT_TYPES, _NEW_EVENT_TYPE))


def downgrade() -> None:
    removed = {"t": _NEW_EVENT_TYPE}
    op.execute(sa.text("DELETE FROM webhooks WHERE event_type = :t").bindparams(**removed))
    # An endpoint that listened to nothing else would hear nothing before this revision: it ends (an
    # empty list would mean every event type); the others simply stop listing it.
    op.execute(
        sa.text(
            "UPDATE webhook_endpoints SET deleted_at = coalesce(deleted_at, now()) "
            "WHERE event_types = ARRAY[CAST(:t AS varchar)]"
        ).bindparams(**removed)
    )
    op.execute(
        sa.text(
            "UPDATE webhook_endpoints SET event_types = array_remove(event_types, CAST(:t AS varchar)) "
            "WHERE CAST(:t AS varchar) = ANY(event_types)"
        ).bindparams(**removed)
    )
    _event_type_check(_EVENT_TYPES)
