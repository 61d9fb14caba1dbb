from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.db.base import Model, SoftDeleted, TenantOwned, live_code_index, utcnow


class Tax(TenantOwned, SoftDeleted, Model):
    __tablename__ = "taxes"
    __table_args__ = (live_code_index("taxes"),)

    name: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(String(1000))
    rate: Mapped[Decimal] = mapped_column(sa.Numeric())  # percent, up to 4 places: 20 is 20 %
    applied_to_organization: Mapped[bool] = mapped_column(default=False, server_default=sa.false())


class TaxLink:
    """Mixin for a row attaching a tax to something taxed (plan, add-on, customer)."""

    @declared_attr
    def tax_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(ForeignKey("taxes.id", ondelete="CASCADE"), primary_key=True, index=True)

    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=sa.func.now())
