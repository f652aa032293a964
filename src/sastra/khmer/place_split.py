"""Place names the gazetteer lacks, spelled from the words of the names it has.

A village's or a school's name is usually built of place words the gazetteer already spells:
ត្រពាំងថ្មីខាងជើង is ត្រពាំង + ថ្មី + ខាង + ជើង ("Trapeang Thmei Khang Cheung"), ស្ទឹងមានជ័យ is
ស្ទឹង + មានជ័យ. :func:`place_words` learns, from the gazetteer's (Khmer, official spelling)
pairs, which stretch of Khmer each Latin word spells: a name of one Latin word gives its
word outright (ថ្មី "Thmei"), and a name whose other words are known gives the last one
(ត្រពាំងលាន with ត្រពាំង "Trapeang" known gives លាន "Lean"); a stretch spelled several ways
keeps its commonest spelling. :func:`split_place` then cuts an unknown name into the fewest
known stretches (whole gazetteer names count as one), leaving what no stretch covers to the
person-name romanizer. A cut falls only before a consonant or an independent vowel, never
inside a cluster (before a subscript, a vowel sign or a diacritic).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["place_words", "split_place"]

_NUMBER_WORDS = ("Muoy", "Pir", "Bei", "Buon", "Pram", "Prammuoy", "Prampir", "Prambei")
_DIGITS = "០១២៣៤៥៦៧៨៩"
_UNKNOWN = 100
"""The cost of one character no known stretch covers, against 1 for each stretch."""


def _can_cut(key: str, index: int) -> bool:
    """A word may start at ``key[index]``: a consonant or an independent vowel, not after a
    coeng (the subscript sign)."""
    return (
        0 < index < len(key) and "\u1780" <= key[index] <= "\u17b3" and key[index - 1] != "\u17d2"
    )


def _strip_number(key: str, words: list[str]) -> tuple[str, list[str]]:
    """``(ត្រពាំងទី១, [Trapeang, Ti, Muoy])`` → ``(ត្រពាំង, [Trapeang])``: numbered names
    lose their number (its spelling is not a word's)."""
    if len(words) > 2 and words[-2] == "Ti" and words[-1] in _NUMBER_WORDS:
        cut = max(key.rfind("ទី"), key.rfind("ទិ"))  # ី is folded to ិ in a key
        if cut > 0 and all(c in _DIGITS for c in key[cut + 2 :]):
            return key[:cut], words[:-2]
    return key, words


def place_words(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, int]]:
    """Khmer stretch → (Latin word, how many names spell it so), from (folded Khmer key,
    official spelling) pairs."""
    names = [_strip_number(k, e.split()) for k, e in pairs]
    names = [(k, w) for k, w in names if k and w and all(c not in _DIGITS for c in k)]
    votes: dict[str, Counter[str]] = {}
    for key, words in names:
        if len(words) == 1:
            votes.setdefault(key, Counter())[words[0]] += 1
    for _ in range(3):  # each pass learns from the words the previous one found
        known = {k: c.most_common(1)[0][0] for k, c in votes.items()}
        learned: dict[str, Counter[str]] = {}
        for key, words in names:
            if len(words) > 1:
                for stretch, word in _one_unknown(key, words, known):
                    learned.setdefault(stretch, Counter())[word] += 1
        for stretch, spellings in learned.items():
            if stretch not in votes:
                votes[stretch] = spellings
    known = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    counts: Counter[tuple[str, str]] = Counter()
    for key, words in names:  # the count: every name spelt from known words votes for them
        if len(words) == 1:
            counts[key, words[0]] += 1
        else:
            counts.update(_align(key, words, known) or ())
    return {k: (w, counts[k, w]) for k, w in known.items()}


def _align(key: str, words: list[str], known: dict[str, str]) -> list[tuple[str, str]] | None:
    """``key`` cut into one known stretch for each of ``words``, or ``None``."""
    if len(words) == 1:
        return [(key, words[0])] if known.get(key) == words[0] else None
    for end in range(1, len(key)):
        if _can_cut(key, end) and known.get(key[:end]) == words[0]:
            rest = _align(key[end:], words[1:], known)
            if rest is not None:
                return [(key[:end], words[0]), *rest]
    return None


def _one_unknown(key: str, words: list[str], known: dict[str, str]) -> list[tuple[str, str]]:
    """The (stretch, word) a name teaches: its words known from the front and from the back
    leave one word and one stretch between them."""
    start, first = 0, 0
    while first < len(words) - 1:
        cut = next(
            (
                end
                for end in range(len(key) - 1, start, -1)
                if _can_cut(key, end) and known.get(key[start:end]) == words[first]
            ),
            None,
        )
        if cut is None:
            break
        start, first = cut, first + 1
    stop, last = len(key), len(words)
    while last - 1 > first:
        cut = next(
            (
                begin
                for begin in range(start + 1, stop)
                if _can_cut(key, begin) and known.get(key[begin:stop]) == words[last - 1]
            ),
            None,
        )
        if cut is None:
            break
        stop, last = cut, last - 1
    if last - first == 1 and stop > start:
        return [(key[start:stop], words[first])]
    return []


COMMON = 20
"""A word is cut out of the middle of a segmenter's word only when this many gazetteer names
spell it so (ខាងជើង is ខាង "Khang" + ជើង "Cheung"; បាសិត is not បា "Ba" + សិត "Set")."""


FREQUENT = 100
"""A word that opens a segmenter's word is cut off, whatever follows, when this many
gazetteer names spell it so (ព្រៃ Prey, ត្រពាំង Trapeang, ស្វាយ Svay, កំពង់ Kampong, តា Ta)."""


def split_place(
    key: str, words: dict[str, tuple[str, int]], bounds: Iterable[int]
) -> list[tuple[str, str | None]]:
    """``key`` cut into the fewest known stretches: ``[(stretch, spelling or None)]``, ``None``
    for a run no known stretch covers. ``bounds`` are the word ends the segmenter found: an
    unknown run starts and ends on one, a known stretch may also cut inside a word when it is
    :data:`COMMON`. Whole gazetteer names may be in ``words`` too."""
    ends = {0, len(key), *bounds}
    longest = max((len(k) for k in words), default=0)
    for start in sorted(ends):  # ព្រៃឡង់ is ព្រៃ "Prey" + ឡង់: a word of its own
        for end in range(start + 1, min(len(key), start + longest)):
            if _can_cut(key, end) and words.get(key[start:end], ("", 0))[1] >= FREQUENT:
                ends.add(end)
    size = len(key)
    never = 1 << 30
    best: list[tuple[int, int, bool]] = [(0, 0, False)] + [(never, 0, False)] * size
    for end in range(1, size + 1):
        if end not in ends and not _can_cut(key, end):
            continue
        for begin in range(end):
            if best[begin][0] >= never or (begin not in ends and not _can_cut(key, begin)):
                continue
            known = words.get(key[begin:end]) if end - begin <= longest else None
            whole = begin in ends and end in ends  # on the segmenter's word ends
            found = known is not None and (whole or known[1] >= COMMON)
            if not found and not whole:
                continue
            cost = best[begin][0] + (1 if found else _UNKNOWN * (end - begin))
            if cost < best[end][0]:
                best[end] = (cost, begin, found)
    out: list[tuple[str, str | None]] = []
    end = size
    while end:
        _, begin, found = best[end]
        stretch = key[begin:end]
        if not found and out and out[-1][1] is None:
            out[-1] = (stretch + out[-1][0], None)  # unknown runs are one run
        else:
            out.append((stretch, words[stretch][0] if found else None))
        end = begin
    return out[::-1]
