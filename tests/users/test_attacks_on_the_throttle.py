"""An attacker's look at the PostgreSQL password throttle: aliases, batches, email variants, odd input,
and concurrency (reserving and giving back)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from app.db.engine import Database
from app.main import create_app
from tests.conftest import make_client, settings_for_tests
from tests.helpers import PASSWORD, Api, Factory
from tests.users.attacks import (
    CHANGE,
    LOGIN,
    ME,
    NEW_PASSWORD,
    _login,
)

# --- the throttle: aliases, batches, variants, odd input --------------------------------------------
# These run on committed connections, as in production: on the test's single rolled-back connection
# (the `db` fixture) a reservation made after the request's first statement joins the request's
# transaction and is undone with it, which would hide (or fake) what the throttle does.


def _aliased_logins(email: str, passwords: list[str]) -> str:
    fields = "\n".join(
        f"  l{i}: loginUser(input: {{email: {json.dumps(email)}, password: {json.dumps(p)}}}) {{ token }}"
        for i, p in enumerate(passwords)
    )
    return f"mutation {{\n{fields}\n}}"


async def test_thirty_aliased_logins_evaluate_only_the_limit(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    factory, api, _ = live
    # given an account
    org = await factory.organization()
    passwords = [f"guess-{i:02}" for i in range(29)] + [PASSWORD]

    # when 30 aliased logins, the right password last, arrive in one request
    reply = await api.anonymous(_aliased_logins(org.admin.email, passwords))

    # then 5 are evaluated (wrong), the other 25 are refused unseen, and no token comes back
    codes = [e["extensions"]["code"] for e in reply.errors]
    assert codes == ["UNAUTHENTICATED"] * 5 + ["RATE_LIMITED"] * 25
    assert reply.data == {f"l{i}": None for i in range(30)}
    # and the right password waits afterwards too
    assert (await api.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)).code == "RATE_LIMITED"


async def test_thirty_aliased_logins_spread_over_many_emails_stop_at_the_address_limit(
    committed_db: Database,
) -> None:
    settings = settings_for_tests(login_max_failures=5, login_max_failures_per_address=10)
    async with make_client(settings, committed_db) as client:
        api = Api(client)
        fields = "\n".join(
            f'  l{i}: loginUser(input: {{email: "nobody{i}@example.com", password: "x"}}) {{ token }}'
            for i in range(30)
        )
        reply = await api.anonymous(f"mutation {{\n{fields}\n}}")
    codes = [e["extensions"]["code"] for e in reply.errors]
    assert codes == ["UNAUTHENTICATED"] * 10 + ["RATE_LIMITED"] * 20


def _aliased_changes(currents: list[str]) -> str:
    fields = "\n".join(
        f"  c{i}: changePassword(input: {{currentPassword: {json.dumps(p)}, "
        f'newPassword: "{NEW_PASSWORD}-{i}"}}) {{ token }}'
        for i, p in enumerate(currents)
    )
    return f"mutation {{\n{fields}\n}}"


async def test_thirty_aliased_password_changes_evaluate_only_the_limit(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    factory, api, _ = live
    # given a stolen token
    org = await factory.organization()
    token = await _login(api, org.admin.email)

    # when 30 aliased guesses of the current password, the right one last, come in one request
    reply = await api(_aliased_changes([f"guess-{i:02}" for i in range(29)] + [PASSWORD]), token=token)

    # then 5 are checked (wrong), 25 are refused unchecked, and the password stays
    codes = [e["extensions"]["code"] for e in reply.errors]
    assert codes == ["VALIDATION_ERROR"] * 5 + ["RATE_LIMITED"] * 25
    assert reply.data == {f"c{i}": None for i in range(30)}
    assert (await api(ME, token=token)).ok("currentUser")["email"] == org.admin.email


async def test_aliased_password_changes_after_a_success_still_run_on_the_ended_token(
    api: Api, factory: Factory
) -> None:
    # given a token, and an aliased request: the right password first, then changes that chain on it
    org = await factory.organization()
    token = await _login(api, org.admin.email)
    query = f"""mutation {{
      a: changePassword(input: {{currentPassword: "{PASSWORD}", newPassword: "{NEW_PASSWORD}"}}) {{ token }}
      b: logoutEverywhere {{ email }}
    }}"""

    # when it runs
    reply = await api(query, token=token)

    # then both succeed (the actor is the request's), and every token issued, the one just returned
    # included, ends
    data = reply.ok()
    assert (await api(ME, token=data["a"]["token"])).code == "UNAUTHENTICATED"
    assert (await api(ME, token=token)).code == "UNAUTHENTICATED"
    assert (await api.anonymous(LOGIN, e=org.admin.email, p=NEW_PASSWORD)).ok("loginUser")


async def _batch(client: httpx.AsyncClient, operations: list[dict[str, Any]]) -> httpx.Response:
    return await client.post("/graphql", json=operations)


async def test_a_batch_of_logins_is_counted_operation_by_operation(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    factory, _, client = live
    # given an account
    org = await factory.organization()
    ops = [{"query": LOGIN, "variables": {"e": org.admin.email, "p": f"wrong-{i}"}} for i in range(9)]
    ops.append({"query": LOGIN, "variables": {"e": org.admin.email, "p": PASSWORD}})

    # when two batches of 10 logins arrive, the right password last in each
    first, second = await _batch(client, ops), await _batch(client, ops)

    # then only 5 wrong ones are evaluated in all, and no token comes back
    bodies = first.json() + second.json()
    codes = [body["errors"][0]["extensions"]["code"] for body in bodies]
    assert codes == ["UNAUTHENTICATED"] * 5 + ["RATE_LIMITED"] * 15
    assert all(body["data"] in (None, {"loginUser": None}) for body in bodies)


async def test_a_batch_of_aliased_logins_cannot_pass_the_limit_either(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    factory, _, client = live
    org = await factory.organization()
    query = _aliased_logins(org.admin.email, [f"wrong-{i}" for i in range(30)])
    reply = await _batch(client, [{"query": query}] * 10)
    codes = [e["extensions"]["code"] for body in reply.json() for e in body.get("errors", [])]
    assert codes.count("UNAUTHENTICATED") == 5
    assert set(codes) == {"UNAUTHENTICATED", "RATE_LIMITED"}


@pytest.mark.parametrize(
    "variant",
    [
        lambda e: e.upper(),
        lambda e: f" {e}",
        lambda e: f"{e} ",
        lambda e: f"\t{e}\n",
        lambda e: f"\u00a0{e}\u3000",
        lambda e: e.title(),
    ],
    ids=["upper", "lead-space", "trail-space", "tab-newline", "unicode-spaces", "title"],
)
async def test_email_variants_share_the_count(
    live: tuple[Factory, Api, httpx.AsyncClient], variant: Any
) -> None:
    factory, api, _ = live
    # given an account, and 5 wrong guesses spread over a variant of its email and the email itself
    org = await factory.organization()
    email = org.admin.email
    for i in range(5):
        reply = await api.anonymous(LOGIN, e=variant(email) if i % 2 else email, p=f"wrong-{i}")
        assert reply.code == "UNAUTHENTICATED"

    # when the right password comes, under the variant and under the email
    # then both wait: the variants are one count
    assert (await api.anonymous(LOGIN, e=variant(email), p=PASSWORD)).code == "RATE_LIMITED"
    assert (await api.anonymous(LOGIN, e=email, p=PASSWORD)).code == "RATE_LIMITED"


async def test_every_variant_that_signs_in_is_throttled_as_the_account(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    factory, api, _ = live
    # the variants the login lookup accepts for an account are exactly those with its throttle key
    org = await factory.organization()
    email = org.admin.email
    for i, variant in enumerate([email.upper(), f" {email} ", f"\u2003{email}\u2029", email.swapcase()]):
        assert (await api.anonymous(LOGIN, e=variant, p=f"wrong-{i}")).code == "UNAUTHENTICATED"
    assert (await api.anonymous(LOGIN, e=email, p="wrong-last")).code == "UNAUTHENTICATED"
    assert (await api.anonymous(LOGIN, e=f"  {email.upper()}  ", p=PASSWORD)).code == "RATE_LIMITED"


@pytest.mark.parametrize("length", [321, 400, 10_000, 100_000])
async def test_a_very_long_email_is_a_failed_login_not_a_500(api: Api, length: int) -> None:
    email = "a" * (length - len("@example.com")) + "@example.com"
    reply = await api.anonymous(LOGIN, e=email, p="whatever")
    assert reply.status == 200, reply.body
    assert reply.code in ("UNAUTHENTICATED", "QUERY_REJECTED", "VALIDATION_ERROR"), reply.body


async def test_long_emails_with_one_320_character_prefix_share_a_count(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    _factory, api, _ = live
    # the key is cut at 320 characters: over-long emails that agree that far are one count (harmless:
    # no account has an email over 320 characters), documented here
    prefix = "p" * 320
    for i in range(5):
        assert (await api.anonymous(LOGIN, e=prefix + f"-{i}@example.com", p="x")).code == "UNAUTHENTICATED"
    assert (await api.anonymous(LOGIN, e=prefix + "-other@example.com", p="x")).code == "RATE_LIMITED"


async def test_a_nul_in_an_email_variable_is_refused_up_front(api: Api) -> None:
    reply = await api.anonymous(LOGIN, e="victim\x00@example.com", p="x")
    assert reply.code == "VALIDATION_ERROR"


async def test_a_nul_written_into_the_document_is_no_500(api: Api, factory: Factory) -> None:
    # given an account
    org = await factory.organization()
    # when its email, with a NUL escaped in the document itself (not in variables), is tried
    query = (
        'mutation { loginUser(input: {email: "' + org.admin.email + '\\u0000", password: "x"}) { token } }'
    )
    reply = await api.anonymous(query)
    # then it is an ordinary refusal, not an internal error
    assert reply.status == 200, reply.body
    assert reply.code in ("UNAUTHENTICATED", "VALIDATION_ERROR"), reply.body


async def test_a_nul_in_the_current_password_is_no_500(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    query = (
        'mutation { changePassword(input: {currentPassword: "a\\u0000b", '
        f'newPassword: "{NEW_PASSWORD}"}}) {{ token }} }}'
    )
    reply = await api(query, token=org.admin.token)
    assert reply.status == 200, reply.body
    assert reply.code in ("VALIDATION_ERROR",), reply.body


async def test_without_a_client_address_no_per_address_count_is_shared(committed_db: Database) -> None:
    """A deployment where the server sees no client address (a Unix socket, some proxies) must not put
    every caller in one per-address count, which one attacker could fill for everybody."""
    settings = settings_for_tests(login_max_failures=5, login_max_failures_per_address=3)

    def client() -> httpx.AsyncClient:
        app = create_app(settings, committed_db)
        transport = httpx.ASGITransport(app=app, client=("", 0))
        return httpx.AsyncClient(transport=transport, base_url="http://billgraph.test")

    async with client() as attacker_http, client() as victim_http:
        attacker, victim = Api(attacker_http), Api(victim_http)
        factory = Factory(committed_db, settings, victim)
        org = await factory.organization()
        for i in range(3):
            assert (await attacker.anonymous(LOGIN, e=f"x{i}@example.com", p="x")).code == "UNAUTHENTICATED"
        locked = await victim.anonymous(LOGIN, e=org.admin.email, p=PASSWORD)
        rows = await committed_db.fetch("SELECT key FROM login_attempts WHERE key LIKE 'ip:%'")
    assert rows == []
    assert locked.ok("loginUser")["token"]


# --- the throttle under concurrency: reserving and giving back ---------------------------------------


async def test_concurrent_right_and_wrong_logins_of_one_account_never_fail_internally(
    committed_db: Database,
) -> None:
    """A success being given back and a check being reserved for the same email from the same address
    (one person on two devices, or anyone behind one NAT) lock the same two rows: both lock them in key
    order, so they never wait on each other in a cycle (a deadlock PostgreSQL would end with an error)."""
    # given one account, two server processes over one database, default throttle settings
    settings = settings_for_tests()
    async with make_client(settings, committed_db) as one, make_client(settings, committed_db) as two:
        servers = (Api(one), Api(two))
        factory = Factory(committed_db, settings, servers[0])
        org = await factory.organization()

        # when rounds of 60 logins for it, two thirds with the right password, arrive at once
        seen: list[tuple[int, str]] = []
        for _ in range(15):
            replies = await asyncio.gather(
                *(
                    servers[i % 2].anonymous(LOGIN, e=org.admin.email, p=PASSWORD if i % 3 else "wrong")
                    for i in range(60)
                )
            )
            seen = [(r.status, r.errors[0]["extensions"]["code"] if r.errors else "OK") for r in replies]
            if any(code == "INTERNAL_ERROR" for _, code in seen):
                break

    # then every answer is a token, a refusal or a wait: never an internal error
    assert all(code in ("OK", "UNAUTHENTICATED", "RATE_LIMITED") for _, code in seen), sorted(set(seen))
    assert all(status == 200 for status, _ in seen), sorted(set(seen))


async def test_a_failed_give_back_does_not_turn_a_committed_password_change_into_a_500(
    live: tuple[Factory, Api, httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Giving a success back happens after the commit: should it fail, the password has changed and
    every token has ended, so the caller must still get the new token (the failure is only logged)."""
    from app.auth.login_throttle import PasswordThrottle

    factory, api, _ = live
    org = await factory.organization()
    token = await _login(api, org.admin.email)

    async def failing_settle(self: PasswordThrottle) -> None:
        raise RuntimeError("deadlock detected (simulated)")

    monkeypatch.setattr(PasswordThrottle, "settle", failing_settle)
    reply = await api(CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, token=token)
    monkeypatch.undo()

    changed = (await api.anonymous(LOGIN, e=org.admin.email, p=NEW_PASSWORD)).data
    assert changed is not None
    assert changed["loginUser"] is not None
    assert reply.status == 200, reply.body  # ...so its answer should carry the new token
    assert reply.ok("changePassword")["token"]
