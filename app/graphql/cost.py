"""Query cost: what executing a document may take, known before anything runs.

Every field resolved costs 1 for each time it is resolved. A list multiplies what is under it by the
most items it can hold: a page (``limit``) or a paginated list (``limit``/``offset``) by its ``limit``
(the argument, a variable, or the default page size), any other list by its declared bound
(``app.graphql.bounds``: a rule that caps it, such as a plan's charges). A ``limit`` outside 1 to the
largest page size, a negative ``offset`` or a ``page`` below 1 is the caller's input error, named before
anything runs, so no field ever costs less than zero. ``__typename`` is free.

Introspection (where it is enabled) is costed on its own: its lists are bounded by the schema itself (its
types, the most fields of a type, ...), and its budget is what GraphiQL's full introspection query costs,
twice, so that tools load the schema and thirty aliased copies of it do not.
Cost is linear in the multiplier, so each fragment is costed once per pending page size and reused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    get_named_type,
    parse,
)
from graphql.utilities import get_introspection_query

from app.core.pagination import PageRequest, Window
from app.graphql.bounds import bound_of
from app.graphql.limits import INTROSPECTION_ROOTS

# What GraphiQL (and most tools) send to load a schema: the deepest standard introspection query.
TOOLS_INTROSPECTION_QUERY = get_introspection_query(
    descriptions=True,
    specified_by_url=True,
    directive_is_repeatable=True,
    schema_description=True,
    input_value_deprecation=True,
    one_of=True,
)


@dataclass(frozen=True)
class Cost:
    fields: int  # the operation's own fields
    introspection: int  # its introspection, costed apart


def _is_list(graphql_type: Any) -> bool:
    if isinstance(graphql_type, GraphQLNonNull):
        graphql_type = graphql_type.of_type
    return isinstance(graphql_type, GraphQLList)


def _literal(value: ValueNode, operation: OperationDefinitionNode, variables: Mapping[str, Any]) -> Any:
    """A scalar argument's value as sent (a literal, a variable or the variable's default), else None."""
    if isinstance(value, VariableNode):
        name = value.name.value
        if name in variables:
            return variables[name]
        for definition in operation.variable_definitions or ():
            if definition.variable.name.value == name and definition.default_value is not None:
                return _literal(definition.default_value, operation, variables)
        return None
    if isinstance(value, IntValueNode):
        return int(value.value)
    if isinstance(value, StringValueNode | EnumValueNode):
        return value.value
    if isinstance(value, BooleanValueNode):
        return value.value
    if isinstance(value, NullValueNode):
        return None
    return None


def _arguments(
    field: FieldNode, operation: OperationDefinitionNode, variables: Mapping[str, Any]
) -> dict[str, Any]:
    return {a.name.value: _literal(a.value, operation, variables) for a in field.arguments or ()}


def _whole(value: Any) -> int | None:
    """An integer argument as given (a variable's ``100.0`` is one: GraphQL's ``Int`` takes it as 100);
    anything else (absent, null, a value argument coercion will refuse) counts as not given."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _page_size(arguments: Mapping[str, Any], max_page_size: int, *, paged: bool) -> int:
    """The ``limit`` a paginated field will use, by the same rules its resolver applies
    (``PageRequest`` for a page, ``Window`` for a list), so an impossible one is refused here, before
    execution."""
    limit = _whole(arguments.get("limit"))
    if paged:
        return PageRequest.of(_whole(arguments.get("page")), limit, max_page_size).limit
    return Window.of(limit, _whole(arguments.get("offset")), max_page_size).limit


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    max_page_size: int,
) -> Cost:
    """The operation's cost; raises ``ValidationFailed`` for a page size it cannot have."""
    variables = variables or {}
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    introspection_sizes = _introspection_sizes(schema)
    memo: dict[tuple[str, str, int | None], int] = {}

    def list_size(
        parent: GraphQLObjectType | GraphQLInterfaceType, name: str, field: FieldNode, page: int | None
    ) -> int:
        if page is not None:  # a page's collection
            return page
        if parent.name.startswith("__"):
            return introspection_sizes.get(f"{parent.name}.{name}", 1)
        bound = bound_of(parent.name, name)
        if bound is None:  # undeclared (the schema test refuses it): as long as a page can be
            return max_page_size
        return bound(_arguments(field, operation, variables))

    def cost(selection_set: SelectionSetNode | None, parent: Any, page: int | None, part: str) -> int:
        """What ``selection_set`` costs resolved once on ``parent``, counting only fields of ``part``
        (``"fields"`` or ``"introspection"``); ``page`` waits for the list it sizes."""
        if selection_set is None or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                name = selection.name.value
                if name == "__typename":
                    continue
                if name in INTROSPECTION_ROOTS:
                    if part == "introspection":
                        target = schema.get_type("__Schema" if name == "__schema" else "__Type")
                        total += 1 + cost(selection.selection_set, target, None, part)
                    continue
                if (part == "introspection") != parent.name.startswith("__") or name not in parent.fields:
                    continue  # each part counts its own fields only
                definition = parent.fields[name]
                total += 1
                if selection.selection_set is None:
                    continue
                child = get_named_type(definition.type)
                if "limit" in definition.args:
                    arguments = _arguments(selection, operation, variables)
                    if _is_list(definition.type):  # a paginated list (default: a full page)
                        size = _page_size(arguments, max_page_size, paged=False)
                        total += size * cost(selection.selection_set, child, None, part)
                    else:  # a page: its collection list takes the page size
                        size = _page_size(arguments, max_page_size, paged=True)
                        total += cost(selection.selection_set, child, size, part)
                elif _is_list(definition.type):
                    size = list_size(parent, name, selection, page)
                    total += size * cost(selection.selection_set, child, None, part)
                else:
                    total += cost(selection.selection_set, child, None, part)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = schema.get_type(condition.name.value) if condition else parent
                total += cost(selection.selection_set, target, page, part)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                if fragment is None:
                    continue
                key = (fragment.name.value, part, page)
                if key not in memo:
                    memo[key] = 0  # a cycle (validation refuses those) costs nothing more
                    target = schema.get_type(fragment.type_condition.name.value)
                    memo[key] = cost(fragment.selection_set, target, page, part)
                total += memo[key]
        return total

    root = schema.mutation_type if operation.operation.value == "mutation" else schema.query_type
    return Cost(
        fields=cost(operation.selection_set, root, None, "fields"),
        introspection=cost(operation.selection_set, root, None, "introspection"),
    )


_SIZES: dict[int, dict[str, int]] = {}


def _introspection_sizes(schema: GraphQLSchema) -> dict[str, int]:
    """The longest each introspection list is in this schema (its types, the most fields of one...)."""
    found = _SIZES.get(id(schema))
    if found is not None:
        return found
    types = list(schema.type_map.values())

    def most(values: list[int]) -> int:
        return max(values, default=0)

    fields = most([len(t.fields) for t in types if isinstance(t, GraphQLObjectType | GraphQLInterfaceType)])
    input_fields = most([len(t.fields) for t in types if isinstance(t, GraphQLInputObjectType)])
    arguments = most(
        [
            len(f.args)
            for t in types
            if isinstance(t, GraphQLObjectType | GraphQLInterfaceType)
            for f in t.fields.values()
        ]
        + [len(d.args) for d in schema.directives]
    )
    interfaces = most([len(t.interfaces) for t in types if isinstance(t, GraphQLObjectType)])
    possible = most(
        [
            len(schema.get_possible_types(t))
            for t in types
            if isinstance(t, GraphQLUnionType | GraphQLInterfaceType)
        ]
    )
    enum_values = most([len(t.values) for t in types if isinstance(t, GraphQLEnumType)])
    sizes = {
        "__Schema.types": len(types),
        "__Schema.directives": len(schema.directives),
        "__Type.fields": fields,
        "__Type.inputFields": input_fields,
        "__Type.interfaces": interfaces,
        "__Type.possibleTypes": possible,
        "__Type.enumValues": enum_values,
        "__Field.args": arguments,
        "__Directive.args": arguments,
        "__Directive.locations": 20,  # the spec's directive locations
    }
    _SIZES[id(schema)] = sizes
    return sizes


def introspection_allowance(schema: GraphQLSchema) -> int:
    """The introspection budget of one operation: GraphiQL's full introspection query, twice."""
    document = parse(TOOLS_INTROSPECTION_QUERY)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return 2 * query_cost(schema, document, operation, None, 1).introspection
