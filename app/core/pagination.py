"""Page requests and pages, independent of GraphQL and of the database."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.core.errors import ValidationFailed

T = TypeVar("T")

DEFAULT_LIMIT = 25


@dataclass(frozen=True)
class PageRequest:
    page: int
    limit: int

    @classmethod
    def of(cls, page: int | None, limit: int | None, max_limit: int) -> PageRequest:
        page = 1 if page is None else page
        limit = min(DEFAULT_LIMIT, max_limit) if limit is None else limit
        if page < 1:
            raise ValidationFailed.one("page", "must be at least 1")
        if not 1 <= limit <= max_limit:
            raise ValidationFailed.one("limit", f"must be between 1 and {max_limit}")
        return cls(page, limit)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    request: PageRequest

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total / self.request.limit) if self.total else 0
