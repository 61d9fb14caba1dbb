"""Every root operation of the schema as a callable document with placeholder arguments.

Generated from the schema itself, so that tests covering "every operation" cover new ones automatically.
Placeholders are well-typed but point at nothing (random IDs, short strings), so an allowed call ends in
NOT_FOUND or VALIDATION_ERROR while a denied one ends in FORBIDDEN before anything runs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
    is_leaf_type,
)
from graphql.pyutils import Undefined

from app.graphql.schema import schema

_SCALARS: dict[str, Any] = {
    "ID": lambda: str(uuid.uuid4()),
    "String": lambda: "placeholder",
    "Int": lambda: 1,
    "BigInt": lambda: 100,
    "Float": lambda: 1.0,
    "Boolean": lambda: False,
    "DateTime": lambda: "2099-01-01T00:00:00+00:00",
    "Date": lambda: "2099-01-01",
    "Decimal": lambda: "1",
    "JSON": lambda: {},
}


def placeholder(graphql_type: GraphQLInputType) -> Any:
    if isinstance(graphql_type, GraphQLNonNull):
        return placeholder(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return [placeholder(graphql_type.of_type)]
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLScalarType):
        return _SCALARS[graphql_type.name]()
    assert isinstance(graphql_type, GraphQLInputObjectType)
    return {
        name: placeholder(field.type)
        for name, field in graphql_type.fields.items()
        if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
    }


@dataclass(frozen=True)
class Operation:
    root: str  # "query" or "mutation"
    name: str
    document: str
    variables: dict[str, Any]


def operations() -> list[Operation]:
    found = []
    roots = (("query", schema._schema.query_type), ("mutation", schema._schema.mutation_type))
    for root, graphql_type in roots:
        assert isinstance(graphql_type, GraphQLObjectType)
        for name, field in graphql_type.fields.items():
            declared = [f"${arg}: {arg_def.type}" for arg, arg_def in field.args.items()]
            passed = [f"{arg}: ${arg}" for arg in field.args]
            selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
            header = f"({', '.join(declared)})" if declared else ""
            call = f"({', '.join(passed)})" if passed else ""
            document = f"{root} Op{header} {{ {name}{call}{selection} }}"
            variables = {
                arg: placeholder(arg_def.type)
                for arg, arg_def in field.args.items()
                if isinstance(arg_def.type, GraphQLNonNull)
            }
            found.append(Operation(root, name, document, variables))
    return found


AUTHENTICATION_REQUIRED = "Authentication required"


def denied(response: Any, operation: Operation) -> bool:
    """Whether authorization stopped ``operation`` (FORBIDDEN, or UNAUTHENTICATED for want of any
    credentials), as opposed to anything the operation itself answered (NOT_FOUND, VALIDATION_ERROR, or
    the UNAUTHENTICATED of a wrong password)."""
    return any(
        error.get("path") == [operation.name]
        and (
            error["extensions"]["code"] == "FORBIDDEN"
            or (
                error["extensions"]["code"] == "UNAUTHENTICATED"
                and error["message"] == AUTHENTICATION_REQUIRED
            )
        )
        for error in response.errors
    )
