from __future__ import annotations

import enum
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model, TenantOwned, enum_column


class ActorType(enum.Enum):
    USER = "user"
    API_KEY = "api_key"


class AuditLog(TenantOwned, Model):
    __tablename__ = "audit_logs"
    __audited__ = False
    __table_args__ = (sa.Index("ix_audit_logs_organization_id_created_at", "organization_id", "created_at"),)

    actor_type: Mapped[ActorType] = mapped_column(enum_column(ActorType))
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_api_key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id", ondelete="SET NULL"))
    operation: Mapped[str] = mapped_column(String(100), index=True)
    object_type: Mapped[str | None] = mapped_column(String(100))
    object_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(sa.dialects.postgresql.JSONB, default=list)
    request_id: Mapped[str | None] = mapped_column(String(64))
