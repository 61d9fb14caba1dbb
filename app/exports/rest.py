"""``GET /api/v1/exports/invoices.csv`` and ``GET /api/v1/exports/credit_notes.csv`` with ``from`` and
``to`` (issuing dates, inclusive, ``YYYY-MM-DD``): streamed from a server-side cursor in one snapshot,
never held in memory. Each export is recorded in the audit log."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.permissions import P
from app.auth.rest import requires_permission
from app.exports import credit_notes, invoices
from app.exports.csv_format import encode
from app.http import error_body, reply

Lines = Callable[..., AsyncIterator[list[str]]]


def _range(request: Request) -> tuple[date, date] | dict[str, str]:
    values, errors = {}, {}
    for name in ("from", "to"):
        given = request.query_params.get(name)
        try:
            values[name] = date.fromisoformat(given or "")
        except ValueError:
            errors[name] = "is required, as a date like 2026-01-31"
    if not errors and values["from"] > values["to"]:
        errors["from"] = "must not be after to"
    return errors or (values["from"], values["to"])


async def _export(
    request: Request, actor: Actor, request_id: str, name: str, header: Sequence[str], lines: Lines, kind: str
) -> Response:
    parsed = _range(request)
    if isinstance(parsed, dict):
        error = error_body("VALIDATION_ERROR", "Invalid export range", fields=parsed)
        return reply({"errors": [error]}, request_id, 400)
    first, last = parsed
    db: Any = request.app.state.db
    async with db.sessionmaker() as session:
        change = {
            "type": kind,
            "action": "export",
            "changes": {"from": first.isoformat(), "to": last.isoformat()},
        }
        await audit.record(
            session,
            actor=actor,
            operation=f"export{kind}s",
            result=None,
            changes=[change],
            request_id=request_id,
        )
        await session.commit()

    async def body() -> AsyncIterator[bytes]:
        async with db.streaming(actor.org()) as rows:
            async for chunk in encode(header, lines(rows, actor.org(), first, last)):
                yield chunk

    filename = f"{name}-{first.isoformat()}-{last.isoformat()}.csv"
    return StreamingResponse(
        body(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"', "x-request-id": request_id},
    )


@requires_permission(P.INVOICES_EXPORT)
async def export_invoices(request: Request, actor: Actor, request_id: str) -> Response:
    return await _export(request, actor, request_id, "invoices", invoices.HEADER, invoices.lines, "Invoice")


@requires_permission(P.CREDIT_NOTES_EXPORT)
async def export_credit_notes(request: Request, actor: Actor, request_id: str) -> Response:
    return await _export(
        request, actor, request_id, "credit_notes", credit_notes.HEADER, credit_notes.lines, "CreditNote"
    )
