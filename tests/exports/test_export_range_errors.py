"""The export's range: a date that is missing is required, a date that was sent but is not one says so."""

from __future__ import annotations

import httpx

from tests.helpers import Factory


async def test_a_malformed_date_is_named_as_malformed_and_a_missing_one_as_required(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    org = await factory.organization()
    headers = {"authorization": f"Bearer {org.admin.token}"}

    malformed = await client.get(
        "/api/v1/exports/invoices.csv", params={"from": "2026-02-30", "to": "garbage"}, headers=headers
    )
    missing = await client.get(
        "/api/v1/exports/invoices.csv", params={"from": "", "to": "2026-01-31"}, headers=headers
    )

    assert malformed.status_code == missing.status_code == 400
    assert malformed.json()["errors"][0]["extensions"] == {
        "code": "VALIDATION_ERROR",
        "fields": {
            "from": "'2026-02-30' is not a date like 2026-01-31",
            "to": "'garbage' is not a date like 2026-01-31",
        },
    }
    assert missing.json()["errors"][0]["extensions"]["fields"] == {
        "from": "is required, as a date like 2026-01-31"
    }
