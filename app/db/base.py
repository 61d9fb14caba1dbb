"""The declarative base: UUID ids, UTC timestamps, tenant ownership and a constraint naming convention."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: sa.DateTime(timezone=True),
        dict[str, Any]: JSONB,
        uuid.UUID: sa.Uuid(),
    }

    # Columns named here are never written to the audit log in clear.
    __secret_columns__: ClassVar[frozenset[str]] = frozenset()
    # Rows of a model that sets this False are not described in the audit log (the log itself, and
    # bookkeeping such as the webhook outbox that a change writes besides itself).
    __audited__: ClassVar[bool] = True


class Model(Base):
    """An entity: a UUID id and its creation and last-change times (UTC)."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(
        primary_key=True, default=uuid.uuid4, server_default=sa.text("gen_random_uuid()"), sort_order=-10
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now(), sort_order=90)
    updated_at: Mapped[datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=sa.func.now(), sort_order=91
    )


class SoftDeleted:
    """Mixin for catalogue objects that history refers to: destroying one hides it (and frees its
    code) but keeps the row for the invoices and subscriptions that point at it."""

    deleted_at: Mapped[datetime | None] = mapped_column(sort_order=92)


def live_code_index(table: str) -> sa.Index:
    """Codes are unique per organization among objects not destroyed."""
    return sa.Index(
        f"uq_{table}_live_code",
        "organization_id",
        "code",
        unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


class TenantOwned:
    """Mixin for every table that belongs to one organization."""

    @declared_attr
    def organization_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(sa.ForeignKey("organizations.id", ondelete="CASCADE"), index=True, sort_order=-5)


def enum_column(enum_cls: type[enum.Enum]) -> sa.Enum:
    """A Python enum stored as its string value (VARCHAR with a CHECK), portable across migrations."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        name=enum_cls.__name__.lower(),
    )
