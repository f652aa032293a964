"""Latin spellings that no Khmer name anchors, grouped (for ``i18n names discover``).

People's spellings are grouped by :func:`~sastra.khmer.similarity.same_name` against
each group's most frequent spelling; places and schools by
:func:`~sastra.khmer.similarity.same_place`, with their kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sastra.khmer.similarity import same_name, same_place
from sastra.names.glossary import Kind

__all__ = ["LatinCluster", "person_clusters", "place_clusters"]


@dataclass(frozen=True)
class LatinCluster:
    """Similar Latin spellings that no Khmer name anchors."""

    spellings: tuple[tuple[str, int], ...]
    """``(spelling, count)``, most frequent first."""
    kind: Kind = Kind.PERSON
    """People, or a place or an organisation named before "District", "School"…"""


def person_clusters(pool: Counter[str]) -> tuple[LatinCluster, ...]:
    """People's spellings no Khmer name anchors, grouped; a spelling that is only the
    first words of another ("David" beside "David L. Almirol Jr.") is a cut name, not
    a name."""
    whole = [s.split() for s in pool]
    kept = Counter({s: n for s, n in pool.items() if not any(_cut(s.split(), w) for w in whole)})
    groups: list[list[tuple[str, int]]] = []
    for spelling, count in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0])):
        home = next((g for g in groups if same_name(g[0][0], spelling)), None)
        if home is None:
            groups.append([(spelling, count)])
        else:
            home.append((spelling, count))
    return tuple(LatinCluster(tuple(g)) for g in groups)


def _cut(words: list[str], other: list[str]) -> bool:
    return len(words) < len(other) and other[: len(words)] == words


def place_clusters(pool: Counter[tuple[str, Kind]]) -> tuple[LatinCluster, ...]:
    """Place and organisation spellings without a Khmer anchor, grouped by
    :func:`~sastra.khmer.similarity.same_place`; only groups of two spellings or more
    (one spelling of a school is nothing to fix)."""
    groups: list[list[tuple[str, int, Kind]]] = []
    for (spelling, kind), count in sorted(pool.items(), key=lambda kv: (-kv[1], kv[0])):
        home = next((g for g in groups if g[0][2] is kind and same_place(g[0][0], spelling)), None)
        if home is None:
            groups.append([(spelling, count, kind)])
        else:
            home.append((spelling, count, kind))
    return tuple(
        LatinCluster(tuple((s, n) for s, n, _ in g), g[0][2]) for g in groups if len(g) > 1
    )
