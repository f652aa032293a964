"""Similarity of Latin spellings of Khmer personal names.

Khmer names are romanized in many ways: ម៉ៅ សិលា is printed "Mao Sela", "Mao Sila"
or "Mao Seila"; វណ្ណដេត as "Vandeth" or "Vandet". A plain edit distance calls
"Sela"/"Sila" as different as "Sela"/"Sina". This module compares names the way a
Khmer reader does:

1. :func:`name_key` folds spellings that stand for the same Khmer letters:
   aspirate digraphs (``chh``/``ch`` → ``c``, ``kh`` → ``k``, ``ph`` → ``p``,
   ``th`` → ``t``, ``nh`` → ``n``), ``j`` → ``c`` (ជ printed "J": "Jea"/"Chea"), a
   first syllable's ``om`` before a consonant → ``am`` (ំ: "Somnang"/"Samnang"),
   ``w`` → ``v``, ``y`` as a vowel → ``i``,
   ``ea`` → ``a`` (o-series /iə/ after a consonant, "Sophea"), ``ae`` → ``e`` and a
   final ``aev`` → ``eo`` (the gazetteer's ែ: "Preaek Ta Kaev" is printed "Prek Ta
   Keo"), ``ieu``/``iev``/``eav`` → one form (ៀវ: "Khieu", "Seavmey"/"Sieumey"), a final
   ``ov`` → ``ou`` (ៅ: "Pov"/"Pou"), doubled letters to one,
   a silent word-final ``h`` or ``r`` after a vowel ("Sokhar", "Preah"), a word-final
   ``d`` after a vowel → ``t`` ("Vanded"/"Vandet") and ``b`` → ``p`` ("Yeab"/"Yeap"),
   and an ``r`` between a vowel and a consonant, which marks a long vowel ("Thoeurn",
   "Sorn").
   It never folds one consonant into another: ``d``/``t`` (ដ/ត) and ``l``/``n``
   are different letters in Khmer, so "Dara"/"Tara" and "Sela"/"Sina" stay apart.
2. :func:`name_distance` is a weighted edit distance over *units* of the keys
   (a consonant, ``ng``, or a whole run of vowels). Vowel runs of one class
   (front ``i e ei ie``, open ``a ae ai``, back ``o u ou ao``, central ``eu oe``)
   cost :data:`VOWEL_SAME_CLASS` to swap; across classes they cost more, except two
   pairs print uses for one Khmer vowel: ``ie``/``ia`` with ``a`` (ៀ: "Hieng"/"Heang")
   at the same-class cost, ``ei``/``ai`` (ៃ, ័យ: "Ney"/"Nay") at :data:`VOWEL_NEAR_CLASS`;
   consonants cost :data:`CONSONANT` to swap, insert or delete, except ``h``
   (:data:`H_INDEL`).
3. :func:`same_name` says yes when the distance is at most :data:`THRESHOLD`.

Names of several words are compared word by word and the largest word distance
counts; a word may stand for up to three neighbouring words of the other name, joined
("Chan Srey"/"Chansrey", "Hang Chuonnaron"/"Hang Chuon Naron"), since print spaces the
words of one Khmer name in different ways. Word order is significant: "Sela Mao" is not
"Mao Sela".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "CONSONANT",
    "H_INDEL",
    "INHERENT_INDEL",
    "PLACE_KINDS",
    "PLACE_WORDS",
    "THRESHOLD",
    "VOWEL_INDEL",
    "VOWEL_OTHER_CLASS",
    "VOWEL_SAME_CLASS",
    "latin_words",
    "name_distance",
    "name_key",
    "same_name",
    "same_place",
]

THRESHOLD = 0.6
"""Largest per-word distance at which two spellings are the same name: up to two vowel
swaps within a class ("Seyla"/"Sila"), or one stray ``h`` and one such swap. One
consonant change (1.0) or one vowel across classes (1.0) is always a different name."""

VOWEL_SAME_CLASS = 0.3
"""Swapping vowel runs of one class: Sela/Sila, Sokhom/Sokhum, Mao/Mau."""
VOWEL_NEAR_CLASS = 0.6
"""Swapping the central class (``eu``, ``oe``) with front or back: Thoeun/Thun."""
VOWEL_OTHER_CLASS = 1.0
"""Swapping across other classes: Hean/Hun (``a``/``u``)."""
VOWEL_INDEL = 0.8
"""Inserting or deleting a whole vowel run: Sok/Soka are different names."""
INHERENT_INDEL = 0.6
"""Inserting or deleting an inherent vowel (a lone ``a`` or ``o``) between two consonants
inside a word: Khmer script does not write whether a consonant carries its vowel, so print
and the romanizer differ on it (យុវនាថ "Yuvneath"/"Yuvaneath", "Kimsreang"/"Kimasreang").
Only after the word's first vowel, never at its end ("Sok"/"Sokha", "Srun"/"Sarun" stay
apart), and never another vowel ("Srey"/"Serey")."""
CONSONANT = 1.0
"""Swapping, inserting or deleting a consonant: Dara/Tara, Sophea/Sopheap."""
H_INDEL = 0.3
"""Inserting or deleting an ``h`` the digraph folds left behind."""

_VOWELS = frozenset("aeiou")
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("chh", "c"), ("ch", "c"), ("kh", "k"), ("ph", "p"), ("th", "t"),
    ("nh", "n"), ("dh", "d"), ("bh", "b"), ("gh", "g"), ("ck", "k"),
)  # fmt: skip
_WORD_RE = re.compile(r"[a-z]+")
_UNIT_RE = re.compile(r"[aeiou]+|ng|[a-z]")

_FRONT = frozenset({"i", "e", "ei", "ie", "iei", "eie"})
_CENTRAL = frozenset({"eu", "oe", "oeu", "ue", "eo", "euo", "oeua", "eua"})


_NIKAHIT_SYLLABLE = re.compile(r"^(chh|ch|kh|k|s|th|t|d|ph|p|l)om(?=[bcdhklmnprstv])")
"""A first syllable of one consonant and a-series ំ before the next syllable's consonant:
print writes it "am" or "om" (សំណាង Samnang/Somnang, ចំរើន Chamroeun/Chomroeun, កំពង់
Kampong/Kompong)."""


def _fold_place_vowels(word: str) -> str:
    """A word-initial ំ syllable printed "om" is the "am" of the other spelling: one key.
    Only before another consonant of the same word: "Som" alone and "Somaly" stay."""
    return _NIKAHIT_SYLLABLE.sub(r"\1am", word)


def _fold_word(word: str) -> str:
    word = _fold_place_vowels(word)
    for digraph, single in _DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.replace("w", "v").replace("q", "k").replace("j", "c")  # ជ is printed j too
    # y is a consonant only at the start of a word before a vowel ("Yem", "Yuth").
    head = "Y" if len(word) > 1 and word[0] == "y" and word[1] in _VOWELS else word[:1]
    word = (head + word[1:]).replace("y", "i").replace("Y", "y")
    word = re.sub(r"aev$", "eo", word)  # ែវ: the gazetteer's "Kaev" is printed "Keo"
    word = re.sub(r"(?:ieu|iev|eav|iav)(?![aeiou])", "iav", word)  # ៀវ: Khieu, Khiev, Seav
    word = word.replace("ae", "e")  # ែ: the gazetteer's "Preaek" is printed "Prek"
    word = re.sub(r"ov$", "ou", word)  # ៅ closing a word: "Pov" and "Pou" are one name
    word = re.sub(r"(?<=[^aeiou])ea", "a", word)
    if len(word) > 2 and word[-1] in "hr" and word[-2] in _VOWELS:
        word = word[:-1]
    word = re.sub(r"(?<=[aeiou])r(?=[^aeiou])", "", word)  # length mark: "Thoeurn", "Sorn"
    if len(word) > 2 and word[-1] in "db" and word[-2] in _VOWELS:
        # a final ដ/ត is printed t, th or d ("Vandet", "Vanded"), a final ប p or b ("Yeap",
        # "Yeab"): Khmer has no voiced final, so these are one letter
        word = word[:-1] + ("t" if word[-1] == "d" else "p")
    word = re.sub(r"(.)\1+", r"\1", word)
    return word


@lru_cache(maxsize=4096)
def _words(latin: str) -> tuple[str, ...]:
    decomposed = unicodedata.normalize("NFKD", latin)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = re.sub(r"['’\-.]", "", plain)
    return tuple(_WORD_RE.findall(plain))


def latin_words(latin: str) -> tuple[str, ...]:
    """The words of a Latin name as :func:`name_distance` compares them: lower case, without
    diacritics, hyphens or apostrophes: ``latin_words("Hun Manet's")`` → ``("hun", "manets")``."""
    return _words(latin)


@lru_cache(maxsize=4096)
def name_key(latin: str) -> str:
    """The romanization-aware key of a Latin name: words folded and joined by a space.

    ``name_key("Mao Sela") == name_key("Mao Sela")``; ``name_key("Vandeth") == "vandet"``;
    ``name_key("Sokhar") == "soka"``. Diacritics, case, hyphens and apostrophes are
    ignored; anything that is not a Latin letter separates words.
    """
    return " ".join(_fold_word(w) for w in _words(latin))


def _vowel_class(run: str) -> str:
    if run in _FRONT or set(run) <= {"i", "e"}:
        return "F"
    if run in _CENTRAL:
        return "C"
    if "a" in run and not set(run) & {"o", "u"}:
        return "A"
    return "B"


_SAME_VOWEL_SWAPS = frozenset(
    {frozenset({"a", "ie"}), frozenset({"a", "ia"}), frozenset({"a", "iea"})}
)
"""ៀ is printed ie, ia or ea ("Hieng", "Heang"), and ea folds to a: one class, though the
runs look front and open."""
_NEAR_VOWEL_SWAPS = frozenset({frozenset({"ai", "ei"})})
"""ៃ and ័យ are printed ay or ey ("Nay"/"Ney", "Chay"/"Chey"): near, one swap per word."""


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    a_vowel, b_vowel = a[0] in _VOWELS, b[0] in _VOWELS
    if a_vowel and b_vowel:
        if frozenset({a, b}) in _SAME_VOWEL_SWAPS:
            return VOWEL_SAME_CLASS
        if frozenset({a, b}) in _NEAR_VOWEL_SWAPS:
            return VOWEL_NEAR_CLASS
        ca, cb = _vowel_class(a), _vowel_class(b)
        if ca == cb:
            return VOWEL_SAME_CLASS
        if "C" in (ca, cb) and "A" not in (ca, cb):
            return VOWEL_NEAR_CLASS
        return VOWEL_OTHER_CLASS
    if a_vowel or b_vowel:
        return VOWEL_INDEL + CONSONANT  # never cheaper than delete + insert
    return CONSONANT


def _indel(unit: str) -> float:
    if unit[0] in _VOWELS:
        return VOWEL_INDEL
    return H_INDEL if unit == "h" else CONSONANT


def _indels(units: list[str]) -> list[float]:
    """The cost of inserting or deleting each unit of a word: :func:`_indel`, except an
    inherent vowel (a lone ``a`` or ``o``) between two consonants after the word's first
    vowel, which costs :data:`INHERENT_INDEL` (not in an onset: "Srun"/"Sarun" stay apart)."""
    costs = [_indel(u) for u in units]
    for i in range(2, len(units) - 1):
        inner = units[i] in ("a", "o") and units[i - 1][0] not in _VOWELS
        after_syllable = any(u[0] in _VOWELS for u in units[: i - 1])
        if inner and after_syllable and units[i + 1][0] not in _VOWELS:
            costs[i] = INHERENT_INDEL
    return costs


@lru_cache(maxsize=4096)
def _word_distance(a: str, b: str) -> float:
    ua, ub = _UNIT_RE.findall(a), _UNIT_RE.findall(b)
    ca, cb = _indels(ua), _indels(ub)
    previous = [0.0]
    for cost in cb:
        previous.append(previous[-1] + cost)
    for x, dx in zip(ua, ca, strict=True):
        current = [previous[0] + dx]
        for j, y in enumerate(ub, start=1):
            current.append(
                min(
                    previous[j] + dx,
                    current[j - 1] + cb[j - 1],
                    previous[j - 1] + _substitution(x, y),
                )
            )
        previous = current
    return round(previous[-1], 6)


def name_distance(a: str, b: str) -> float:
    """Weighted distance between two Latin names (0.0 means the same key).

    Word by word, the largest word distance counts. Print spaces the words of one Khmer
    name in different ways ("Hang Chuonnaron", "Hang Chuon Naron"; "Hun Many", "Hunmany"),
    so a word may also stand for up to :data:`MAX_JOINED` neighbouring words of the other
    name, compared joined; every word of both names is used, in order. An empty name is
    at distance :data:`CONSONANT` per unit from anything else.
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return _word_distance(name_key(a).replace(" ", ""), name_key(b).replace(" ", ""))
    return _aligned_distance(wa, wb)


MAX_JOINED = 3
"""Most words of one name that one word of the other may stand for."""


@lru_cache(maxsize=65536)
def _aligned_distance(wa: tuple[str, ...], wb: tuple[str, ...]) -> float:
    """The smallest largest-group distance over the ways of grouping the words of ``wa``
    and ``wb`` in order into pairs of groups, one side of each pair a single word."""
    inf = float("inf")
    bound = inf  # word by word, when the counts agree: no grouping can do worse than needed
    if len(wa) == len(wb):
        bound = max(
            _word_distance(_joined_key((x,)), _joined_key((y,)))
            for x, y in zip(wa, wb, strict=True)
        )
        if bound == 0.0:
            return 0.0
    best = [[inf] * (len(wb) + 1) for _ in range(len(wa) + 1)]
    best[0][0] = 0.0
    for i in range(len(wa) + 1):
        for j in range(len(wb) + 1):
            if best[i][j] >= bound:
                continue
            for n, m in _GROUPS:
                if i + n > len(wa) or j + m > len(wb):
                    continue
                ka, kb = _joined_key(wa[i : i + n]), _joined_key(wb[j : j + m])
                if (n > 1 or m > 1) and not _may_be_spacing(wa[i : i + n] + wb[j : j + m], ka, kb):
                    continue
                d = _word_distance(ka, kb)
                cell = max(best[i][j], d)
                if cell < best[i + n][j + m]:
                    best[i + n][j + m] = cell
    if best[-1][-1] < bound:
        return best[-1][-1]
    if bound < inf:
        return bound
    return _word_distance(_joined_key(wa), _joined_key(wb))  # more words than groups reach


_GROUPS = (
    (1, 1),
    *((1, k) for k in range(2, MAX_JOINED + 1)),
    *((k, 1) for k in range(2, MAX_JOINED + 1)),
)


SPACING_SLACK = 2
"""Most letters by which words written joined may differ in length from the single word they
stand for; further apart, the spacing is not what makes them differ."""


def _may_be_spacing(words: tuple[str, ...], joined: str, single: str) -> bool:
    """Words joined may be a spacing variant of one word: no initial ("David L. Almirol" is no
    spacing of "Devit Almirol") and about as long."""
    return all(len(w) > 1 for w in words) and abs(len(joined) - len(single)) <= SPACING_SLACK


@lru_cache(maxsize=8192)
def _joined_key(words: tuple[str, ...]) -> str:
    """The folded key of words written as one: "Chuon" + "Naron" is "cuonaron"."""
    return _fold_word("".join(words))


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are spellings of one Khmer name (distance ≤ THRESHOLD).

    A place is one name whatever its kind word and where print puts it: when either side
    names a kind of place in English ("Kandal Market", "Kep town", "Botum Pagoda"), the
    kind words of both sides (:data:`PLACE_KINDS`, :data:`PLACE_WORDS`) are left out, so
    "Phsar Kandal" is "Kandal Market" and "Krong Kep" is "Kep town"."""
    if not name_key(a) or not name_key(b):
        return False
    if name_distance(a, b) <= THRESHOLD:
        return True
    bare_a, bare_b = _without_place_words(a, b)
    return bool(bare_a and bare_b) and name_distance(bare_a, bare_b) <= THRESHOLD


PLACE_KINDS = frozenset(
    {"province", "district", "commune", "village", "town", "city", "municipality"}
    | {"market", "pagoda", "temple", "bridge", "sangkat"}
)
"""English words that say a spelling names a place (no Khmer person's name is one)."""
PLACE_WORDS = frozenset(
    {"khet", "khett", "krong", "khan", "srok", "khum", "phum", "wat", "phsar", "prasat"}
)
"""The romanized Khmer kind words, left out too once a :data:`PLACE_KINDS` word says the
spellings are places (alone they may be a person's name: Khan, Phum)."""


def _without_place_words(a: str, b: str) -> tuple[str, str]:
    """``a`` and ``b`` without their kind words when one of them names a place, else
    ``("", "")``."""
    wa, wb = _words(a), _words(b)
    if not PLACE_KINDS.intersection(wa + wb):
        return "", ""
    drop = PLACE_KINDS | PLACE_WORDS
    return " ".join(w for w in wa if w not in drop), " ".join(w for w in wb if w not in drop)


PLACE_WORD_MIN = 6
"""Shortest word (in letters of its key) in which :func:`same_place` forgives one stray
consonant."""


def same_place(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` spell one place or school name.

    :func:`same_name`, or one word apart by a single consonant when that word is long
    (≥ :data:`PLACE_WORD_MIN` letters) and every other word is the same name: a typo
    in a long Pali word ("Muy Misthona" for "Muy Mithona") does not make another place,
    where "Sophea"/"Sopheap" are two people.
    """
    if same_name(a, b):
        return True
    wa, wb = name_key(a).split(), name_key(b).split()
    if len(wa) != len(wb) or not wa:
        return False
    apart = [(x, y) for x, y in zip(wa, wb, strict=True) if _word_distance(x, y) > THRESHOLD]
    if len(apart) != 1:
        return False
    x, y = apart[0]
    return min(len(x), len(y)) >= PLACE_WORD_MIN and _word_distance(x, y) <= CONSONANT
