"""A small asyncio HTTP/1.1 load generator: keep-alive connections, fixed concurrency, latency figures.

Leaner than an HTTP client library, so that on a 2-core machine the generator takes as little CPU as
possible from the server it measures.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Result:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    def line(self) -> str:
        return (
            f"{self.name:<44} {self.rate:>9.0f} req/s  p50 {self.percentile(50):6.2f} ms  "
            f"p99 {self.percentile(99):6.2f} ms  errors {self.errors}"
        )


def graphql_request(
    host: str, port: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> bytes:
    payload = json.dumps(body).encode()
    lines = [
        "POST /graphql HTTP/1.1",
        f"Host: {host}:{port}",
        "Content-Type: application/json",
        f"Content-Length: {len(payload)}",
        *(f"{k}: {v}" for k, v in (headers or {}).items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def run(
    name: str,
    host: str,
    port: int,
    request: bytes | Callable[[], bytes],
    *,
    concurrency: int = 16,
    seconds: float = 5.0,
    ok: Any = None,
) -> Result:
    """Send ``request`` (or what ``request()`` makes, each time) over ``concurrency`` connections for
    ``seconds``; ``ok(body)`` judges answers."""
    make = request if callable(request) else (lambda: request)
    result = Result(name)
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                writer.write(make())
                status, body = await _read_response(reader)
                result.latencies.append(time.perf_counter() - started)
                result.requests += 1
                if status != 200 or (ok is not None and not ok(body)):
                    result.errors += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = time.perf_counter() - started
    return result


def summary(results: list[Result]) -> str:
    return (
        "\n".join(r.line() for r in results)
        + f"\n(mean of rates {statistics.mean(r.rate for r in results):.0f})"
    )
