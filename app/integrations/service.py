"""Accounting integrations: connections to Xero or NetSuite (settings in clear, credentials encrypted
and write-only) and their mappings from add-ons, billable metrics, taxes, coupons, credit notes and
the other invoice lines to the tool's codes. No network calls: the tool-specific exports use them."""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.addons.models import AddOn
from app.auth.actor import Actor
from app.core import validation
from app.core.crypto import encrypt
from app.core.errors import Collector, NotFound
from app.core.pagination import Window
from app.db.errors import constraint_errors
from app.db.pagination import windowed, windowed_per
from app.integrations.kinds import KINDS, clean_credentials, clean_settings
from app.integrations.models import (
    OBJECT_MAPPINGS,
    Integration,
    IntegrationKind,
    IntegrationMapping,
    MappableType,
)
from app.metrics.models import BillableMetric
from app.settings import Settings
from app.taxes.models import Tax

_UNIQUE_CODE = {"uq_integrations_live_code": ("code", "is already used by another integration")}
_TARGETS: dict[MappableType, Any] = {
    MappableType.ADD_ON: AddOn,
    MappableType.BILLABLE_METRIC: BillableMetric,
    MappableType.TAX: Tax,
}


def _live(organization_id: uuid.UUID) -> list[sa.ColumnElement[bool]]:
    return [Integration.organization_id == organization_id, Integration.deleted_at.is_(None)]


async def list_integrations(
    session: AsyncSession, organization_id: uuid.UUID, window: Window | None = None
) -> list[Integration]:
    query = sa.select(Integration).where(*_live(organization_id)).order_by(Integration.name, Integration.id)
    return list(await session.scalars(windowed(query, window)))


async def get_integration(
    session: AsyncSession, organization_id: uuid.UUID, integration_id: uuid.UUID, *, lock: bool = False
) -> Integration:
    query = sa.select(Integration).where(Integration.id == integration_id, *_live(organization_id))
    if lock:
        query = query.with_for_update(key_share=True)
    integration = await session.scalar(query)
    if integration is None:
        raise NotFound("Integration")
    return integration


@dataclass(frozen=True)
class IntegrationInput:
    name: str | None = None
    code: str | None = None
    settings: Any = None
    credentials: Any = None


def _store_credentials(settings: Settings, integration: Integration, credentials: dict[str, str]) -> None:
    integration.credentials_encrypted = encrypt(settings, json.dumps(credentials, sort_keys=True))
    integration.credentials_updated_at = datetime.now(UTC)


async def create_integration(
    session: AsyncSession, settings: Settings, actor: Actor, kind: IntegrationKind, data: IntegrationInput
) -> Integration:
    errors = Collector()
    integration = Integration(
        organization_id=actor.org(),
        kind=kind,
        name=validation.text(errors, "name", data.name) or "",
        code=validation.code(errors, "code", data.code or ""),
        settings=clean_settings(errors, kind, data.settings, None),
    )
    credentials = clean_credentials(errors, kind, data.credentials)
    errors.raise_if_any()
    _store_credentials(settings, integration, credentials)
    session.add(integration)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return integration


async def update_integration(
    session: AsyncSession, settings: Settings, actor: Actor, integration_id: uuid.UUID, data: IntegrationInput
) -> Integration:
    """Change the name, code or settings (merged), or replace the credentials as a whole."""
    integration = await get_integration(session, actor.org(), integration_id, lock=True)
    errors = Collector()
    if data.name is not None:
        integration.name = validation.text(errors, "name", data.name) or ""
    if data.code is not None:
        integration.code = validation.code(errors, "code", data.code)
    if data.settings is not None:
        integration.settings = clean_settings(errors, integration.kind, data.settings, integration.settings)
    credentials = clean_credentials(errors, integration.kind, data.credentials) if data.credentials else None
    errors.raise_if_any()
    if credentials is not None:
        _store_credentials(settings, integration, credentials)
    async with constraint_errors(_UNIQUE_CODE):
        await session.flush()
    return integration


async def destroy_integration(session: AsyncSession, actor: Actor, integration_id: uuid.UUID) -> Integration:
    """Disconnect: the credentials are erased, the mappings deleted, the code freed."""
    integration = await get_integration(session, actor.org(), integration_id, lock=True)
    integration.deleted_at = datetime.now(UTC)
    integration.credentials_encrypted = ""
    await session.execute(
        sa.delete(IntegrationMapping).where(IntegrationMapping.integration_id == integration.id)
    )
    await session.flush()
    return integration


@dataclass(frozen=True)
class MappingInput:
    mappable_type: MappableType
    mappable_id: str | None = None
    item_code: str | None = None
    account_code: str | None = None
    tax_code: str | None = None
    name: str | None = None


def _check_mapping(
    errors: Collector, kind: IntegrationKind, path: str, given: MappingInput
) -> dict[str, Any]:
    values = {
        field: validation.text(errors, f"{path}.{camel}", getattr(given, field), required=False) or None
        for field, camel in (
            ("item_code", "itemCode"),
            ("account_code", "accountCode"),
            ("tax_code", "taxCode"),
            ("name", "name"),
        )
    }
    if given.mappable_type is MappableType.TAX:
        if not values["tax_code"]:
            errors.add(f"{path}.taxCode", "is required for a tax")
    else:
        needed = KINDS[kind].item_code_field
        if not values[needed]:
            camel = "accountCode" if needed == "account_code" else "itemCode"
            errors.add(f"{path}.{camel}", f"is required by {kind.name} for an item")
    return values


def _target_id(errors: Collector, path: str, given: MappingInput) -> uuid.UUID | None:
    """The object a mapping names, for the kinds that name one (checked to exist by ``_missing``)."""
    if given.mappable_type not in OBJECT_MAPPINGS:
        if given.mappable_id is not None:
            errors.add(f"{path}.mappableId", f"must be empty for {given.mappable_type.name}")
        return None
    if not given.mappable_id:
        errors.add(f"{path}.mappableId", f"is required for {given.mappable_type.name}")
        return None
    try:
        return uuid.UUID(given.mappable_id)
    except ValueError:
        errors.add(f"{path}.mappableId", "is not a valid ID")
        return None


async def _missing(
    session: AsyncSession, organization_id: uuid.UUID, targets: list[tuple[MappableType, uuid.UUID]]
) -> set[tuple[MappableType, uuid.UUID]]:
    """The targets that are not live objects of the organization: one statement per kind."""
    missing = set()
    for kind, model in _TARGETS.items():
        wanted = {target for mappable, target in targets if mappable is kind}
        if not wanted:
            continue
        found = set(
            await session.scalars(
                sa.select(model.id).where(
                    model.id.in_(wanted), model.organization_id == organization_id, model.deleted_at.is_(None)
                )
            )
        )
        missing |= {(kind, target) for target in wanted - found}
    return missing


async def set_mappings(
    session: AsyncSession, actor: Actor, integration_id: uuid.UUID, mappings: list[MappingInput]
) -> Integration:
    """Create or replace each given mapping (one per target); others stay as they are."""
    integration = await get_integration(session, actor.org(), integration_id, lock=True)
    errors, rows, seen = Collector(), [], set()
    if not mappings:
        errors.add("mappings", "give at least one mapping")
    for index, given in enumerate(mappings):
        path = f"mappings.{index}"
        target = _target_id(errors, path, given)
        values = _check_mapping(errors, integration.kind, path, given)
        if (given.mappable_type, target) in seen:
            errors.add(path, "maps the same target as an earlier mapping")
        seen.add((given.mappable_type, target))
        rows.append({"mappable_type": given.mappable_type, "mappable_id": target, **values})
    named = [(row["mappable_type"], row["mappable_id"]) for row in rows if row["mappable_id"] is not None]
    missing = await _missing(session, integration.organization_id, named)
    for index, row in enumerate(rows):
        if (row["mappable_type"], row["mappable_id"]) in missing:
            kind = row["mappable_type"].name.lower().replace("_", " ")
            errors.add(f"mappings.{index}.mappableId", f"no such {kind}")
    errors.raise_if_any()
    existing = {
        (m.mappable_type, m.mappable_id): m
        for m in await session.scalars(
            sa.select(IntegrationMapping).where(IntegrationMapping.integration_id == integration.id)
        )
    }
    for row in rows:
        mapping = existing.get((row["mappable_type"], row["mappable_id"]))
        if mapping is None:
            mapping = IntegrationMapping(
                organization_id=integration.organization_id, integration_id=integration.id
            )
            session.add(mapping)
        for field, value in row.items():
            setattr(mapping, field, value)
    await session.flush()
    return integration


async def destroy_mapping(session: AsyncSession, actor: Actor, mapping_id: uuid.UUID) -> IntegrationMapping:
    mapping = await session.scalar(
        sa.select(IntegrationMapping)
        .join(Integration, Integration.id == IntegrationMapping.integration_id)
        .where(IntegrationMapping.id == mapping_id, *_live(actor.org()))
    )
    if mapping is None:
        raise NotFound("Integration mapping")
    await session.delete(mapping)
    await session.flush()
    return mapping


async def mappings_by_integration(
    session: AsyncSession, integration_ids: list[uuid.UUID], window: Window | None = None
) -> dict[uuid.UUID, list[IntegrationMapping]]:
    grouped: dict[uuid.UUID, list[IntegrationMapping]] = defaultdict(list)
    query = (
        sa.select(IntegrationMapping)
        .where(IntegrationMapping.integration_id.in_(integration_ids))
        .order_by(IntegrationMapping.mappable_type, IntegrationMapping.created_at, IntegrationMapping.id)
    )
    parent = IntegrationMapping.integration_id
    for mapping in await session.scalars(windowed_per(IntegrationMapping, query, parent, window)):
        grouped[mapping.integration_id].append(mapping)
    return grouped
