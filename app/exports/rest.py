"""``GET /api/v1/exports/invoices.csv`` and ``GET /api/v1/exports/credit_notes.csv`` with ``from`` and
``to`` (issuing dates, inclusive, ``YYYY-MM-DD``): streamed from a server-side cursor in one snapshot,
never held in memory. ``/api/v1/exports/integrations/<id>/invoices.csv`` and ``.../credit_notes.csv``
give the same documents in the import format of that accounting integration (Xero, NetSuite), coded
with its mappings. Each export is recorded in the audit log."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from app.audit import service as audit
from app.auth.actor import Actor
from app.auth.permissions import P
from app.auth.rest import requires_permission
from app.core.errors import NotFound
from app.exports import credit_notes, invoices, ledger, netsuite, xero
from app.exports.csv_format import encode
from app.exports.mappings import Mappings
from app.http import error_body, reply
from app.integrations import service as integrations
from app.integrations.models import Integration, IntegrationKind

Lines = Callable[..., AsyncIterator[list[str]]]


def _range(request: Request) -> tuple[date, date] | dict[str, str]:
    values, errors = {}, {}
    for name in ("from", "to"):
        given = (request.query_params.get(name) or "").strip()
        if not given:
            errors[name] = "is required, as a date like 2026-01-31"
            continue
        try:
            values[name] = date.fromisoformat(given)
        except ValueError:
            errors[name] = f"'{given[:40]}' is not a date like 2026-01-31"
    if not errors and values["from"] > values["to"]:
        errors["from"] = "must not be after to"
    return errors or (values["from"], values["to"])


async def _export(
    request: Request,
    actor: Actor,
    request_id: str,
    name: str,
    header: Sequence[str],
    lines: Lines,
    kind: str,
    integration: Integration | None = None,
) -> Response:
    parsed = _range(request)
    if isinstance(parsed, dict):
        error = error_body("VALIDATION_ERROR", "Invalid export range", fields=parsed)
        return reply({"errors": [error]}, request_id, 400)
    first, last = parsed
    db: Any = request.app.state.db
    async with db.sessionmaker() as session:
        described: dict[str, Any] = {"from": first.isoformat(), "to": last.isoformat()}
        if integration is not None:
            described |= {"integration_id": str(integration.id), "format": integration.kind.value}
        change = {"type": kind, "action": "export", "changes": described}
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


_TOOLS = {
    IntegrationKind.XERO: (xero, "noTaxType"),
    IntegrationKind.NETSUITE: (netsuite, "noTaxCode"),
}


async def _tool_export(request: Request, actor: Actor, request_id: str, documents: str) -> Response:
    """An export in the import format of the integration named in the path, with its mappings."""
    try:
        integration_id = uuid.UUID(request.path_params["integration_id"])
    except ValueError:
        integration_id = None
    async with request.app.state.db.sessionmaker() as session:
        try:
            if integration_id is None:
                raise NotFound("Integration")
            integration = await integrations.get_integration(session, actor.org(), integration_id)
        except NotFound as error:
            return reply({"errors": [error_body("NOT_FOUND", error.message)]}, request_id, 404)
        found = await integrations.mappings_by_integration(session, [integration.id])
    mappings = Mappings(found.get(integration.id, []))
    tool, no_tax_setting = _TOOLS[integration.kind]
    settings = integration.settings
    no_tax = settings.get(no_tax_setting, "")
    if documents == "invoices":
        sql, header, row, kind = ledger.INVOICE_LINES, tool.INVOICE_HEADER, tool.invoice_row, "Invoice"
    else:
        sql, header, row, kind = (
            ledger.CREDIT_NOTE_LINES,
            tool.CREDIT_NOTE_HEADER,
            tool.credit_note_row,
            "CreditNote",
        )

    async def lines(
        rows: Any, organization_id: uuid.UUID, first: date, last: date
    ) -> AsyncIterator[list[str]]:
        async for document in ledger.documents(rows, sql, organization_id, first, last, mappings, no_tax):
            for line in document:
                yield row(line, settings)

    name = f"{integration.kind.value}-{documents}"
    return await _export(request, actor, request_id, name, header, lines, kind, integration)


@requires_permission(P.INVOICES_EXPORT, P.INTEGRATIONS_VIEW)
async def export_tool_invoices(request: Request, actor: Actor, request_id: str) -> Response:
    return await _tool_export(request, actor, request_id, "invoices")


@requires_permission(P.CREDIT_NOTES_EXPORT, P.INTEGRATIONS_VIEW)
async def export_tool_credit_notes(request: Request, actor: Actor, request_id: str) -> Response:
    return await _tool_export(request, actor, request_id, "credit_notes")
