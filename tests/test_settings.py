from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.settings import Settings


def test_production_requires_a_secret_key() -> None:
    with pytest.raises(ValidationError, match="BILLGRAPH_SECRET_KEY is required"):
        Settings(environment="production", secret_key=None)


def test_a_short_secret_key_is_refused() -> None:
    with pytest.raises(ValidationError, match="at least 32 characters"):
        Settings(secret_key="too-short")


def test_production_turns_graphiql_and_introspection_off_unless_asked() -> None:
    production = Settings(environment="production", secret_key="k" * 40)
    explicit = Settings(environment="production", secret_key="k" * 40, introspection_enabled=True)

    assert (production.graphiql, production.introspection) == (False, False)
    assert explicit.introspection is True
    assert Settings(secret_key="k" * 40).graphiql is True


def test_database_url_is_read_from_the_plain_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h:5432/d")

    assert Settings().database_url == "postgresql://u@h:5432/d"


def test_development_keeps_one_random_key_in_the_data_folder(tmp_path: object) -> None:
    first = Settings(data_dir=tmp_path).signing_key()  # type: ignore[arg-type]
    second = Settings(data_dir=tmp_path).signing_key()  # type: ignore[arg-type]

    assert first == second
    assert len(first) >= 32
