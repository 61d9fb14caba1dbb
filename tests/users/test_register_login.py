from __future__ import annotations

from tests.helpers import PASSWORD, Api, Factory

REGISTER = """
mutation($input: RegisterUserInput!) {
  registerUser(input: $input) {
    token
    user { email memberships { organization { name } roles { code } } }
  }
}"""
LOGIN = "mutation($input: LoginUserInput!) { loginUser(input: $input) { token user { email } } }"
ME = "{ currentUser { email memberships { organization { name } } } }"


async def test_register_creates_user_organization_and_admin_membership(api: Api) -> None:
    # given nobody yet, when someone registers
    response = await api(
        REGISTER,
        {"input": {"email": "Ada@Example.com", "password": PASSWORD, "organizationName": "Analytical"}},
    )

    # then they are the admin of their new organization, and the token works
    payload = response.ok("registerUser")
    assert payload["user"] == {
        "email": "ada@example.com",
        "memberships": [{"organization": {"name": "Analytical"}, "roles": [{"code": "admin"}]}],
    }
    me = await api(ME, token=payload["token"])
    assert me.ok("currentUser")["email"] == "ada@example.com"


async def test_login_returns_a_working_token(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    response = await api(LOGIN, {"input": {"email": org.admin.email, "password": PASSWORD}})

    token = response.ok("loginUser")["token"]
    assert (await api(ME, token=token)).ok("currentUser")["email"] == org.admin.email


async def test_wrong_password_and_unknown_email_get_the_same_answer(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    wrong_password = await api(LOGIN, {"input": {"email": org.admin.email, "password": "not the password"}})
    unknown_email = await api(LOGIN, {"input": {"email": "nobody@example.com", "password": PASSWORD}})

    assert wrong_password.code == unknown_email.code == "UNAUTHENTICATED"
    assert wrong_password.error()["message"] == unknown_email.error()["message"] == "Wrong email or password"
    assert wrong_password.data == unknown_email.data == {"loginUser": None}


async def test_registration_rejects_bad_input_naming_each_field_and_writes_nothing(
    api: Api, factory: Factory
) -> None:
    response = await api(
        REGISTER, {"input": {"email": "not-an-email", "password": "short", "organizationName": "  "}}
    )

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {
        "email": "is not a valid email address",
        "password": "must be at least 8 characters",
        "organizationName": "must not be blank",
    }
    login = await api(LOGIN, {"input": {"email": "not-an-email", "password": "short"}})
    assert login.code == "UNAUTHENTICATED"


async def test_an_email_registers_once(api: Api, factory: Factory) -> None:
    org = await factory.organization()

    response = await api(
        REGISTER,
        {"input": {"email": org.admin.email.upper(), "password": PASSWORD, "organizationName": "Again"}},
    )

    assert response.code == "VALIDATION_ERROR"
    assert response.error()["extensions"]["fields"] == {"email": "is already registered"}


async def test_registration_can_be_switched_off(db: object) -> None:
    from app.db.engine import Database
    from tests.conftest import make_client, settings_for_tests

    assert isinstance(db, Database)
    async with make_client(settings_for_tests(allow_registration=False), db) as client:
        response = await Api(client)(
            REGISTER, {"input": {"email": "eve@example.com", "password": PASSWORD, "organizationName": "Eve"}}
        )

    assert response.code == "FORBIDDEN"
    assert response.error()["message"] == "Registration is disabled on this server"
