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
class Window:
    """A slice of a list that is not a page (a customer's invoices, the organization's roles): at most
    ``limit`` items after the first ``offset``. Without a ``limit``, as many as a page can hold."""

    limit: int
    offset: int = 0

    @classmethod
    def of(cls, limit: int | None, offset: int | None, max_limit: int) -> Window:
        limit = max_limit if limit is None else limit
        offset = 0 if offset is None else offset
        if not 1 <= limit <= max_limit:
            raise ValidationFailed.one("limit", f"must be between 1 and {max_limit}")
        if offset < 0:
            raise ValidationFailed.one("offset", "must be at least 0")
        return cls(limit, offset)

    @property
    def key(self) -> str:
        """Names the window in a request's loaders: one batch per distinct window."""
        return f"{self.limit}+{self.offset}"


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    request: PageRequest

    @property
    def total_pages(self) -> int:
        return math.ceil(self.total / self.request.limit) if self.total else 0
