"""Access tokens: a valid one works; expired, tampered, foreign-key, wrong-algorithm ones do not."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from app.auth.tokens import issue_access_token
from app.settings import Settings
from tests.helpers import Api, Factory

ME = "{ currentUser { email } organization { name } }"


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def test_a_valid_token_authenticates(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    response = await api(ME, token=org.admin.token)

    assert response.ok() == {"currentUser": {"email": org.admin.email}, "organization": {"name": org.name}}


async def test_an_expired_token_is_unauthenticated(api: Api, factory: Factory, settings: Settings) -> None:
    org = await factory.organization()
    expired = issue_access_token(
        org.admin.user_id, settings.signing_key(), 60, now=datetime.now(UTC) - timedelta(hours=1)
    )

    response = await api(ME, token=expired)

    assert response.codes == ["UNAUTHENTICATED", "UNAUTHENTICATED"]
    assert response.errors[0]["message"] == "The access token has expired"
    assert response.data == {"currentUser": None, "organization": None}


async def test_a_tampered_token_is_unauthenticated(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    victim = await factory.organization()
    header, _, signature = org.admin.token.split(".")
    claims = jwt.decode(org.admin.token, options={"verify_signature": False})
    claims["sub"] = str(victim.admin.user_id)  # pretend to be someone else, keep the old signature
    forged = f"{header}.{_b64(claims)}.{signature}"

    response = await api(ME, token=forged)

    assert response.codes == ["UNAUTHENTICATED", "UNAUTHENTICATED"]
    assert response.errors[0]["message"] == "The access token is invalid"


@pytest.mark.parametrize(
    ("algorithm", "key"),
    [("HS512", "same-key"), ("HS256", "another-servers-key-0123456789abcdef0123456789")],
)
async def test_tokens_signed_otherwise_are_unauthenticated(
    api: Api, factory: Factory, settings: Settings, algorithm: str, key: str
) -> None:
    org = await factory.organization()
    now = datetime.now(UTC)
    claims = {
        "sub": str(org.admin.user_id),
        "iss": "billgraph",
        "typ": "access",
        "iat": now,
        "exp": now + timedelta(hours=1),
    }
    token = jwt.encode(claims, settings.signing_key() if key == "same-key" else key, algorithm=algorithm)

    response = await api(ME, token=token)

    assert response.codes == ["UNAUTHENTICATED", "UNAUTHENTICATED"]


async def test_an_unsigned_token_is_unauthenticated(api: Api, factory: Factory) -> None:
    org = await factory.organization()
    now = int(datetime.now(UTC).timestamp())
    claims = {
        "sub": str(org.admin.user_id),
        "iss": "billgraph",
        "typ": "access",
        "iat": now,
        "exp": now + 3600,
    }
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."

    response = await api(ME, token=unsigned)

    assert response.codes == ["UNAUTHENTICATED", "UNAUTHENTICATED"]


async def test_no_credentials_and_a_malformed_header_are_unauthenticated(api: Api) -> None:
    anonymous = await api(ME)
    malformed = await api(ME, headers={"authorization": "Basic dXNlcjpwYXNz"})

    assert anonymous.codes == malformed.codes == ["UNAUTHENTICATED", "UNAUTHENTICATED"]
    assert anonymous.errors[0]["message"] == "Authentication required"


async def test_public_operations_still_answer_with_a_stale_token(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    response = await api("{ __typename }", token="garbage")

    assert response.ok() == {"__typename": "Query"}
    assert org.admin.token  # the organization exists; the garbage token did not matter
