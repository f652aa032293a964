"""Name words whose Latin spelling is fixed by usage (the shipped table
``data/names/name-words.tsv``): the first stop of :func:`sastra.khmer.romanize.romanize_name`.

Printed person names follow conventions more than rules (ព័ន្ធមុនីរ័ត្ន is "Pornmoniroth",
រង្ស៊ី is "Rainsy"); the table holds those conventions and the rules are the fallback for
every word it does not cover. Most of the table is a lexicon of common Cambodian family
names and given-name words in their commonest printed spelling (សុខ "Sok", វុទ្ធី "Vuthy").
A word is spelled from the table when it is listed whole, or when it is made only of listed
words (ព័ន្ធ + មុនី + រ័ត្ន, ស្រី + ពៅ "Sreypov"), the longest first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sastra.khmer.unicode import normalize

__all__ = ["join_pieces", "usage_heads", "usage_pieces", "usage_spelling"]

NAME_WORDS_FILE = "data/names/name-words.tsv"

_STARTS = frozenset(chr(c) for c in range(0x1780, 0x17B4))
"""Characters a Khmer word can start with: consonants and independent vowels."""


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = resources.files("sastra").joinpath(NAME_WORDS_FILE).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            khmer, printed = line.split("\t")[:2]
            table[normalize(khmer)] = printed
    return table


def usage_spelling(word: str) -> str | None:
    """The usage spelling of one normalized Khmer name word, or ``None`` when the table
    has neither the word nor every piece of it: ``ព័ន្ធមុនីរ័ត្ន`` → ``"Pornmoniroth"``."""
    table = _table()
    if word in table:
        return table[word]
    pieces = usage_pieces(word)
    return None if pieces is None else join_pieces([spelled for _, spelled in pieces])


def usage_pieces(word: str) -> list[tuple[str, str]] | None:
    """A normalized word as listed words, ``(khmer, spelling)``: one piece when it is listed
    whole, else the pieces it is made of, the longest first at each point (a piece that
    starts with អ is marked to start a word of its own, see :func:`join_pieces`); ``None``
    when the table does not cover it."""
    return _whole(word, _table())


def usage_heads(word: str) -> list[tuple[str, str]]:
    """The listed words that start a normalized word the table does not cover, longest
    first, as ``(khmer, spelling)``, each where the rest of the word can start
    (ព្រហ្មនា: ព្រហ្ម "Prum")."""
    table = _table()
    return [
        (word[:end], table[word[:end]])
        for end in range(len(word) - 1, 1, -1)
        if word[:end] in table and word[end] in _STARTS
    ]


def join_pieces(spellings: list[str]) -> str:
    """The spellings of a word's pieces joined into the word: ``["Srey", "Pov"]`` →
    ``"Sreypov"``."""
    # (a letter that ends one piece and doubles the next is written twice, not three
    # times: វណ្ណ + នី is "Vanny", not "Vannny")
    joined = _TRIPLED.sub(r"\1\1", "".join(spellings).lower()).replace(_GLOTTAL, " ")
    return " ".join(part[:1].upper() + part[1:] for part in joined.split())


_TRIPLED = re.compile(r"([a-z])\1\1+")


_GLOTTAL = "\u0000"
"""Marks a piece that starts with អ: print writes it as a word of its own (សំ + អាន "Sam
An", as the rules write a syllable opened by អ after a closed one)."""


def _split(word: str, table: dict[str, str]) -> list[tuple[str, str]] | None:
    """``word`` as two or more listed words, longest first at each point; a piece ends only
    where the next one can start (not before a vowel sign, a sign or a subscript)."""
    if not word:
        return []
    for end in range(len(word) - 1, 0, -1):
        head, rest = word[:end], word[end:]
        if head in table and rest[0] in _STARTS and (rest_pieces := _whole(rest, table)):
            if rest[0] == "អ":
                rest_pieces[0] = (rest_pieces[0][0], _GLOTTAL + rest_pieces[0][1])
            return [(head, table[head]), *rest_pieces]
    return None


def _whole(word: str, table: dict[str, str]) -> list[tuple[str, str]] | None:
    if word in table:
        return [(word, table[word])]
    return _split(word, table)
