"""Every password check is throttled, per email and per address, in PostgreSQL: no way around it
(an invitation), no race through it (concurrent requests), no escape by process (two servers)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from app.db.engine import Database
from tests.conftest import make_client, settings_for_tests
from tests.helpers import PASSWORD, Api, Factory

LOGIN = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
INVITE = 'mutation($e: String!) { createInvite(input: {email: $e, roles: ["finance"]}) { invite { token } } }'


def _guesses(token: str, passwords: list[str]) -> str:
    fields = "\n".join(
        f'  g{i}: acceptInvite(input: {{token: "{token}", password: "{p}"}}) {{ token }}'
        for i, p in enumerate(passwords)
    )
    return f"mutation {{\n{fields}\n}}"


async def test_an_invitation_is_no_password_oracle(api: Api, factory: Factory) -> None:
    # given a victim whose own sign-in is already throttled, and an attacker who invites their email
    victim, attacker = await factory.organization("Victim"), await factory.organization("Attacker")
    for _ in range(5):
        await api.anonymous(LOGIN, e=victim.admin.email, p="wrong-guess")
    assert (await api.anonymous(LOGIN, e=victim.admin.email, p=PASSWORD)).code == "RATE_LIMITED"
    token = (await attacker.admin(INVITE, e=victim.admin.email)).ok("createInvite")["invite"]["token"]
    passwords = [f"guess-{i:02}" for i in range(29)] + [PASSWORD]

    # when 30 aliased guesses, the right one among them, arrive in one anonymous request
    response = await api.anonymous(_guesses(token, passwords))

    # then none is checked: each is told to sign in, and no token comes back
    assert [e["extensions"]["code"] for e in response.errors] == ["UNAUTHENTICATED"] * 30
    assert {e["message"] for e in response.errors} == {
        "The invited account exists: sign in as it to accept the invitation"
    }
    assert response.data == {f"g{i}": None for i in range(30)}
    memberships = await api(
        "{ currentUser { memberships { organization { name } } } }", token=victim.admin.token
    )
    assert memberships.ok("currentUser")["memberships"] == [{"organization": {"name": "Victim"}}]


@pytest.fixture
async def two_servers(committed_db: Database) -> AsyncIterator[tuple[Factory, Api, Api]]:
    """Two server processes' apps over one database (each with its own memory)."""
    settings = settings_for_tests(login_max_failures=5)
    async with make_client(settings, committed_db) as one, make_client(settings, committed_db) as two:
        yield Factory(committed_db, settings, Api(one)), Api(one), Api(two)


async def test_concurrent_wrong_logins_evaluate_at_most_the_limit(
    two_servers: tuple[Factory, Api, Api],
) -> None:
    # given one account
    factory, one, _ = two_servers
    org = await factory.organization()

    # when 20 wrong logins for it arrive at once
    replies = await asyncio.gather(
        *(one.anonymous(LOGIN, e=org.admin.email, p=f"wrong-{i}") for i in range(20))
    )

    # then exactly the limit of them are evaluated; the others are refused without a look
    codes = sorted(reply.code or "" for reply in replies)
    assert codes == ["RATE_LIMITED"] * 15 + ["UNAUTHENTICATED"] * 5


async def test_two_server_processes_share_the_count(two_servers: tuple[Factory, Api, Api]) -> None:
    # given one account and two servers
    factory, one, two = two_servers
    org = await factory.organization()

    # when 10 wrong logins go to each of them at once
    replies = await asyncio.gather(
        *(server.anonymous(LOGIN, e=org.admin.email, p="wrong") for server in (one, two) for _ in range(10))
    )
    right_on_the_other = await two.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)

    # then only 5 of the 20 are evaluated in all, and the right password waits too
    assert sum(reply.code == "UNAUTHENTICATED" for reply in replies) == 5
    assert sum(reply.code == "RATE_LIMITED" for reply in replies) == 15
    assert right_on_the_other.code == "RATE_LIMITED"


async def test_a_success_clears_the_email_and_the_window_frees_it(committed_db: Database) -> None:
    # given a throttle of 2 failures per 1.5 s
    settings = settings_for_tests(login_max_failures=2, login_failure_window_seconds=1.5)
    async with make_client(settings, committed_db) as client:
        api = Api(client)
        factory = Factory(committed_db, settings, api)
        org = await factory.organization()

        # when: a failure, a success, two failures, a blocked attempt, then the window passes
        first = await api.anonymous(LOGIN, e=org.admin.email, p="wrong")
        cleared = await api.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)
        again = [await api.anonymous(LOGIN, e=org.admin.email, p="wrong") for _ in range(2)]
        blocked = await api.anonymous(LOGIN, e=org.admin.email.upper(), p=PASSWORD)
        await asyncio.sleep(1.6)
        freed = await api.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)

    # then
    assert first.code == "UNAUTHENTICATED"
    assert cleared.ok("loginUser")["token"]
    assert [r.code for r in again] == ["UNAUTHENTICATED", "UNAUTHENTICATED"]
    assert blocked.code == "RATE_LIMITED"
    assert blocked.error()["extensions"]["retryAfter"] in (1, 2)
    assert freed.ok("loginUser")["token"]


async def test_an_address_trying_many_emails_is_throttled(committed_db: Database) -> None:
    settings = settings_for_tests(login_max_failures=5, login_max_failures_per_address=3)
    async with make_client(settings, committed_db) as client:
        api = Api(client)
        replies = [await api.anonymous(LOGIN, e=f"user{i}@example.com", p="wrong") for i in range(4)]

    assert [r.code for r in replies] == ["UNAUTHENTICATED"] * 3 + ["RATE_LIMITED"]
