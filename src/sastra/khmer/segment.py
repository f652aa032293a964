"""Khmer word segmentation behind one small interface, with an on-disk cache.

Khmer is written without spaces between words (a space is an optional phrase
break), so counting words, hinting line breaks and finding names need a
segmenter. The default, :class:`KhmerNltkSegmenter`, wraps khmer-nltk's CRF
model, which is slow to load and slow per character (``bench.khmer_segment``
measures both): it is imported on first use only (importing this module does not
import ``khmernltk``), and results are kept per paragraph in a :class:`SegmentCache`.

Text is first cut, without the model, into runs: whitespace (including U+200B
and U+FEFF), Khmer abbreviations (``ក.ប.ទ.``), numbers of either script with
their separators (``៣.៨០០``, ``3,800``), Khmer punctuation (``។ ៕ ៖ ៗ`` …),
Khmer letter runs, and other text (Latin words with their punctuation). Only the
Khmer letter runs go to the segmenter; every token list joins back to the input
exactly.
"""

from __future__ import annotations

import functools
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import accumulate, pairwise
from typing import Protocol, runtime_checkable

from sastra.khmer.segment_cache import SegmentCache
from sastra.khmer.unicode import CLUSTER

__all__ = [
    "KhmerNltkSegmenter",
    "SegmentCache",
    "Segmenter",
    "break_hints",
    "count_words",
    "default_segmenter",
    "segment_many",
    "strip_hints",
    "tokens",
]

log = logging.getLogger(__name__)

HINT = "\u200b"
"""The line-break hint :func:`break_hints` inserts (ZERO WIDTH SPACE)."""
_INVISIBLES_RE = re.compile("[\u200b\u200c\u200d\ufeff]")
_TOKENIZER_FORMAT = 1
"""Bumped when the run rules below change, so that cached results are not reused."""


@runtime_checkable
class Segmenter(Protocol):
    """Splits Khmer text into words.

    ``segment(text)`` receives Khmer text (letters, signs and single spaces) and returns
    tokens that concatenate to ``text`` exactly; a space is a token of its own.
    ``name`` and ``version`` key the cache: change ``version`` when the output changes.
    """

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def segment(self, text: str) -> list[str]: ...


@functools.cache
def _nltk_word_tokenize() -> Callable[[str], list[str]]:
    """Import khmer-nltk once, with its chatty logger silenced."""
    from khmernltk import word_tokenize

    logging.getLogger("khmer-nltk").setLevel(logging.WARNING)

    def run(text: str) -> list[str]:
        return list(word_tokenize(text, return_tokens=True))

    return run


def _align(text: str, pieces: Sequence[str]) -> list[str] | None:
    """Cut ``text`` where ``pieces`` (a cleaned-up copy of it) break; ``None`` if they disagree.

    khmer-nltk strips, collapses spaces and drops some invisible characters before
    segmenting, so its tokens are matched character by character against the original,
    skipping characters of the original that the model dropped.
    """
    cuts: list[int] = []
    pos = 0
    for piece in pieces:
        for ch in piece:
            if ch in "\u200b":
                continue
            while pos < len(text) and text[pos] != ch:
                if not (text[pos].isspace() or _INVISIBLES_RE.match(text[pos])):
                    return None
                pos += 1
            if pos == len(text):
                return None
            pos += 1
        cuts.append(pos)
    out: list[str] = []
    prev = 0
    for cut in [*cuts, len(text)]:
        if cut > prev:
            out.append(text[prev:cut])
            prev = cut
    # Spaces swallowed into a word are given back as tokens of their own.
    result: list[str] = []
    for tok in out:
        result.extend(t for t in re.split(r"(\s+)", tok) if t)
    return result


@dataclass(frozen=True)
class KhmerNltkSegmenter:
    """The default segmenter: khmer-nltk's CRF model, loaded on first use and once per process."""

    name: str = "khmer-nltk"

    @property
    def version(self) -> str:
        """khmer-nltk's package version (read from its metadata, without importing it)."""
        return _package_version("khmer-nltk")

    def segment(self, text: str) -> list[str]:
        """Tokens of ``text`` joining back to it exactly (the whole text as one token if
        the model's output cannot be aligned with it)."""
        if not text.strip():
            return [text] if text else []
        aligned = _align(text, _nltk_word_tokenize()(text))
        if aligned is None or "".join(aligned) != text:
            log.debug("khmer-nltk output not aligned with %r; kept whole", text)
            return [text]
        return aligned


@functools.cache
def _package_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


@functools.cache
def default_segmenter() -> Segmenter:
    """The process-wide default segmenter (khmer-nltk; nothing is loaded until used)."""
    return KhmerNltkSegmenter()


class _Kind(Enum):
    SPACE = "space"
    ABBR = "abbr"
    NUMBER = "number"
    PUNCT = "punct"
    KHMER = "khmer"
    OTHER = "other"


_SPACE_CHARS = r"\s\u200b\ufeff"

_RUN_RE = re.compile(
    rf"(?P<space>[{_SPACE_CHARS}]+)"
    # ក.ប.ទ or ក.ប.ទ. (a final cluster without its dot must not run into a word)
    rf"|(?P<abbr>{CLUSTER}(?:\.{CLUSTER})+(?![\u1780-\u17d3\u17dd.])|(?:{CLUSTER}\.){{2,}})"
    r"|(?P<number>(?>[0-9០-៩]+(?:[.,][0-9០-៩]+)*))"
    r"|(?P<punct>[\u17d4-\u17dc])"
    r"|(?P<khmer>[\u1780-\u17d3\u17dd\u19e0-\u19ff\u200c\u200d]+)"
    rf"|(?P<other>[^{_SPACE_CHARS}\u1780-\u17ff\u19e0-\u19ff\u200c\u200d]+)"
    r"|(?P<any>.)",
    re.DOTALL,
)


def _runs(text: str) -> list[tuple[_Kind, str]]:
    out: list[tuple[_Kind, str]] = []
    for m in _RUN_RE.finditer(text):
        group = m.lastgroup or "any"
        kind = _Kind.OTHER if group == "any" else _Kind(group)
        out.append((kind, m.group()))
    return out


def _has_khmer_words(runs: Sequence[tuple[_Kind, str]]) -> bool:
    return any(kind is _Kind.KHMER for kind, _ in runs)


def _cut_at(piece: str, offset: int, cuts: Sequence[int]) -> list[str]:
    """``piece`` (found at ``offset``) cut at those sorted ``cuts`` strictly inside it."""
    lo = bisect_right(cuts, offset)
    hi = bisect_left(cuts, offset + len(piece), lo)
    if lo == hi:
        return [piece]
    bounds = [0, *(c - offset for c in cuts[lo:hi]), len(piece)]
    return [piece[a:b] for a, b in pairwise(bounds)]


def _segment_runs(
    runs: Sequence[tuple[_Kind, str]], segmenter: Segmenter
) -> list[tuple[_Kind, str]]:
    """Segment all Khmer runs of one paragraph in one call of the segmenter."""
    khmer = [piece for kind, piece in runs if kind is _Kind.KHMER]
    joined = " ".join(khmer)
    pieces = segmenter.segment(joined)
    if "".join(pieces) != joined:
        log.warning("segmenter %s lost characters; Khmer runs kept whole", segmenter.name)
        pieces = [joined]
    cuts = sorted(set(accumulate(len(p) for p in pieces)))
    out: list[tuple[_Kind, str]] = []
    offset = 0
    for kind, piece in runs:
        if kind is _Kind.KHMER:
            out.extend((kind, tok) for tok in _cut_at(piece, offset, cuts))
            offset += len(piece) + 1
        else:
            out.append((kind, piece))
    return out


def _cache_key(segmenter: Segmenter) -> str:
    return f"{segmenter.name}/{segmenter.version}/t{_TOKENIZER_FORMAT}"


def _kinds(runs: Sequence[tuple[_Kind, str]], toks: Sequence[str]) -> list[tuple[_Kind, str]]:
    """Kinds of cached tokens: the paragraph's ``runs`` with Khmer runs re-cut at ``toks``."""
    cuts = sorted(set(accumulate(len(t) for t in toks)))
    out: list[tuple[_Kind, str]] = []
    offset = 0
    for kind, piece in runs:
        if kind is _Kind.KHMER:
            out.extend((kind, tok) for tok in _cut_at(piece, offset, cuts))
        else:
            out.append((kind, piece))
        offset += len(piece)
    return out


def _segment_many_kinds(
    paragraphs: Sequence[str],
    segmenter: Segmenter | None,
    cache: SegmentCache | None,
) -> list[list[tuple[_Kind, str]]]:
    runs = [_runs(p) for p in paragraphs]
    need = {p: r for p, r in zip(paragraphs, runs, strict=True) if _has_khmer_words(r)}
    if not need:
        return runs
    seg = segmenter or default_segmenter()
    key = _cache_key(seg)
    done: dict[str, list[tuple[_Kind, str]]] = {}
    if cache is not None:
        for text, toks in cache.get_many(key, sorted(need)).items():
            done[text] = _kinds(need[text], toks)
    misses: dict[str, list[str]] = {}
    for p, r in zip(paragraphs, runs, strict=True):
        if p in need and p not in done:
            done[p] = _segment_runs(r, seg)
            misses[p] = [piece for _, piece in done[p]]
    if cache is not None and misses:
        cache.put_many(key, misses)
    return [done.get(p, r) for p, r in zip(paragraphs, runs, strict=True)]


def segment_many(
    paragraphs: Sequence[str],
    cache: SegmentCache | None = None,
    segmenter: Segmenter | None = None,
) -> list[list[str]]:
    """Tokens of each paragraph (as :func:`tokens`), segmenting only the cache misses.

    All paragraphs are looked up in ``cache`` at once; only misses that contain Khmer
    letters reach the segmenter, and they are written back in one transaction.
    """
    kinds = _segment_many_kinds(paragraphs, segmenter, cache)
    return [[piece for _, piece in k] for k in kinds]


def tokens(
    text: str, segmenter: Segmenter | None = None, cache: SegmentCache | None = None
) -> list[str]:
    """Split ``text`` into tokens that join back to it exactly.

    Khmer letter runs are split into words by ``segmenter`` (default khmer-nltk, loaded
    only when ``text`` has Khmer letters); whitespace, numbers, Khmer abbreviations,
    Khmer punctuation marks and non-Khmer runs (``ASEAN,``) are tokens of their own.
    """
    return segment_many([text], cache, segmenter)[0]


_LETTER_RE = re.compile("[\u1780-\u17b3]")
_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


def count_words(
    text: str,
    lang: str,
    segmenter: Segmenter | None = None,
    cache: SegmentCache | None = None,
) -> int:
    """Number of words in ``text`` written in ``lang`` (translation effort).

    Khmer pages (``km``…): Khmer letter runs are segmented into words; a number or an
    abbreviation (``ក.ប.ទ.``) is one word; punctuation (``។ ៖``) and spaces are none;
    Latin runs are counted like English. Other languages: words by regex (``don't``,
    ``3,800``, ``COVID-19`` are one word each), and a Khmer run between spaces counts
    as one word, so English pages never load the segmenter.
    """
    khmer = lang.replace("-", "_").split("_")[0].lower() == "km"
    kinds = _segment_many_kinds([text], segmenter, cache)[0] if khmer else _runs(text)
    count = 0
    for kind, piece in kinds:
        if kind is _Kind.KHMER:
            count += 1 if _LETTER_RE.search(piece) else 0
        elif kind is _Kind.ABBR or kind is _Kind.NUMBER:
            count += 1
        elif kind is _Kind.OTHER:
            count += len(_WORD_RE.findall(piece))
    return count


_COMBINING_START = re.compile("[\u17b4-\u17d3\u17dd\u200c\u200d]")


def break_hints(
    text: str,
    segmenter: Segmenter | None = None,
    cache: SegmentCache | None = None,
    keep: Iterable[str] = (),
) -> str:
    """``text`` with U+200B inserted between Khmer words, as line-break hints.

    A hint goes only between two Khmer words (or after the repetition mark ``ៗ``
    before a word), so never inside or next to a number (either script), an
    abbreviation (``ក.ប.ទ.``), a Latin word, a space or punctuation (``។ ៖``; before
    ``ៗ`` neither), nor inside a cluster. ``keep`` lists phrases (glossary names such
    as ``ម៉ៅ សិលា``) inside which no hint is inserted. ``strip_hints(break_hints(t))``
    is ``strip_hints(t)``. Apply to rendered text nodes only, never to attributes,
    URLs or code.
    """
    kinds = _segment_many_kinds([text], segmenter, cache)[0]
    protected: set[int] = set()
    for phrase in keep:
        if not phrase:
            continue
        at = text.find(phrase)
        while at != -1:
            protected.update(range(at + 1, at + len(phrase)))
            at = text.find(phrase, at + 1)
    out: list[str] = []
    pos = 0
    prev: tuple[_Kind, str] | None = None
    for kind, piece in kinds:
        if (
            prev is not None
            and (prev[0] is _Kind.KHMER or prev[1] == "ៗ")
            and kind is _Kind.KHMER
            and pos not in protected
            and not _COMBINING_START.match(piece)
            and not prev[1].endswith(("\u17d2", "\u200c", "\u200d"))
        ):
            out.append(HINT)
        out.append(piece)
        pos += len(piece)
        prev = (kind, piece)
    return "".join(out)


def strip_hints(text: str) -> str:
    """``text`` without zero-width characters (U+200B, ZWNJ, ZWJ, U+FEFF)."""
    return _INVISIBLES_RE.sub("", text)
