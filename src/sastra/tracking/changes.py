"""What kind of change made a translation stale, paragraph by paragraph.

Each changed source paragraph (or translatable field) is one of

- ``punctuation``: only punctuation (or spacing) differs, e.g. a Khmer ``។`` added;
- ``numbers``: besides that, only digits differ (in either script: ``១៨`` → ``២០``);
- ``added`` / ``removed``: a paragraph with no old / no new counterpart;
- ``edited``: anything else.

For ``removed`` and ``edited`` paragraphs the status also says whether the translation
has a counterpart paragraph at all (the review's paragraph alignment of the *old*
source with the translation decides). A change is *minor* when every part of it is
punctuation or removes source text the translation never had: ``i18n mark`` settles it.

Pure; paragraphs are compared the way :func:`~sastra.tracking.fingerprint.compare`
pairs them (the same :class:`difflib.SequenceMatcher` over the folded texts).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from sastra.model import ParagraphChange
from sastra.tracking.fingerprint import TextChange, VisibleText, normalize_visible

Shape = tuple[int, frozenset[str]]
"""What alignment needs of a paragraph: its visible length and its number anchors."""
Aligner = Callable[[Sequence[Shape], Sequence[Shape]], tuple[bool, ...]]
"""``(old source shapes, translation shapes) -> has a counterpart, per old paragraph``."""


class Change(NamedTuple):
    """What a stale check reports, cached by the pair of fingerprints (a cache written
    before this was a named tuple holds plain tuples of the same fields, in order)."""

    fields: tuple[str, ...]
    """Translatable fields changed."""
    paragraphs: tuple[int, ...]
    """Body paragraphs of the source now (1-based) changed or added."""
    removed: tuple[str, ...]
    """Old text of the body paragraphs gone."""
    kinds: tuple[ParagraphChange, ...]
    """The kind of each change."""
    old_shapes: tuple[Shape, ...]
    """The old source's paragraph shapes (for the alignment with a translation)."""


_DIGITS = re.compile(r"\d+")  # \d is every script's decimal digits, Khmer's included


def classify(old: VisibleText, new: VisibleText) -> tuple[ParagraphChange, ...]:
    """Every changed field and body paragraph between two versions of a source."""
    changes: list[ParagraphChange] = []
    old_fields = {p.label: p.text for p in old.fields}
    new_fields = {p.label: p.text for p in new.fields}
    for label in dict.fromkeys([*new_fields, *old_fields]):
        before, after = old_fields.get(label), new_fields.get(label)
        if before is None or after is None:
            kind = "added" if before is None else "removed"
            changes.append(ParagraphChange(kind, None, None, label))
        elif normalize_visible(before) != normalize_visible(after):
            changes.append(ParagraphChange(kind_of(before, after), None, None, label))
    a = [normalize_visible(p.text) for p in old.body]
    b = [normalize_visible(p.text) for p in new.body]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        for k in range(paired):
            kind = kind_of(a[i1 + k], b[j1 + k])
            changes.append(ParagraphChange(kind, j1 + k + 1, i1 + k + 1))
        changes += [ParagraphChange("removed", None, i + 1) for i in range(i1 + paired, i2)]
        changes += [ParagraphChange("added", j + 1, None) for j in range(j1 + paired, j2)]
    return tuple(changes)


def summary_of(old: VisibleText, new: VisibleText, change: TextChange) -> Change:
    """The :data:`Change` of a comparison of two versions of a source."""
    return Change(
        change.changed_fields,
        change.changed_paragraphs,
        change.removed_paragraphs,
        classify(old, new),
        shapes(old),
    )


def kind_of(old: str, new: str) -> str:
    """``punctuation``, ``numbers`` or ``edited``: what differs between two paragraphs."""
    old_letters, new_letters = _letters(old), _letters(new)
    if old_letters == new_letters:
        return "punctuation"
    if _DIGITS.sub("#", old_letters) == _DIGITS.sub("#", new_letters):
        return "numbers"
    return "edited"


def _letters(text: str) -> str:
    """The text without punctuation and spaces."""
    return "".join(
        ch for ch in text if not ch.isspace() and not unicodedata.category(ch).startswith("P")
    )


def shapes(text: VisibleText) -> tuple[Shape, ...]:
    """:data:`Shape` of every body paragraph."""
    return tuple((len(p.text) - p.text.count(" "), frozenset(_numbers(p.text))) for p in text.body)


def _numbers(text: str) -> list[str]:
    """``n:18`` for ``18``, ``១៨`` and ``1,8``-free ``18``: int() reads every script's digits."""
    return [f"n:{int(digits)}" for digits in _DIGITS.findall(text.replace(",", ""))]


ALIGNED = ("removed", "edited")
"""The kinds of change for which the status says whether the translation has a counterpart."""


def with_counterparts(
    changes: Sequence[ParagraphChange], found: Sequence[bool]
) -> tuple[ParagraphChange, ...]:
    """``changes`` with ``counterpart`` set on each removed or edited body paragraph, from
    ``found`` (an :data:`Aligner`'s answer: per old source paragraph)."""
    return tuple(
        ParagraphChange(c.kind, c.paragraph, c.old_paragraph, c.field, found[c.old_paragraph - 1])
        if c.kind in ALIGNED and c.old_paragraph is not None and c.old_paragraph <= len(found)
        else c
        for c in changes
    )
