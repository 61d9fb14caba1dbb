"""Run a SELECT as one page: the rows and the total count, two statements whatever the page size."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.pagination import Page, PageRequest


async def paginate(session: AsyncSession, query: sa.Select[Any], request: PageRequest) -> Page[Any]:
    total = await session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery()))
    rows = (await session.scalars(query.limit(request.limit).offset(request.offset))).all()
    return Page(items=list(rows), total=total or 0, request=request)
