"""Pages carry their rows and the total in one statement; a page past the end still tells the total."""

from __future__ import annotations

from app.db.engine import Database
from tests.conftest import count_statements
from tests.helpers import Factory

PAGE = """query($page: Int, $limit: Int) { taxes(page: $page, limit: $limit) {
  collection { code } metadata { currentPage limitValue totalCount totalPages } } }"""


async def test_pages_in_order_with_their_totals(factory: Factory, db: Database) -> None:
    org = await factory.organization()
    for code in ("a", "b", "c", "d", "e"):
        (
            await org.admin(
                f'mutation {{ createTax(input: {{name: "{code}", code: "{code}", rate: "1"}}) {{ id }} }}'
            )
        ).ok()

    with count_statements(db) as statements:
        second = (await org.admin(PAGE, page=2, limit=2)).ok("taxes")
    past_the_end = (await org.admin(PAGE, page=9, limit=2)).ok("taxes")
    first = (await org.admin(PAGE, page=1, limit=10)).ok("taxes")

    assert second == {
        "collection": [{"code": "c"}, {"code": "d"}],
        "metadata": {"currentPage": 2, "limitValue": 2, "totalCount": 5, "totalPages": 3},
    }
    assert len([s for s in statements if "FROM taxes" in s]) == 1
    assert past_the_end == {
        "collection": [],
        "metadata": {"currentPage": 9, "limitValue": 2, "totalCount": 5, "totalPages": 3},
    }
    assert [t["code"] for t in first["collection"]] == ["a", "b", "c", "d", "e"]
