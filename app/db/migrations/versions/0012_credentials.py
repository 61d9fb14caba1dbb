"""credentials: login attempts in PostgreSQL, token versions and ended tokens for signing out

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

``login_attempts`` holds, per email and per client address, the times of the password checks still
inside the throttle's window. ``login_reserve`` reserves one check for several keys at once, under the
rows' locks, so that however many requests and server processes race, at most the limit is evaluated
per window; a successful check gives its reservation back (see ``app.auth.login_throttle``).

``users.token_version`` is carried by every access token; raising it (sign out everywhere, a password
change) ends all of the user's tokens. ``ended_tokens`` lists single tokens signed out before they
expire. Both notify ``billgraph_auth`` so that every process's identity cache forgets at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_RESERVE = """
CREATE FUNCTION login_reserve(p_keys text[], p_limits integer[], p_window double precision)
RETURNS TABLE (wait double precision, reserved_at timestamptz) LANGUAGE plpgsql AS $$
DECLARE
    v_now timestamptz := clock_timestamp();
    v_since timestamptz := v_now - make_interval(secs => p_window);
    v_wait double precision := 0;
    v_recent timestamptz[];
    v_limit integer;
    i integer;
BEGIN
    -- Keys in a fixed order, so that two requests sharing two keys never wait on each other in a cycle.
    FOR i IN SELECT g FROM generate_subscripts(p_keys, 1) AS g ORDER BY p_keys[g] LOOP
        v_limit := p_limits[i];
        INSERT INTO login_attempts (key) VALUES (p_keys[i]) ON CONFLICT (key) DO NOTHING;
        SELECT ARRAY(SELECT t FROM unnest(a.attempts) AS t WHERE t > v_since ORDER BY t)
          INTO v_recent FROM login_attempts a WHERE a.key = p_keys[i] FOR UPDATE;
        IF v_limit > 0 AND cardinality(v_recent) >= v_limit THEN
            -- Free again when the oldest attempt that keeps it at the limit leaves the window.
            v_wait := greatest(
                v_wait, extract(epoch FROM v_recent[cardinality(v_recent) - v_limit + 1] - v_since)
            );
        END IF;
    END LOOP;
    UPDATE login_attempts a
       SET attempts = ARRAY(SELECT t FROM unnest(a.attempts) AS t WHERE t > v_since ORDER BY t)
                      || CASE WHEN v_wait = 0 THEN ARRAY[v_now] ELSE '{}'::timestamptz[] END,
           updated_at = v_now
     WHERE a.key = ANY(p_keys);
    IF random() < 0.01 THEN  -- now and then, forget keys with nothing left in the window
        DELETE FROM login_attempts WHERE key IN (
            SELECT key FROM login_attempts WHERE updated_at < v_since
             ORDER BY updated_at LIMIT 1000 FOR UPDATE SKIP LOCKED);
    END IF;
    RETURN QUERY SELECT v_wait, CASE WHEN v_wait = 0 THEN v_now END;
END $$
"""


def upgrade() -> None:
    op.add_column(
        "users", sa.Column("token_version", sa.Integer(), server_default=sa.text("0"), nullable=False)
    )
    op.create_table(
        "ended_tokens",
        sa.Column("token_id", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("token_id", name="pk_ended_tokens"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], ondelete="CASCADE", name="fk_ended_tokens_user_id_users"
        ),
    )
    op.create_index("ix_ended_tokens_user_id", "ended_tokens", ["user_id"])
    op.create_index("ix_ended_tokens_expires_at", "ended_tokens", ["expires_at"])
    op.create_table(
        "login_attempts",
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column(
            "attempts",
            postgresql.ARRAY(sa.DateTime(timezone=True)),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_login_attempts"),
    )
    op.create_index("ix_login_attempts_updated_at", "login_attempts", ["updated_at"])
    op.execute(_RESERVE)
    op.execute(
        "CREATE TRIGGER users_notify_auth AFTER UPDATE OF token_version ON users "
        "FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()"
    )
    op.execute(
        "CREATE TRIGGER ended_tokens_notify_auth AFTER INSERT ON ended_tokens "
        "FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER ended_tokens_notify_auth ON ended_tokens")
    op.execute("DROP TRIGGER users_notify_auth ON users")
    op.execute("DROP FUNCTION login_reserve(text[], integer[], double precision)")
    op.drop_table("login_attempts")
    op.drop_table("ended_tokens")
    op.drop_column("users", "token_version")
