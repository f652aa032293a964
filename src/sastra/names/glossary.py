"""The names glossary: one spelling per person, organisation and place, across languages.

``i18n/names.yaml`` lists each name once, keyed by its Khmer form::

    names:
      - km: ម៉ៅ សិលា
        en: Mao Sela
        variants: [Mao Sila]
        kind: person
        honorific: {km: ឯកឧត្តម, en: H.E.}

This module parses and validates the glossary (:func:`parse_glossary`); only
:func:`read_glossary` touches the disk. The rest of the names stage builds on it:
see :mod:`sastra.names`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import yaml

from sastra.content.yamlsafe import compose as compose_safe
from sastra.khmer.unicode import normalize
from sastra.model import Diagnostic, Location, Severity


class Kind(StrEnum):
    """What a glossary entry names."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"


_ErrorFn = Callable[..., None]
_KIND_ALIASES = {"organization": Kind.ORGANISATION, "org": Kind.ORGANISATION}
_ENTRY_KEYS = {"km", "en", "variants", "kind", "honorific", "note"}


@dataclass(frozen=True)
class Honorific:
    """The honorific that goes with a name, in both languages."""

    km: str
    """Khmer form: ``ឯកឧត្តម``."""
    en: str
    """English form: ``H.E.``."""


@dataclass(frozen=True)
class NameEntry:
    """One glossary entry."""

    km: str
    """The Khmer form, as the glossary writes it."""
    en: str
    """The preferred Latin spelling."""
    variants: tuple[str, ...] = ()
    """Other Latin spellings seen in the wild, to be replaced by :attr:`en`."""
    kind: Kind = Kind.PERSON
    """Person, organisation or place."""
    honorific: Honorific | None = None
    """The honorific usually written before the name, when any."""
    line: int = 0
    """1-based line of the entry in the glossary file (0 when built in code)."""

    @property
    def key(self) -> str:
        """The matching key of the Khmer form: look-alike spellings share it."""
        return normalize(self.km)


@lru_cache(maxsize=65536)
def same_person_key(khmer: str) -> str:
    """:func:`normalize` without spaces, memoised: two Khmer forms of a name that differ
    only by spaces (Khmer spaces are optional: ហង់ ជួនណារ៉ុន, ហង់ ជួន ណារ៉ុន) are one person."""
    return normalize(khmer).replace(" ", "")


@dataclass(frozen=True)
class Glossary:
    """All entries of a glossary, indexed by Khmer key and by Latin spelling."""

    entries: tuple[NameEntry, ...] = ()
    """The entries, in file order."""
    path: str = ""
    """Where the glossary was read from, as messages show it (empty when built in code;
    a site's glossary is :attr:`sastra.config.model.Config.glossary_path`)."""
    _by_key: dict[str, NameEntry] = field(default_factory=dict, repr=False, compare=False)
    _by_latin: dict[str, NameEntry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._by_key.setdefault(same_person_key(entry.key), entry)
            self._by_latin.setdefault(entry.en, entry)
        for entry in self.entries:
            for variant in entry.variants:
                self._by_latin.setdefault(variant, entry)

    def lookup(self, khmer: str) -> NameEntry | None:
        """The entry of a Khmer name (compared through :func:`normalize`, spaces ignored),
        or ``None``."""
        return self._by_key.get(same_person_key(khmer))

    def by_latin(self, latin: str) -> NameEntry | None:
        """The entry whose preferred spelling or a variant is exactly ``latin``."""
        return self._by_latin.get(" ".join(latin.split()))

    def __len__(self) -> int:
        return len(self.entries)


# --- loading and validation ------------------------------------------------------------


def parse_glossary(text: str, path: str) -> tuple[Glossary, tuple[Diagnostic, ...]]:
    """Parse and validate a glossary; every problem is a ``path:line`` diagnostic.

    Errors: bad YAML, an entry without ``km`` or ``en``, an unknown ``kind``, a Khmer
    form listed twice (after :func:`normalize`), a variant that is another entry's
    preferred form, a variant listed under two entries. Unknown keys are warnings.
    Entries with errors are left out; the rest still load.
    """
    diags: list[Diagnostic] = []

    def error(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        diags.append(Diagnostic(Location(path, line), message, severity))

    try:
        root = compose_safe(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        error(mark.line + 1 if mark else 1, f"invalid YAML: {exc.problem or exc.context}")
        return Glossary((), path), tuple(diags)
    if root is None:
        return Glossary((), path), ()
    items = _names_node(root, error)
    entries: list[NameEntry] = []
    for node in items:
        entry = _entry(node, error)
        if entry is not None:
            entries.append(entry)
    entries = _cross_check(entries, error)
    return Glossary(tuple(entries), path), tuple(sorted(diags, key=lambda d: d.location.line))


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _names_node(root: yaml.Node, error: _ErrorFn) -> list[yaml.Node]:
    if not isinstance(root, yaml.MappingNode):
        error(_line(root), "the glossary must be a mapping with a 'names:' list")
        return []
    items: list[yaml.Node] = []
    for key, value in root.value:
        if key.value != "names":
            error(_line(key), f"unknown key '{key.value}' (expected 'names')", Severity.WARNING)
        elif not isinstance(value, yaml.SequenceNode):
            error(_line(value), "'names' must be a list of entries")
        else:
            items.extend(value.value)
    return items


def _node_text(node: yaml.Node) -> str | None:
    """A scalar node's text with its whitespace runs collapsed; ``None`` when empty or not
    a scalar."""
    if isinstance(node, yaml.ScalarNode):
        text = " ".join(str(node.value).split())
        return text or None
    return None


def _entry(node: yaml.Node, error: _ErrorFn) -> NameEntry | None:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        error(line, "an entry must be a mapping with 'km' and 'en'")
        return None
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = str(key.value)
        if name not in _ENTRY_KEYS:
            known = ", ".join(sorted(_ENTRY_KEYS))
            error(_line(key), f"unknown key '{name}' (known: {known})", Severity.WARNING)
        fields[name] = value
    km = _node_text(fields["km"]) if "km" in fields else None
    en = _node_text(fields["en"]) if "en" in fields else None
    ok = True
    for name, value in (("km", km), ("en", en)):
        if value is None:
            where = _line(fields[name]) if name in fields else line
            error(where, f"entry needs a non-empty '{name}'")
            ok = False
    variants = _variants(fields.get("variants"), error)
    kind = _kind(fields.get("kind"), error)
    honorific = _honorific(fields.get("honorific"), error)
    if not ok or km is None or en is None or kind is None or variants is None:
        return None
    if en in variants:
        error(_line(fields["variants"]), f"variant '{en}' is the entry's own preferred form")
        variants = tuple(v for v in variants if v != en)
    return NameEntry(km, en, variants, kind, honorific, line)


def _variants(node: yaml.Node | None, error: _ErrorFn) -> tuple[str, ...] | None:
    if node is None:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out: list[str] = []
    for item in items:
        text = _node_text(item)
        if text is None:
            error(_line(item), "'variants' must be a list of spellings")
            return None
        if text not in out:
            out.append(text)
    return tuple(out)


def _kind(node: yaml.Node | None, error: _ErrorFn) -> Kind | None:
    if node is None:
        return Kind.PERSON
    text = (_node_text(node) or "").lower()
    if text in _KIND_ALIASES:
        return _KIND_ALIASES[text]
    try:
        return Kind(text)
    except ValueError:
        error(_line(node), f"unknown kind '{text}' (person, organisation or place)")
        return None


def _honorific(node: yaml.Node | None, error: _ErrorFn) -> Honorific | None:
    if node is None:
        return None
    values = (
        {str(k.value): _node_text(v) for k, v in node.value}
        if isinstance(node, yaml.MappingNode)
        else {}
    )
    km, en = values.get("km"), values.get("en")
    if km is None or en is None:
        error(_line(node), "'honorific' must be a mapping with 'km' and 'en'")
        return None
    return Honorific(km, en)


def _cross_check(entries: list[NameEntry], error: _ErrorFn) -> list[NameEntry]:
    seen: dict[str, NameEntry] = {}
    kept: list[NameEntry] = []
    for entry in entries:
        first = seen.get(same_person_key(entry.key))
        if first is not None:
            error(entry.line, f"'{first.km}' is listed twice (first at line {first.line})")
            continue
        seen[same_person_key(entry.key)] = entry
        kept.append(entry)
    preferred = {e.en: e for e in kept}
    owner: dict[str, NameEntry] = {}
    for entry in kept:
        for variant in entry.variants:
            other = preferred.get(variant)
            if other is not None and other is not entry:
                error(
                    entry.line,
                    f"variant '{variant}' of '{entry.km}' is the preferred form of "
                    f"'{other.km}' (line {other.line})",
                )
            elif variant in owner:
                error(
                    entry.line,
                    f"variant '{variant}' is listed under '{owner[variant].km}' "
                    f"(line {owner[variant].line}) and '{entry.km}'",
                )
            else:
                owner[variant] = entry
    return kept


def read_glossary(
    path: Path, display: str | None = None
) -> tuple[Glossary, tuple[Diagnostic, ...]]:
    """Read the glossary file; a missing file is an empty glossary, not an error."""
    shown = display or str(path)
    if not path.is_file():
        return Glossary((), shown), ()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Glossary((), shown), (Diagnostic(Location(shown), f"cannot read: {exc}"),)
    return parse_glossary(text, shown)
