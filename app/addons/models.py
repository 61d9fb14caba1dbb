from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, Model, SoftDeleted, TenantOwned, live_code_index
from app.taxes.models import TaxLink


class AddOn(TenantOwned, SoftDeleted, Model):
    __tablename__ = "add_ons"
    __table_args__ = (live_code_index("add_ons"),)

    name: Mapped[str] = mapped_column(String(255))
    code: Mapped[str] = mapped_column(String(64))
    description: Mapped[str | None] = mapped_column(String(1000))
    invoice_display_name: Mapped[str | None] = mapped_column(String(255))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    amount_currency: Mapped[str] = mapped_column(String(3))


class AddOnTax(TenantOwned, TaxLink, Base):
    __tablename__ = "add_on_taxes"

    add_on_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("add_ons.id", ondelete="CASCADE"), primary_key=True
    )
