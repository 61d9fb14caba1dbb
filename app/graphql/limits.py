"""Document limits: tokens (while parsing), then selection depth and aliases (after validation).

Measured once per distinct document (the executor caches documents). Fragments are measured once each
and reused, so a document that nests fragments cannot make the measurement itself expensive, and an
alias inside a fragment spread ten times counts ten times, as it costs at execution.

Introspection (``__schema``, ``__type``) has no depth here: its standard query, as GraphiQL sends it, is
15 deep, and what it may cost is bounded on its own (``app.graphql.cost``). Only those fields are
exempt: the depth of every other field of the same document counts as always.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

INTROSPECTION_ROOTS = frozenset({"__schema", "__type"})


@dataclass(frozen=True)
class Shape:
    depth: int
    aliases: int


def measure(document: DocumentNode) -> Shape:
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    memo: dict[str, Shape] = {}

    def fragment_shape(name: str, visiting: frozenset[str]) -> Shape:
        if name in memo:
            return memo[name]
        fragment = fragments.get(name)
        if fragment is None or name in visiting:  # unknown or cyclic: validation reports it
            return Shape(0, 0)
        memo[name] = shape(fragment.selection_set, visiting | {name})
        return memo[name]

    def shape(selection_set: SelectionSetNode | None, visiting: frozenset[str]) -> Shape:
        if selection_set is None:
            return Shape(0, 0)
        depth = 0
        aliases = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                inner = shape(selection.selection_set, visiting)
                exempt = selection.name.value in INTROSPECTION_ROOTS
                depth = max(depth, 1 if exempt else 1 + inner.depth)
                aliases += inner.aliases + (selection.alias is not None)
            else:
                if isinstance(selection, InlineFragmentNode):
                    inner = shape(selection.selection_set, visiting)
                elif isinstance(selection, FragmentSpreadNode):
                    inner = fragment_shape(selection.name.value, visiting)
                else:  # pragma: no cover - graphql-core has no other selection kinds
                    continue
                depth = max(depth, inner.depth)
                aliases += inner.aliases
        return Shape(depth, aliases)

    depth = 0
    aliases = 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            operation = shape(definition.selection_set, frozenset())
            depth = max(depth, operation.depth)
            aliases += operation.aliases
    return Shape(depth=depth, aliases=aliases)
