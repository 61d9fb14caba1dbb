from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.integrations.loaders import mappings_of
from app.integrations.models import Integration, IntegrationKind, MappableType

strawberry.enum(IntegrationKind, name="IntegrationKind")
strawberry.enum(
    MappableType,
    name="MappableType",
    description="ADD_ON, BILLABLE_METRIC and TAX map one object (mappableId); the others are the "
    "organization's invoice lines of that kind; FALLBACK_ITEM maps every item without a mapping.",
)


@strawberry.type(name="IntegrationMapping", description="A billing object's codes in the accounting tool.")
class IntegrationMappingType:
    id: strawberry.ID
    mappable_type: MappableType
    mappable_id: strawberry.ID | None
    item_code: str | None
    account_code: str | None
    tax_code: str | None
    name: str | None


@strawberry.type(
    name="Integration",
    description="A connection to an accounting tool. Its credentials are write-only: stored encrypted, "
    "never returned.",
)
class IntegrationType:
    id: strawberry.ID
    kind: IntegrationKind
    name: str
    code: str
    settings: JSON = strawberry.field(description="The tool's settings, defaults included (never secrets).")
    credentials_updated_at: datetime = strawberry.field(description="When the credentials were last set.")
    created_at: datetime
    updated_at: datetime

    @strawberry.field
    async def mappings(
        self,
        root: strawberry.Parent[Integration],
        info: Info[Context, Any],
        limit: Limit = None,
        offset: Offset = None,
    ) -> list[IntegrationMappingType]:
        return await mappings_of(info.context, window(info.context.settings, limit, offset)).load(root.id)


@strawberry.input
class CreateIntegrationInput:
    kind: IntegrationKind
    name: str
    code: str
    credentials: JSON = strawberry.field(
        description="Write-only. XERO: clientId, clientSecret; NETSUITE: consumerKey, consumerSecret, "
        "tokenId, tokenSecret."
    )
    settings: JSON | None = strawberry.field(
        default=None,
        description="XERO: dateFormat, noTaxType, brandingTheme; NETSUITE: accountId, subsidiary, "
        "location, department, dateFormat, noTaxCode.",
    )


@strawberry.input
class UpdateIntegrationInput:
    id: strawberry.ID
    name: str | None = None
    code: str | None = None
    settings: JSON | None = strawberry.field(
        default=None, description="Merged into the current settings; null or empty resets one to its default."
    )
    credentials: JSON | None = strawberry.field(default=None, description="Replaces all the credentials.")


@strawberry.input
class IntegrationIdInput:
    id: strawberry.ID


@strawberry.input
class IntegrationMappingInput:
    mappable_type: MappableType
    mappable_id: strawberry.ID | None = None
    item_code: str | None = None
    account_code: str | None = None
    tax_code: str | None = strawberry.field(default=None, description="For TAX: the tool's tax rate or code.")
    name: str | None = None


@strawberry.input
class SetIntegrationMappingsInput:
    integration_id: strawberry.ID
    mappings: list[IntegrationMappingInput]


@strawberry.input
class IntegrationMappingIdInput:
    id: strawberry.ID
