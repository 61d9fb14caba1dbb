"""Start a real ``billgraph serve`` process for a benchmark, with the demo organization loaded."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Benchmarks measure capacity: the per-caller rate limits (on by default) would only measure themselves.
NO_LIMITS = {
    "BILLGRAPH_RATE_LIMIT_USER_PER_SECOND": "0",
    "BILLGRAPH_RATE_LIMIT_KEY_PER_SECOND": "0",
    "BILLGRAPH_RATE_LIMIT_ANONYMOUS_PER_SECOND": "0",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(extra_env: dict[str, str] | None = None, data_dir: Path | None = None) -> Iterator[int]:
    """A server on a free port, with the demo data, on DATABASE_URL or else on an embedded PostgreSQL
    in ``data_dir`` (default: a temporary folder, removed afterwards), so benchmarks never touch your data."""
    with server_process(extra_env, data_dir) as (port, _):
        yield port


@contextmanager
def server_process(
    extra_env: dict[str, str] | None = None, data_dir: Path | None = None, log_path: Path | None = None
) -> Iterator[tuple[int, int]]:
    """``running_server``, giving the port and the server's process id (to watch its memory); its
    output goes to ``log_path`` when given."""
    port = free_port()
    scratch = None
    if data_dir is None and not os.environ.get("DATABASE_URL"):
        scratch = data_dir = Path(tempfile.mkdtemp(prefix="billgraph-bench-"))
    env = {**os.environ, "BILLGRAPH_LOG_LEVEL": "WARNING", **NO_LIMITS, **(extra_env or {})}
    if data_dir:
        env["BILLGRAPH_DATA_DIR"] = str(data_dir)
    process = subprocess.Popen(
        # the billing loops stay out of the measured process (they would bill the demo while it is measured)
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--demo", "--no-worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log_path.open("ab") if log_path else subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        yield port, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def post(port: int, query: str, token: str | None = None, variables: dict[str, object] | None = None) -> dict:  # type: ignore[type-arg]
    headers = {"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})}
    data = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())  # type: ignore[no-any-return]


def login(port: int, email: str, password: str = "billgraph-demo") -> str:
    query = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
    return str(post(port, query, variables={"e": email, "p": password})["data"]["loginUser"]["token"])
