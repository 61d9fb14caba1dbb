"""row-level security on memberships, roles and membership_roles

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02

The tables 0008 left out get the same wall. Under a request's scope (``billgraph.organization_id``),
they show and accept that organization's rows (``tenant_isolation``, as on every tenant table); reading
also shows (``identity_visibility``, SELECT only, so never written through) the built-in roles, which
belong to no organization, and the caller's own memberships in other organizations with their role
links and roles (``currentUser.memberships``), found through ``billgraph.user_id``, which the request's
scope sets with the caller's user id. Without a scope (the identity lookup, sign-up, login, workers,
migrations) everything is visible, as before.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

TABLES = ("memberships", "membership_roles", "roles")
_IN_SCOPE = "billgraph_tenant_id() IS NULL OR organization_id = billgraph_tenant_id()"
_OWN_MEMBERSHIPS = "SELECT m.id FROM memberships m WHERE m.user_id = billgraph_user_id()"
VISIBLE = {
    "memberships": "user_id = billgraph_user_id()",
    "membership_roles": f"membership_id IN ({_OWN_MEMBERSHIPS})",
    "roles": "organization_id IS NULL OR id IN (SELECT mr.role_id FROM membership_roles mr"  # noqa: S608
    f" WHERE mr.membership_id IN ({_OWN_MEMBERSHIPS}))",
}


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION billgraph_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
            SELECT nullif(current_setting('billgraph.user_id', true), '')::uuid
        $$
        """
    )
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY tenant_isolation ON {table} USING ({_IN_SCOPE}) WITH CHECK ({_IN_SCOPE})")
        op.execute(f"CREATE POLICY identity_visibility ON {table} FOR SELECT USING ({VISIBLE[table]})")


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP POLICY identity_visibility ON {table}")
        op.execute(f"DROP POLICY tenant_isolation ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION billgraph_user_id()")
