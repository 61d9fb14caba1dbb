"""Run a SELECT as one page: the rows and the total count in one statement (a window count), whatever
the page size; a second statement only for a page past the end, to still tell the total."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.pagination import Page, PageRequest


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
