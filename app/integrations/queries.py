from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.graphql.pagination import Limit, Offset, window
from app.integrations import service
from app.integrations.types import IntegrationType


@strawberry.type
class IntegrationQueries:
    @strawberry.field(
        extensions=requires(P.INTEGRATIONS_VIEW), description="Accounting integrations, by name."
    )
    async def integrations(
        self, info: Info[Context, Any], limit: Limit = None, offset: Offset = None
    ) -> list[IntegrationType] | None:
        org, page = info.context.actor.org(), window(info.context.settings, limit, offset)
        return await info.context.read(lambda s: service.list_integrations(s, org, page))

    @strawberry.field(extensions=requires(P.INTEGRATIONS_VIEW))
    async def integration(self, info: Info[Context, Any], id: strawberry.ID) -> IntegrationType | None:
        org, integration_id = info.context.actor.org(), parse_id("id", id)
        return await info.context.read(lambda s: service.get_integration(s, org, integration_id))
