from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.auth.permissions import ADMIN, BUILTIN_ROLES
from app.db.base import Model, utcnow


class RoleLink:
    """Mixin for a row that grants a role to its owner (membership, invitation, API key). A role that is
    still linked cannot be deleted (RESTRICT)."""

    @declared_attr
    def role_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(ForeignKey("roles.id", ondelete="RESTRICT"), primary_key=True, index=True)

    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now())


class Role(Model):
    """A named set of permissions. Built-in roles have no organization; their permissions live in code."""

    __tablename__ = "roles"
    __table_args__ = (
        sa.UniqueConstraint("organization_id", "code"),
        sa.Index("uq_roles_builtin_code", "code", unique=True, postgresql_where=sa.text("builtin")),
        sa.CheckConstraint("builtin = (organization_id IS NULL)", name="builtin_has_no_organization"),
    )

    organization_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(String(1000))
    permission_names: Mapped[list[str]] = mapped_column(
        "permissions", ARRAY(String(64)), default=list, server_default="{}"
    )
    builtin: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    @property
    def permissions(self) -> list[str]:
        """The role's permissions, sorted; for a built-in role, from the code's role table."""
        if self.builtin:
            return sorted(BUILTIN_ROLES[self.code].permissions)
        return sorted(self.permission_names)

    @property
    def is_admin(self) -> bool:
        """The built-in role the governance rules name: only its holders grant or remove it, and an
        organization keeps at least one active member holding it."""
        return self.builtin and self.code == ADMIN
