"""Names present in one version of a pair and absent from another (for ``i18n review``).

A name counts when it is a glossary entry (its Khmer form in the Khmer version; its
preferred spelling or a variant in the other) or when it follows an honorific. It is
present in the other version when the glossary's counterpart is there, or when a
name there aligns with it through the romanizer (:func:`~sastra.names.discover.align`):
an English "Mao Sela" written without an honorific still answers ឯកឧត្តម ម៉ៅ សិលា.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from sastra.khmer.unicode import normalize
from sastra.model import Article
from sastra.names.discover import (
    ALIGN_LIMIT,
    DEFAULT_WORDS,
    align,
    glossary_khmer,
    spelling_distance,
)
from sastra.names.glossary import Glossary, NameEntry, same_person_key
from sastra.names.mentions import khmer_mentions, latin_mentions, latin_pattern, mask_markup
from sastra.names.variants import find_variants

__all__ = ["MissingName", "Segment", "article_segments", "discovery_text", "names_missing"]


@dataclass(frozen=True)
class MissingName:
    """A name one version of a pair has and another lacks."""

    name: str
    """The name as written where it is present."""
    lang: str
    """The language of the version that has it."""
    missing_from: str
    """The language of the version that lacks it."""
    path: str
    """The file that has it."""
    line: int
    """1-based line of the name in that file."""
    column: int
    """1-based column of the name (approximate inside frontmatter values)."""
    khmer: str = ""
    """The Khmer form, when known (glossary entry or the Khmer name itself)."""
    written: str = ""
    """What the other version writes in its place, when it names someone (``kind``
    ``spelling`` or ``other``)."""
    kind: str = "missing"
    """``missing``: not named at all; ``spelling``: named in a spelling other than the
    glossary's (or the well-known one) that the romanizer still aligns with it;
    ``other``: named where the other version has a name listed for another person."""
    other: str = ""
    """``other``: the Khmer form of the person the written name is listed for."""
    expected: str = ""
    """``spelling``: the listed spelling."""


@dataclass(frozen=True)
class Segment:
    """A piece of an article's visible text and where it starts in the file."""

    text: str
    """The text (markup that is not text blanked out, offsets kept)."""
    line: int
    """1-based line of its first character."""
    column: int
    """0-based column of its first character on that line."""

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)``, 1-based, of an offset into :attr:`text`."""
        line = self.line + self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        column = offset - start + 1 + (self.column if start == 0 else 0)
        return line, column


def article_segments(article: Article) -> list[Segment]:
    """The frontmatter strings (except ``l10n``) and the body, with their positions."""
    out: list[Segment] = []
    for key, value in article.meta.items():
        if key == "l10n":
            continue
        for text in _strings(value):
            out.append(Segment(text, article.line_of(key), len(key) + 2))
    out.append(Segment(mask_markup(article.body), article.body_line, 0))
    return out


def discovery_text(article: Article) -> str:
    """All visible text of an article in one string (what :func:`discover` reads)."""
    return "\n".join(s.text for s in article_segments(article))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)


@dataclass(frozen=True)
class _Found:
    name: str
    khmer: str
    line: int
    column: int
    entry: NameEntry | None

    def missing(
        self, lang: str, missing_from: str, path: str, match: _Match | None = None
    ) -> MissingName:
        if match is None:
            match = _Match("", "missing")
        return MissingName(
            self.name, lang, missing_from, path, self.line, self.column, self.khmer,
            match.written, match.kind, match.other, match.expected,
        )  # fmt: skip


@dataclass(frozen=True)
class _Match:
    """How the other version names a Khmer name that is not there as listed."""

    written: str
    kind: str
    """``ok``, ``missing``, ``spelling`` or ``other`` (see :attr:`MissingName.kind`)."""
    other: str = ""
    expected: str = ""


def names_missing(pair_versions: Mapping[str, Article], glossary: Glossary) -> list[MissingName]:
    """For a pair, the names in the Khmer version absent from each other version, and back.

    One finding per distinct name and direction, at its first occurrence; sorted by
    language, line and column.
    """
    km = pair_versions.get("km")
    out: list[MissingName] = []
    if km is None:
        return out
    km_segments = article_segments(km)
    km_names = _khmer_names(km_segments, glossary)
    km_plain = normalize(" ".join(s.text for s in km_segments))
    km_words = tuple(w for w in km_plain.split(" ") if len(w) <= 12)
    for lang, other in sorted(pair_versions.items()):
        if lang == "km":
            continue
        segments = article_segments(other)
        text = "\n".join(s.text for s in segments)
        latin = _latin_names(segments, glossary)
        runs = _capital_runs(text)
        elsewhere: set[str] = set()  # names reported as someone else's, not as missing too
        variant_used: dict[str, str] = {}  # Khmer form -> first listed variant written
        for variant in find_variants(text, glossary, other.path):
            variant_used.setdefault(variant.khmer, variant.found)
        for found in km_names:
            match = _latin_match(found, text, runs, glossary)
            entry = found.entry
            if match is not None and match.kind == "ok" and entry and entry.km in variant_used:
                # a listed variant is a spelling to replace (`names check`), even beside
                # the listed one: "Chan Sopheal" in the lead, "Chan Sophal" below
                match = _Match(variant_used[entry.km], "spelling", expected=entry.en)
            if match is None or match.kind != "ok":
                out.append(found.missing("km", lang, km.path, match))
            if match is not None and match.kind == "other":
                elsewhere.add(match.written)
        for found in latin:
            if found.name not in elsewhere and not _khmer_has(found, km_plain, km_words):
                out.append(found.missing(lang, "km", other.path))
    return sorted(out, key=lambda m: (m.lang != "km", m.lang, m.line, m.column))


def _khmer_names(segments: list[Segment], glossary: Glossary) -> list[_Found]:
    found: dict[str, _Found] = {}
    for segment in segments:
        plain = normalize(segment.text)
        for entry in glossary.entries:
            at = _find_spaced(plain, entry.key)
            if at >= 0 and entry.key not in found:
                raw = segment.text.find(entry.km)
                if raw < 0:  # spaced otherwise (the offsets of ``plain`` are not the text's)
                    spaced = _spaced_pattern(entry.key).search(segment.text)
                    raw = spaced.start() if spaced else at
                line, column = segment.position(raw)
                found[entry.key] = _Found(entry.km, entry.km, line, column, entry)
        for mention in khmer_mentions(segment.text):
            key = glossary_khmer(mention.words, glossary)
            name = key or " ".join(mention.words[:DEFAULT_WORDS])
            if name not in found:
                line, column = segment.position(mention.offset)
                found[name] = _Found(name, name, line, column, glossary.lookup(name))
    return list(found.values())


def _latin_names(segments: list[Segment], glossary: Glossary) -> list[_Found]:
    found: dict[str, _Found] = {}
    everything = [(v, e) for e in glossary.entries for v in (e.en, *e.variants)]
    pattern = latin_pattern(v for v, _ in everything)
    for segment in segments:
        for match in pattern.finditer(segment.text) if pattern else ():
            spelling = " ".join(match.group(0).split())
            listed = glossary.by_latin(spelling)
            if listed is not None and listed.key not in found:
                line, column = segment.position(match.start())
                found[listed.key] = _Found(spelling, listed.km, line, column, listed)
        for mention in latin_mentions(segment.text):
            spelling = " ".join(mention.words)
            if glossary.by_latin(spelling) is None and spelling not in found:
                line, column = segment.position(mention.offset)
                found[spelling] = _Found(spelling, "", line, column, None)
    return list(found.values())


_RUN = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?:[ \t]+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*)*")


def _capital_runs(text: str) -> list[tuple[str, ...]]:
    return [tuple(m.group(0).split()) for m in _RUN.finditer(text)]


def _latin_match(
    found: _Found, text: str, runs: list[tuple[str, ...]], glossary: Glossary
) -> _Match | None:
    """How the Latin text names a Khmer name: as listed (or, with no listed spelling, as
    the romanizer aligns it), ``ok``; as the romanizer aligns it while the glossary lists
    another spelling, ``spelling``; only in a spelling listed for another person,
    ``other``; ``None`` when it does not."""
    entry = found.entry
    if entry is not None:
        pattern = latin_pattern([entry.en, *entry.variants])
        if pattern is not None and pattern.search(text):
            return _Match(entry.en, "ok")
    words = tuple(found.khmer.split(" "))
    own = same_person_key(found.khmer)
    # As many Latin words as the Khmer has, or as the listed spelling has when it
    # writes a Khmer word as two ("Hang Chuon Naron" for ហង់ ជួនណារ៉ុន): the longer first.
    sizes = sorted({len(words), len(entry.en.split()) if entry else len(words)}, reverse=True)
    someone_else: _Match | None = None
    for run, start, size in ((r, i, n) for r in runs for i in range(len(r)) for n in sizes):
        window = run[start : start + size]
        if align(words, window) is None:
            continue
        written = " ".join(window)
        listed = glossary.by_latin(written)
        if listed is not None and same_person_key(listed.km) != own:
            someone_else = someone_else or _Match(written, "other", listed.km)
            continue  # "Hun Many" is not a spelling of ហ៊ុន ម៉ាណែត: he is listed
        if entry is None:
            return _Match(written, "ok")
        return _Match(written, "spelling", expected=entry.en)
    return someone_else


def _khmer_has(found: _Found, km_plain: str, km_words: tuple[str, ...]) -> bool:
    if found.entry is not None:
        return same_person_key(found.entry.key) in km_plain.replace(" ", "")
    latin = found.name
    n = len(latin.split())
    for start in range(len(km_words)):
        window = " ".join(km_words[start : start + n])
        if window and spelling_distance(window, latin) <= ALIGN_LIMIT:
            return True
    return any(align(m.words, tuple(latin.split())) for m in khmer_mentions(km_plain))


def _find_spaced(plain: str, key: str) -> int:
    """Where ``key`` is in ``plain`` with its spaces or without them, or with spaces it
    does not have (Khmer spaces are optional: ហង់ ជួនណារ៉ុន is ហង់ ជួន ណារ៉ុន); -1 if nowhere."""
    at = plain.find(key)
    if at >= 0 or same_person_key(key)[:1] not in plain:
        return at
    match = _spaced_pattern(key).search(plain)
    return match.start() if match else -1


@lru_cache(maxsize=4096)
def _spaced_pattern(key: str) -> re.Pattern[str]:
    return re.compile(" ?".join(map(re.escape, same_person_key(key))))
