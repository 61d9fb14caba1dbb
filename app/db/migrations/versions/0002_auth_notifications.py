"""auth notifications: NOTIFY billgraph_auth when memberships, roles or API keys change

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Tables whose changes decide who may do what, and for api_keys only the columns that do (not the
# last-use time, touched once a minute per key).
_TABLES = {
    "memberships": "INSERT OR UPDATE OR DELETE OR TRUNCATE",
    "membership_roles": "INSERT OR UPDATE OR DELETE OR TRUNCATE",
    "roles": "INSERT OR UPDATE OR DELETE OR TRUNCATE",
    "api_key_roles": "INSERT OR UPDATE OR DELETE OR TRUNCATE",
    "api_keys": "INSERT OR DELETE OR TRUNCATE OR UPDATE OF prefix, secret_hash, revoked_at, expires_at, organization_id",
}


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('billgraph_auth', TG_TABLE_NAME);
            RETURN NULL;
        END $$
        """
    )
    for table, events in _TABLES.items():
        op.execute(
            f"CREATE TRIGGER {table}_notify_auth AFTER {events} ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()"
        )


def downgrade() -> None:
    for table in _TABLES:
        op.execute(f"DROP TRIGGER {table}_notify_auth ON {table}")
    op.execute("DROP FUNCTION notify_auth_change()")
