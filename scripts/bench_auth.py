"""Benchmark: the cost of authentication and authorization on a live server.

Requests per second, in one run against one server, for ``{ __typename }`` unauthenticated and for
``{ currentMembership { permissions } }`` with a token. Target: the authenticated rate is at least 50 %
of the unauthenticated one. Measured twice: as configured (repeat callers served from the identity
cache) and with the cache off (one SQL statement per request for the actor), to show both costs.

    .venv/bin/python -m scripts.bench_auth [--seconds 10] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import json

from scripts.loadgen import Result, graphql_request, run
from scripts.server import login, running_server


def measure(seconds: float, concurrency: int, env: dict[str, str]) -> tuple[Result, Result]:
    with running_server(env) as port:
        token = login(port, "manager@demo.billgraph.dev")
        anonymous = graphql_request("127.0.0.1", port, {"query": "{ __typename }"})
        authenticated = graphql_request(
            "127.0.0.1",
            port,
            {"query": "{ currentMembership { permissions } }"},
            {"Authorization": f"Bearer {token}"},
        )

        def typename_ok(body: bytes) -> bool:
            return bool(json.loads(body) == {"data": {"__typename": "Query"}})

        def permissions_ok(body: bytes) -> bool:
            return "subscriptions:create" in json.loads(body)["data"]["currentMembership"]["permissions"]

        async def both() -> tuple[Result, Result]:
            # warm up (caches, connections), then measure each in turn against the same server
            await run("warm-up", "127.0.0.1", port, authenticated, concurrency=concurrency, seconds=2)
            plain = await run(
                "{ __typename } (anonymous)",
                "127.0.0.1",
                port,
                anonymous,
                concurrency=concurrency,
                seconds=seconds,
                ok=typename_ok,
            )
            guarded = await run(
                "{ currentMembership { permissions } } (token)",
                "127.0.0.1",
                port,
                authenticated,
                concurrency=concurrency,
                seconds=seconds,
                ok=permissions_ok,
            )
            return plain, guarded

        return asyncio.run(both())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    for label, env in (
        ("identity cache on (default)", {}),
        ("identity cache off", {"BILLGRAPH_AUTH_CACHE_SECONDS": "0"}),
    ):
        plain, guarded = measure(args.seconds, args.concurrency, env)
        print(f"-- {label}")
        print(plain.line())
        print(guarded.line())
        print(f"authenticated / unauthenticated: {guarded.rate / plain.rate:.0%} (target >= 50%)")


if __name__ == "__main__":
    main()
