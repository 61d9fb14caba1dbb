"""Paginated lists on the graph: pages (``{ collection { ... } metadata { totalCount ... } }``) and
lists that take ``limit``/``offset`` (a customer's invoices: at most ``limit`` items, by default as many
as a page can hold)."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

import strawberry
from aiodataloader import DataLoader

from app.core.pagination import Page, PageRequest, Window
from app.settings import Settings

T = TypeVar("T")


@strawberry.type
class CollectionMetadata:
    current_page: int
    limit_value: int
    total_count: int
    total_pages: int


@strawberry.type
class Collection(Generic[T]):
    collection: list[T]
    metadata: CollectionMetadata


def page_request(settings: Settings, page: int | None, limit: int | None) -> PageRequest:
    return PageRequest.of(page, limit, settings.max_page_size)


Limit = Annotated[
    int | None, strawberry.argument(description="At most this many, 1 to the largest page size (default).")
]
Offset = Annotated[int | None, strawberry.argument(description="Skip this many first (default 0).")]


def window(settings: Settings, limit: int | None, offset: int | None) -> Window:
    return Window.of(limit, offset, settings.max_page_size)


def collection(page: Page[Any], prime: DataLoader[Any, Any] | None = None) -> Collection[Any]:
    """The page as a collection; ``prime`` is the request's by-id loader of these objects, which then
    answers later lookups of them (a subscription's plan on the same dashboard) without a statement."""
    if prime is not None:
        for item in page.items:
            prime.prime(item.id, item)
    return Collection(
        collection=page.items,
        metadata=CollectionMetadata(
            current_page=page.request.page,
            limit_value=page.request.limit,
            total_count=page.total,
            total_pages=page.total_pages,
        ),
    )
