"""Rule-based Khmer → Latin romanization of personal names, without diacritics.

System followed: the common Cambodian practice for spelling names in Latin letters
(the spellings on ID cards, passports and in the press: "Sok", "Sophea", "Chea",
"Preah", "Srey", "Mao"), which is the UNGEGN system of 1972 (BGN/PCGN 1972, a
modified version of the Cambodian Geographic Department's, the Service Géographique
Khmère's 1959 system) with its diacritics dropped and a few of its vowel spellings
replaced by the ones names use; where that system and print disagree for persons,
the Documentation Center of Cambodia's transliteration table for names of persons
and places (1998) decides. Place names are spelled by the gazetteer first
(:mod:`sastra.khmer.places`):

* consonants: ក/គ ``k``, ខ/ឃ ``kh``, ច/ជ ``ch``, ឆ/ឈ ``chh``, ញ ``nh``, ង ``ng``,
  ដ/ឌ ``d``, ត/ទ ``t``, ថ/ធ/ឋ/ឍ ``th``, ប ``b`` (``p`` before a subscript, ប្រាក់
  "Prak", and with ៉, ប៉ាង "Pang"), ព ``p``, ផ/ភ ``ph``, វ ``v``, អ nothing;
* vowels by series (a-series / o-series): ា ``a``/``ea``, ិ ``e``/``i``, ី ``ey``/``i``,
  ុ ``o``/``u``, ូ ``ou``, ួ ``uo``, ើ ``aeu``/``eu``, ឿ ``oeu``, ៀ ``ie``, េ ``e``,
  ែ ``e``, ៃ ``ai``/``ey``, ោ ``ao``/``o``, ៅ ``ao``/``ou``; the inherent vowel
  ``a``/``o``; ំ ``am``/``um``, ុំ ``om``/``um``, ាំ ``am``/``oam``, ះ adds ``h``
  (ព្រះ "Preah");
* series: a cluster is a-series when one of its consonants is; ៉ moves it to the
  a-series (ម៉ៅ "Mao"), ៊ to the o-series (ប៊ុន "Bun");
* finals: ក/ខ/គ ``k``, ច/ជ ``ch``, ញ ``nh``, ត/ដ ``t``, ថ/ទ/ធ ``th`` (រិទ្ធ "Rith"),
  ប/ព ``p``, ស ``s``, រ ``r``; subscripts with no vowel at the end of a word are
  silent (ចន្ទ "Chan", សុភ័ក្ត្រ "Sopheak", មិត្រ "Mit"); ែវ ``eo`` (កែវ "Keo");
  ៍ silences its consonant; ់ shortens the vowel; ៈ after the inherent vowel gives
  ``ak`` (វណ្ណៈ "Vannak"); ័ gives ``a``/``ea``.

Departures from UNGEGN, each the spelling names are most often printed with (the
fixture tests/fixtures/khmer/romanize.tsv counts how often the output is exactly the
commonest printed spelling: 76 of 77 names with the usage table, 68 without it, 49 of 75
before these rules; on printed pairs
collected from the press, tests/fixtures/names/printed.tsv, see docs/names.md):

* no diacritics; ិ a-series ``e`` (សិលា "Sela", UNGEGN ``ĕ``); ី a-series ``ey``
  ("Srey", "Pisey"); ៅ a-series ``ao`` ("Mao", UNGEGN ``au``);
* ែ is ``e`` in both series ("Manet", "Hem", "Hun Sen", "Khmer"; UNGEGN ``ae``);
* o-series ា is ``ea`` except in a word's last syllable when that syllable is open
  (no final, no sign), its onset is one of the sonorants ល រ ន យ ញ and the syllable
  before (there must be one) is not ``ea``: then ``a`` (សិលា "Sela", តារា "Tara", ចរិយា "Chariya",
  កញ្ញា "Kanha"). After other consonants, in closed syllables and after an ``ea``
  syllable it stays ``ea`` (សុភា "Sophea", ជា "Chea", ស្រីនាង "Sreyneang", មាលា
  "Mealea");
* o-series ី at the end of a word is ``y`` (លី "Ly", ទេវី "Tevy"); ឹម is ``im``
  (គឹម "Kim", យឹម "Yim");
* subscript ត after a nasal final is ``d`` (ចិន្តា "Chenda"): ្ត and ្ដ are one glyph
  and names are typed with either;
* an o-series inherent vowel before a geminate, a subscript onset or another
  inherent-vowel syllable, or opened by the second half of a geminate, is ``a`` ("Vanna",
  "Rangsey", មករា "Makara", វឌ្ឍនា "Vathana"); a bare
  consonant between an inherent-vowel syllable and the word's last, open, syllable
  opens a syllable of its own, as Pali names are read (រតនា "Ratana", not "Rotnea");
* a consonant closing a syllable and starting the next through a subscript is
  written twice only for ``n`` and ``l`` ("Vanna", "Sovann", ផល្លា "Phalla"), once
  otherwise (បុប្ផា "Bopha");
* ាំ before a final ង is ``ang``/``eang`` (ទ្រាំង "Treang", សាំង "Sang", UNGEGN too; not
  "Troamng"); ំ closes its syllable, so a following subscript cluster is an onset
  (ត្រាំខ្នារ "Tram Khnar");
* a cluster keeps its series when its base closes one syllable and its subscript opens the
  next (ចក្រាវុធ "Chakravuth": ក្រ is a-series, so ា is ``a``, not ``ea``);
* ៀ closing a word is ``ea`` (ទៀ "Tea"), ៀវ is ``ieu`` (ខៀវ "Khieu"); ឹម/ឺម are
  ``em`` a-series, ``im`` o-series (កឹម "Kem", ហ៊ឺម "Him");
* ើ a-series is ``oeu`` (កើត "Koeut"); ូ a-series is ``au`` in a closed syllable (DC-Cam:
  អូន "Aun", តូច "Tauch") and ``o`` in an open one, also before a doubled រ, which is one r
  (បូរ៉ា "Bora", អ៊ុច បូររិទ្ធ "Ouch Borith"); អ៊ុ before a final stop is ``ou`` (អ៊ុក "Ouk", អ៊ុច
  "Ouch"; អ៊ុំ "Um");
* a final ត after េ closing a name is ``th`` (នេត "Neth", ឌី សាវ៉េត "Dy Saveth"; ាត is
  printed ``t`` as often as ``th``: គាត "Keat", ហួត តាត "Huot Tat", ណាត "Nath"); a
  word-final consonant written with ិ after a long vowel is a final whose Pali vowel is
  silent (សុជាតិ "Socheat");
* ោ a-series is ``o`` (សោភា "Sophea", កោះ "Koh") and ``or`` closing a word (ហោ "Hor");
  o-series ៅ closing a word is ``ov`` (ពៅ "Pov");
* a word of one bare a-series consonant takes ``r`` (ស "Sar");
* ង and យ after a written vowel close the syllable even before a bare consonant
  (សំរោងទង "Samrongtong", ជ្រោយចង្វារ "Chroychangvear"); ន្ទ between syllables is
  silent (ចន្ទម៉ុល "Chanmol");
* the Pali three-open-syllable reading does not start after a subscript onset
  (អង្គរកា "Angkorka", like អង្គរបុរី "Angkorbory");
* name words whose spelling is fixed by usage come first, from the shipped table
  ``data/names/name-words.tsv`` (:mod:`sastra.khmer.name_words`): the royal houses
  នរោត្តម "Norodom", ស៊ីសុវត្ថិ "Sisowath" (French-era spellings), ព័ន្ធមុនីរ័ត្ន
  "Pornmoniroth", រង្ស៊ី "Rainsy"; the rules spell every word the table does not cover;
* ង before a silent word-final subscript keeps ``o`` (វង្ស "Vong"; រង្សី "Rangsey").

Limits: Khmer script does not say where a syllable's final ends and the next
syllable begins, nor whether a written vowel is pronounced, so some names come out
in a spelling other than the family's own (ធីតា gives "Thita", printed "Thida";
ម៉ម gives "Mam", printed "Mom"; ពៅ gives "Pou", printed "Pov"), and the name rules
above misspell ordinary words (សន្តិភាព "Sandepheap"). The glossary fixes preferred
spellings; :func:`sastra.khmer.similarity.same_name` recognises these variants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sastra.khmer.name_words import usage_spelling
from sastra.khmer.unicode import normalize

__all__ = ["romanize_name"]

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
_CONSONANTS: dict[str, tuple[str, str, int]] = {
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
_VOWELS: dict[str, tuple[str, str]] = {
    "": ("a", "o"), "ា": ("a", "ea"), "ិ": ("e", "i"), "ី": ("ey", "i"),
    "ឹ": ("oe", "eu"), "ឺ": ("eu", "eu"), "ុ": ("o", "u"), "ូ": ("au", "ou"),
    "ួ": ("uo", "uo"), "ើ": ("oeu", "eu"), "ឿ": ("oeu", "oeu"), "ៀ": ("ie", "ie"),
    "េ": ("e", "e"), "ែ": ("e", "e"), "ៃ": ("ai", "ey"), "ោ": ("ao", "o"),
    "ៅ": ("ao", "ou"),
}  # fmt: skip

# vowel + nikahit
_NASAL: dict[str, tuple[str, str]] = {
    "": ("am", "um"), "ុ": ("om", "um"), "ា": ("am", "oam"), "ិ": ("em", "im"),
    "េ": ("em", "em"), "ោ": ("aom", "om"),
}  # fmt: skip

# independent vowel: (spelling, can it be a whole syllable with its own vowel)
_INDEPENDENT: dict[str, str] = {
    "ឥ": "e", "ឦ": "ei", "ឧ": "ou", "ឩ": "ou", "ឪ": "ov", "ឫ": "rue", "ឬ": "reu",
    "ឭ": "lue", "ឮ": "leu", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "au",
    "ឣ": "a", "ឤ": "a", "ឨ": "ok",
}  # fmt: skip
_DIGITS = {chr(0x17E0 + d): str(d) for d in range(10)}


@dataclass
class _Cluster:
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
class _Syllable:
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
    final_with_vowel: bool = False
    """The final was written with a silent ិ (ជាតិ)."""


def _clusters(word: str) -> list[_Cluster | str]:
    """Split a normalized word into clusters; non-Khmer characters pass as strings."""
    out: list[_Cluster | str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if ch not in _CONSONANTS and ch not in _INDEPENDENT:
            if ch in _DIGITS:
                out.append(_DIGITS[ch])
            elif not "\u1780" <= ch <= "\u17ff":
                out.append(ch)  # other Khmer signs and punctuation are dropped
            i += 1
            continue
        cluster = _Cluster(ch)
        i += 1
        while i < len(word):
            ch = word[i]
            if ch == COENG and i + 1 < len(word) and word[i + 1] in _CONSONANTS:
                cluster.subs.append(word[i + 1])
                i += 2
            elif ch in (MUUSIKATOAN, TRIISAP):
                cluster.shifter = ch
                i += 1
            elif ch in _VOWELS and not cluster.vowel:
                cluster.vowel = ch
                i += 1
            elif "\u17b6" <= ch <= "\u17dd" and ch != COENG:
                cluster.signs += ch
                i += 1
            else:
                break
        out.append(cluster)
    return out


def _series(consonants: list[str], shifter: str) -> int:
    if shifter == MUUSIKATOAN:
        return 1
    if shifter == TRIISAP:
        return 2
    return 1 if any(_CONSONANTS[c][2] == 1 for c in consonants) else 2


_SILENT_SUB = {"ន": ["ទ"], "ណ": ["ឌ"]}
"""A nasal whose subscript stop is not pronounced before another syllable (ចន្ទម៉ុល)."""


def _syllables(clusters: list[_Cluster]) -> list[_Syllable]:
    """Group clusters into spoken syllables: onset, vowel, final."""
    syls: list[_Syllable] = []
    for k, c in enumerate(clusters):
        if TOANDAKHIAT in c.signs:
            continue  # a silenced letter
        nxt = clusters[k + 1] if k + 1 < len(clusters) else None
        prev = syls[-1] if syls else None
        open_prev = (
            prev is not None
            and not prev.final
            and REAHMUK not in prev.signs
            and NIKAHIT not in prev.signs  # ំ closes its syllable: ត្រាំខ្នារ "Tram Khnar"
        )
        if c.base in _INDEPENDENT:
            syls.append(_Syllable([], 1, c.vowel, c.signs, independent=c.base))
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
            last_open = nxt is not None and k + 2 == len(clusters) and not (nxt.bare or nxt.subs)
            if last_open and _inherent(prev) and not prev.from_subscript:
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
            _Syllable(
                onset,
                _series(cluster, c.shifter),
                c.vowel,
                c.signs,
                shifter=c.shifter,
                from_subscript=onset is c.subs,
            )
        )
    return _silent_final_i(syls)


def _silent_final_i(syls: list[_Syllable]) -> list[_Syllable]:
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
        prev.final, prev.final_with_vowel = last.onset[0], True
        return syls[:-1]
    return syls


def _nasal_a_before_ng(prev: _Syllable, c: _Cluster) -> bool:
    """ង written after ាំ closes that syllable (ំ before ង is not a final of its own)."""
    bare_ng = c.base == "ង" and not c.subs and not c.vowel and not c.signs and not c.shifter
    return bare_ng and prev.vowel == "ា" and NIKAHIT in prev.signs and not prev.final


def _inherent(syl: _Syllable) -> bool:
    """An open syllable spoken with the inherent vowel: no vowel, sign or final."""
    return not syl.vowel and not syl.signs and not syl.final and not syl.independent


def _final(syl: _Syllable) -> str:
    if not syl.final:
        return ""
    base = syl.final.rstrip("r")
    text = _CONSONANTS[base][1] if base in _CONSONANTS else ""
    return text + ("r" if syl.final.endswith("r") and base else "")


def _nucleus(syl: _Syllable) -> str:
    a_series = syl.series == 1
    pick = 0 if a_series else 1
    if syl.independent:
        return _INDEPENDENT[syl.independent]
    if syl.vowel == "ា" and NIKAHIT in syl.signs and syl.final == "ង":
        return "a" if a_series else "ea"  # ទ្រាំង "Treang", កាំង "Kang": ំ before ង is silent
    if NIKAHIT in syl.signs and syl.vowel in _NASAL:
        return _NASAL[syl.vowel][pick]
    if SAMYOK in syl.signs and not syl.vowel:
        if syl.final == "យ":
            return "a" if a_series else "e"
        return "a" if a_series else "ea"
    if not syl.vowel and REAHMUK in syl.signs:
        return "a" if a_series else "ea"
    if syl.vowel in ("ឹ", "ឺ") and syl.final == "ម":
        return "e" if a_series else "i"  # កឹម "Kem"; គឹម "Kim", ហ៊ឺម "Him"
    if syl.vowel == "ៀ" and not syl.final:
        return "ea"  # ទៀ "Tea"
    if syl.vowel == "ៀ" and syl.final == "វ":
        return "ie"  # ខៀវ "Khieu" (the final is written u)
    if not syl.vowel:
        if YUUKALEAPINTU in syl.signs:
            return "ak" if a_series else "eak"
        return "a" if a_series or syl.geminate else "o"
    if syl.vowel == "ា" and syl.final_short:
        return "a" if a_series else "oa"
    return _VOWELS[syl.vowel][pick]


# o-series ា is written "a", not "ea", in a word-final open syllable after these
_PLAIN_A_AFTER = frozenset("លរនយញ")


def _spell(syls: list[_Syllable]) -> str:
    """Spell a word's syllables, with the name conventions the module docstring lists."""
    text, previous_final, previous_nucleus = "", "", ""
    for k, syl in enumerate(syls):
        last = k + 1 == len(syls)
        prev = syls[k - 1] if k else None
        onset = "".join(_CONSONANTS[c][0] for c in syl.onset)
        if syl.onset[:1] == ["ប"] and (len(syl.onset) > 1 or syl.shifter == MUUSIKATOAN):
            onset = "p" + onset[1:]  # ប្រាក់ "Prak", ប៉ាង "Pang"
        if syl.onset[:1] == ["ត"] and prev is not None and prev.final in ("ន", "ណ"):
            onset = "d" + onset[1:]  # ន្ត is ន្ដ, one glyph: ចិន្តា "Chenda"
        if last and prev is not None and _inherent(syl) and prev.geminate:
            if syl.onset == [prev.final] and prev.final in ("ណ", "ន"):
                text += "n"  # a geminate n is written twice: សុវណ្ណ "Sovann"
            continue  # a silent subscript at the end of the word: ចន្ទ, ភក្ត្រ
        nucleus = _nucleus(syl)
        final = _final(syl)
        if syl.series == 2 and not syl.signs and not final and syl.vowel:
            if last and syl.vowel == "ី":
                nucleus = "y"  # លី "Ly", ទេវី "Tevy"
            elif last and syl.vowel == "ៅ":
                nucleus = "ov"  # ពៅ "Pov", ស្រីពៅ "Sreypov"
            elif (
                last
                and syl.vowel == "ា"
                and len(syl.onset) == 1
                and syl.onset[0] in _PLAIN_A_AFTER
                and previous_nucleus not in ("", "ea")
            ):
                nucleus = "a"  # សិលា "Sela", តារា "Tara"; មាលា stays "Mealea"
        if _silent_ng(syl, syls[k + 1 :]):
            nucleus = "o"  # វង្ស "Vong": ង before a silent word-final subscript
        if _inherent(syl) and not last and syl.series == 2 and _inherent(syls[k + 1]):
            nucleus = "a"  # មករា "Makara", រតនា "Ratana"
        elif _inherent(syl) and not last and syl.series == 2 and syl.from_subscript:
            nucleus = "a"  # the Pali middle of a geminate: វឌ្ឍនាកា "Vathanaka"
        if syl.vowel == "ោ" and syl.series == 1 and syl.signs in ("", REAHMUK):
            nucleus = "or" if last and not final and not syl.signs else "o"  # ហោ "Hor", កោះ "Koh"
        if syl.vowel == "ូ" and syl.series == 1 and not syl.signs and _open(syl, syls[k + 1 :]):
            nucleus = "o"  # បូរ៉ា "Bora", បូររិទ្ធ "Borith"; closed: អូន "Aun", សូត "Sauth"
        if _ou_before_stop(syl):
            nucleus = "ou"  # អ៊ុក "Ouk", អ៊ុច "Ouch"
        if last and syl.final == "ត" and syl.vowel == "េ" and not _short_or_pali(syl):
            final = "th"  # នេត "Neth", សាវ៉េត "Saveth"; ាត is printed t as often as th
        if syl.vowel == "ែ" and syl.final == "វ":
            final = "o"  # កែវ "Keo"
        elif syl.vowel == "ៀ" and syl.final == "វ":
            final = "u"  # ខៀវ "Khieu"
        if REAHMUK in syl.signs and not final:
            final = "h"
        text = _join(text, previous_final, onset + nucleus + final)
        previous_final, previous_nucleus = final, nucleus
    return text


def _open(syl: _Syllable, rest: list[_Syllable]) -> bool:
    """No final, or a រ written twice (ររ is one r, opening the next syllable: បូររិទ្ធ)."""
    return not syl.final or (syl.final == "រ" and bool(rest) and rest[0].onset[:1] == ["រ"])


def _short_or_pali(syl: _Syllable) -> bool:
    return syl.final_short or syl.final_with_vowel


def _ou_before_stop(syl: _Syllable) -> bool:
    """អ៊ុ closed by a stop is printed ``ou``, as its vowel is spoken long (អ៊ុំ stays "Um")."""
    plain = syl.onset == ["អ"] and syl.shifter == TRIISAP and syl.vowel == "ុ" and not syl.signs
    return plain and syl.final in ("ក", "ច", "ត")


def _silent_ng(syl: _Syllable, rest: list[_Syllable]) -> bool:
    """An o-series inherent vowel closed by ង whose subscript is the silent end of the word
    (វង្ស): ``o`` as in វង "Vong", not the ``a`` of a spoken geminate (រង្សី "Rangsey")."""
    plain = syl.series == 2 and not syl.vowel and not syl.signs and syl.final == "ង"
    return plain and syl.geminate and len(rest) == 1 and _inherent(rest[0])


def _romanize_word(word: str) -> str:
    out: list[str] = []
    run: list[_Cluster] = []
    for part in [*_clusters(normalize(word)), ""]:
        if isinstance(part, _Cluster):
            run.append(part)
            continue
        if run:
            out.append(_spell(_syllables(run)) + _lone_r(run))
            run.clear()
        out.append(part)
    return "".join(out)


def _lone_r(run: list[_Cluster]) -> str:
    """A word of one bare a-series consonant is printed with ``r`` after its vowel, the way
    print marks a long open vowel: ស "Sar" (ហោ "Hor" likewise, see :func:`_spell`)."""
    one = run[0] if len(run) == 1 else None
    if one is None or not one.bare or one.subs or one.signs or one.shifter:
        return ""
    return "r" if _CONSONANTS.get(one.base, ("", "", 2))[2] == 1 else ""


def _join(text: str, final: str, piece: str) -> str:
    """Append a syllable after a final written as ``final``; a consonant closing one
    syllable and opening the next is written once (បុប្ផា "Bopha"), except ``n`` and ``l``
    (វណ្ណា "Vanna", ផល្លា "Phalla")."""
    if final and final not in ("n", "l") and piece.startswith(final) and text.endswith(final):
        return text[: -len(final)] + piece
    return text + piece


def romanize_name(khmer: str) -> str:
    """Romanize a Khmer personal name: ``"ម៉ៅ សិលា"`` → ``"Mao Sela"``.

    Words (separated by whitespace) stay words, each capitalised; characters that
    are not Khmer letters are kept as they are. Never raises.
    """
    words = normalize(khmer).split(" ")
    return " ".join(usage_spelling(w) or _capitalise(_romanize_word(w)) for w in words if w)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word
