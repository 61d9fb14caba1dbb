"""Schema-level input errors in the contract: ``VALIDATION_ERROR`` naming each offending input in
``extensions.fields``, as the services' own validation does.

graphql-core checks inline literals during validation and variables before execution, and says where a
problem is only inside its message. Here the same checks run with the path kept, and each problem is
named like the services name theirs: the argument, or within the ``input`` argument the field itself
(``currency``, ``charges.0.chargeModel``); a variable is named where the operation uses it. Lists given
as input hold at most ``MAX_LIST_ITEMS`` items, so that no filter reaches the database with more
parameters than it takes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    ListValueNode,
    Node,
    ObjectValueNode,
    OperationDefinitionNode,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    get_nullable_type,
    is_input_object_type,
    is_input_type,
    is_list_type,
    is_non_null_type,
    specified_rules,
    type_from_ast,
)
from graphql.language import SKIP, VisitorAction
from graphql.pyutils import Undefined
from graphql.type.definition import is_required_argument
from graphql.utilities import coerce_input_value, validate_input_literal, validate_input_value
from graphql.validation import (
    ASTValidationRule,
    ProvidedRequiredArgumentsRule,
    ValuesOfCorrectTypeRule,
)

MAX_LIST_ITEMS = 1000
"""Most items of any list given as input (the largest list a service takes is an event batch of 1000)."""

Path = Sequence[str | int]

_REQUIRED_FIELD = re.compile(r"to include required field '(\w+)'")
_UNKNOWN_FIELD = re.compile(r"not to include unknown field '(\w+)'")


def field_name(path: Path) -> str:
    """An input path as the services name it: ``input.charges.0.chargeModel`` is ``charges.0.chargeModel``."""
    parts = [str(part) for part in path]
    if len(parts) > 1 and parts[0] == "input":
        parts = parts[1:]
    return ".".join(parts)


def invalid(path: Path, problem: str, nodes: Node | Sequence[Node] | None = None) -> GraphQLError:
    name = field_name(path)
    return GraphQLError(
        f"Invalid input: {name}: {problem}",
        nodes,
        extensions={"code": "VALIDATION_ERROR", "fields": {name: problem}},
    )


def _problem(error: GraphQLError, path: list[str | int]) -> tuple[list[str | int], str]:
    """Where graphql-core's problem is, and what it is in the services' words where they have some."""
    message = error.message
    if found := _REQUIRED_FIELD.search(message):
        return [*path, found.group(1)], "is required"
    if found := _UNKNOWN_FIELD.search(message):
        return [*path, found.group(1)], "is not a field of this input"
    if "non-null type" in message and ("not to be None" in message or "to be provided" in message):
        return path, "is required" if "to be provided" in message else "must not be null"
    return path, message


def _long_lists(node: ValueNode, type_: Any, path: list[str | int]) -> Iterator[list[str | int]]:
    """Paths of the list literals over ``MAX_LIST_ITEMS`` in ``node`` of input type ``type_``."""
    type_ = get_nullable_type(type_)
    if is_list_type(type_) and isinstance(node, ListValueNode):
        if len(node.values) > MAX_LIST_ITEMS:
            yield path
            return
        for index, item in enumerate(node.values):
            yield from _long_lists(item, type_.of_type, [*path, index])
    elif is_input_object_type(type_) and isinstance(node, ObjectValueNode):
        for field in node.fields:
            name = field.name.value
            if name in type_.fields:
                yield from _long_lists(field.value, type_.fields[name].type, [*path, name])


_TOO_MANY = f"holds at most {MAX_LIST_ITEMS} items"


class LiteralValuesRule(ValuesOfCorrectTypeRule):
    """``ValuesOfCorrectTypeRule`` with each problem named by its input path, and long lists refused."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.at: list[str | int] = []

    def enter_argument(self, node: ArgumentNode, *_args: Any) -> None:
        self.at = [node.name.value]

    def enter_variable_definition(self, node: VariableDefinitionNode, *_args: Any) -> None:
        self.at = [node.variable.name.value]

    def is_valid_value_node(self, node: ValueNode, input_type: Any) -> VisitorAction:
        if not input_type:
            return SKIP
        base = list(self.at)
        long_lists = list(_long_lists(node, input_type, base))
        for path in long_lists:
            self.report_error(invalid(path, _TOO_MANY, node))
        if long_lists:
            return SKIP

        def on_error(error: GraphQLError, path: list[str | int]) -> None:
            where, problem = _problem(error, [*base, *path])
            self.report_error(invalid(where, problem, error.nodes or node))

        validate_input_literal(node, input_type, on_error, None, None, self.context.hide_suggestions)
        return SKIP


class RequiredArgumentsRule(ProvidedRequiredArgumentsRule):
    """``ProvidedRequiredArgumentsRule`` with each missing argument named."""

    def leave_field(self, field_node: FieldNode, *_args: Any) -> VisitorAction:
        field_def = self.context.get_field_def()
        if not field_def or not field_def.args:
            return SKIP
        given = {argument.name.value for argument in field_node.arguments or ()}
        for name, argument in field_def.args.items():
            if name not in given and is_required_argument(argument):
                self.report_error(invalid([name], "is required", field_node))
        return None


RULES: tuple[type[ASTValidationRule], ...] = tuple(
    LiteralValuesRule
    if rule is ValuesOfCorrectTypeRule
    else RequiredArgumentsRule
    if rule is ProvidedRequiredArgumentsRule
    else rule
    for rule in specified_rules
)
"""graphql-core's validation rules, those that check input values naming what they check."""


def _variable_usages(node: Any, path: list[str | int], found: dict[str, list[str | int]]) -> None:
    if isinstance(node, VariableNode):
        found.setdefault(node.name.value, path)
    elif isinstance(node, ListValueNode):
        for index, item in enumerate(node.values):
            _variable_usages(item, [*path, index], found)
    elif isinstance(node, ObjectValueNode):
        for field in node.fields:
            _variable_usages(field.value, [*path, field.name.value], found)


def variable_usages(document: DocumentNode, operation: OperationDefinitionNode) -> dict[str, list[str | int]]:
    """Where each variable is first used: the argument, then the fields within it."""
    found: dict[str, list[str | int]] = {}
    pending: list[Any] = [operation]
    pending += [d for d in document.definitions if isinstance(d, FragmentDefinitionNode)]
    while pending:
        node = pending.pop(0)
        if isinstance(node, FieldNode | DirectiveNode):
            for argument in node.arguments or ():
                _variable_usages(argument.value, [argument.name.value], found)
        for key in ("directives", "selection_set", "selections"):
            child = getattr(node, key, None)
            if isinstance(child, tuple | list):
                pending[0:0] = list(child)
            elif child is not None:
                pending.insert(0, child)
    return found


def _long_variable_lists(value: Any, type_: Any, path: list[str | int]) -> Iterator[list[str | int]]:
    """Paths of the lists over ``MAX_LIST_ITEMS`` in a variable's ``value`` of input type ``type_``."""
    stack: list[tuple[Any, Any, list[str | int]]] = [(value, type_, path)]
    while stack:
        item, item_type, at = stack.pop()
        item_type = get_nullable_type(item_type)
        if is_list_type(item_type) and isinstance(item, list):
            if len(item) > MAX_LIST_ITEMS:
                yield at
                continue
            stack.extend((child, item_type.of_type, [*at, index]) for index, child in enumerate(item))
        elif is_input_object_type(item_type) and isinstance(item, dict):
            fields = item_type.fields
            stack.extend((item[key], fields[key].type, [*at, key]) for key in item if key in fields)


def _coercion_problems(
    value: Any, type_: Any, hide_suggestions: bool
) -> list[tuple[GraphQLError, list[str | int]]]:
    found: list[tuple[GraphQLError, list[str | int]]] = []

    def collect(error: GraphQLError, path: list[str | int]) -> None:
        found.append((error, path))

    validate_input_value(value, type_, collect, hide_suggestions)
    return found


def variable_errors(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any] | None,
    *,
    coerce: bool,
    hide_suggestions: bool = False,
) -> list[GraphQLError]:
    """The problems of the variables given to ``operation``, each named where the operation uses it:
    lists over ``MAX_LIST_ITEMS`` always, and with ``coerce`` the values that do not fit their type."""
    given = variables or {}
    usages: dict[str, list[str | int]] | None = None
    errors: list[GraphQLError] = []
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        var_type = type_from_ast(schema, definition.type)
        if var_type is None or not is_input_type(var_type):
            continue  # validation reports it
        if usages is None:
            usages = variable_usages(document, operation)
        base = usages.get(name, [name])
        value = given.get(name, Undefined)
        if value is Undefined:
            if coerce and is_non_null_type(var_type) and definition.default_value is None:
                errors.append(invalid(base, "is required", definition))
            continue
        long_lists = list(_long_variable_lists(value, var_type, list(base)))
        errors += [invalid(path, _TOO_MANY, definition) for path in long_lists]
        if long_lists or not coerce or coerce_input_value(value, var_type) is not Undefined:
            continue

        for error, at in _coercion_problems(value, var_type, hide_suggestions):
            where, problem = _problem(error, [*base, *at])
            errors.append(invalid(where, problem, definition))
    return errors


def input_error(error: GraphQLError) -> GraphQLError:
    """A validation error as the contract has it: whatever failed while checking the document is the
    caller's input (``VALIDATION_ERROR`` unless coded already), never a server failure."""
    if error.original_error is None or isinstance(error.original_error, GraphQLError):
        return error
    return GraphQLError(error.message, error.nodes, extensions=error.extensions or None)
