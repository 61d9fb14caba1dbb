"""What each accounting tool needs: its settings (not secret, with defaults), its credentials (secret,
all required) and the code a mapped item must carry for its import to accept a line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.errors import Collector
from app.integrations.models import IntegrationKind


@dataclass(frozen=True)
class Setting:
    key: str
    description: str
    default: str | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    settings: tuple[Setting, ...]
    credentials: tuple[str, ...]
    item_code_field: str  # "account_code" or "item_code": what every mapped item needs

    def defaults(self) -> dict[str, str]:
        return {s.key: s.default for s in self.settings if s.default is not None}


KINDS: dict[IntegrationKind, Kind] = {
    IntegrationKind.XERO: Kind(
        settings=(
            Setting(
                "dateFormat",
                "How dates are written, as Xero's region expects",
                "DD/MM/YYYY",
                ("DD/MM/YYYY", "MM/DD/YYYY", "YYYY-MM-DD"),
            ),
            Setting("noTaxType", "Xero tax rate of lines without tax", "Tax Exempt"),
            Setting("brandingTheme", "Xero branding theme of the imported invoices"),
        ),
        credentials=("clientId", "clientSecret"),
        item_code_field="account_code",
    ),
    IntegrationKind.NETSUITE: Kind(
        settings=(
            Setting("accountId", "NetSuite account id"),
            Setting("subsidiary", "Subsidiary of the imported transactions"),
            Setting("location", "Location of the imported transactions"),
            Setting("department", "Department of the imported transactions"),
            Setting(
                "dateFormat",
                "How dates are written, as the account's preferences expect",
                "MM/DD/YYYY",
                ("MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD"),
            ),
            Setting("noTaxCode", "NetSuite tax code of lines without tax", "-Not Taxable-"),
        ),
        credentials=("consumerKey", "consumerSecret", "tokenId", "tokenSecret"),
        item_code_field="item_code",
    ),
}

_MAX_LENGTH = 255


def _string(errors: Collector, path: str, value: Any) -> str | None:
    if not isinstance(value, str) or "\x00" in value or len(value.strip()) > _MAX_LENGTH:
        errors.add(path, f"must be a string of at most {_MAX_LENGTH} characters")
        return None
    return value.strip()


def _object(errors: Collector, path: str, given: Any) -> dict[str, Any] | None:
    if not isinstance(given, dict):
        errors.add(path, "must be an object")
        return None
    return given


def clean_settings(
    errors: Collector, kind: IntegrationKind, given: Any, current: dict[str, Any] | None
) -> dict[str, Any]:
    """``current`` with ``given`` merged in (a null or empty value clears a setting back to its
    default); every key known to the kind, every value a string, choices respected."""
    spec = KINDS[kind]
    merged = dict(current if current is not None else spec.defaults())
    if given is None:
        return merged
    values = _object(errors, "settings", given) or {}
    known = {s.key: s for s in spec.settings}
    for key, value in values.items():
        setting = known.get(key)
        path = f"settings.{key}"
        if setting is None:
            errors.add(path, f"is not a {kind.name} setting (known: {', '.join(known)})")
            continue
        if value is None or value == "":
            merged.pop(key, None)
            if setting.default is not None:
                merged[key] = setting.default
            continue
        cleaned = _string(errors, path, value)
        if cleaned is not None and setting.choices and cleaned not in setting.choices:
            errors.add(path, f"must be one of {', '.join(setting.choices)}")
        elif cleaned is not None:
            merged[key] = cleaned
    return merged


def clean_credentials(errors: Collector, kind: IntegrationKind, given: Any) -> dict[str, str]:
    """Exactly the kind's credentials, each a non-empty string."""
    values = _object(errors, "credentials", given) or {}
    required = KINDS[kind].credentials
    cleaned: dict[str, str] = {}
    for key in required:
        value = values.get(key)
        path = f"credentials.{key}"
        if value is None or (isinstance(value, str) and not value.strip()):
            errors.add(path, "is required")
        elif (text := _string(errors, path, value)) is not None:
            cleaned[key] = text
    for key in values:
        if key not in required:
            errors.add(
                f"credentials.{key}", f"is not a {kind.name} credential (known: {', '.join(required)})"
            )
    return cleaned
