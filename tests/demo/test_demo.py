"""The demo organization: members for each role and a catalogue that uses every charge model."""

from __future__ import annotations

from app.db.engine import Database
from app.demo import seed
from app.settings import Settings
from app.users import service as users
from tests.helpers import Api

CATALOGUE = """{
  taxes { collection { code rate appliedToOrganization } }
  billableMetrics { collection { code aggregationType } }
  plans { collection { code interval charges { chargeModel } } }
  addOns { collection { code amountCents } }
  coupons { collection { code couponType frequency frequencyDuration reusable } }
  customers(limit: 100) { metadata { totalCount } }
}"""


async def test_the_demo_catalogue_is_complete_and_readable_by_a_manager(
    db: Database, settings: Settings, api: Api
) -> None:
    async with db.sessionmaker() as session:
        demo = await seed.load(session, settings)
        manager = await users.find_by_email(session, "manager@demo.billgraph.dev")
        await session.commit()
    assert manager is not None
    token = users.access_token(settings, manager)

    data = (await api(CATALOGUE, token=token)).ok()

    assert demo.created
    assert data["taxes"]["collection"] == [{"code": "vat_20", "rate": "20", "appliedToOrganization": True}]
    assert {m["code"]: m["aggregationType"] for m in data["billableMetrics"]["collection"]} == {
        "api_calls": "COUNT_AGG",
        "payment_volume": "SUM_AGG",
        "seats": "UNIQUE_COUNT_AGG",
        "storage_gb": "MAX_AGG",
    }
    plans = {p["code"]: p for p in data["plans"]["collection"]}
    assert sorted(plans) == ["enterprise", "pro", "starter"]
    models = {charge["chargeModel"] for p in plans.values() for charge in p["charges"]}
    assert models == {"STANDARD", "GRADUATED", "VOLUME", "PACKAGE", "PERCENTAGE"}
    assert data["addOns"]["collection"] == [{"code": "onboarding", "amountCents": 150000}]
    assert data["coupons"]["collection"] == [
        {
            "code": "welcome",
            "couponType": "PERCENTAGE",
            "frequency": "RECURRING",
            "frequencyDuration": 3,
            "reusable": False,
        }
    ]
    assert data["customers"]["metadata"]["totalCount"] == 12


async def test_loading_the_demo_twice_creates_nothing_more(db: Database, settings: Settings) -> None:
    async with db.sessionmaker() as session:
        first = await seed.load(session, settings)
        second = await seed.load(session, settings)

    assert first.created
    assert not second.created
    assert first.organization.id == second.organization.id
