"""One settings class, read from the environment (``BILLGRAPH_*`` and ``DATABASE_URL``)."""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Configuration of a billgraph process. Every field can be set as ``BILLGRAPH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="BILLGRAPH_", extra="ignore")

    environment: Environment = Field(
        Environment.DEVELOPMENT, description="`development` or `production` (stricter defaults)."
    )
    database_url: str | None = Field(
        None,
        validation_alias=AliasChoices("DATABASE_URL", "BILLGRAPH_DATABASE_URL"),
        description="PostgreSQL URL (`postgresql://user@host:port/db`). Unset: an embedded PostgreSQL.",
    )
    data_dir: Path = Field(
        Path("var"), description="Folder for the embedded PostgreSQL and the development secret key."
    )
    secret_key: str | None = Field(
        None,
        description="Key that signs access tokens. Required in production; in development a random key "
        "is created once in the data folder.",
    )
    encryption_key: str | None = Field(
        None,
        description="Key that encrypts stored secrets (webhook signing secrets, integration credentials). "
        "Unset: derived from the secret key, so changing that key makes them unreadable.",
    )
    webhook_timeout_seconds: float = Field(10.0, gt=0, description="How long a webhook delivery may take.")
    webhook_max_attempts: int = Field(8, gt=0, description="Deliveries of a webhook before it is failed.")
    webhook_retry_base_seconds: float = Field(
        30.0, ge=0, description="First retry delay; each next one doubles (at most 6 hours)."
    )
    webhook_allow_private_addresses: bool | None = Field(
        None,
        description="Whether webhook URLs may point at loopback, private or link-local addresses "
        "(development default; refused in production, against server-side request forgery).",
    )
    token_ttl_seconds: int = Field(12 * 3600, gt=0, description="Lifetime of an access token.")
    invite_ttl_seconds: int = Field(7 * 24 * 3600, gt=0, description="Lifetime of an invitation.")
    allow_registration: bool = Field(True, description="Whether `registerUser` may create organizations.")
    graphiql_enabled: bool | None = Field(None, description="Serve GraphiQL on GET /graphql (dev default).")
    introspection_enabled: bool | None = Field(None, description="Allow introspection (dev default).")
    max_body_bytes: int = Field(1_000_000, gt=0, description="Largest accepted request body.")
    max_query_depth: int = Field(12, gt=0, description="Deepest accepted selection nesting.")
    max_aliases: int = Field(30, gt=0, description="Most aliases accepted in one document.")
    max_tokens: int = Field(3_000, gt=0, description="Most lexical tokens accepted in one document.")
    max_page_size: int = Field(100, gt=0, description="Largest `limit` of a paginated list.")
    max_query_cost: int = Field(
        200_000,
        gt=0,
        description="Most a document may cost (each field once per object it resolves on; a list counts as "
        "long as its `limit` or its declared bound).",
    )
    max_response_bytes: int = Field(
        10_000_000, gt=0, description="Largest GraphQL response; a larger one is `QUERY_REJECTED`."
    )
    statement_timeout_ms: int = Field(
        10_000,
        ge=0,
        description="Longest a request's SQL statement may run before PostgreSQL cancels it "
        "(`QUERY_REJECTED`; 0: no limit).",
    )
    max_batch_size: int = Field(10, gt=0, description="Most operations in one batched request.")
    rate_limit_user_per_second: float = Field(
        50.0, ge=0, description="Requests a second each user may make, sustained (0: no limit)."
    )
    rate_limit_user_burst: int = Field(200, gt=0, description="Requests a user may make at once.")
    rate_limit_key_per_second: float = Field(
        200.0, ge=0, description="Requests a second each API key may make, sustained (0: no limit)."
    )
    rate_limit_key_burst: int = Field(2000, gt=0, description="Requests an API key may make at once.")
    rate_limit_anonymous_per_second: float = Field(
        5.0, ge=0, description="Requests a second from one address without credentials (0: no limit)."
    )
    rate_limit_anonymous_burst: int = Field(30, gt=0, description="Such requests at once.")
    login_max_failures: int = Field(5, ge=0, description="Failed logins per email within the window.")
    login_max_failures_per_address: int = Field(
        50, ge=0, description="Failed logins per client address within the window."
    )
    login_failure_window_seconds: float = Field(900.0, gt=0, description="The window of failed logins.")
    auth_cache_seconds: float = Field(
        60.0, ge=0, description="How long an identity may be reused; changes clear it at once. 0: off."
    )
    password_time_cost: int = Field(3, gt=0, description="Argon2 time cost for password hashes.")
    password_memory_cost: int = Field(65536, gt=7, description="Argon2 memory cost (KiB).")
    db_pool_size: int = Field(20, gt=0, description="Connections kept open per process.")
    db_max_overflow: int = Field(10, ge=0, description="Extra connections allowed under load.")
    log_level: str = Field("INFO", description="Python logging level.")
    log_format: Literal["json", "text"] = Field(
        "json", description="`json`: one JSON object per line (request id, operation, caller, duration)."
    )
    metrics_enabled: bool = Field(True, description="Serve Prometheus metrics on GET /metrics.")
    metrics_token: str | None = Field(
        None, description="When set, /metrics needs `Authorization: Bearer <token>`."
    )
    metrics_public: bool = Field(
        False,
        description="Serve /metrics without a token in production too (only where nothing but the "
        "scraper reaches the server). Otherwise production serves it only with a metrics token.",
    )

    @model_validator(mode="after")
    def _production_needs_a_key(self) -> Settings:
        if self.environment is Environment.PRODUCTION and not self.secret_key:
            raise ValueError("BILLGRAPH_SECRET_KEY is required when BILLGRAPH_ENVIRONMENT=production")
        if self.secret_key is not None and len(self.secret_key) < 32:
            raise ValueError("BILLGRAPH_SECRET_KEY must be at least 32 characters")
        return self

    @property
    def is_development(self) -> bool:
        return self.environment is Environment.DEVELOPMENT

    @property
    def graphiql(self) -> bool:
        return self.is_development if self.graphiql_enabled is None else self.graphiql_enabled

    @property
    def webhooks_to_private_addresses(self) -> bool:
        if self.webhook_allow_private_addresses is None:
            return self.is_development
        return self.webhook_allow_private_addresses

    @property
    def metrics_served(self) -> bool:
        """Whether /metrics exists: with a token, or open in development or when opened explicitly."""
        return self.metrics_enabled and bool(self.metrics_token or self.is_development or self.metrics_public)

    @property
    def introspection(self) -> bool:
        return self.is_development if self.introspection_enabled is None else self.introspection_enabled

    def signing_key(self) -> str:
        """The token signing key; in development, a random one kept in the data folder."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        self.secret_key = path.read_text().strip()
        return self.secret_key


@lru_cache
def get_settings() -> Settings:
    return Settings()
