"""An attacker's look at accounts: accepting invitations signed in, sessions, and what the audit log
keeps of them."""

from __future__ import annotations

import asyncio

import httpx
import sqlalchemy as sa

from app.db.engine import Database
from app.settings import Settings
from app.users import service as users
from tests.conftest import make_client
from tests.helpers import PASSWORD, Api, Factory
from tests.users.attacks import (
    ACCEPT,
    ACCEPT_WITH_PASSWORD,
    CHANGE,
    INVITE,
    LOGOUT,
    LOGOUT_EVERYWHERE,
    ME,
    NEW_PASSWORD,
    _login,
)

# --- accepting invitations signed in ---------------------------------------------------------------


async def test_an_invitation_cannot_be_accepted_by_an_account_with_the_email_in_another_case(
    api: Api, factory: Factory
) -> None:
    # given an invitation for an existing account, and another account whose email differs in case only
    inviter = await factory.organization("Inviter")
    invitee = await factory.organization("Invitee")
    async with factory.db.sessionmaker() as session:  # a row the lookup (lower-cased) never finds
        twin_user = await users.create_user(session, factory.settings, invitee.admin.email.upper(), PASSWORD)
        await session.commit()
    twin = users.access_token(factory.settings, twin_user)
    token = (await inviter.admin(INVITE, e=invitee.admin.email)).ok("createInvite")["invite"]["token"]

    # when the twin, signed in, accepts it
    reply = await api(ACCEPT, {"t": token}, token=twin)

    # then it is refused, and the invitee can still accept it
    assert reply.code == "FORBIDDEN"
    assert (await api(ACCEPT, {"t": token}, token=invitee.admin.token)).ok("acceptInvite")


async def test_an_invitation_for_a_mixed_case_stored_account_is_not_taken_over(
    api: Api, factory: Factory
) -> None:
    # given an account stored with a mixed-case email (made outside registration), invited in lower case
    inviter = await factory.organization("Inviter")
    async with factory.db.sessionmaker() as session:
        stored = await users.create_user(session, factory.settings, "Mixed.Case@Example.com", PASSWORD)
        await session.commit()
    token = (await inviter.admin(INVITE, e=stored.email)).ok("createInvite")["invite"]["token"]

    # when that account accepts signed in
    reply = await api(ACCEPT, {"t": token}, token=users.access_token(factory.settings, stored))

    # then (the lookup does not find the mixed-case row) it is asked to set a password, not let in
    assert reply.code == "VALIDATION_ERROR"


async def test_an_api_key_cannot_accept_an_invitation_for_an_existing_account(
    api: Api, factory: Factory
) -> None:
    inviter, invitee = await factory.organization("Inviter"), await factory.organization("Invitee")
    key = await factory.api_key(invitee, "admin")
    token = (await inviter.admin(INVITE, e=invitee.admin.email)).ok("createInvite")["invite"]["token"]

    reply = await key(ACCEPT, t=token)

    assert reply.code == "UNAUTHENTICATED"
    memberships = await api(
        "{ currentUser { memberships { organization { name } } } }", token=invitee.admin.token
    )
    assert memberships.ok("currentUser")["memberships"] == [{"organization": {"name": "Invitee"}}]


async def test_an_ended_token_cannot_accept_an_invitation(api: Api, factory: Factory) -> None:
    inviter, invitee = await factory.organization("Inviter"), await factory.organization("Invitee")
    stolen = await _login(api, invitee.admin.email)
    (await api(LOGOUT, token=stolen)).ok()
    token = (await inviter.admin(INVITE, e=invitee.admin.email)).ok("createInvite")["invite"]["token"]

    assert (await api(ACCEPT, {"t": token}, token=stolen)).code == "UNAUTHENTICATED"


async def test_a_password_sent_for_an_existing_account_is_never_checked(api: Api, factory: Factory) -> None:
    # anonymous, with the right password: still told to sign in (no oracle, right or wrong)
    inviter, invitee = await factory.organization("Inviter"), await factory.organization("Invitee")
    token = (await inviter.admin(INVITE, e=invitee.admin.email)).ok("createInvite")["invite"]["token"]
    right = await api(ACCEPT_WITH_PASSWORD, {"t": token, "p": PASSWORD})
    wrong = await api(ACCEPT_WITH_PASSWORD, {"t": token, "p": "wrong-password"})
    assert right.code == wrong.code == "UNAUTHENTICATED"
    assert right.error()["message"] == wrong.error()["message"]


async def test_accepting_signed_in_with_an_organization_header_keeps_the_scope_afterwards(
    api: Api, factory: Factory
) -> None:
    # given an invitee signed in to their own organization (header), accepting another's invitation
    inviter, invitee = await factory.organization("Inviter"), await factory.organization("Invitee")
    token = (await inviter.admin(INVITE, e=invitee.admin.email)).ok("createInvite")["invite"]["token"]
    query = """mutation($t: String!) {
      a: acceptInvite(input: {token: $t}) { user { email } }
      b: logoutEverywhere { email }
    }"""

    # when the acceptance and another mutation run in one request
    reply = await api(query, {"t": token}, token=invitee.admin.token, org=invitee.id)

    # then both work, and the scope held for the second
    data = reply.ok()
    assert data["a"]["user"]["email"] == invitee.admin.email


# --- sessions --------------------------------------------------------------------------------------


async def test_signing_out_twice_in_one_request(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    token = await _login(api, org.admin.email)

    reply = await api("mutation { a: logoutUser { email } b: logoutUser { email } }", token=token)

    assert reply.status == 200
    assert reply.data is not None
    assert reply.data["a"] == {"email": org.admin.email}
    assert [e["extensions"]["code"] for e in reply.errors] == ["VALIDATION_ERROR"]
    assert (await api(ME, token=token)).code == "UNAUTHENTICATED"


async def test_signing_out_twice_at_once(committed_db: Database, settings: Settings) -> None:
    async with make_client(settings, committed_db) as one, make_client(settings, committed_db) as two:
        factory = Factory(committed_db, settings, Api(one))
        org = await factory.organization()
        token = await _login(Api(one), org.admin.email)

        replies = await asyncio.gather(*(server(LOGOUT, token=token) for server in (Api(one), Api(two)) * 3))

        assert all(reply.status == 200 for reply in replies), [r.body for r in replies]
        codes = sorted((reply.errors[0]["extensions"]["code"] if reply.errors else "OK") for reply in replies)
        assert codes.count("OK") == 1, codes
        assert set(codes) <= {"OK", "VALIDATION_ERROR", "UNAUTHENTICATED"}, codes
        assert (await Api(two)(ME, token=token)).code == "UNAUTHENTICATED"


async def test_signing_out_everywhere_at_once_on_two_processes(
    committed_db: Database, settings: Settings
) -> None:
    async with make_client(settings, committed_db) as one, make_client(settings, committed_db) as two:
        factory = Factory(committed_db, settings, Api(one))
        org = await factory.organization()
        token = await _login(Api(one), org.admin.email)
        replies = await asyncio.gather(
            *(server(LOGOUT_EVERYWHERE, token=token) for server in (Api(one), Api(two)) * 3)
        )
        assert all(reply.status == 200 for reply in replies), [r.body for r in replies]
        assert (await Api(two)(ME, token=token)).code == "UNAUTHENTICATED"


async def _user_without_organization(factory: Factory, email: str) -> str:
    async with factory.db.sessionmaker() as session:
        user = await users.create_user(session, factory.settings, email, PASSWORD)
        await session.commit()
    return users.access_token(factory.settings, user)


async def test_a_user_with_no_organization_can_change_password_and_sign_out(
    api: Api, factory: Factory
) -> None:
    # given a user in no organization
    token = await _user_without_organization(factory, "loner@example.com")

    # when they change their password, sign out the new token, and sign out everywhere
    changed = await api(CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, token=token)
    new = changed.ok("changePassword")["token"]
    assert (await api(ME, token=token)).code == "UNAUTHENTICATED"
    other = await _login(api, "loner@example.com", NEW_PASSWORD)
    assert (await api(LOGOUT, token=new)).ok("logoutUser") == {"email": "loner@example.com"}
    assert (await api(LOGOUT_EVERYWHERE, token=other)).ok("logoutEverywhere")

    # then nothing of theirs works any more
    assert (await api(ME, token=new)).code == "UNAUTHENTICATED"
    assert (await api(ME, token=other)).code == "UNAUTHENTICATED"


async def test_a_user_with_two_organizations_and_no_header_can_change_password(
    api: Api, factory: Factory
) -> None:
    first = await factory.organization()
    second = await factory.organization()
    await factory.member(second, "finance", email=first.admin.email)
    token = await _login(api, first.admin.email)

    reply = await api(CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, token=token)

    assert reply.ok("changePassword")["token"]


async def test_a_password_change_guessed_by_a_user_with_no_organization_is_throttled(
    live: tuple[Factory, Api, httpx.AsyncClient],
) -> None:
    factory, api, _ = live
    token = await _user_without_organization(factory, "loner2@example.com")
    guesses = [await api(CHANGE, {"current": f"g-{i}", "new": NEW_PASSWORD}, token=token) for i in range(6)]
    assert [g.code for g in guesses] == ["VALIDATION_ERROR"] * 5 + ["RATE_LIMITED"]


# --- what the audit log keeps ----------------------------------------------------------------------


async def _audit_text(db: Database) -> str:
    async with db.sessionmaker() as session:
        rows = (
            await session.execute(sa.text("SELECT operation, changes::text AS changes FROM audit_logs"))
        ).all()
    return "\n".join(f"{row.operation} {row.changes}" for row in rows)


async def test_the_audit_log_keeps_no_password_or_token_material(
    api: Api, factory: Factory, db: Database
) -> None:
    # given a member who changes their password, signs out, signs out everywhere, and accepts invitations
    # (one as an existing account, one creating an account with a password)
    org = await factory.organization("Audited")
    inviter = await factory.organization("Inviter")
    login = await _login(api, org.admin.email)
    changed = (await api(CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, token=login, org=org.id)).ok(
        "changePassword"
    )["token"]
    (await api(LOGOUT, token=changed, org=org.id)).ok()
    again = await _login(api, org.admin.email, NEW_PASSWORD)
    (await api(LOGOUT_EVERYWHERE, token=again, org=org.id)).ok()
    invited = await _login(api, org.admin.email, NEW_PASSWORD)
    invite_one = (await inviter.admin(INVITE, e=org.admin.email)).ok("createInvite")["invite"]["token"]
    (await api(ACCEPT, {"t": invite_one}, token=invited, org=org.id)).ok("acceptInvite")
    invite_two = (await inviter.admin(INVITE, e="fresh@example.com")).ok("createInvite")["invite"]["token"]
    fresh_password = "fresh-password-77"
    created = (await api(ACCEPT_WITH_PASSWORD, {"t": invite_two, "p": fresh_password})).ok("acceptInvite")

    # when the audit log is read
    text = await _audit_text(db)
    async with db.sessionmaker() as session:
        hashes = (await session.execute(sa.text("SELECT password_hash FROM users"))).scalars().all()

    # then each mutation is there, and no password, hash, token or invitation secret is
    for operation in ("changePassword", "logoutUser", "logoutEverywhere", "acceptInvite"):
        assert operation in text
    for secret in [
        PASSWORD,
        NEW_PASSWORD,
        fresh_password,
        login,
        changed,
        again,
        invited,
        created["token"],
        invite_one,
        invite_two,
        *hashes,
    ]:
        assert secret not in text
        for part in secret.split("."):  # no piece of a token either (header, claims, signature)
            if len(part) > 12:
                assert part not in text
    assert '"password_hash": ["[REDACTED]", "[REDACTED]"]' in text
