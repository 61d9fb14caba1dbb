from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from app.auth.graphql import requires
from app.auth.permissions import P
from app.core.validation import parse_id
from app.graphql.context import Context
from app.integrations import service
from app.integrations.types import (
    CreateIntegrationInput,
    IntegrationIdInput,
    IntegrationMappingIdInput,
    IntegrationMappingType,
    IntegrationType,
    SetIntegrationMappingsInput,
    UpdateIntegrationInput,
)


@strawberry.type
class IntegrationMutations:
    @strawberry.mutation(extensions=requires(P.INTEGRATIONS_CREATE))
    async def create_integration(
        self, info: Info[Context, Any], input: CreateIntegrationInput
    ) -> IntegrationType | None:
        ctx = info.context
        data = service.IntegrationInput(input.name, input.code, input.settings, input.credentials)
        return await ctx.mutate(
            info, lambda s: service.create_integration(s, ctx.settings, ctx.actor, input.kind, data)
        )

    @strawberry.mutation(extensions=requires(P.INTEGRATIONS_UPDATE))
    async def update_integration(
        self, info: Info[Context, Any], input: UpdateIntegrationInput
    ) -> IntegrationType | None:
        ctx, integration_id = info.context, parse_id("id", input.id)
        data = service.IntegrationInput(input.name, input.code, input.settings, input.credentials)
        return await ctx.mutate(
            info, lambda s: service.update_integration(s, ctx.settings, ctx.actor, integration_id, data)
        )

    @strawberry.mutation(
        extensions=requires(P.INTEGRATIONS_DELETE),
        description="Disconnect: credentials erased, mappings gone.",
    )
    async def destroy_integration(
        self, info: Info[Context, Any], input: IntegrationIdInput
    ) -> IntegrationType | None:
        ctx, integration_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.destroy_integration(s, ctx.actor, integration_id))

    @strawberry.mutation(
        extensions=requires(P.INTEGRATIONS_UPDATE), description="Create or replace mappings, one per target."
    )
    async def set_integration_mappings(
        self, info: Info[Context, Any], input: SetIntegrationMappingsInput
    ) -> IntegrationType | None:
        ctx, integration_id = info.context, parse_id("integrationId", input.integration_id)
        given = [
            service.MappingInput(
                m.mappable_type,
                None if m.mappable_id is None else str(m.mappable_id),
                m.item_code,
                m.account_code,
                m.tax_code,
                m.name,
            )
            for m in input.mappings
        ]
        return await ctx.mutate(info, lambda s: service.set_mappings(s, ctx.actor, integration_id, given))

    @strawberry.mutation(extensions=requires(P.INTEGRATIONS_UPDATE))
    async def destroy_integration_mapping(
        self, info: Info[Context, Any], input: IntegrationMappingIdInput
    ) -> IntegrationMappingType | None:
        ctx, mapping_id = info.context, parse_id("id", input.id)
        return await ctx.mutate(info, lambda s: service.destroy_mapping(s, ctx.actor, mapping_id))
