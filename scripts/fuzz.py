"""Fuzz the live graph with schemathesis (GraphQL mode), positive and negative: every query and
mutation of the schema, called with generated arguments and selections, as the demo admin (an identity
that may do everything; denials are tested separately). Fails on any HTTP 5xx or INTERNAL_ERROR.

    .venv/bin/python -m scripts.fuzz [--examples 16] [--seed 0]

Prints the operations sent per mode, the HTTP statuses and error codes seen, and each failure with its
document. With DATABASE_URL set the server uses that database; otherwise a scratch embedded one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import graphql
import httpx
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.graphql import nodes

from app.graphql.schema import sdl

_KEYS = st.sampled_from(["clientId", "clientSecret", "dateFormat", "brandingTheme", "noTaxType", "x"])
_LEAF = st.one_of(
    st.text(max_size=20).map(nodes.String),
    st.integers(-(10**6), 10**6).map(nodes.Int),
    st.booleans().map(nodes.Boolean),
    st.just(nodes.Null),
)


def _object(pairs: list[tuple[str, Any]]) -> Any:
    return nodes.Object([graphql.ObjectFieldNode(name=graphql.NameNode(value=k), value=v) for k, v in pairs])


# JSON arguments (integration settings and credentials, event properties): leaves, or small objects
# whose keys are sometimes the ones the server knows
schemathesis.graphql.scalar(
    "JSON", st.one_of(_LEAF, st.lists(st.tuples(_KEYS, _LEAF), max_size=4).map(_object))
)


@dataclass
class Report:
    sent: Counter[str] = field(default_factory=Counter)  # by mode
    statuses: Counter[int] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.sent.values())

    def lines(self) -> list[str]:
        return [
            f"operations sent: {self.total} ({', '.join(f'{m} {n}' for m, n in sorted(self.sent.items()))})",
            f"HTTP statuses: {dict(sorted(self.statuses.items()))}",
            f"error codes: {dict(sorted(self.codes.items()))}",
            f"failures (5xx or INTERNAL_ERROR): {len(self.failures)}",
            *self.failures[:20],
        ]


def _examples_of(
    operation: Any, mode: GenerationMode, examples: int, seed_value: int, send: Callable[[Any, str], None]
) -> Callable[[], None]:
    """A hypothesis run of ``examples`` generated calls of ``operation``."""

    @seed(seed_value)
    @settings(max_examples=examples, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(mode))
    def call(case: Any) -> None:
        send(case, mode.value)

    return call  # type: ignore[no-any-return]


def fuzz(base_url: str, token: str, examples: int, seed_value: int = 0) -> Report:
    report = Report()
    graph = schemathesis.graphql.from_file(sdl())
    operations = [result.ok() for result in graph.get_all_operations()]
    with httpx.Client(base_url=base_url, timeout=30, headers={"authorization": f"Bearer {token}"}) as client:

        def send(case: Any, mode: str) -> None:
            reply = client.post("/graphql", json={"query": case.body})
            report.sent[mode] += 1
            report.statuses[reply.status_code] += 1
            body = reply.json()
            errors = body.get("errors") or [] if isinstance(body, dict) else []
            codes = [error.get("extensions", {}).get("code", "?") for error in errors]
            report.codes.update(codes)
            if reply.status_code >= 500 or "INTERNAL_ERROR" in codes:
                report.failures.append(f"{reply.status_code} {codes} {case.body!r}")

        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            for operation in operations:
                _examples_of(operation, mode, examples, seed_value, send)()
    return report


def main() -> None:
    from scripts.server import login, server_process

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=16, help="per operation and mode")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with server_process() as (port, _):
        token = login(port, "admin@demo.billgraph.dev")
        report = fuzz(f"http://127.0.0.1:{port}", token, args.examples, args.seed)
    print("\n".join(report.lines()))
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
