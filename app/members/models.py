from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, Model, TenantOwned, enum_column
from app.roles.models import RoleLink


class MembershipStatus(enum.Enum):
    ACTIVE = "active"
    REVOKED = "revoked"


class Membership(TenantOwned, Model):
    __tablename__ = "memberships"
    __table_args__ = (sa.UniqueConstraint("organization_id", "user_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[MembershipStatus] = mapped_column(
        enum_column(MembershipStatus), default=MembershipStatus.ACTIVE
    )
    revoked_at: Mapped[datetime | None]


class MembershipRole(TenantOwned, RoleLink, Base):
    __tablename__ = "membership_roles"

    membership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("memberships.id", ondelete="CASCADE"), primary_key=True
    )


class InviteStatus(enum.Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REVOKED = "revoked"


class Invite(TenantOwned, Model):
    __tablename__ = "invites"
    __secret_columns__ = frozenset({"token_hash"})
    __table_args__ = (
        sa.Index(
            "uq_invites_pending_email",
            "organization_id",
            "email",
            unique=True,
            postgresql_where=sa.text("status = 'pending'"),
        ),
    )

    email: Mapped[str] = mapped_column(String(320))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[InviteStatus] = mapped_column(enum_column(InviteStatus), default=InviteStatus.PENDING)
    expires_at: Mapped[datetime]
    invited_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    accepted_by_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    # The clear token, set only on the instance returned by createInvite; never stored.
    revealed_token = None  # type: str | None


class InviteRole(TenantOwned, RoleLink, Base):
    __tablename__ = "invite_roles"

    invite_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("invites.id", ondelete="CASCADE"), primary_key=True
    )
