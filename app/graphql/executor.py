"""Parse, validate, limit and execute GraphQL documents, with a bounded cache of prepared documents.

This runs graphql-core directly on Strawberry's schema (Strawberry's resolvers, permissions and types are
unchanged) so that parsing and validation happen once per distinct document, the limits answer
``QUERY_REJECTED`` before anything runs, and no per-request extension machinery sits on the hot path.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLSyntaxError,
    NoSchemaIntrospectionCustomRule,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    Visitor,
    execute,
    parse,
    validate,
    visit,
)
from strawberry.execution.is_awaitable import optimized_is_awaitable

from app.core.errors import ValidationFailed
from app.graphql.cost import introspection_allowance, query_cost
from app.graphql.input_errors import RULES, input_error, variable_errors
from app.graphql.limits import measure
from app.graphql.slicing import SlicedExecutionContext
from app.settings import Settings

_CACHE_SIZE = 512
_CACHEABLE_LENGTH = 20_000


class _NulFinder(Visitor):
    found = False

    def enter_string_value(self, node: StringValueNode, *_: object) -> None:
        if "\x00" in node.value:
            self.found = True


def _has_nul_literal(document: DocumentNode) -> bool:
    finder = _NulFinder()
    visit(document, finder)
    return finder.found


def rejected(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": "QUERY_REJECTED"})


@dataclass(frozen=True)
class Prepared:
    document: DocumentNode | None
    errors: tuple[GraphQLError, ...]

    def operation(self, name: str | None) -> OperationDefinitionNode | None:
        assert self.document is not None
        operations = [d for d in self.document.definitions if isinstance(d, OperationDefinitionNode)]
        if name is None:
            return operations[0] if len(operations) == 1 else None
        return next((op for op in operations if op.name and op.name.value == name), None)


def label(prepared: Prepared, operation_name: str | None) -> str:
    """What an operation does, for logs and metrics: its type and root fields, such as
    ``query customers+plans`` (the client's operation name is free text, so it is not used)."""
    operation = prepared.operation(operation_name) if prepared.document is not None else None
    if operation is None:
        return "invalid"
    fields = sorted({s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode)})
    shown = "+".join(fields[:3]) + ("+..." if len(fields) > 3 else "")
    return f"{operation.operation.value} {shown}"


class Executor:
    def __init__(self, schema: strawberry.Schema, settings: Settings) -> None:
        self.schema = schema._schema
        self.settings = settings
        self.hide_suggestions = not settings.introspection
        self._cache: OrderedDict[str, Prepared] = OrderedDict()
        self.introspection_allowance = introspection_allowance(self.schema)

    def prepare(self, query: str) -> Prepared:
        prepared = self._cache.get(query)
        if prepared is not None:
            self._cache.move_to_end(query)
            return prepared
        prepared = self._prepare(query)
        if len(query) <= _CACHEABLE_LENGTH:
            self._cache[query] = prepared
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return prepared

    def _prepare(self, query: str) -> Prepared:
        limits = self.settings
        try:
            document = parse(query, max_tokens=limits.max_tokens)
        except GraphQLSyntaxError as error:
            if "tokens" in error.message and "more than" in error.message:
                return Prepared(None, (rejected(f"Document has more than {limits.max_tokens} tokens"),))
            return Prepared(None, (error,))
        errors = validate(self.schema, document, RULES, hide_suggestions=self.hide_suggestions)
        if errors:
            return Prepared(None, tuple(input_error(error) for error in errors))
        if _has_nul_literal(document):  # PostgreSQL text cannot hold NUL: refuse it at the door
            return Prepared(None, (GraphQLError("Strings must not contain NUL characters"),))
        if not limits.introspection and validate(self.schema, document, [NoSchemaIntrospectionCustomRule]):
            return Prepared(None, (rejected("Introspection is disabled"),))
        shape = measure(document)
        if shape.depth > limits.max_query_depth:
            return Prepared(None, (rejected(f"Query depth {shape.depth} exceeds {limits.max_query_depth}"),))
        if shape.aliases > limits.max_aliases:
            return Prepared(None, (rejected(f"{shape.aliases} aliases exceed {limits.max_aliases}"),))
        return Prepared(document, ())

    async def execute(
        self,
        prepared: Prepared,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        context: Any,
    ) -> ExecutionResult:
        assert prepared.document is not None
        operation = prepared.operation(operation_name)
        if operation is not None:  # lists past the bound never reach a resolver
            too_long = variable_errors(self.schema, prepared.document, operation, variables, coerce=False)
            if too_long:
                return ExecutionResult(None, too_long)
        result: Any = execute(
            self.schema,
            prepared.document,
            context_value=context,
            variable_values=variables,
            operation_name=operation_name,
            executor_class=SlicedExecutionContext,
            is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
            hide_suggestions=self.hide_suggestions,
        )
        if optimized_is_awaitable(result):
            result = await result
        assert isinstance(result, ExecutionResult)
        if (
            operation is not None
            and result.data is None
            and result.errors
            and not any(e.path for e in result.errors)
        ):
            # the variables did not fit their types (nothing ran): say which input, as validation does
            named = variable_errors(
                self.schema,
                prepared.document,
                operation,
                variables,
                coerce=True,
                hide_suggestions=self.hide_suggestions,
            )
            if named:
                return ExecutionResult(None, named)
        return result

    def check_cost(
        self, prepared: Prepared, variables: dict[str, Any] | None, operation_name: str | None
    ) -> GraphQLError | None:
        """``QUERY_REJECTED`` when the operation would cost more than allowed, ``VALIDATION_ERROR`` when
        a list's ``limit`` (or ``offset``, ``page``) is out of range, else None: before anything runs."""
        operation = prepared.operation(operation_name)
        if operation is None or prepared.document is None:
            return None  # execution reports the missing or ambiguous operation
        try:
            cost = query_cost(
                self.schema, prepared.document, operation, variables, self.settings.max_page_size
            )
        except ValidationFailed as error:
            return GraphQLError(error.message, original_error=error)
        if cost.fields > self.settings.max_query_cost:
            return rejected(f"Query cost {cost.fields} exceeds {self.settings.max_query_cost}")
        if cost.introspection > self.introspection_allowance:
            return rejected(f"Introspection cost {cost.introspection} exceeds {self.introspection_allowance}")
        return None

    @staticmethod
    def is_mutation(prepared: Prepared, operation_name: str | None) -> bool:
        operation = prepared.operation(operation_name)
        return operation is not None and operation.operation is OperationType.MUTATION
