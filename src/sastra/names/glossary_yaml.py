"""Glossary entries as YAML text, and appending them to a glossary without touching the rest.

``i18n names discover --format yaml`` prints :func:`entries_yaml`;
``--update`` writes :func:`append_entries`, which only ever adds text at the end of
the ``names:`` list: existing entries, comments and formatting stay byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import yaml

from sastra.content.yamlsafe import compose as compose_safe
from sastra.content.yamlsafe import flow_string
from sastra.errors import EditError
from sastra.model import Severity
from sastra.names.discover import Discovery
from sastra.names.glossary import Honorific, Kind, NameEntry, parse_glossary

__all__ = ["append_entries", "entries_yaml", "suggested_entries"]


def suggested_entries(discovery: Discovery) -> list[NameEntry]:
    """New glossary entries for the discovered names the glossary lacks.

    Only names seen with at least one Latin spelling are suggested. The preferred
    spelling is the well-known one for a name on the shipped list, the gazetteer's for a
    place when it was seen, else the most frequent; the others become variants. The
    honorific is the one seen, or the shipped list's when that goes on from it: the
    Prime Minister seen as សម្តេច is "Samdech Moha Borvor Thipadei" (the parser reads
    មហាបវរធិបតី as a title), while a minister seen as "H.E. Prof." keeps the degree.
    """
    out: list[NameEntry] = []
    for name in discovery.names:
        if name.entry is not None or not name.spellings:
            continue
        honorific = None
        if name.honorific_km and name.honorific_en:
            honorific = Honorific(name.honorific_km, name.honorific_en)
        listed = name.known.honorific if name.known is not None else None
        if listed is not None and (honorific is None or listed.km.startswith(honorific.km)):
            honorific = listed
        seen = [s for s, _ in name.spellings]
        if name.known is not None:
            preferred = name.known.en
        elif name.kind is Kind.PLACE and name.romanized in seen:
            preferred = name.romanized
        else:
            preferred = seen[0]
        others = tuple(s for s in seen if s != preferred)
        out.append(NameEntry(name.km, preferred, others, name.kind, honorific))
    return out


def _entry_lines(entry: NameEntry, indent: str) -> list[str]:
    inner = indent + "  "
    lines = [f"{indent}- km: {flow_string(entry.km)}", f"{inner}en: {flow_string(entry.en)}"]
    if entry.variants:
        lines.append(f"{inner}variants: [{', '.join(flow_string(v) for v in entry.variants)}]")
    lines.append(f"{inner}kind: {entry.kind.value}")
    if entry.honorific is not None:
        hon = entry.honorific
        lines.append(f"{inner}honorific: {{km: {flow_string(hon.km)}, en: {flow_string(hon.en)}}}")
    return lines


def entries_yaml(entries: Iterable[NameEntry], *, indent: str = "  ") -> str:
    """The entries as the items of a ``names:`` list (no ``names:`` line), blank-line separated."""
    blocks = ["\n".join(_entry_lines(e, indent)) for e in entries]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def append_entries(text: str, entries: Sequence[NameEntry], path: str) -> str:
    """The glossary ``text`` (of the file ``path``) with ``entries`` added at the end of
    its ``names:`` list.

    Raises :class:`~sastra.errors.EditError` when that cannot be done without rewriting
    what is there (the list is in flow style, or other keys follow it), or when the
    glossary it would make does not validate (a name listed twice).
    """
    if not entries:
        return text
    new_text = _appended(text, entries, path)
    _, diags = parse_glossary(new_text, path)
    errors = [d for d in diags if d.severity is Severity.ERROR]
    if errors:
        raise EditError(path, f"the new entries would not validate: {errors[0].message}")
    return new_text


def _appended(text: str, entries: Sequence[NameEntry], path: str) -> str:
    """:func:`append_entries` before the check of what it made."""
    if not text.strip():
        return "names:\n" + entries_yaml(entries)
    root = compose_safe(text)
    if root is None:
        return text.rstrip("\n") + "\nnames:\n" + entries_yaml(entries)
    if not isinstance(root, yaml.MappingNode):
        raise EditError(path, "the glossary is not a mapping with a 'names:' list")
    keys = [k.value for k, _ in root.value]
    if "names" not in keys:
        return text.rstrip("\n") + "\nnames:\n" + entries_yaml(entries)
    if keys[-1] != "names":
        raise EditError(path, "'names:' must be the last key of the glossary to append to it")
    node = root.value[-1][1]
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        indent = " " * node.start_mark.column
        body = text if text.endswith("\n") else text + "\n"
        return body + "\n" + entries_yaml(entries, indent=indent)
    if (isinstance(node, yaml.ScalarNode) and node.value == "") or (
        isinstance(node, yaml.SequenceNode) and not node.value
    ):
        head = text[: node.start_mark.index].rstrip(" \t")
        tail = text[node.end_mark.index :].lstrip(" \t")
        head = head if head.endswith("\n") else head + "\n"
        return head + entries_yaml(entries) + tail.lstrip("\n")
    raise EditError(
        path, "the 'names:' list must be in block style ('- km: …' items) to append to it"
    )
