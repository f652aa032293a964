"""YAML from users without its hostile corners (aliases, deep nesting); strings written back.

An alias (``*a``) makes PyYAML share a node instead of copying it, so nine anchors
that each list the previous one nine times ("billion laughs") load in a blink and
then expand to 10⁹ values in whatever walks them (a fingerprint, the names scan):
minutes and gigabytes. Frontmatter and the glossary have no use for aliases, so
:class:`NoAliasLoader` refuses them with the alias's line. Nesting is limited to
:data:`MAX_DEPTH` levels (:func:`nesting_problem`): the loaders and every walk of
the value are recursive, and 999 levels end in ``RecursionError``.

Strings written into YAML files by Sastra go through :func:`flow_string` (glossary
entries) or :func:`block_string` (the ``l10n`` block): each writes a string plain when
YAML reads it back unchanged, quoted otherwise. They differ only in the quotes (JSON's
double quotes, PyYAML's single quotes), which files written by earlier versions carry.
"""

from __future__ import annotations

import json

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import Node

__all__ = [
    "MAX_DEPTH",
    "NoAliasLoader",
    "block_string",
    "compose",
    "flow_string",
    "nesting_problem",
]

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


def flow_string(text: str) -> str:
    """``text`` plain when YAML reads it back unchanged (in a flow list too), else in
    JSON's double quotes (the glossary's style)."""
    try:
        if yaml.safe_load(f"[{text}]") == [text] and yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def block_string(value: str) -> str:
    """``value`` as PyYAML writes a block mapping's value: plain, or single-quoted when it
    would read back as something else (``'no'``, ``'0123'``)."""
    dumped: str = yaml.safe_dump(value, allow_unicode=True, default_style=None).strip()
    return dumped.removesuffix("\n...").removesuffix("...").strip()
