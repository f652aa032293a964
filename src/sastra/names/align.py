"""Names written without an honorific, found where the two versions of a pair align.

A board of a data collection lists its people by name only (``name: សុខ ដារា`` /
``name: Sok Dara``), and news text names people without a title once they have been
introduced. Such a name is found when the same person is at the same place in both
versions: the same translatable frontmatter field (``managementTeam.member[2].name``),
or the same paragraph when both bodies have as many paragraphs. There, a Latin run
of two or three name words (:func:`~sastra.khmer.honorifics_latin.name_words`) and a run of
as many Khmer words (none a title or a common word) are one name when the nearest spelling
of the Khmer run (the romanizer's, or another that print uses where the Khmer leaves a
choice: :func:`~sastra.khmer.print_spellings.romanization_distance`) is within
:data:`UNMARKED_LIMIT` of the Latin run, word by word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sastra.content.parse import get_path
from sastra.khmer.honorifics import is_not_name
from sastra.khmer.honorifics_latin import name_words
from sastra.khmer.print_spellings import romanization_distance
from sastra.khmer.unicode import normalize
from sastra.names.mentions import mask_markup

if TYPE_CHECKING:
    from sastra.model import Article

__all__ = ["PairText", "Unit", "pair_text", "unmarked_names"]

UNMARKED_LIMIT = 1.0
"""Largest word distance between the Khmer run's nearest spelling and the Latin run."""


@dataclass(frozen=True)
class Unit:
    """Text at the same place in the Khmer version and in another version."""

    lang: str
    """The other version's language."""
    km: str
    other: str


@dataclass(frozen=True)
class PairText:
    """What discovery reads of one pair."""

    texts: Mapping[str, str]
    """Language → all reader-visible text of that version."""
    units: tuple[Unit, ...] = ()
    """Aligned fields and paragraphs (Khmer with each other language)."""


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, Mapping):
        return [s for item in value.values() for s in _strings(item)]
    return []


def pair_text(
    versions: Mapping[str, Article], fields: Sequence[str], texts: Mapping[str, str]
) -> PairText:
    """The :class:`PairText` of a pair: ``texts`` and the aligned units of ``fields``
    (dotted paths, ``[]`` for lists) and of the bodies' paragraphs."""
    km = versions.get("km")
    if km is None:
        return PairText(texts)
    units: list[Unit] = []
    for lang, other in sorted(versions.items()):
        if lang == "km":
            continue
        for dotted in fields:
            theirs = dict(get_path(other.meta, dotted))
            for path, value in get_path(km.meta, dotted):
                if path in theirs:
                    pairs = zip(_strings(value), _strings(theirs[path]), strict=False)
                    units += [Unit(lang, a, b) for a, b in pairs]
        ours = _PARAGRAPHS.split(mask_markup(km.body).strip())
        their = _PARAGRAPHS.split(mask_markup(other.body).strip())
        if len(ours) == len(their):
            units += [Unit(lang, a, b) for a, b in zip(ours, their, strict=True)]
    return PairText(texts, tuple(units))


_LATIN_RUN = re.compile(
    r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?:[ \t]+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*)*"
)
_KM_WORD = re.compile(r"^[\u1780-\u17dd]{1,12}$")


def _latin_runs(text: str) -> list[tuple[str, ...]]:
    """Runs of two or three name words: a Title Case run is cut at its English words
    ("Deputy Prime Minister Prak Sokhon Receives…" gives "Prak Sokhon")."""
    out: list[tuple[str, ...]] = []
    for match in _LATIN_RUN.finditer(text):
        words = match.group(0).split()
        start = 0
        while start < len(words):
            run = name_words(words[start:])
            if 2 <= len(run) <= 3:
                out.append(tuple(run))
            start += len(run) + 1
    return out


def unmarked_names(units: Iterable[Unit]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """``(lang, khmer_words, latin_words)`` of every name two aligned units share."""
    out: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for unit in units:
        runs = _latin_runs(unit.other)
        if not runs:
            continue
        spaced = unit.km.replace("\u200b", " ")  # a zero-width space separates words
        words = [w.strip("។៕៖,.:;!?()«»\"'") for w in normalize(spaced).split(" ")]
        for latin in runs:
            n = len(latin)
            for start in range(len(words) - n + 1):
                window = tuple(words[start : start + n])
                if not all(_KM_WORD.match(w) and not is_not_name(w) for w in window):
                    continue
                if romanization_distance(" ".join(window), " ".join(latin)) <= (UNMARKED_LIMIT):
                    out.append((unit.lang, window, latin))
                    break
    return out
