"""Users, the tokens they ended before their expiry, and the login attempts counted against them."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, Model, utcnow


class User(Model):
    __tablename__ = "users"
    __secret_columns__ = frozenset({"password_hash"})

    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # Every access token carries the version it was issued at; raising it ends them all (sign out
    # everywhere, a password change).
    token_version: Mapped[int] = mapped_column(default=0, server_default=sa.text("0"))


class EndedToken(Base):
    """An access token signed out before its expiry (``logoutUser``), kept until it would have expired."""

    __tablename__ = "ended_tokens"

    token_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now())


class LoginAttempt(Base):
    """Recent password checks per email or client address, reserved before each check (see
    ``app.auth.login_throttle``): shared by every server process."""

    __tablename__ = "login_attempts"
    __audited__ = False

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    attempts: Mapped[list[datetime]] = mapped_column(
        ARRAY(sa.DateTime(timezone=True)), server_default=sa.text("'{}'")
    )
    updated_at: Mapped[datetime] = mapped_column(server_default=sa.func.now(), index=True)
