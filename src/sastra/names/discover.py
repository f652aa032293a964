"""Find the names nobody has listed yet, and the names one version of a pair lacks.

:func:`discover` reads the paired texts (Khmer and English), takes the names that
follow honorifics in each (:mod:`sastra.names.mentions`), and *aligns* them within each
pair: an English name belongs to the Khmer name whose spellings (the romanizer's,
:func:`~sastra.khmer.romanize.romanize_name`, and the others print uses where the Khmer
leaves a choice, :func:`~sastra.khmer.print_spellings.romanization_distance`) are nearest by
:func:`~sastra.khmer.similarity.name_distance`, at most :data:`ALIGN_LIMIT` away,
preferring the alignment with the most words. A glossary spelling anchors a name
directly. The result lists each Khmer name with every Latin spelling seen and its
count, and clusters the Latin spellings that have no Khmer anchor (by
:func:`~sastra.khmer.similarity.same_name` against each cluster's most frequent
spelling, so "Sophea" and "Sopheap" never merge).

Beyond names after honorifics: names without one where the two versions align
(:mod:`sastra.names.align`), places after their Khmer prefix with the gazetteer's
spelling (:mod:`sastra.names.places`), and place and school spellings without a Khmer
anchor, grouped by :func:`~sastra.khmer.similarity.same_place`. The shipped well-known
names (:mod:`sastra.names.known`) anchor like glossary entries.

:func:`names_missing` compares the versions of one pair for ``i18n review``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sastra.khmer.honorifics import is_not_name
from sastra.khmer.places import PREFIXES
from sastra.khmer.print_spellings import romanization_distance
from sastra.khmer.romanize import romanize_name
from sastra.khmer.similarity import name_distance, same_place
from sastra.khmer.unicode import normalize
from sastra.names.align import PairText, unmarked_names
from sastra.names.clusters import LatinCluster, person_clusters, place_clusters
from sastra.names.glossary import Glossary, Kind, NameEntry, same_person_key
from sastra.names.known import well_known, with_well_known
from sastra.names.mentions import Mention, khmer_mentions, latin_mentions, latin_pattern
from sastra.names.places import KhmerPlace, khmer_places, latin_places

__all__ = [
    "ALIGN_LIMIT",
    "DiscoveredName",
    "Discovery",
    "LatinCluster",
    "PairText",
    "discover",
    "spelling_distance",
]

ALIGN_LIMIT = 1.0
"""Largest distance at which an English name after an honorific is aligned with a
Khmer one *in the same pair*: one consonant or one vowel class apart, because the
romanizer does not know every family's spelling (ចិន្តា "Chenta", printed "Chenda").
Across pairs the stricter :data:`~sastra.khmer.similarity.THRESHOLD` applies."""

LOOSE_LIMIT = 2.0
"""Largest mean word distance at which the first two words of a Khmer and an English name
in one pair still align when no closer name does: កែវ ចិន្តា romanizes "Kaev Chenta", the
family writes "Keo Chenda" (1.5 a word); a given name translated differently ("Khuon
Sothea" for ឃួន សុធារី) is shown as a spelling so an editor sees it. Unrelated names are
3 or more a word apart."""

DEFAULT_WORDS = 2
"""Words taken as a Khmer name when nothing aligns with it: family and given name."""


@dataclass(frozen=True)
class DiscoveredName:
    """A Khmer name and the Latin spellings seen with it."""

    km: str
    """The Khmer form (normalized)."""
    spellings: tuple[tuple[str, int], ...]
    """``(spelling, count)``, most frequent first."""
    km_count: int
    """How many times the Khmer name was seen after an honorific."""
    romanized: str
    """What the romanizer makes of it (the fallback spelling)."""
    honorific_km: str = ""
    """The Khmer honorific seen most often before it."""
    honorific_en: str = ""
    """The English honorific seen most often before its spellings."""
    entry: NameEntry | None = None
    """Its glossary entry, when listed."""
    kind: Kind = Kind.PERSON
    """A person, or a place found after its prefix (ខេត្ត, ស្រុក…) in the gazetteer."""
    known: NameEntry | None = None
    """Its entry in the shipped list of well-known names, when the glossary lacks it."""

    @property
    def unlisted(self) -> tuple[str, ...]:
        """Spellings seen that the glossary entry neither prefers nor lists."""
        if self.entry is None:
            return ()
        known = {self.entry.en, *self.entry.variants}
        return tuple(s for s, _ in self.spellings if s not in known)


@dataclass(frozen=True)
class Discovery:
    """What :func:`discover` found."""

    names: tuple[DiscoveredName, ...]
    """Khmer-anchored names, most mentioned first."""
    clusters: tuple[LatinCluster, ...]
    """Latin spellings without a Khmer anchor."""


@dataclass
class _Tally:
    spellings: Counter[str] = field(default_factory=Counter)
    km_count: int = 0
    hon_km: Counter[str] = field(default_factory=Counter)
    hon_en: Counter[str] = field(default_factory=Counter)
    kind: Kind = Kind.PERSON
    expected: str = ""


@lru_cache(maxsize=65536)
def romanized(khmer: str) -> str:
    """The expected Latin spelling of a Khmer name: the well-known spelling
    (:mod:`sastra.names.known`) or :func:`romanize_name`; memoised (names repeat)."""
    known = well_known().lookup(khmer)
    return known.en if known is not None else romanize_name(khmer)


def spelling_distance(khmer: str, latin: str) -> float:
    """How far a Latin spelling is from a Khmer name: the distance to the nearest spelling
    print uses for it (:func:`~sastra.khmer.print_spellings.romanization_distance`: the
    romanizer's, and its other spellings where the Khmer letters leave a choice, such as
    the inherent vowel's *a* or *o*), or to its well-known spelling, whichever is nearer."""
    distance = romanization_distance(khmer, latin)
    known = _known_spelling(khmer)
    return distance if known is None else min(distance, name_distance(known, latin))


@lru_cache(maxsize=65536)
def _known_spelling(khmer: str) -> str | None:
    known = well_known().lookup(khmer)
    return None if known is None else known.en


@lru_cache(maxsize=4096)
def _count_re(spelling: str) -> object:
    return latin_pattern([spelling])


def count_spelling(text: str, spelling: str) -> int:
    """Occurrences of a Latin spelling in ``text`` as whole words."""
    pattern = _count_re(spelling)
    return len(pattern.findall(text)) if pattern is not None else 0  # type: ignore[attr-defined]


def align(khmer: tuple[str, ...], latin: tuple[str, ...]) -> tuple[int, int, float] | None:
    """Best ``(khmer_words, latin_words, distance)`` of two mentions, or ``None``.

    Prefixes of equal length are tried longest first; the first within
    :data:`ALIGN_LIMIT` wins. Then prefixes of unequal lengths ("Chansrey" / ចាន់ ស្រី,
    "Hang Chuon Naron" / ហង់ ជួនណារ៉ុន), the closest within :data:`ALIGN_LIMIT`. A family
    name alone never matches when both sides have two words or more; last, the first two
    words may match loosely (a mean word distance within :data:`LOOSE_LIMIT`, reported as
    ``ALIGN_LIMIT`` + that mean so it ranks after any close match): a close match of the
    whole name goes before a loose one of its first two words, which would cut "Hang
    Chuon Narun" to "Hang Chuon".
    """
    top = min(len(khmer), len(latin))
    for n in range(top, 1 if top > 1 else 0, -1):
        d = spelling_distance(" ".join(khmer[:n]), " ".join(latin[:n]))
        if d <= ALIGN_LIMIT:
            return n, n, d
    best: tuple[int, int, float] | None = None
    for kn in range(1, len(khmer) + 1):
        for ln in range(1, len(latin) + 1):
            if kn != ln and (kn > 1 or ln > 1):
                d = spelling_distance(" ".join(khmer[:kn]), " ".join(latin[:ln]))
                if d <= ALIGN_LIMIT and (best is None or d < best[2]):
                    best = (kn, ln, d)
    if best is not None:
        return best
    if top > 1:
        words = zip(khmer[:2], latin[:2], strict=True)
        mean = sum(spelling_distance(k, e) for k, e in words) / 2
        if mean <= LOOSE_LIMIT:
            return 2, 2, ALIGN_LIMIT + mean
    return None


def _glossary_latin(words: tuple[str, ...], glossary: Glossary) -> tuple[NameEntry, int] | None:
    for n in range(len(words), 0, -1):
        entry = glossary.by_latin(" ".join(words[:n]))
        if entry is not None:
            return entry, n
    return None


def glossary_khmer(words: tuple[str, ...], glossary: Glossary) -> str | None:
    """The key of the glossary entry that the longest prefix of ``words`` names."""
    for n in range(len(words), 0, -1):
        entry = glossary.lookup(" ".join(words[:n]))
        if entry is not None:
            return entry.key
    return None


def discover(pairs: Iterable[PairText | Mapping[str, str]], glossary: Glossary) -> Discovery:
    """Names after honorifics in every pair, aligned across languages.

    Each item of ``pairs`` is a :class:`PairText`, or a mapping from a language code to
    the reader-visible text of that version (``"km"`` is Khmer; every other language is
    searched for Latin names). Names without an honorific are taken from the aligned
    units of a :class:`PairText`; places after their Khmer prefix are anchored by the
    gazetteer; the shipped well-known names anchor like glossary entries.
    """
    anchors = with_well_known(glossary)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    pending: list[tuple[tuple[str, ...], str]] = []  # Khmer mentions nothing resolved
    people: Counter[str] = Counter()
    places: Counter[tuple[str, Kind]] = Counter()
    for item in pairs:
        pair = item if isinstance(item, PairText) else PairText(item)
        km_text = pair.texts.get("km", "")
        km_mentions = khmer_mentions(km_text)
        unmarked = unmarked_names(pair.units)
        km_mentions += [Mention(k, "", 0) for _, k, _ in unmarked]
        resolved: dict[tuple[str, ...], str] = {}
        km_places = khmer_places(km_text, anchors)
        for lang, text in pair.texts.items():
            if lang == "km":
                continue
            latin = latin_mentions(text) + [Mention(w, "", 0) for g, _, w in unmarked if g == lang]
            _align_pair(km_mentions, latin, text, anchors, tallies, resolved, people)
            _place_pair(km_places, text, tallies, places)
        for mention in km_mentions:
            key = resolved.get(mention.words) or glossary_khmer(mention.words, anchors)
            if key is None:
                pending.append((mention.words, mention.honorific))
            else:
                _seen_km(tallies[key], mention.honorific)
    known = sorted(tallies, key=lambda k: -len(k.split()))
    for words, honorific in pending:
        key = next((k for k in known if _starts_with(words, k)), None)
        key = key or normalize(" ".join(words[:DEFAULT_WORDS]))
        _seen_km(tallies[key], honorific)
    _merge_spacings(tallies)
    names = [
        _named(key, tally, glossary)
        for key, tally in tallies.items()
        if tally.kind is Kind.PLACE or not is_not_name(key.split(" ")[0])
    ]
    names.sort(key=lambda n: (n.kind, -(sum(c for _, c in n.spellings) + n.km_count), n.km))
    return Discovery(tuple(names), person_clusters(people) + place_clusters(places))


def _merge_spacings(tallies: dict[str, _Tally]) -> None:
    """Khmer forms of a name that differ only by spaces (ហ៊ុនម៉ាណែត, ហង់ ជួនណារ៉ុន) are one
    person, counted under the well-known form (ហង់ ជួន ណារ៉ុន) when there is one, else
    under the form seen with the most spaces."""
    known = {same_person_key(e.key): e.key for e in well_known().entries}
    groups: dict[str, list[str]] = defaultdict(list)
    for key in tallies:
        groups[same_person_key(key)].append(key)
    for bare, keys in groups.items():
        home = known.get(bare) or max(keys, key=lambda k: (k.count(" "), tallies[k].km_count))
        for key in keys:
            if key != home:
                _absorb(tallies[home], tallies.pop(key))


def _absorb(home: _Tally, other: _Tally) -> None:
    home.spellings.update(other.spellings)
    home.km_count += other.km_count
    home.hon_km.update(other.hon_km)
    home.hon_en.update(other.hon_en)


def _seen_km(tally: _Tally, honorific: str) -> None:
    tally.km_count += 1
    if honorific:
        tally.hon_km[honorific] += 1


def _starts_with(words: tuple[str, ...], key: str) -> bool:
    parts = key.split(" ")
    return list(words[: len(parts)]) == parts


@dataclass(frozen=True)
class _Link:
    key: str
    """The Khmer key the Latin mention belongs to."""
    words: int
    """How many of the Latin mention's words are the name."""
    khmer: tuple[str, ...] = ()
    """The Khmer mention it aligned with (empty when the glossary anchored it)."""


def _links(
    khmer: list[tuple[str, ...]], latin: Sequence[Mention], glossary: Glossary
) -> list[_Link | None]:
    """The Khmer name each Latin mention belongs to, closest pairs first.

    A Khmer name may take several spellings in one pair (Mao Sela and Mao Sila), but
    only through close matches: a loose match goes to a Khmer name nothing took yet.
    """
    chosen: dict[tuple[str, ...], _Link] = {}
    candidates: list[tuple[float, int, tuple[str, ...], _Link]] = []
    for words in dict.fromkeys(m.words for m in latin):
        listed = _glossary_latin(words, glossary)
        if listed is not None:
            chosen[words] = _Link(listed[0].key, listed[1])
            continue
        for km in khmer:
            found = align(km, words)
            if found is not None:
                link = _Link(" ".join(km[: found[0]]), found[1], km)  # words are normalized
                candidates.append((found[2], -found[1], words, link))
    taken: set[tuple[str, ...]] = set()
    for distance, _, words, link in sorted(candidates, key=lambda c: c[:2]):
        if words in chosen or (distance > ALIGN_LIMIT and link.khmer in taken):
            continue
        chosen[words] = link
        taken.add(link.khmer)
    return [chosen.get(m.words) for m in latin]


def _align_pair(
    km_mentions: Sequence[Mention],
    latin: Sequence[Mention],
    text: str,
    glossary: Glossary,
    tallies: dict[str, _Tally],
    resolved: dict[tuple[str, ...], str],
    latin_pool: Counter[str],
) -> None:
    links = _links(list(dict.fromkeys(m.words for m in km_mentions)), latin, glossary)
    seen: set[str] = set()
    for mention, link in zip(latin, links, strict=True):
        spelling = " ".join(mention.words[: link.words] if link else mention.words)
        if link is not None:
            if mention.honorific:
                tallies[link.key].hon_en[mention.honorific] += 1
            if link.khmer:
                resolved.setdefault(link.khmer, link.key)
        if spelling in seen:
            continue
        seen.add(spelling)
        count = max(count_spelling(text, spelling), 1)
        if link is None:
            latin_pool[spelling] += count
        else:
            tallies[link.key].spellings[spelling] += count


def _place_pair(
    km_places: Sequence[KhmerPlace],
    text: str,
    tallies: dict[str, _Tally],
    pool: Counter[tuple[str, Kind]],
) -> None:
    """Spellings of the pair's Khmer places in ``text``; other Latin places to ``pool``."""
    latin = latin_places(text)
    taken: set[str] = set()
    for place in dict.fromkeys(km_places):
        tally = tallies[place.km]
        tally.kind, tally.expected = Kind.PLACE, place.expected
        tally.km_count += 1
        spellings = {p.name for p in latin if same_place(p.name, place.expected)}
        if count_spelling(text, place.expected):
            spellings.add(place.expected)
        for spelling in spellings - taken:
            tally.spellings[spelling] += max(count_spelling(text, spelling), 1)
        taken |= spellings
    for found in dict.fromkeys(latin):
        if found.name not in taken:
            pool[(found.name, found.kind)] += 1


def _named(key: str, tally: _Tally, glossary: Glossary) -> DiscoveredName:
    entry = glossary.lookup(key)
    seen = tally.spellings
    if entry is None and tally.kind is Kind.PLACE:  # listed with its prefix: ខេត្តតាកែវ
        prefix = next((p for p in PREFIXES if glossary.lookup(p + key)), None)
        if prefix is not None:
            entry = glossary.lookup(prefix + key)
            seen = _with_word(seen, PREFIXES[prefix][1], entry)
    spellings = tuple(sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])))
    known = None if entry is not None else well_known().lookup(key)
    return DiscoveredName(
        km=key,
        spellings=spellings,
        km_count=tally.km_count,
        romanized=tally.expected or romanized(key),
        honorific_km=_most_common(tally.hon_km),
        honorific_en=_most_common(tally.hon_en),
        entry=entry,
        kind=tally.kind,
        known=known,
    )


def _with_word(seen: Counter[str], word: str, entry: NameEntry | None) -> Counter[str]:
    """Spellings of a place listed with its prefix, read with the prefix's English word
    when the glossary writes them so ("Takeo" seen before "Province" is "Takeo Province")."""
    listed = {entry.en, *entry.variants} if entry is not None else set()
    out: Counter[str] = Counter()
    for spelling, count in seen.items():
        out[f"{spelling} {word}" if f"{spelling} {word}" in listed else spelling] += count
    return out


def _most_common(counter: Counter[str]) -> str:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else ""
