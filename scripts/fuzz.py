"""Fuzz the live graph with schemathesis (GraphQL mode), positive and negative: every query and
mutation of the schema, called with generated arguments and selections, as the demo admin (an identity
that may do everything; denials are tested separately). Then malformed inline literals, as typed in
GraphiQL: every argument and input field of a custom scalar or enum type, anywhere in the arguments,
given each malformed literal of its kind while everything else is valid. Fails on any HTTP 5xx or
INTERNAL_ERROR.

    .venv/bin/python -m scripts.fuzz [--examples 16] [--seed 0] [--literals N]

Prints the operations sent per mode, the HTTP statuses and error codes seen, and each failure with its
document. With DATABASE_URL set the server uses that database; otherwise a scratch embedded one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterator
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


# Malformed inline literals per kind of leaf: what a person types wrongly into GraphiQL
_BAD_SCALAR = [
    '"abc"',
    '""',
    '" 12 "',
    '"+5"',
    '"1_000"',
    '"\u0661\u0662\u0663"',
    "9223372036854775808",
    "-99999999999999999999999999",
    "1.5",
    "true",
    "NOT_AN_ENUM",
    "[1, 2]",
    "{a: 1}",
    '"yesterday"',
    '"2026-02-30"',
    '"0001-01-01T00:00:00+01:00"',
    "{a: " * 40 + "1" + "}" * 40,
]
_BAD_ENUM = ["NOT_AN_ENUM", '"ACTIVE"', "1", "true", "[NOT_AN_ENUM]", "{a: 1}", "null"]
_VALID = {
    "String": '"x"',
    "Int": "1",
    "Float": "1.5",
    "Boolean": "true",
    "ID": '"00000000-0000-4000-8000-000000000000"',
    "BigInt": "1",
    "DateTime": '"2026-01-01T00:00:00Z"',
    "Date": '"2026-01-01"',
    "JSON": "{}",
}
_BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}


def _valid(type_: Any) -> str:
    """A valid literal of an input type: its required fields only, the first value of an enum."""
    named = graphql.get_named_type(type_)
    if isinstance(named, graphql.GraphQLEnumType):
        value = next(iter(named.values))
    elif isinstance(named, graphql.GraphQLInputObjectType):
        required = [(n, f) for n, f in named.fields.items() if graphql.is_required_input_field(f)]
        value = "{" + ", ".join(f"{n}: {_valid(f.type)}" for n, f in required) + "}"
    else:
        value = _VALID.get(named.name, '"x"')
    return value


def _with(type_: Any, path: tuple[str, ...], literal: str) -> str:
    """A valid literal of ``type_`` except at ``path`` (input fields), which holds ``literal``."""
    if not path:
        return literal
    named = graphql.get_named_type(type_)
    assert isinstance(named, graphql.GraphQLInputObjectType)
    parts = []
    for name, field_ in named.fields.items():
        if name == path[0]:
            parts.append(f"{name}: {_with(field_.type, path[1:], literal)}")
        elif graphql.is_required_input_field(field_):
            parts.append(f"{name}: {_valid(field_.type)}")
    inner = "{" + ", ".join(parts) + "}"
    return f"[{inner}]" if graphql.is_list_type(graphql.get_nullable_type(type_)) else inner


def _leaves(type_: Any, path: tuple[str, ...], seen: frozenset[str]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Each path to a custom scalar or enum inside an input type (each input object once per path)."""
    named = graphql.get_named_type(type_)
    if isinstance(named, graphql.GraphQLEnumType) or (
        isinstance(named, graphql.GraphQLScalarType) and named.name not in _BUILT_IN
    ):
        yield path, named
    elif isinstance(named, graphql.GraphQLInputObjectType) and named.name not in seen:
        for name, field_ in named.fields.items():
            yield from _leaves(field_.type, (*path, name), seen | {named.name})


def literal_documents(per_leaf: int | None = None) -> Iterator[str]:
    """Documents with one malformed inline literal each, for every custom-scalar or enum argument and
    input field of every root field (the other required arguments valid)."""
    schema = graphql.build_schema(sdl())
    roots = [("query", schema.query_type), ("mutation", schema.mutation_type)]
    for kind, root in roots:
        assert root is not None
        for field_name, field_ in root.fields.items():
            selection = (
                " { __typename }" if not graphql.is_leaf_type(graphql.get_named_type(field_.type)) else ""
            )
            for arg_name, arg in field_.args.items():
                for path, leaf in _leaves(arg.type, (), frozenset()):
                    bad = _BAD_ENUM if isinstance(leaf, graphql.GraphQLEnumType) else _BAD_SCALAR
                    for literal in bad[:per_leaf]:
                        arguments = [
                            f"{name}: {_with(a.type, path, literal) if name == arg_name else _valid(a.type)}"
                            for name, a in field_.args.items()
                            if name == arg_name or graphql.is_required_argument(a)
                        ]
                        yield f"{kind} {{ {field_name}({', '.join(arguments)}){selection} }}"


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


def fuzz(
    base_url: str, token: str, examples: int, seed_value: int = 0, literals: int | None = None
) -> Report:
    """``literals``: how many malformed literals of each kind every leaf gets (all when None)."""
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
        for document in literal_documents(literals):
            send(_Literal(document), "literals")
    return report


@dataclass(frozen=True)
class _Literal:
    body: str


def main() -> None:
    from scripts.server import login, server_process

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=16, help="per operation and mode")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--literals", type=int, default=None, help="malformed literals per leaf (default all)"
    )
    args = parser.parse_args()
    with server_process() as (port, _):
        token = login(port, "admin@demo.billgraph.dev")
        report = fuzz(f"http://127.0.0.1:{port}", token, args.examples, args.seed, args.literals)
    print("\n".join(report.lines()))
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
