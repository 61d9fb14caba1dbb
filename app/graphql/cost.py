"""Query cost: what executing a document may take, known before anything runs.

Every field resolved costs 1 for each time it is resolved. A paginated field multiplies what is under
its ``collection`` by its ``limit`` (the argument, a variable, or the default page size); any other list
multiplies what is under it by ``list_size`` (a nominal length: an invoice's fees, a customer's
invoices). ``__typename`` and introspection are free here (introspection is switched off in production).
Cost is linear in the multiplier, so each fragment is costed once per pending page size and reused.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)

from app.core.pagination import DEFAULT_LIMIT


def _is_list(graphql_type: Any) -> bool:
    if isinstance(graphql_type, GraphQLNonNull):
        graphql_type = graphql_type.of_type
    return isinstance(graphql_type, GraphQLList)


def _limit(field: FieldNode, operation: OperationDefinitionNode, variables: dict[str, Any]) -> int:
    for argument in field.arguments or ():
        if argument.name.value != "limit":
            continue
        value = argument.value
        if isinstance(value, IntValueNode):
            return int(value.value)
        if isinstance(value, VariableNode):
            name = value.name.value
            if isinstance(variables.get(name), int):
                return int(variables[name])
            for definition in operation.variable_definitions or ():
                if definition.variable.name.value == name and isinstance(
                    definition.default_value, IntValueNode
                ):
                    return int(definition.default_value.value)
    return DEFAULT_LIMIT


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: dict[str, Any] | None,
    list_size: int,
) -> int:
    variables = variables or {}
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    memo: dict[tuple[str, int | None], int] = {}

    def cost(selection_set: SelectionSetNode | None, parent: Any, page: int | None) -> int:
        """The cost of ``selection_set`` resolved once on ``parent``; ``page`` waits for the list it sizes."""
        if selection_set is None or not isinstance(parent, GraphQLObjectType):
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                name = selection.name.value
                if name.startswith("__") or name not in parent.fields:
                    continue
                definition = parent.fields[name]
                total += 1
                if selection.selection_set is None:
                    continue
                child = get_named_type(definition.type)
                if "limit" in definition.args:  # a page: its collection list takes the page size
                    total += cost(selection.selection_set, child, _limit(selection, operation, variables))
                elif _is_list(definition.type):
                    size = page if page is not None else list_size
                    total += size * cost(selection.selection_set, child, None)
                else:
                    total += cost(selection.selection_set, child, None)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = schema.get_type(condition.name.value) if condition else parent
                total += cost(selection.selection_set, target, page)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                if fragment is None:
                    continue
                key = (fragment.name.value, page)
                if key not in memo:
                    memo[key] = 0  # a cycle (validation refuses those) costs nothing more
                    target = schema.get_type(fragment.type_condition.name.value)
                    memo[key] = cost(fragment.selection_set, target, page)
                total += memo[key]
        return total

    root = schema.mutation_type if operation.operation.value == "mutation" else schema.query_type
    return cost(operation.selection_set, root, None)
