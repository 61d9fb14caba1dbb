"""Run a SELECT as one page: the rows and the total count in one statement (a window count), whatever
the page size; a second statement only for a page past the end, to still tell the total. And slices of
lists: of one list (``windowed``) or of each parent's list in one statement (``windowed_per``)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.pagination import Page, PageRequest, Window


async def paginate(session: AsyncSession, query: sa.Select[Any], request: PageRequest) -> Page[Any]:
    """``query`` selects one entity (no DISTINCT: the window counts before it)."""
    counted = query.add_columns(sa.func.count().over()).limit(request.limit).offset(request.offset)
    rows = (await session.execute(counted)).all()
    if rows:
        return Page(items=[row[0] for row in rows], total=int(rows[0][-1]), request=request)
    total = 0
    if request.offset:
        total = (
            await session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery())) or 0
        )
    return Page(items=[], total=total, request=request)


def windowed(query: sa.Select[Any], window: Window | None) -> sa.Select[Any]:
    """``query`` (ordered) cut to ``window``; all of it when None."""
    if window is None:
        return query
    return query.limit(window.limit).offset(window.offset)


def windowed_per(entity: Any, query: sa.Select[Any], parent: Any, window: Window | None) -> sa.Select[Any]:
    """``query`` (selecting ``entity``, ordered) cut to ``window`` within each value of ``parent``, in
    one statement: the rows ranked per parent (``row_number() OVER (PARTITION BY ...)``), in the order
    of ``query`` within each parent. All of it when None."""
    if window is None:
        return query
    ordering = list(query._order_by_clauses)
    rank = sa.func.row_number().over(partition_by=parent, order_by=ordering).label("rank")
    ranked = query.add_columns(rank).order_by(None).subquery()
    alias = aliased(entity, ranked)
    return (
        sa.select(alias)
        .where(ranked.c.rank > window.offset, ranked.c.rank <= window.offset + window.limit)
        .order_by(ranked.c.rank)
    )
