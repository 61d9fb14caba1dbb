"""An attacker's look at tokens: forged versions and claims, and ended tokens through the identity
cache, per organization header and per process."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import jwt
import pytest

from app.auth.cache import IdentityCache
from app.db.engine import Database
from app.db.urls import driver_dsn
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import Api, Factory
from tests.users.attacks import (
    LOGOUT,
    LOGOUT_EVERYWHERE,
    ME,
    _forge,
    _login,
)

# --- tokens: forged versions, missing claims -------------------------------------------------------


async def test_a_token_without_ver_counts_as_version_zero_and_ends_with_sign_out_everywhere(
    api: Api, factory: Factory, settings: Settings
) -> None:
    # given a token as issued before versions existed (no `ver`), for a user still at version 0
    org = await factory.organization()
    legacy = _forge(settings, org.admin.user_id, ver=None)
    assert (await api(ME, token=legacy)).ok("currentUser")["email"] == org.admin.email

    # when the user signs out everywhere
    (await api(LOGOUT_EVERYWHERE, token=org.admin.token)).ok("logoutEverywhere")

    # then the version-less token ends with the rest
    assert (await api(ME, token=legacy)).code == "UNAUTHENTICATED"


@pytest.mark.parametrize("ver", [0, 2, -1, 2**31, True, "1", 1.0, [1], None])
async def test_a_token_with_another_version_or_a_malformed_one_is_refused_after_a_bump(
    api: Api, factory: Factory, settings: Settings, ver: Any
) -> None:
    # given a user at version 1 (signed out everywhere once)
    org = await factory.organization()
    (await api(LOGOUT_EVERYWHERE, token=org.admin.token)).ok()

    # when tokens with other or ill-typed versions arrive
    forged = _forge(settings, org.admin.user_id, ver=ver)

    # then none of them is accepted
    assert (await api(ME, token=forged)).code == "UNAUTHENTICATED"


@pytest.mark.parametrize("ver", [True, "0", 0.0, [0], {"a": 0}])
async def test_an_ill_typed_version_is_refused_even_at_version_zero(
    api: Api, factory: Factory, settings: Settings, ver: Any
) -> None:
    org = await factory.organization()
    reply = await api(ME, token=_forge(settings, org.admin.user_id, ver=ver))
    assert reply.code == "UNAUTHENTICATED"
    assert reply.error()["message"] == "The access token is invalid"


@pytest.mark.parametrize("jti", [None, "", 7, "x" * 65])
async def test_a_token_without_a_usable_jti_is_refused(
    api: Api, factory: Factory, settings: Settings, jti: Any
) -> None:
    org = await factory.organization()
    forged = _forge(settings, org.admin.user_id, jti=jti)
    if jti is None:  # _forge drops None claims: the token has no jti at all
        assert "jti" not in jwt.decode(forged, options={"verify_signature": False})
    assert (await api(ME, token=forged)).code == "UNAUTHENTICATED"


async def test_a_jti_of_64_characters_can_be_signed_out(
    api: Api, factory: Factory, settings: Settings
) -> None:
    # the ended_tokens key is 64 characters: the longest jti accepted must fit it
    org = await factory.organization()
    token = _forge(settings, org.admin.user_id, jti="j" * 64)
    assert (await api(LOGOUT, token=token)).ok("logoutUser") == {"email": org.admin.email}
    assert (await api(ME, token=token)).code == "UNAUTHENTICATED"


async def test_two_tokens_sharing_a_jti_end_together(api: Api, factory: Factory, settings: Settings) -> None:
    # ended_tokens is keyed by jti alone; a token of another user with the same jti is an issue only for
    # forged tokens (a jti is 128 random bits), so this documents that it is keyed globally
    org = await factory.organization()
    other = await factory.organization()
    mine = _forge(settings, org.admin.user_id, jti="shared")
    theirs = _forge(settings, other.admin.user_id, jti="shared")
    (await api(LOGOUT, token=mine)).ok()
    assert (await api(ME, token=theirs)).code == "UNAUTHENTICATED"


# --- the identity cache: per header, per process ---------------------------------------------------


@pytest.fixture
async def listening(
    committed_db: Database, settings: Settings
) -> AsyncIterator[tuple[Factory, Api, Api, IdentityCache]]:
    """Two processes over one database; the second one's identity cache listens (so it is active)."""
    one, two = make_client(settings, committed_db), make_client(settings, committed_db)
    cache: IdentityCache = two._transport.app.state.identities  # type: ignore[attr-defined]
    stop = asyncio.Event()
    listener = asyncio.create_task(cache.listen(driver_dsn(committed_db.engine.url), stop))
    while not cache.active:  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    async with one, two:
        yield Factory(committed_db, settings, Api(one)), Api(one), Api(two), cache
    stop.set()
    await listener


async def _wait_for(cache: IdentityCache, generation: int) -> None:
    deadline = asyncio.get_running_loop().time() + 5
    while cache.generation == generation:
        assert asyncio.get_running_loop().time() < deadline, "no notification"
        await asyncio.sleep(0.01)


async def test_an_ended_token_is_refused_under_every_organization_header(
    listening: tuple[Factory, Api, Api, IdentityCache],
) -> None:
    # given a token cached by the second process under many X-Organization-Id values
    factory, one, two, cache = listening
    org, elsewhere = await factory.organization(), await factory.organization()
    token = await _login(one, org.admin.email)
    headers: list[str | None] = [None, str(org.id), str(elsewhere.id), "not-a-uuid", str(uuid.uuid4())]
    for header in headers:
        for _ in range(2):
            assert (await two(ME, token=token, org=header)).ok("currentUser")["email"] == org.admin.email
    assert (await two(ME, token=token, headers={"x-organization-id": ""})).ok()
    generation = cache.generation

    # when the token is signed out on the first process
    (await one(LOGOUT, token=token)).ok("logoutUser")
    await _wait_for(cache, generation)

    # then it is refused on the second under every header, cached before or not
    for header in [*headers, str(uuid.uuid4()), "ANOTHER"]:
        assert (await two(ME, token=token, org=header)).code == "UNAUTHENTICATED", header
    assert (await two(ME, token=token, headers={"x-organization-id": ""})).code == "UNAUTHENTICATED"


async def test_an_ended_token_is_refused_by_the_process_that_ended_it_at_once(
    listening: tuple[Factory, Api, Api, IdentityCache],
) -> None:
    # given a cached token on the listening process, ended on that same process
    factory, _, two, _cache = listening
    org = await factory.organization()
    token = await _login(two, org.admin.email)
    for header in (None, str(org.id)):
        (await two(ME, token=token, org=header)).ok()
        (await two(ME, token=token, org=header)).ok()

    (await two(LOGOUT, token=token, org=str(org.id))).ok()

    # then, with no wait for a notification, every header is refused
    for header in (None, str(org.id), "junk"):
        assert (await two(ME, token=token, org=header)).code == "UNAUTHENTICATED"


async def test_sign_out_everywhere_ends_a_version_less_token_cached_on_another_process(
    listening: tuple[Factory, Api, Api, IdentityCache],
) -> None:
    factory, one, two, cache = listening
    org = await factory.organization()
    legacy = _forge(factory.settings, org.admin.user_id, ver=None)
    (await two(ME, token=legacy)).ok()
    (await two(ME, token=legacy)).ok()
    generation = cache.generation

    (await one(LOGOUT_EVERYWHERE, token=org.admin.token)).ok()
    await _wait_for(cache, generation)

    assert (await two(ME, token=legacy)).code == "UNAUTHENTICATED"
