"""The identity cache: repeat callers cost no statement, and any change to who may do what, committed
by this process or any other, takes effect at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa

from app.auth.cache import IdentityCache
from app.db.engine import Database
from app.db.urls import driver_dsn
from app.settings import Settings
from tests.conftest import count_statements, make_client
from tests.helpers import Api, Factory

ORG = "{ organization { name } }"


async def _eventually(condition: object, seconds: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def _settled(cache: IdentityCache, quiet: float = 0.2) -> None:
    """Wait until the notifications of the setup's own commits have arrived (they come asynchronously,
    later on a loaded machine) so that they do not empty the cache in the middle of a measurement."""
    while True:
        generation = cache.generation
        await asyncio.sleep(quiet)
        if cache.generation == generation:
            return


@pytest.fixture
async def cached(committed_db: Database, settings: Settings) -> AsyncIterator[tuple[Factory, IdentityCache]]:
    client = make_client(settings, committed_db)
    cache: IdentityCache = client._transport.app.state.identities  # type: ignore[attr-defined]
    stop = asyncio.Event()
    listener = asyncio.create_task(cache.listen(driver_dsn(committed_db.engine.url), stop))
    await _eventually(lambda: cache.active)
    async with client:
        yield Factory(committed_db, settings, Api(client)), cache
    stop.set()
    await listener


async def _statements(db: Database, call: object) -> int:
    with count_statements(db) as statements:
        response = await call  # type: ignore[misc]
        response.ok()
    return len(statements)


async def test_a_repeat_caller_is_authenticated_without_a_statement(
    cached: tuple[Factory, IdentityCache], committed_db: Database
) -> None:
    factory, _ = cached
    org = await factory.organization()
    key = await factory.api_key(org, "finance")
    await _settled(cached[1])

    first = await _statements(committed_db, org.admin(ORG))
    second = await _statements(committed_db, org.admin(ORG))
    key_first = await _statements(committed_db, key(ORG))
    key_second = await _statements(committed_db, key(ORG))

    assert (first, second) == (3, 2)  # actor + scope + organization, then scope + organization only
    assert (key_first, key_second) == (4, 2)  # key + last-use touch + scope + organization, then the same 2


async def test_a_change_committed_elsewhere_is_heard_and_applied(
    cached: tuple[Factory, IdentityCache], committed_db: Database
) -> None:
    factory, cache = cached
    org = await factory.organization()
    member = await factory.member(org, "finance")
    (await member(ORG)).ok()
    generation = cache.generation

    async with committed_db.engine.begin() as conn:  # another process, say
        await conn.execute(
            sa.text("UPDATE memberships SET status = 'revoked' WHERE id = :id"), {"id": member.membership_id}
        )
    await _eventually(lambda: cache.generation > generation)

    assert (await member(ORG)).code == "FORBIDDEN"


async def test_a_change_made_through_the_graph_applies_to_the_next_request_at_once(
    cached: tuple[Factory, IdentityCache],
) -> None:
    factory, _ = cached
    org = await factory.organization()
    member = await factory.member(org, "finance")
    key = await factory.api_key(org, "finance")
    (await member(ORG)).ok()
    (await key(ORG)).ok()

    await org.admin(
        'mutation($id: ID!) { updateMembership(input: {id: $id, roles: ["manager"]}) { id } }',
        id=str(member.membership_id),
    )
    await org.admin("mutation($id: ID!) { revokeApiKey(input: {id: $id}) { id } }", id=str(key.id))

    permissions = (await member("{ currentMembership { permissions } }")).ok("currentMembership")[
        "permissions"
    ]
    assert "subscriptions:create" in permissions
    assert "analytics:view" not in permissions
    assert (await key(ORG)).code == "UNAUTHENTICATED"


async def test_touching_a_keys_last_use_does_not_empty_the_cache(
    cached: tuple[Factory, IdentityCache],
) -> None:
    factory, cache = cached
    org = await factory.organization()
    key = await factory.api_key(org, "finance")
    await _settled(cache)
    generation = cache.generation

    (await key(ORG)).ok()  # touches last_used_at
    await asyncio.sleep(0.2)

    assert cache.generation == generation


async def test_without_its_listener_the_cache_is_off() -> None:
    cache = IdentityCache(ttl_seconds=60)

    cache.put("key", "value", cache.generation)

    assert not cache.active
    assert cache.get("key") is None


async def test_a_read_overtaken_by_a_change_is_not_stored() -> None:
    cache = IdentityCache(ttl_seconds=60)
    cache.listening = True
    generation = cache.generation

    cache.clear()  # a notification arrives between the read and the store
    cache.put("key", "stale", generation)

    assert cache.get("key") is None
