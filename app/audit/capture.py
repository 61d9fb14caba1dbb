"""What a mutation changed, read from the ORM's own bookkeeping at each flush.

While a mutation runs, every flushed insert, update and delete of a mapped object is described (column
values, old and new for updates) with secret columns redacted. Services need to do nothing for it: any
ORM change is captured, so the audit log cannot forget a field.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, UOWTransaction

_KEY = "audit_changes"
_SKIPPED = frozenset({"id", "created_at", "updated_at"})
REDACTED = "[REDACTED]"


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    return str(value)


def _describe(obj: Any, action: str) -> dict[str, Any] | None:
    state = inspect(obj)
    secrets: frozenset[str] = getattr(type(obj), "__secret_columns__", frozenset())
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key, name = attr.key, attr.columns[0].name  # report the column's name, as stored
        if name in _SKIPPED:
            continue
        if action == "update":
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            changes[name] = [REDACTED, REDACTED] if name in secrets else [jsonable(old), jsonable(new)]
        else:
            value = state.attrs[key].value
            if value is None:
                continue
            changes[name] = REDACTED if name in secrets else jsonable(value)
    if action == "update" and not changes:
        return None
    entry: dict[str, Any] = {"type": type(obj).__name__, "action": action, "changes": changes}
    if hasattr(obj, "id"):
        entry["id"] = jsonable(obj.id)
    return entry


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context: UOWTransaction) -> None:
    changes: list[dict[str, Any]] | None = session.info.get(_KEY)
    if changes is None:
        return
    for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        described = [_describe(obj, action) for obj in objects if type(obj).__audited__]
        changes.extend(sorted((d for d in described if d), key=lambda d: (d["type"], str(d.get("id")))))


@contextmanager
def capture_changes(session: AsyncSession) -> Iterator[list[dict[str, Any]]]:
    changes: list[dict[str, Any]] = []
    session.sync_session.info[_KEY] = changes
    try:
        yield changes
    finally:
        session.sync_session.info.pop(_KEY, None)
