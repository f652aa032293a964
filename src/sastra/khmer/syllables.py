"""Khmer words as spoken syllables, for :mod:`sastra.khmer.romanize`: the letter tables, the
split of a word into orthographic clusters (base, subscripts, shifter, vowel, signs) and their
grouping into syllables (onset, vowel, final), with the readings names need (a geminate's base
closes a syllable and its subscript opens the next, ាំង is one rhyme, a final's Pali ិ is
silent). The spelling of each syllable in Latin letters is the romanizer's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "BANTOC",
    "CONSONANTS",
    "DIGITS",
    "INDEPENDENT",
    "MUUSIKATOAN",
    "NASAL",
    "NIKAHIT",
    "REAHMUK",
    "ROBAT",
    "SAMYOK",
    "TOANDAKHIAT",
    "TRIISAP",
    "VOWELS",
    "YUUKALEAPINTU",
    "Cluster",
    "Syllable",
    "clusters",
    "inherent",
    "syllables",
]

COENG = "\u17d2"
MUUSIKATOAN = "\u17c9"  # ៉ : to a-series
TRIISAP = "\u17ca"  # ៊ : to o-series
BANTOC = "\u17cb"  # ់
ROBAT = "\u17cc"  # ៌
TOANDAKHIAT = "\u17cd"  # ៍
SAMYOK = "\u17d0"  # ័
NIKAHIT = "\u17c6"  # ំ
REAHMUK = "\u17c7"  # ះ
YUUKALEAPINTU = "\u17c8"  # ៈ

# consonant: (initial, final, series 1 = a-series / 2 = o-series)
CONSONANTS: dict[str, tuple[str, str, int]] = {
    "ក": ("k", "k", 1), "ខ": ("kh", "k", 1), "គ": ("k", "k", 2), "ឃ": ("kh", "k", 2),
    "ង": ("ng", "ng", 2), "ច": ("ch", "ch", 1), "ឆ": ("chh", "ch", 1),
    "ជ": ("ch", "ch", 2), "ឈ": ("chh", "ch", 2), "ញ": ("nh", "nh", 2),
    "ដ": ("d", "t", 1), "ឋ": ("th", "th", 1), "ឌ": ("d", "t", 2), "ឍ": ("th", "th", 2),
    "ណ": ("n", "n", 1), "ត": ("t", "t", 1), "ថ": ("th", "th", 1), "ទ": ("t", "th", 2),
    "ធ": ("th", "th", 2), "ន": ("n", "n", 2), "ប": ("b", "p", 1), "ផ": ("ph", "p", 1),
    "ព": ("p", "p", 2), "ភ": ("ph", "p", 2), "ម": ("m", "m", 2), "យ": ("y", "y", 2),
    "រ": ("r", "r", 2), "ល": ("l", "l", 2), "វ": ("v", "v", 2), "ឝ": ("s", "s", 1),
    "ឞ": ("s", "s", 1), "ស": ("s", "s", 1), "ហ": ("h", "h", 1), "ឡ": ("l", "l", 1),
    "អ": ("", "", 1),
}  # fmt: skip

# dependent vowel: (a-series, o-series)
VOWELS: dict[str, tuple[str, str]] = {
    "": ("a", "o"), "ា": ("a", "ea"), "ិ": ("e", "i"), "ី": ("ey", "i"),
    "ឹ": ("oe", "eu"), "ឺ": ("eu", "eu"), "ុ": ("o", "u"), "ូ": ("au", "ou"),
    "ួ": ("uo", "uo"), "ើ": ("oeu", "eu"), "ឿ": ("oeu", "oeu"), "ៀ": ("ie", "ie"),
    "េ": ("e", "e"), "ែ": ("e", "e"), "ៃ": ("ai", "ey"), "ោ": ("ao", "o"),
    "ៅ": ("ao", "ou"),
}  # fmt: skip

# vowel + nikahit
NASAL: dict[str, tuple[str, str]] = {
    "": ("am", "um"), "ុ": ("om", "um"), "ា": ("am", "oam"), "ិ": ("em", "im"),
    "េ": ("em", "em"), "ោ": ("aom", "om"),
}  # fmt: skip

# independent vowel: (spelling, can it be a whole syllable with its own vowel)
INDEPENDENT: dict[str, str] = {
    "ឥ": "e", "ឦ": "ei", "ឧ": "ou", "ឩ": "ou", "ឪ": "ov", "ឫ": "rue", "ឬ": "reu",
    "ឭ": "lue", "ឮ": "leu", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "au",
    "ឣ": "a", "ឤ": "a", "ឨ": "ok",
}  # fmt: skip
DIGITS = {chr(0x17E0 + d): str(d) for d in range(10)}


@dataclass
class Cluster:
    """One orthographic cluster: base, subscripts, shifter, vowel and signs."""

    base: str
    subs: list[str] = field(default_factory=list)
    shifter: str = ""
    vowel: str = ""
    signs: str = ""

    @property
    def bare(self) -> bool:
        """No vowel and no sign that makes it a syllable nucleus."""
        return not self.vowel and not ({NIKAHIT, REAHMUK, YUUKALEAPINTU, SAMYOK} & set(self.signs))


@dataclass
class Syllable:
    onset: list[str]
    series: int
    vowel: str
    signs: str
    final: str = ""
    final_short: bool = False
    geminate: bool = False
    """The final is the base of a cluster whose subscript opens the next syllable."""
    independent: str = ""
    shifter: str = ""
    from_subscript: bool = False
    """The onset is the subscript of a cluster whose base closed the syllable before."""


def clusters(word: str) -> list[Cluster | str]:
    """Split a normalized word into clusters; non-Khmer characters pass as strings."""
    out: list[Cluster | str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch not in CONSONANTS and ch not in INDEPENDENT:
            if ch in DIGITS:
                out.append(DIGITS[ch])
            elif not "\u1780" <= ch <= "\u17ff":
                out.append(ch)  # other Khmer signs and punctuation are dropped
            i += 1
            continue
        cluster = Cluster(ch)
        i += 1
        while i < len(word):
            ch = word[i]
            if ch == COENG and i + 1 < len(word) and word[i + 1] in CONSONANTS:
                cluster.subs.append(word[i + 1])
                i += 2
            elif ch in (MUUSIKATOAN, TRIISAP):
                cluster.shifter = ch
                i += 1
            elif ch in VOWELS and not cluster.vowel:
                cluster.vowel = ch
                i += 1
            elif "\u17b6" <= ch <= "\u17dd" and ch != COENG:
                cluster.signs += ch
                i += 1
            else:
                break
        out.append(cluster)
    return out


def series_of(consonants: list[str], shifter: str) -> int:
    if shifter == MUUSIKATOAN:
        return 1
    if shifter == TRIISAP:
        return 2
    return 1 if any(CONSONANTS[c][2] == 1 for c in consonants) else 2


_SILENT_SUB = {"ន": ["ទ"], "ណ": ["ឌ"]}
"""A nasal whose subscript stop is not pronounced before another syllable (ចន្ទម៉ុល)."""


def syllables(parts: list[Cluster], *, spoken_final_i: bool = False) -> list[Syllable]:
    """Group a word's clusters into spoken syllables: onset, vowel, final.

    A word-final consonant written with ិ after a long syllable is read as a final whose
    Pali vowel is silent (:func:`_silent_final_i`); with ``spoken_final_i`` the vowel is
    read, as some families print it (សិទ្ធិ "Sithi" beside "Seth")."""
    syls: list[Syllable] = []
    for k, c in enumerate(parts):
        if TOANDAKHIAT in c.signs:
            continue  # a silenced letter
        nxt = parts[k + 1] if k + 1 < len(parts) else None
        prev = syls[-1] if syls else None
        open_prev = (
            prev is not None
            and not prev.final
            and REAHMUK not in prev.signs
            and NIKAHIT not in prev.signs  # ំ closes its syllable: ត្រាំខ្នារ "Tram Khnar"
        )
        if c.base in INDEPENDENT:
            syls.append(Syllable([], 1, c.vowel, c.signs, independent=c.base))
            continue
        if prev is not None and _nasal_a_before_ng(prev, c):
            prev.final = c.base  # ាំង is one rhyme: សាំង "Sang", ទ្រាំង "Treang"
            continue
        if prev is not None and open_prev and c.subs:
            # the base closes the previous syllable, the subscripts open the next one
            prev.final, prev.geminate = c.base, True
            onset = c.subs
            if c.bare and _SILENT_SUB.get(c.base) == c.subs and nxt is not None and not nxt.bare:
                continue  # ន្ទ/ន្ធ between syllables is silent: ចន្ទម៉ុល "Chanmol"
        elif prev is not None and open_prev and c.bare and not c.subs:
            closes = nxt is None or (not nxt.bare and not nxt.subs) or TOANDAKHIAT in nxt.signs
            closes = closes or (c.base in "ងយ" and bool(prev.vowel))  # សំរោងទង, ជ្រោយចង្វារ
            closes = closes or (bool(prev.vowel) and _two_bare_after(parts, k))  # ប៊ុនថន
            closes = closes or (bool(prev.vowel) and _onset_cluster(nxt))  # គីម|ស្រ៊ាង
            last_open = nxt is not None and k + 2 == len(parts) and not (nxt.bare or nxt.subs)
            if last_open and inherent(prev) and not prev.from_subscript:
                closes = False  # three open syllables, Pali-like: រតនា "Ratana", មករា "Makara"
            if closes or BANTOC in c.signs or SAMYOK in prev.signs:
                prev.final = c.base
                prev.final_short = BANTOC in c.signs or SAMYOK in c.signs
                if ROBAT in c.signs:
                    prev.final += "r"
                continue
            onset = [c.base]
        else:
            onset = [c.base, *c.subs]
        # a cluster has one series, also when its base closes the syllable before and its
        # subscripts open this one: ចក្រាវុធ "Chakravuth" (ក្រ is a-series), not "Chakreavuth"
        cluster = [c.base, *c.subs] if onset is c.subs else onset
        syls.append(
            Syllable(
                onset,
                series_of(cluster, c.shifter),
                c.vowel,
                c.signs,
                shifter=c.shifter,
                from_subscript=onset is c.subs,
            )
        )
    return syls if spoken_final_i else _silent_final_i(syls)


def _silent_final_i(syls: list[Syllable]) -> list[Syllable]:
    """A word-final consonant written with ិ after a long syllable is a final whose Pali vowel
    is not spoken: ជាតិ "cheat" (សុជាតិ "Socheat"), វត្ថិ "vath" (ស៊ីសុវត្ថិ "Sisowath")."""
    if len(syls) < 2:
        return syls
    prev, last = syls[-2], syls[-1]
    if last.vowel != "ិ" or last.signs or last.final or last.independent:
        return syls
    if last.from_subscript and prev.geminate:
        return syls[:-1]  # the subscript is silent with its vowel: វត្ថិ
    long_open = prev.vowel not in ("", "ិ", "ុ") and not prev.final and not prev.signs
    if long_open and not prev.independent and len(last.onset) == 1:
        prev.final = last.onset[0]
        return syls[:-1]
    return syls


def _two_bare_after(parts: list[Cluster], k: int) -> bool:
    """The word ends in two more bare consonants (ប៊ុន|ថន): after a written vowel, a bare
    consonant followed by a closed syllable of two bare consonants closes its own syllable
    ("Bunthan", not "Bunothan"; សុផល keeps "Sophal": one consonant after it)."""
    rest = parts[k + 1 :]
    return len(rest) == 2 and all(p.bare and not p.subs and not p.shifter for p in rest)


def _onset_cluster(nxt: Cluster | None) -> bool:
    """A consonant with subscript ្រ or ្ល: one onset (ស្រ, ក្រ, ប្ល), never a geminate whose
    base closes the syllable before; a bare consonant after a written vowel before it closes
    that vowel's syllable (គីមស្រ៊ាង "Kimsreang", not "Kimasreang")."""
    return nxt is not None and nxt.subs[:1] in (["រ"], ["ល"]) and nxt.base != "ល"


def _nasal_a_before_ng(prev: Syllable, c: Cluster) -> bool:
    """ង written after ាំ closes that syllable (ំ before ង is not a final of its own)."""
    bare_ng = c.base == "ង" and not c.subs and not c.vowel and not c.signs and not c.shifter
    return bare_ng and prev.vowel == "ា" and NIKAHIT in prev.signs and not prev.final


def inherent(syl: Syllable) -> bool:
    """An open syllable spoken with the inherent vowel: no vowel, sign or final."""
    return not syl.vowel and not syl.signs and not syl.final and not syl.independent
