"""Sessions end when their owner says so: a password change, signing out, signing out everywhere, on
every server process at once (the token's version and id are checked on every request)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from app.auth.cache import IdentityCache
from app.db.engine import Database
from app.db.urls import driver_dsn
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import PASSWORD, Api, Factory

ME = "{ currentUser { email } }"
LOGIN = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
CHANGE = """
mutation($current: String!, $new: String!) {
  changePassword(input: {currentPassword: $current, newPassword: $new}) { token user { email } }
}"""
LOGOUT = "mutation { logoutUser { email } }"
LOGOUT_EVERYWHERE = "mutation { logoutEverywhere { email } }"
NEW_PASSWORD = "a-new-password-42"


async def _login(api: Api, email: str, password: str = PASSWORD) -> str:
    token: str = (await api.anonymous(LOGIN, e=email, p=password)).ok("loginUser")["token"]
    return token


async def test_changing_the_password_ends_every_other_token(api: Api, factory: Factory) -> None:
    # given a user signed in on two devices
    org = await factory.organization()
    laptop, phone = await _login(api, org.admin.email), await _login(api, org.admin.email)
    assert (await api(ME, token=phone)).ok("currentUser")["email"] == org.admin.email

    # when they change their password on the laptop
    changed = (await api(CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, token=laptop)).ok(
        "changePassword"
    )

    # then both old tokens end, the new one works, and only the new password signs in
    assert (await api(ME, token=phone)).code == "UNAUTHENTICATED"
    assert (await api(ME, token=laptop)).code == "UNAUTHENTICATED"
    assert (await api(ME, token=changed["token"])).ok("currentUser")["email"] == org.admin.email
    assert (await api.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)).code == "UNAUTHENTICATED"
    assert (await api.anonymous(LOGIN, e=org.admin.email, p=NEW_PASSWORD)).ok("loginUser")["token"]


async def test_a_password_change_needs_the_current_password_and_is_throttled(
    api: Api, factory: Factory
) -> None:
    # given a stolen token
    org = await factory.organization()
    token = await _login(api, org.admin.email)

    # when the thief guesses the current password, and then the owner tries the right one
    guesses = [
        await api(CHANGE, {"current": f"guess-{i}", "new": NEW_PASSWORD}, token=token) for i in range(5)
    ]
    late = await api(CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, token=token)
    login = await api.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)

    # then each guess is refused at the field, the same throttle as for logins stops the sixth,
    # and the password is unchanged
    assert [g.code for g in guesses] == ["VALIDATION_ERROR"] * 5
    assert guesses[0].error()["extensions"]["fields"] == {"currentPassword": "is not your current password"}
    assert late.code == "RATE_LIMITED"
    assert login.code == "RATE_LIMITED"  # one count per account, whichever way the password comes
    assert (await api(ME, token=token)).ok("currentUser")["email"] == org.admin.email


async def test_a_new_password_is_checked_before_anything_else(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    short = await api(CHANGE, {"current": PASSWORD, "new": "short"}, token=org.admin.token)
    same = await api(CHANGE, {"current": PASSWORD, "new": PASSWORD}, token=org.admin.token)

    assert short.error()["extensions"]["fields"] == {"newPassword": "must be at least 8 characters"}
    assert same.error()["extensions"]["fields"] == {"newPassword": "must differ from the current password"}
    assert (await api(ME, token=org.admin.token)).ok("currentUser")["email"] == org.admin.email


async def test_signing_out_ends_this_token_only(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    laptop, phone = await _login(api, org.admin.email), await _login(api, org.admin.email)
    (await api(ME, token=laptop)).ok()  # known to this process: its signature is not checked again

    signed_out = await api(LOGOUT, token=laptop)

    assert signed_out.ok("logoutUser") == {"email": org.admin.email}
    assert (await api(ME, token=laptop)).code == "UNAUTHENTICATED"
    assert (await api(ME, token=laptop)).error()["message"] == "The session has ended: sign in again"
    assert (await api(ME, token=phone)).ok("currentUser")["email"] == org.admin.email


async def test_signing_out_everywhere_ends_every_token(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    laptop, phone = await _login(api, org.admin.email), await _login(api, org.admin.email)

    (await api(LOGOUT_EVERYWHERE, token=laptop)).ok("logoutEverywhere")

    assert (await api(ME, token=laptop)).code == "UNAUTHENTICATED"
    assert (await api(ME, token=phone)).code == "UNAUTHENTICATED"
    assert (await api(ME, token=await _login(api, org.admin.email))).ok("currentUser")


async def test_api_keys_have_no_session_or_password(factory: Factory) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "admin")

    replies = [
        await key(LOGOUT),
        await key(LOGOUT_EVERYWHERE),
        await key(CHANGE, current=PASSWORD, new=NEW_PASSWORD),
    ]

    assert [r.code for r in replies] == ["FORBIDDEN"] * 3


async def test_anonymous_callers_cannot_sign_out(api: Api) -> None:
    assert (await api.anonymous(LOGOUT)).code == "UNAUTHENTICATED"


@pytest.fixture
async def two_processes(
    committed_db: Database, settings: Settings
) -> AsyncIterator[tuple[Factory, Api, IdentityCache]]:
    """Two server processes over one database, each with its identity cache listening."""
    one, two = make_client(settings, committed_db), make_client(settings, committed_db)
    cache: IdentityCache = two._transport.app.state.identities  # type: ignore[attr-defined]
    stop = asyncio.Event()
    listener = asyncio.create_task(cache.listen(driver_dsn(committed_db.engine.url), stop))
    while not cache.active:  # noqa: ASYNC110 (the cache offers no event to wait on)
        await asyncio.sleep(0.01)
    async with one, two:
        yield Factory(committed_db, settings, Api(one)), Api(two), cache
    stop.set()
    await listener


@pytest.mark.parametrize("mutation", [LOGOUT, LOGOUT_EVERYWHERE, CHANGE])
async def test_a_session_ended_on_one_process_ends_on_the_other(
    two_processes: tuple[Factory, Api, IdentityCache], mutation: str
) -> None:
    # given a token the second process has cached
    factory, other, cache = two_processes
    org = await factory.organization()
    token = await _login(factory.api, org.admin.email)
    (await other(ME, token=token)).ok()
    (await other(ME, token=token)).ok()
    generation = cache.generation

    # when the session is ended through the first process
    (await factory.api(mutation, {"current": PASSWORD, "new": NEW_PASSWORD}, token=token)).ok()

    # then the second process hears of it and refuses the token
    deadline = asyncio.get_running_loop().time() + 5
    while cache.generation == generation:
        assert asyncio.get_running_loop().time() < deadline, "no notification"
        await asyncio.sleep(0.01)
    assert (await other(ME, token=token)).code == "UNAUTHENTICATED"
