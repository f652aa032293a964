"""A fast path for the simple frontmatter most articles have; PyYAML for the rest.

Loading YAML with libyaml still builds every value in Python (PyYAML's constructor),
which over a cold ``i18n status`` of 20,000 files plus thousands of committed versions
adds up to a large share of the run (``bench.status``). Most frontmatter is a handful of
``key: value`` lines, so this reads exactly that subset:

- block mappings (nested by indentation), full-line comments and blank lines;
- block sequences of scalars (``- item``), ``[]``, ``{}`` and one-line flow lists of
  simple scalars (``[a, b]``);
- plain scalars that cannot be anything else: no quotes, no indicator character at
  the start, no ``: ``, `` #``, tab, or other character YAML treats specially.

The scalar's *type* is not decided here: PyYAML's own resolver and constructor turn
``2026-01-08`` into a date, ``yes`` into ``True``, ``010`` into 8, exactly as a full
load would. Anything outside the subset, and any value the constructor rejects,
returns ``None`` and the caller does the full load (which also reports errors with
their line). A property test checks that the two agree whenever this answers.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

# The value keeps its trailing spaces (stripped by the caller): a lazy ``(.*?) *$``
# would try the end of the line at every character.
_KEY_LINE = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$")
_ITEM_LINE = re.compile(r"( *)- +(.*)$")
# A plain scalar safe in block and flow context: no indicator first, nothing special inside.
_SAFE = re.compile(r"^[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^:#,\[\]{}\t\"]*[^:#,\[\]{}\s\"])?$")
_SAFE_BLOCK = re.compile(r"^[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^:#\[\]{}\t\"]*[^:#,\[\]{}\s\"])?$")
# Characters YAML rejects or reads as a line break: the full load reports or handles them.
_UNUSUAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_TYPES = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()


class _Everything(frozenset[str]):
    """Contains every character."""

    def __contains__(self, item: object) -> bool:
        return True


_BLANK = " \t"
"""What YAML strips around a flow item (not ``str.strip``'s Unicode spaces: a no-break
space is text to YAML)."""


class _NotSimple(Exception):
    """The text is outside the subset: the caller loads it with PyYAML."""


def load_simple(text: str) -> dict[str, Any] | None:
    """``yaml.safe_load(text)`` for simple frontmatter; ``None`` when it is not simple."""
    if _UNUSUAL.search(text):
        return None
    lines = [
        line
        for line in text.split("\n")
        if line.strip(_BLANK) and not line.lstrip(" ").startswith("#")
    ]
    if not lines:
        return None
    try:
        mapping, end = _mapping(lines, 0, 0)
    except _NotSimple:
        return None
    return mapping if end == len(lines) else None


def _mapping(lines: list[str], start: int, indent: int) -> tuple[dict[str, Any], int]:
    result: dict[str, Any] = {}
    i = start
    while i < len(lines):
        match = _KEY_LINE.match(lines[i])
        if match is None:
            raise _NotSimple
        here = len(match.group(1))
        if here < indent:
            break
        if here > indent:
            raise _NotSimple
        key = match.group(2)
        if _tag(key) != _STR:
            raise _NotSimple  # ``yes:``, ``null:``… are not string keys
        value = match.group(3)
        if value:
            value = value.rstrip(" ")
        i += 1
        if value:
            result[key] = _inline_value(value)
            continue
        # An empty value: a nested block (mapping or sequence) or null.
        nested = _indent_of(lines[i]) if i < len(lines) else -1
        is_item = i < len(lines) and lines[i].lstrip(" ").startswith("- ")
        if is_item and nested >= indent:
            result[key], i = _sequence(lines, i, nested)
        elif nested > indent:
            result[key], i = _mapping(lines, i, nested)
        else:
            result[key] = None
    return result, i


def _sequence(lines: list[str], start: int, indent: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    i = start
    while i < len(lines):
        match = _ITEM_LINE.match(lines[i])
        if match is None or len(match.group(1)) != indent:
            if _indent_of(lines[i]) > indent:
                raise _NotSimple  # a nested block inside an item
            break
        items.append(_typed_scalar(match.group(2).rstrip(" "), _SAFE_BLOCK))
        i += 1
    return items, i


def _inline_value(value: str) -> Any:
    if value.startswith("["):
        if not value.endswith("]"):
            raise _NotSimple
        inner = value[1:-1].strip(_BLANK)
        if not inner:
            return []
        return [_typed_scalar(item.strip(_BLANK), _SAFE) for item in inner.split(",")]
    if value == "{}":
        return {}
    return _typed_scalar(value, _SAFE_BLOCK)


def _typed_scalar(text: str, safe: re.Pattern[str]) -> Any:
    """A plain scalar's value, typed as PyYAML's resolver and constructor type it."""
    if not safe.match(text) or " #" in text:
        raise _NotSimple
    if text[0] not in _RESOLVED_FIRST:  # what the resolver would say without a lookup
        return text
    tag = _tag(text)
    if tag == _STR:
        return text
    if tag not in _TYPES:
        raise _NotSimple
    try:
        if tag == _TIMESTAMP and len(text) == 10:  # YYYY-MM-DD: the constructor's own date
            return dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, ScalarNode(tag, text))
    except (ConstructorError, ValueError, OverflowError):
        raise _NotSimple from None


@lru_cache(maxsize=4096)  # keys and many values (dates, "draft: no") repeat across files
def _tag(plain: str) -> str:
    """The tag PyYAML's resolver gives a plain scalar (``…:str``, ``…:int``…)."""
    if plain[0] not in _RESOLVED_FIRST:
        return _STR
    tag: str = _RESOLVER.resolve(ScalarNode, plain, (True, False))  # type: ignore[no-untyped-call]
    return tag


# The resolver only tries the patterns filed under a scalar's first character (plus any
# filed under ``None``, and path resolvers: this resolver has neither); a scalar whose
# first character has none is a string. Most titles are.
_RESOLVED_FIRST = frozenset(char for char in _RESOLVER.yaml_implicit_resolvers if char)
if None in _RESOLVER.yaml_implicit_resolvers or _RESOLVER.yaml_path_resolvers:
    _RESOLVED_FIRST = _Everything()  # a PyYAML that resolves otherwise: always ask it


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
