"""Start a real ``billgraph serve`` process for a benchmark, with the demo organization loaded."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(extra_env: dict[str, str] | None = None) -> Iterator[int]:
    port = free_port()
    env = {**os.environ, "BILLGRAPH_LOG_LEVEL": "WARNING", **(extra_env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def post(port: int, query: str, token: str | None = None, variables: dict[str, object] | None = None) -> dict:  # type: ignore[type-arg]
    headers = {"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})}
    data = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())  # type: ignore[no-any-return]


def login(port: int, email: str, password: str = "billgraph-demo") -> str:
    query = "mutation($e: String!, $p: String!) { loginUser(input: {email: $e, password: $p}) { token } }"
    return str(post(port, query, variables={"e": email, "p": password})["data"]["loginUser"]["token"])
