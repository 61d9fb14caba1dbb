"""row-level security: tenant tables show a request only its organization's rows

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25

A second wall behind the services' own ``organization_id`` filters. A request's unit of work sets
``billgraph.organization_id`` for its transaction (and switches to the ``billgraph_tenant`` role, since a
superuser or a role with BYPASSRLS would ignore the policies); every tenant table then shows and accepts
only that organization's rows. Without the setting (billing workers, migrations, the command line, the
identity lookup) the policies let everything through. FORCE applies them to the tables' owner too.

Memberships, their roles and the roles themselves are left out: a person's memberships span
organizations (``currentUser.memberships``), and built-in roles belong to none.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TENANT_TABLES = (
    "add_on_taxes",
    "add_ons",
    "api_key_roles",
    "api_keys",
    "applied_coupons",
    "audit_logs",
    "billable_metrics",
    "charges",
    "coupon_targets",
    "coupons",
    "credit_note_applications",
    "credit_note_items",
    "credit_notes",
    "customer_taxes",
    "customers",
    "events",
    "fee_taxes",
    "fees",
    "invite_roles",
    "invites",
    "invoice_subscriptions",
    "invoices",
    "plan_taxes",
    "plan_versions",
    "plans",
    "subscriptions",
    "taxes",
    "wallet_transactions",
    "wallets",
)


def upgrade() -> None:
    op.execute(
        """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'billgraph_tenant') THEN
                CREATE ROLE billgraph_tenant NOLOGIN;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create role billgraph_tenant; the policies still bind the tables'' owner';
        END $$
        """
    )
    op.execute(
        """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'billgraph_tenant') THEN
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO billgraph_tenant', current_schema());
                EXECUTE format(
                    'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO billgraph_tenant',
                    current_schema()
                );
                EXECUTE format(
                    'ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO billgraph_tenant',
                    current_schema()
                );
                IF NOT pg_has_role(current_user, 'billgraph_tenant', 'MEMBER') THEN
                    EXECUTE format('GRANT billgraph_tenant TO %I', current_user);
                END IF;
            END IF;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot grant role billgraph_tenant; the policies still bind the tables'' owner';
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION billgraph_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS $$
            SELECT nullif(current_setting('billgraph.organization_id', true), '')::uuid
        $$
        """
    )
    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_isolation ON {table} "
            "USING (billgraph_tenant_id() IS NULL OR organization_id = billgraph_tenant_id()) "
            "WITH CHECK (billgraph_tenant_id() IS NULL OR organization_id = billgraph_tenant_id())"
        )


def downgrade() -> None:
    for table in TENANT_TABLES:
        op.execute(f"DROP POLICY tenant_isolation ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP FUNCTION billgraph_tenant_id()")
    op.execute(
        """
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'billgraph_tenant') THEN
                EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM billgraph_tenant', current_schema());
                EXECUTE format(
                    'ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM billgraph_tenant', current_schema()
                );
                EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM billgraph_tenant', current_schema());
            END IF;
        END $$
        """
    )
