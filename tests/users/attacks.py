"""What the attack tests on credentials share: the operations, a token forger and a sign-in."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from app.auth.tokens import ALGORITHM, ISSUER
from app.settings import Settings
from tests.helpers import PASSWORD, Api

ME = "{ currentUser { email } }"
LOGIN = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
CHANGE = """
mutation($current: String!, $new: String!) {
  changePassword(input: {currentPassword: $current, newPassword: $new}) { token user { email } }
}"""
LOGOUT = "mutation { logoutUser { email } }"
LOGOUT_EVERYWHERE = "mutation { logoutEverywhere { email } }"
INVITE = 'mutation($e: String!) { createInvite(input: {email: $e, roles: ["finance"]}) { invite { token } } }'
ACCEPT = "mutation($t: String!) { acceptInvite(input: {token: $t}) { token user { email } } }"
ACCEPT_WITH_PASSWORD = (
    "mutation($t: String!, $p: String) { acceptInvite(input: {token: $t, password: $p}) { token } }"
)
NEW_PASSWORD = "a-new-password-42"


def _forge(settings: Settings, user_id: uuid.UUID, **overrides: Any) -> str:
    """A token signed with the server's key, with claims of our choosing (None: left out)."""
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": str(user_id),
        "iss": ISSUER,
        "typ": "access",
        "iat": now,
        "exp": now + timedelta(hours=1),
        "jti": uuid.uuid4().hex,
        "ver": 0,
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, settings.signing_key(), algorithm=ALGORITHM)


async def _login(api: Api, email: str, password: str = PASSWORD) -> str:
    token: str = (await api.anonymous(LOGIN, e=email, p=password)).ok("loginUser")["token"]
    return token
