from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Model


class Organization(Model):
    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(255))
    default_currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    billing_email: Mapped[str | None] = mapped_column(String(320))
