"""Row-level security, the second wall: a transaction scoped to one organization sees and writes only
that organization's rows even when a query forgets its ``organization_id`` filter; without a scope
(billing workers, migrations) everything is visible; and every tenant table carries the policy, the
identity tables too: built-in roles for all, the caller's own memberships wherever they are."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from app.auth.permissions import BUILTIN_ROLES
from app.customers import service as customers
from app.customers.models import Customer
from app.db.engine import Database
from app.db.unit_of_work import UnitOfWork
from app.members import service as members
from app.members.models import Membership
from app.roles import service as roles
from app.settings import Settings
from tests.conftest import make_client
from tests.helpers import Api, Factory, Member, Org

# Their policy also shows built-in roles and the caller's own memberships (migration 0014).
IDENTITY_TABLES = {"memberships", "membership_roles", "roles"}
CREATE = "mutation($e: String!) { createCustomer(input: {externalId: $e, name: $e}) { id } }"


async def _two_organizations(factory: Factory) -> tuple[Org, Org, dict[str, str]]:
    ours, theirs = await factory.organization(), await factory.organization()
    ids = {}
    for org, external_id in ((ours, "ours"), (theirs, "theirs")):
        ids[external_id] = (await org.admin(CREATE, e=external_id)).ok("createCustomer")["id"]
    return ours, theirs, ids


async def test_an_unfiltered_query_in_a_scoped_transaction_sees_only_its_organization(
    factory: Factory, db: Database
) -> None:
    ours, _, ids = await _two_organizations(factory)
    uow = UnitOfWork(db, read_only=True, organization_id=ours.id)

    async with uow.read() as session:
        external_ids = (await session.scalars(sa.text("SELECT external_id FROM customers ORDER BY 1"))).all()
        theirs = await session.get(Customer, uuid.UUID(ids["theirs"]))
        audit = await session.scalar(sa.text("SELECT count(DISTINCT organization_id) FROM audit_logs"))
    await uow.finish()

    assert external_ids == ["ours"]
    assert theirs is None
    assert audit == 1


async def test_a_scoped_transaction_cannot_write_into_another_organization(
    factory: Factory, db: Database
) -> None:
    ours, theirs, _ = await _two_organizations(factory)
    uow = UnitOfWork(db, organization_id=ours.id)

    async def plant() -> None:
        async with uow.write() as session:
            session.add(Customer(organization_id=theirs.id, external_id="planted", name="Planted"))
            await session.flush()

    with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
        await plant()
    await uow.abort()


async def test_without_a_scope_workers_see_every_organization(factory: Factory, db: Database) -> None:
    await _two_organizations(factory)

    async with db.sessionmaker() as session:
        external_ids = (await session.scalars(sa.text("SELECT external_id FROM customers ORDER BY 1"))).all()

    assert external_ids == ["ours", "theirs"]


async def test_a_service_that_forgets_its_filter_still_returns_nothing_of_another_tenant(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, theirs, _ = await _two_organizations(factory)
    monkeypatch.setattr(customers, "live", lambda organization_id: [Customer.deleted_at.is_(None)])
    listing = "query { customers { collection { externalId } } }"

    seen_by_us = (await ours.admin(listing)).ok("customers")["collection"]
    seen_by_them = (await theirs.admin(listing)).ok("customers")["collection"]

    assert seen_by_us == [{"externalId": "ours"}]
    assert seen_by_them == [{"externalId": "theirs"}]


async def test_every_tenant_table_is_forced_under_the_policy(db: Database) -> None:
    async with db.sessionmaker() as session:
        tenant_tables = set(
            (
                await session.scalars(
                    sa.text(
                        "SELECT table_name FROM information_schema.columns"
                        " WHERE column_name = 'organization_id' AND table_schema = current_schema()"
                    )
                )
            ).all()
        )
        protected = set(
            (
                await session.scalars(
                    sa.text(
                        "SELECT c.relname FROM pg_class c JOIN pg_policies p ON p.tablename = c.relname"
                        " WHERE c.relrowsecurity AND c.relforcerowsecurity AND p.policyname = 'tenant_isolation'"
                    )
                )
            ).all()
        )

    assert len(tenant_tables) > 25
    assert tenant_tables == protected
    assert tenant_tables >= IDENTITY_TABLES


@pytest.mark.committed
async def test_a_query_in_production_opens_its_scope_in_one_statement_and_leaves_the_connection_clean(
    committed_db: Database, database_url: URL, settings: Settings
) -> None:
    """Queries of a production ``Database`` begin their transaction and scope in one raw round trip on an
    autocommit connection; the second wall holds, writes are refused, and the connection goes back to
    the pool with no transaction, scope or role left on it."""
    ours, _ = await _committed_organizations(committed_db, settings)
    production = Database.connect(
        database_url, settings.model_copy(update={"db_pool_size": 1, "db_max_overflow": 0})
    )
    await production.check_tenant_role()
    try:
        uow = UnitOfWork(production, read_only=True, organization_id=ours)
        async with uow.read() as session:
            seen = (await session.scalars(sa.text("SELECT external_id FROM customers ORDER BY 1"))).all()
            with pytest.raises(sa.exc.DBAPIError, match="read-only transaction"):
                await session.execute(sa.text("UPDATE customers SET name = 'x'"))
        await uow.abort()  # the failed statement: the request ends as a failure would
        again = UnitOfWork(production, read_only=True, organization_id=ours)
        async with again.read() as session:
            seen_again = (
                await session.scalars(sa.text("SELECT external_id FROM customers ORDER BY 1"))
            ).all()
        await again.finish()
        async with production.engine.connect() as connection:  # the pool's only connection
            left = (
                await connection.execute(
                    sa.text(
                        "SELECT coalesce(current_setting('billgraph.organization_id', true), ''),"
                        " current_user = session_user, current_setting('transaction_read_only'),"
                        " (SELECT count(*) FROM customers)"
                    )
                )
            ).one()
    finally:
        await production.dispose()

    assert production.raw_read_transactions
    assert seen == seen_again == ["ours"]
    assert tuple(left) == ("", True, "off", 2)


async def _committed_organizations(db: Database, settings: Settings) -> tuple[uuid.UUID, uuid.UUID]:
    async with make_client(settings, db) as client:
        ours, theirs, _ = await _two_organizations(Factory(db, settings, Api(client)))
    return ours.id, theirs.id


@pytest.mark.committed
async def test_a_query_whose_scope_fails_never_pools_its_connection(
    committed_db: Database, database_url: URL, settings: Settings
) -> None:
    ours, _ = await _committed_organizations(committed_db, settings)
    production = Database.connect(
        database_url, settings.model_copy(update={"db_pool_size": 1, "db_max_overflow": 0})
    )
    production.tenant_role = "no_such_role"  # the scope's second statement fails after its BEGIN
    try:
        uow = UnitOfWork(production, read_only=True, organization_id=ours)
        with pytest.raises(Exception, match="no_such_role"):
            async with uow.read():
                pass
        async with production.engine.connect() as connection:
            fine = await connection.scalar(sa.text("SELECT count(*) FROM customers"))
    finally:
        await production.dispose()

    assert fine == 2  # a fresh connection, not one left inside the failed transaction


async def _identities(factory: Factory) -> tuple[Org, Org, Member]:
    """Two organizations with a custom role each; ours' admin also belongs to theirs, holding one of
    its two custom roles, next to another member of theirs."""
    ours, theirs = await factory.organization(), await factory.organization()
    await factory.role(ours, "our_auditor", ["audit_logs:view"])
    await factory.role(theirs, "their_auditor", ["audit_logs:view"])
    await factory.role(theirs, "their_secret", ["customers:view"])
    await factory.member(theirs, "their_secret")
    elsewhere = await factory.member(theirs, "their_auditor", email=ours.admin.email)
    return ours, theirs, elsewhere


async def _visible_identities(
    session: sa.ext.asyncio.AsyncSession,
) -> tuple[set[str], set[uuid.UUID], set[uuid.UUID]]:
    """Role codes, membership ids and the membership ids of role links an unfiltered query sees."""
    codes = set((await session.scalars(sa.text("SELECT code FROM roles"))).all())
    memberships = set((await session.scalars(sa.text("SELECT id FROM memberships"))).all())
    links = set((await session.scalars(sa.text("SELECT membership_id FROM membership_roles"))).all())
    return codes, memberships, links


async def test_another_organizations_memberships_and_custom_roles_are_invisible_in_a_scope(
    factory: Factory, db: Database
) -> None:
    ours, _, elsewhere = await _identities(factory)
    uow = UnitOfWork(db, read_only=True, organization_id=ours.id)

    async with uow.read() as session:
        codes, memberships, links = await _visible_identities(session)
    await uow.finish()
    async with db.sessionmaker() as session:  # unscoped (the identity lookup, workers): everything
        all_codes, all_memberships, _ = await _visible_identities(session)

    assert codes == set(BUILTIN_ROLES) | {"our_auditor"}
    assert memberships == links == {ours.admin.membership_id}
    assert all_codes == set(BUILTIN_ROLES) | {"our_auditor", "their_auditor", "their_secret"}
    assert elsewhere.membership_id in all_memberships
    assert len(all_memberships) == 4


async def test_the_callers_own_memberships_elsewhere_stay_visible_with_their_roles(
    factory: Factory, db: Database
) -> None:
    ours, _, elsewhere = await _identities(factory)
    uow = UnitOfWork(db, read_only=True, organization_id=ours.id)
    uow.user_id = ours.admin.user_id

    async with uow.read() as session:
        codes, memberships, links = await _visible_identities(session)
    await uow.finish()

    assert codes == set(BUILTIN_ROLES) | {"our_auditor", "their_auditor"}  # not their_secret
    assert memberships == links == {ours.admin.membership_id, elsewhere.membership_id}


async def test_current_user_lists_every_own_membership_while_members_stay_in_the_organization(
    api: Api, factory: Factory
) -> None:
    ours, theirs, elsewhere = await _identities(factory)

    seen = await api(
        """{ currentUser { memberships { organization { name } roles { code } permissions } }
        organization { members { user { email } roles { code } } } }""",
        token=ours.admin.token,
        org=ours.id,
    )

    assert seen.ok("currentUser")["memberships"] == [
        {
            "organization": {"name": ours.name},
            "roles": [{"code": "admin"}],
            "permissions": sorted(BUILTIN_ROLES["admin"].permissions),
        },
        {
            "organization": {"name": theirs.name},
            "roles": [{"code": "their_auditor"}],
            "permissions": ["audit_logs:view"],
        },
    ]
    assert seen.ok("organization")["members"] == [
        {"user": {"email": ours.admin.email}, "roles": [{"code": "admin"}]}
    ]
    assert elsewhere.organization_id == theirs.id


async def test_services_that_forget_their_filter_still_show_no_other_organizations_members_or_roles(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, _, _ = await _identities(factory)
    viewer = await factory.member(ours, "admin")  # in ours only

    async def every_membership(
        session: sa.ext.asyncio.AsyncSession, organization_id: uuid.UUID, *page: object
    ) -> list[Membership]:
        return list((await session.scalars(sa.select(Membership).order_by(Membership.created_at))).all())

    monkeypatch.setattr(members, "list_memberships", every_membership)
    monkeypatch.setattr(roles, "_visible", lambda organization_id: sa.true())
    seen = await viewer("{ roles { code } organization { members { user { email } } } }")

    assert {r["code"] for r in seen.ok("roles")} == set(BUILTIN_ROLES) | {"our_auditor"}
    assert seen.ok("organization")["members"] == [
        {"user": {"email": ours.admin.email}},
        {"user": {"email": viewer.email}},
    ]


async def test_a_scope_writes_no_identity_of_another_organization_nor_a_built_in_role(
    factory: Factory, db: Database
) -> None:
    ours, theirs, elsewhere = await _identities(factory)
    uow = UnitOfWork(db, organization_id=ours.id)
    uow.user_id = ours.admin.user_id

    async with uow.write() as session:
        changed = [
            (await session.execute(sa.text(sql))).rowcount  # type: ignore[attr-defined]
            for sql in (
                "UPDATE roles SET name = 'Hijacked' WHERE builtin OR organization_id IS NOT NULL",
                "UPDATE memberships SET status = 'revoked'",
                "DELETE FROM membership_roles",
            )
        ]

    async def plant() -> None:
        async with uow.write() as session:
            session.add(Membership(organization_id=theirs.id, user_id=ours.admin.user_id))
            await session.flush()

    with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
        await plant()
    await uow.abort()

    assert changed == [1, 1, 1]  # our custom role, our membership, its link; nothing of theirs
    assert elsewhere.organization_id == theirs.id
