"""four eyes: approval thresholds that loosen after a delay

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

Organizations gain ``credit_note_approval_pending`` (per currency, a raise or removal of a threshold and
when it takes effect). Webhooks gain the ``approval_policy.updated`` event type.

API keys already record the person who created them (``created_by_user_id``), except keys minted by
another key. Those are traced back through the audit log (``createApiKey`` by a key, whose own creator
is known or traced in turn); a key whose chain does not lead to a person keeps no creator and acts for
nobody (it cannot decide on credit notes nor request one that needs approval).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0013"
down_revision = "0012"
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
)
_NEW_EVENT_TYPE = "approval_policy.updated"
_CONSTRAINT = "ck_webhooks_webhookeventtype"

# One level of the chain per pass; a chain is at most as long as the organization's keys.
_TRACE_MINTED_KEYS = """
UPDATE api_keys k SET created_by_user_id = parent.created_by_user_id
FROM audit_logs a JOIN api_keys parent ON parent.id = a.actor_api_key_id
WHERE k.created_by_user_id IS NULL
  AND a.operation = 'createApiKey' AND a.actor_type = 'api_key' AND a.object_id = k.id
  AND a.organization_id = k.organization_id AND parent.organization_id = k.organization_id
  AND parent.created_by_user_id IS NOT NULL"""


def _event_type_check(values: tuple[str, ...]) -> None:
    op.drop_constraint(op.f(_CONSTRAINT), "webhooks", type_="check")
    listed = ", ".join(f"'{value}'" for value in values)
    op.create_check_constraint(op.f(_CONSTRAINT), "webhooks", f"event_type IN ({listed})")


def upgrade() -> None:
    op.add_column(
        "organizations",
        sa.Column(
            "credit_note_approval_pending",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )
    _event_type_check((*_EVENT_TYPES, _NEW_EVENT_TYPE))
    connection = op.get_bind()
    while connection.execute(sa.text(_TRACE_MINTED_KEYS)).rowcount:
        pass


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
    op.drop_column("organizations", "credit_note_approval_pending")
    # The creators traced from the audit log stay: they were as true before this revision.
