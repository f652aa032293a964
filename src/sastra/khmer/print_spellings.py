"""The spellings print uses for a Khmer name, and matching a Latin spelling against them.

:func:`sastra.khmer.romanize.romanize_name` prints one spelling, but where Khmer script
leaves a choice print splits: the inherent vowel is printed ``a`` or ``o`` in both series
(សត្ថា "Satha"/"Sotha", ឆន "Chhan"/"Chhorn"), a final's Pali ិ is read or not (សិទ្ធិ
"Seth"/"Sithi"), and so on (docs/names.md, "Recognising a Khmer name"). :func:`spellings`
lists, for each word of a name, the romanizer's spelling, the usage table's, and the
spellings that differ from the rules' only at those points; :func:`romanization_distance`
is the :func:`~sastra.khmer.similarity.name_distance` of a Latin spelling to the nearest of
them, and :func:`match_romanization` says it is the same name.

Each alternative is where the Khmer letters leave print a choice, never another vowel or
consonant than the Khmer writes: សុខ (ុ) is "Sok" or "Suk", not "Sak"; សាក់ (ា) is "Sak",
not "Sok"; ដ is never ``t`` at the start of a word (ដារ៉ា "Dara" is not "Tara").

The alternatives of one syllable (its *slots*):

* the inherent vowel (no vowel sign; closed or open, with or without ់): ``a`` or ``o``,
  whichever series (the rules write ``a``/``o`` by series and the Pali readings);
* the inherent vowel with ំ before another syllable of the word: ``am``, ``om`` or ``um``
  (សំណាង "Samnang"/"Somnang"; closing a word it stays as the rules spell it, សំ "Sam" is
  not សុម "Som");
* o-series ័: ``a`` or ``o`` (រ័ត្ន "Roth"/"Rath", ព័ន្ធ "Porn"/"Pan");
* o-series ា before ់ and ាំ: ``ea`` beside the rules' ``oa`` (the vowel is ា, printed
  ``ea``);
* ៃ: ``ai`` or ``ei`` in both series ("Chhay"/"Chhey", "Haiseyla"/"Heisela");
* ឯ: ``ae``, ``e`` or ``ea`` ("Em"/"Eam");
* ត written ``d`` after a nasal (ចិន្តា "Chenda") is printed ``t`` as often ("Buntenh"),
  and a subscript ត/ដ opening a syllable is either (្ត and ្ដ are one glyph: "Suosdey");

and of the whole word: a final consonant written with ិ after a long syllable, read as a
final (សុជាតិ "Socheat") or with its vowel (the word's rules run again with
``spoken_final_i``); a word made of listed words of the usage table
(:mod:`sastra.khmer.name_words`), each listed word in its listed spelling or the rules';
and a word a listed word starts, spelled as that word and the rules' spelling of the rest
(សែនករុណា "Sen" + "Karona", where the rules alone read "Senokrona").

Splits that :func:`~sastra.khmer.similarity.same_name` already folds (``t``/``th``,
``uo``/``ou``, ``ang``/``aing``, ``oeu``/``oeur``, ``e``/``i``, ``o``/``u``) are not
listed again. Bounded: at most :data:`MAX_DEPARTURES` departures from the rules in one
word, at most :data:`MAX_WORD_SPELLINGS` spellings of a word and :data:`MAX_NAME_SPELLINGS`
of a name (fewest departures first).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from sastra.khmer.name_words import join_pieces, usage_heads, usage_pieces, usage_spelling
from sastra.khmer.romanize import Piece, render, word_pieces
from sastra.khmer.similarity import (
    CONSONANT,
    THRESHOLD,
    latin_words,
    name_distance,
    name_key,
    same_name,
)
from sastra.khmer.syllables import BANTOC, NIKAHIT, REAHMUK, SAMYOK, YUUKALEAPINTU
from sastra.khmer.unicode import normalize

__all__ = [
    "MAX_DEPARTURES",
    "MAX_HEADS",
    "MAX_NAME_SPELLINGS",
    "MAX_WORD_SPELLINGS",
    "match_romanization",
    "romanization_distance",
    "spellings",
]

MAX_DEPARTURES = 3
"""Most points of one word spelled otherwise than the rules spell them."""
MAX_WORD_SPELLINGS = 32
"""Most spellings kept for one word."""
MAX_NAME_SPELLINGS = 256
"""Most spellings of a whole name compared with a Latin spelling."""
MAX_HEADS = 2
"""Most listed words tried at the start of a word the usage table does not cover."""

_VOWEL_SIGNS = frozenset({NIKAHIT, REAHMUK, YUUKALEAPINTU, SAMYOK})


def _nuclei(piece: Piece, last: bool) -> tuple[str, ...]:
    """The nucleus spellings print uses for a piece, the rules' first; ``last``: the piece
    closes the word."""
    syl, nucleus = piece.syllable, piece.nucleus
    if syl.independent:
        return (nucleus, "e", "ea") if syl.independent == "ឯ" else (nucleus,)
    signs = set(syl.signs) - {BANTOC}
    if not syl.vowel and not signs & _VOWEL_SIGNS:
        return _with(nucleus, "a", "o")  # the inherent vowel: សត្ថា "Satha"/"Sotha"
    if not syl.vowel and signs == {NIKAHIT} and not last:
        return _with(nucleus, "am", "om", "um")  # សំណាង "Samnang"/"Somnang"; សំ stays "Sam"
    if not syl.vowel and SAMYOK in signs and syl.series == 2 and syl.final != "យ":
        return _with(nucleus, "a", "o")  # រ័ត្ន "Roth"/"Rath"
    if syl.vowel == "ា" and nucleus in ("oa", "oam"):
        return _with(nucleus, nucleus.replace("oa", "ea"))  # ា printed ea
    if syl.vowel == "ៃ":
        return _with(nucleus, "ai", "ei")  # ៃ: "Chhay"/"Chhey"
    return (nucleus,)


def _with(first: str, *others: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((first, *others)))


_STOPS_TD = {"t": "d", "d": "t"}


def _onsets(piece: Piece, after_nasal: bool) -> tuple[str, ...]:
    """The onset spellings print uses for a piece: ត/ដ opening a syllable after a nasal or
    as a subscript is ``t`` or ``d``; the rules' first."""
    syl, onset = piece.syllable, piece.onset
    first = syl.onset[:1]
    if first in (["ត"], ["ដ"]) and onset[:1] in _STOPS_TD and (syl.from_subscript or after_nasal):
        return (onset, _STOPS_TD[onset[0]] + onset[1:])
    return (onset,)


def _slots(parts: list[Piece]) -> list[tuple[Piece, ...]]:
    """Each piece with the pieces print may write instead, the rules' first."""
    out: list[tuple[Piece, ...]] = []
    previous_final = ""
    for k, piece in enumerate(parts):
        if piece.silent_end:
            out.append((piece,))
            continue
        onsets = _onsets(piece, previous_final in ("ន", "ណ"))
        options = [
            replace(piece, onset=onset, nucleus=nucleus)
            for onset, nucleus in itertools.product(onsets, _nuclei(piece, _closes(parts, k)))
        ]
        out.append(tuple(options))
        previous_final = piece.syllable.final
    return out


def _closes(parts: list[Piece], k: int) -> bool:
    """The piece at ``k`` closes its word: nothing but silent subscripts after it."""
    return all(p.silent_end for p in parts[k + 1 :])


def _choices(slots: list[tuple[Piece, ...]]) -> Iterator[list[Piece]]:
    """Combinations of the slots' options, fewest departures from the rules first."""
    ambiguous = [i for i, options in enumerate(slots) if len(options) > 1]
    for departures in range(min(MAX_DEPARTURES, len(ambiguous)) + 1):
        for where in itertools.combinations(ambiguous, departures):
            ranges = [
                range(1, len(slots[i])) if i in where else range(1) for i in range(len(slots))
            ]
            for pick in itertools.product(*ranges):
                yield [slots[i][j] for i, j in enumerate(pick)]


def _run_spellings(parts: list[Piece]) -> list[str]:
    return [render(chosen) for chosen in itertools.islice(_choices(_slots(parts)), 4096)]


def _rule_texts(word: str) -> list[str]:
    """A word's spellings by the rules: runs of Khmer letters combined with the text between
    them, the final's Pali ិ silent, then read."""
    out: list[str] = []
    for spoken_final_i in (False, True):
        texts = [""]
        for part in word_pieces(word, spoken_final_i=spoken_final_i):
            options = _run_spellings(part) if isinstance(part, list) else [part]
            texts = [t + o for t in texts for o in options][:MAX_WORD_SPELLINGS]
        out += texts
    return out


def _usage_texts(word: str) -> list[str]:
    """A word's spellings from the usage table: each listed piece (the whole word when it is
    listed whole) as listed, or in a spelling the rules allow it, the listed ones first; a
    word the table does not cover, when a listed word starts it, as that word's spelling and
    the rest's by the rules (ព្រហ្មនា "Prum" + "nea": Khmer writes as one word what print
    may space, and the rules do not know the listed word's usage spelling)."""
    pieces = usage_pieces(word)
    if pieces is None:
        return [
            join_pieces([spelled, text])
            for head, spelled in usage_heads(word)[:MAX_HEADS]
            for text in _rule_texts(word[len(head) :])
        ]
    options = []
    for khmer, spelled in pieces:
        mark = spelled[: len(spelled) - len(spelled.lstrip("\u0000"))]  # starts a word: អ
        options.append([spelled, *(mark + text for text in _rule_texts(khmer))])
    combined = itertools.islice(itertools.product(*options), MAX_WORD_SPELLINGS)
    return [join_pieces(list(spelled)) for spelled in combined]


@lru_cache(maxsize=8192)
def _word_spellings(word: str) -> tuple[str, ...]:
    """One normalized Khmer word's spellings: :func:`~sastra.khmer.romanize.romanize_name`'s
    first (the usage table's, else the rules'), then the others, one spelling per
    :func:`name_key`, at most :data:`MAX_WORD_SPELLINGS`."""
    rules = _rule_texts(word)
    found = [usage_spelling(word) or rules[0], *_usage_texts(word), *rules]
    out: dict[str, str] = {}
    for text in found:
        spelled = _capitalise(text)
        out.setdefault(name_key(spelled), spelled)
        if len(out) == MAX_WORD_SPELLINGS:
            break
    return tuple(out.values())


def _capitalise(text: str) -> str:
    return " ".join(part[:1].upper() + part[1:].lower() for part in text.split(" ") if part)


@lru_cache(maxsize=4096)
def spellings(khmer: str) -> tuple[tuple[str, ...], ...]:
    """For each word of a Khmer name, the spellings print uses for it, the one
    :func:`~sastra.khmer.romanize.romanize_name` prints first:

    ``spellings("កែន សត្ថា")`` → ``(("Ken",), ("Satha", "Sotha", …))``.
    """
    return tuple(_word_spellings(w) for w in normalize(khmer).split(" ") if w)


@lru_cache(maxsize=65536)
def romanization_distance(khmer: str, latin: str) -> float:
    """The :func:`~sastra.khmer.similarity.name_distance` from ``latin`` to the nearest
    spelling of the Khmer name (:func:`spellings`): 0.0 when ``latin`` is one of them.

    Word by word when the Latin name has as many words as the Khmer one (each Khmer word's
    nearest spelling against its Latin word); otherwise whole names, the first spellings of
    each word combined, at most :data:`MAX_NAME_SPELLINGS` of them, for the spacings
    :func:`~sastra.khmer.similarity.name_distance` allows ("Chansrey" for ចាន់ ស្រី)."""
    options = spellings(khmer)
    best = name_distance(" ".join(o[0] for o in options), latin)  # romanize_name's
    words = latin_words(latin)
    if options and len(words) == len(options) and not any(" " in o[0] for o in options):
        per_word = max(_nearest(o, word) for o, word in zip(options, words, strict=True))
        return min(best, per_word)
    keep = max(1, int(MAX_NAME_SPELLINGS ** (1 / max(len(options), 1))))
    for name in itertools.product(*(o[:keep] for o in options)):
        if best == 0.0:
            break
        best = min(best, name_distance(" ".join(name), latin))
    return best


@lru_cache(maxsize=65536)
def _nearest(spelled: tuple[str, ...], word: str) -> float:
    """The distance from a Latin word to the nearest of one Khmer word's spellings."""
    return min((name_distance(o, word) for o in spelled if " " not in o), default=CONSONANT)


def match_romanization(khmer: str, latin: str) -> bool:
    """True when ``latin`` is a spelling of the Khmer name ``khmer``: the same name
    (:func:`~sastra.khmer.similarity.same_name`) as the romanizer's spelling or as one of
    the spellings print uses where the Khmer leaves a choice (:func:`spellings`)."""
    if not name_key(latin):
        return False
    romanized = " ".join(words[0] for words in spellings(khmer))  # romanize_name's
    return same_name(romanized, latin) or romanization_distance(khmer, latin) <= THRESHOLD
