"""Structured logs: one JSON line per request with its id, operation, caller (never a secret) and
duration; the caller's own request id is kept when it is a sane one."""

from __future__ import annotations

import json
import logging

import pytest

from app.logging import JsonFormatter
from tests.helpers import Api, Factory

REQUESTS = "billgraph.request"


def test_a_record_becomes_one_json_object_with_its_extra_fields() -> None:
    record = logging.LogRecord("billgraph.request", logging.INFO, __file__, 1, "done %s", ("now",), None)
    record.request_id, record.duration_ms = "abc", 1.5
    record.color_message = "\x1b[36mdone\x1b[0m"  # as uvicorn adds

    line = JsonFormatter().format(record)

    parsed = json.loads(line)
    assert "\n" not in line
    assert {k: parsed[k] for k in ("level", "logger", "message", "request_id", "duration_ms")} == {
        "level": "INFO",
        "logger": "billgraph.request",
        "message": "done now",
        "request_id": "abc",
        "duration_ms": 1.5,
    }
    assert parsed["time"].endswith("+00:00")
    assert "color_message" not in parsed


async def test_each_request_is_logged_once_with_its_caller_and_never_a_secret(
    factory: Factory, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    org = await factory.organization()
    key = await factory.api_key(org, "finance")
    caplog.set_level(logging.INFO, logger=REQUESTS)

    as_user = await api.client.post(
        "/graphql",
        json={"query": "{ organization { name } }"},
        headers={"authorization": f"Bearer {org.admin.token}", "x-request-id": "trace-42"},
    )
    as_key = await api.client.post(
        "/graphql",
        json={"query": "{ apiKeys { id } }"},
        headers={"authorization": f"Bearer {key.secret}"},
    )
    anonymous = await api.client.post("/api/v1/events", json={"event": {}})

    records = [r for r in caplog.records if r.name == REQUESTS]
    lines = [JsonFormatter().format(r) for r in records]
    user_line, key_line, anonymous_line = (json.loads(line) for line in lines)
    assert len(records) == 3
    assert as_user.headers["x-request-id"] == "trace-42"
    assert {
        k: user_line[k]
        for k in (
            "request_id",
            "operation",
            "status",
            "caller_type",
            "caller_id",
            "organization_id",
            "errors",
        )
    } == {
        "request_id": "trace-42",
        "operation": "query organization",
        "status": 200,
        "caller_type": "user",
        "caller_id": str(org.admin.user_id),
        "organization_id": str(org.id),
        "errors": [],
    }
    assert user_line["duration_ms"] > 0
    assert (key_line["caller_type"], key_line["caller_id"], key_line["errors"]) == (
        "api_key",
        str(key.id),
        ["FORBIDDEN"],
    )
    assert key_line["request_id"] == as_key.headers["x-request-id"]
    assert (anonymous_line["operation"], anonymous_line["status"], anonymous_line["caller_type"]) == (
        "POST /api/v1/events",
        401,
        "anonymous",
    )
    assert anonymous_line["errors"] == ["UNAUTHENTICATED"]
    assert anonymous.status_code == 401
    assert not any(key.secret in line or org.admin.token in line for line in lines)


def test_closing_a_connection_the_server_dropped_is_a_warning_not_an_error() -> None:
    from app.logging import DeadConnectionCloseIsExpected

    def record(error: BaseException, message: str = "Exception closing connection %r") -> logging.LogRecord:
        return logging.LogRecord(
            "sqlalchemy.pool", logging.ERROR, __file__, 1, message, ("c",), (type(error), error, None)
        )

    dropped, other, unrelated = (
        record(BrokenPipeError()),
        record(ValueError("x")),
        record(OSError(), "Boom %r"),
    )
    for item in (dropped, other, unrelated):
        DeadConnectionCloseIsExpected().filter(item)

    assert [r.levelname for r in (dropped, other, unrelated)] == ["WARNING", "ERROR", "ERROR"]
