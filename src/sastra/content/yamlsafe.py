"""YAML from users without its hostile corners: aliases and deep nesting.

An alias (``*a``) makes PyYAML share a node instead of copying it, so nine anchors
that each list the previous one nine times ("billion laughs") load in a blink and
then expand to 10⁹ values in whatever walks them (a fingerprint, the names scan):
minutes and gigabytes. Frontmatter and the glossary have no use for aliases, so
:class:`NoAliasLoader` refuses them with the alias's line. Nesting is limited to
:data:`MAX_DEPTH` levels (:func:`nesting_problem`): the loaders and every walk of
the value are recursive, and 999 levels end in ``RecursionError``.
"""

from __future__ import annotations

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import Node

__all__ = ["MAX_DEPTH", "NoAliasLoader", "compose", "nesting_problem"]

MAX_DEPTH = 50
"""Levels of nesting (indented blocks plus brackets) a YAML text may have."""
ALIAS_MESSAGE = "aliases (*name) are not allowed here; write the value out"


class NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader that raises a :class:`ComposerError` at the first alias."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise ComposerError(None, None, ALIAS_MESSAGE, event.start_mark)
        node: Node | None = super().compose_node(parent, index)
        return node


def compose(text: str) -> Node | None:
    """``yaml.compose`` without aliases and too deep nesting (both a :class:`yaml.YAMLError`
    with the line)."""
    problem = nesting_problem(text)
    if problem is not None:
        line, message = problem
        mark = yaml.Mark("<yaml>", 0, line, 0, None, None)  # type: ignore[arg-type]
        raise ComposerError(None, None, message, mark)
    node: Node | None = yaml.compose(text, Loader=NoAliasLoader)
    return node


def nesting_problem(text: str) -> tuple[int, str] | None:
    """``(0-based line, message)`` where ``text`` nests deeper than :data:`MAX_DEPTH`
    levels, else ``None``. Cheap for the short texts frontmatter is: a text with fewer
    lines and brackets than the limit cannot be too deep."""
    if text.count("\n") < MAX_DEPTH and text.count("[") + text.count("{") < MAX_DEPTH:
        return None
    indents: list[int] = []
    flow = 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" -")
        if stripped and not stripped.startswith("#") and flow == 0:
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
        deepest = flow
        for char in stripped:
            if char in "[{":
                flow += 1
                deepest = max(deepest, flow)
            elif char in "]}":
                flow = max(0, flow - 1)
        if len(indents) + deepest > MAX_DEPTH:
            return number, f"nested more than {MAX_DEPTH} levels deep"
    return None
