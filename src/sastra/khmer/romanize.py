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
* o-series ា is ``ea`` except in an open syllable (no final, no sign) whose onset is one
  of the sonorants ល រ ន យ ញ and whose syllable before (there must be one) is not ``ea``:
  then ``a`` (សិលា "Sela", តារា "Tara", ចរិយា "Chariya", កញ្ញា "Kanha", and inside a word,
  វឌ្ឍនាកា "Vathanaka"). After other consonants, in closed syllables and after an ``ea``
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
  "Ouch"; អ៊ុំ "Um", which the usage table spells "Oum");
* a word-final consonant written with ិ after a long vowel is a final whose Pali vowel is
  silent (សុជាតិ "Socheat"); a word-final ត after short ិ or ុ is ``th`` (គិត "Kith", ឌិត
  "Dith", សាឡុត "Saloth", សាមុត "Samouth": seven of nine pairs, against ឈុត "Chut");
  after ា and in one-syllable words it stays ``t``: print adds ``h`` as often as not (ណាត
  "Nath", វណ្ណាត "Vannath" against គាត "Keat", សូផាត "Sophat", ជូ ជេត "Chu Chet"), so
  the usage table keeps the ones print fixes (after េ/ែ in longer words, see below);
* o-series ុ in an open syllable inside a word is ``o``, as print writes it (មុនិនាថ
  "Monineath", មុនីវង្ស "Monivong", ព័ន្ធមុនីរ័ត្ន "Pornmoniroth"); closing a word or closed
  it stays ``u`` (ពុទ្ធី "Puthy", ប៊ុន "Bun");
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
* ហ over a subscript writes a sound Khmer letters lack: ហ្គ ``g`` (កាំង ហ្គេកអ៊ាវ "Kaing Guek
  Eav"), ហ្វ ``f``; over a sonorant it is silent;
* a syllable opened by អ after a closed one starts a word of its own, as print writes it
  (សំអាន "Sam An", ហ្គេកអ៊ាវ "Gek Eav"); so does a listed piece that starts with អ;
* ៃ closing a word is ``ay`` in both series (ផៃ "Phay", នៃ "Nay"); ូយ is ``oy`` (ខូយ "Khoy");
* an o-series inherent vowel closed by a plain ន at the end of a word is ``or`` (ស៊ន "Sorn",
  ងន "Ngorn"; with ់ it is short: ឈន់ "Chhon"), and so is an a-series one when the syllable
  is the whole word (សន "Sorn", ខន "Khorn", ឆន "Chhorn": four people of five in the collected
  pairs); o-series ័ closed by ន/ណ is ``or`` (សោភ័ណ "Sophorn", like ព័ន្ធ "Porn") and closed by
  ត is ``oth`` (ម៉ូនីរ័ត្ន "Moniroth"); ួរ closing a word is ``our`` (សួរ "Sour", ឈួរ "Chhour",
  បួរ "Bour": five of seven);
* a word-final ត/ដ after េ/ែ closing a word of two syllables or more is ``th`` (សាវ៉េត
  "Saveth", សុផល្លែត "Sophalleth", វ៉ាន់ដេត "Vandeth"; one syllable keeps ``t``: ជេត "Chet");
* a bare consonant after a written vowel closes that syllable when two bare consonants end
  the word (ប៊ុនថន "Bunthan", not "Bunothan") or when a ្រ/្ល onset follows (គីមស្រ៊ាង
  "Kimsreang", not "Kimasreang").

Limits: Khmer script does not say where a syllable's final ends and the next
syllable begins, nor whether a written vowel is pronounced, so some names come out
in a spelling other than the family's own (ធីតា gives "Thita", printed "Thida";
ម៉ម gives "Mam", printed "Mom"; ពៅ gives "Pou", printed "Pov"), and the name rules
above misspell ordinary words (សន្តិភាព "Sandepheap"). The glossary fixes preferred
spellings; :func:`sastra.khmer.similarity.same_name` recognises these variants, and where
the Khmer is known :func:`sastra.khmer.print_spellings.match_romanization` takes the
spellings print uses at the points the rules above leave open (the inherent vowel's ``a`` or
``o``, a final's Pali ិ read or not, …).
"""

from __future__ import annotations

from dataclasses import dataclass

from sastra.khmer.name_words import usage_spelling
from sastra.khmer.syllables import (
    CONSONANTS,
    INDEPENDENT,
    MUUSIKATOAN,
    NASAL,
    NIKAHIT,
    REAHMUK,
    SAMYOK,
    TRIISAP,
    VOWELS,
    YUUKALEAPINTU,
    Cluster,
    Syllable,
    clusters,
    inherent,
    syllables,
)
from sastra.khmer.unicode import normalize

__all__ = ["Piece", "pieces", "render", "romanize_name", "word_pieces"]


def _final(syl: Syllable) -> str:
    if not syl.final:
        return ""
    base = syl.final.rstrip("r")
    text = CONSONANTS[base][1] if base in CONSONANTS else ""
    return text + ("r" if syl.final.endswith("r") and base else "")


def _nucleus(syl: Syllable) -> str:
    a_series = syl.series == 1
    pick = 0 if a_series else 1
    if syl.independent:
        return INDEPENDENT[syl.independent]
    if syl.vowel == "ា" and NIKAHIT in syl.signs and syl.final == "ង":
        return "a" if a_series else "ea"  # ទ្រាំង "Treang", កាំង "Kang": ំ before ង is silent
    if NIKAHIT in syl.signs and syl.vowel in NASAL:
        return NASAL[syl.vowel][pick]
    if SAMYOK in syl.signs and not syl.vowel:
        if syl.final == "យ":
            return "a" if a_series else "e"
        if syl.final in ("ន", "ណ") and not a_series:
            return "or"  # ព័ន្ធ "Porn", សោភ័ណ "Sophorn"
        if syl.final == "ត" and not a_series:
            return "o"  # រ័ត្ន "Roth" (the final is written th): ម៉ូនីរ័ត្ន "Moniroth"
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
    return VOWELS[syl.vowel][pick]


# o-series ា is written "a", not "ea", in a word-final open syllable after these
_PLAIN_A_AFTER = frozenset("លរនយញ")


@dataclass(frozen=True)
class Piece:
    """One spoken syllable of a word as the romanizer spells it (``onset + nucleus +
    final``), with the syllable it spells, so that :mod:`sastra.khmer.print_spellings` can
    offer the other spellings print uses for it."""

    syllable: Syllable
    onset: str
    nucleus: str
    final: str
    space: bool = False
    """The syllable starts a word of its own (សំអាន "Sam An")."""
    silent: str = ""
    """For a silent subscript closing the word, what is written for it instead ("n" of
    សុវណ្ណ "Sovann", else nothing); onset, nucleus and final are then empty."""
    silent_end: bool = False
    """The piece is a silent subscript closing the word."""


def render(pieces: list[Piece]) -> str:
    """The word the pieces spell: a consonant closing one syllable and opening the next is
    written once, except ``n`` and ``l`` (:func:`_join`)."""
    text, previous_final = "", ""
    for piece in pieces:
        if piece.silent_end:
            text += piece.silent
            continue
        if piece.space:
            text += " "
        text = _join(text, previous_final, piece.onset + piece.nucleus + piece.final)
        previous_final = piece.final
    return text


def pieces(syls: list[Syllable]) -> list[Piece]:
    """A word's syllables as the romanizer spells them, with the name conventions the module
    docstring lists."""
    out: list[Piece] = []
    previous_nucleus = ""
    for k, syl in enumerate(syls):
        last = k + 1 == len(syls)
        prev = syls[k - 1] if k else None
        onset = "".join(CONSONANTS[c][0] for c in syl.onset)
        if syl.onset[:1] == ["ប"] and (len(syl.onset) > 1 or syl.shifter == MUUSIKATOAN):
            onset = "p" + onset[1:]  # ប្រាក់ "Prak", ប៉ាង "Pang"
        if syl.onset[:1] == ["ត"] and prev is not None and prev.final in ("ន", "ណ"):
            onset = "d" + onset[1:]  # ន្ត is ន្ដ, one glyph: ចិន្តា "Chenda"
        if syl.onset[:1] == ["ហ"] and len(syl.onset) > 1:
            onset = _H_CLUSTER.get(syl.onset[1], onset[1:] or onset) + onset[2:]  # ហ្គ "G"
        if last and prev is not None and inherent(syl) and prev.geminate:
            # a geminate n is written twice: សុវណ្ណ "Sovann"
            n = "n" if syl.onset == [prev.final] and prev.final in ("ណ", "ន") else ""
            out.append(Piece(syl, "", "", "", silent=n, silent_end=True))
            continue  # a silent subscript at the end of the word: ចន្ទ, ភក្ត្រ
        nucleus = _nucleus(syl)
        final = _final(syl)
        if syl.series == 2 and not syl.signs and not final and syl.vowel:
            if last and syl.vowel == "ី":
                nucleus = "y"  # លី "Ly", ទេវី "Tevy"
            elif last and syl.vowel == "ៅ":
                nucleus = "ov"  # ពៅ "Pov", ស្រីពៅ "Sreypov"
            elif (
                syl.vowel == "ា"
                and len(syl.onset) == 1
                and syl.onset[0] in _PLAIN_A_AFTER
                and previous_nucleus not in ("", "ea")
            ):
                nucleus = "a"  # សិលា "Sela", វឌ្ឍនាកា "Vathanaka"; មាលា stays "Mealea"
        if _silent_ng(syl, syls[k + 1 :]):
            nucleus = "o"  # វង្ស "Vong": ង before a silent word-final subscript
        if inherent(syl) and not last and syl.series == 2 and inherent(syls[k + 1]):
            nucleus = "a"  # មករា "Makara", រតនា "Ratana"
        elif inherent(syl) and not last and syl.series == 2 and syl.from_subscript:
            nucleus = "a"  # the Pali middle of a geminate: វឌ្ឍនាកា "Vathanaka"
        if syl.vowel == "ោ" and syl.series == 1 and syl.signs in ("", REAHMUK):
            nucleus = "or" if last and not final and not syl.signs else "o"  # ហោ "Hor", កោះ "Koh"
        if syl.vowel == "ូ" and syl.series == 1 and not syl.signs and _open(syl, syls[k + 1 :]):
            nucleus = "o"  # បូរ៉ា "Bora", បូររិទ្ធ "Borith"; closed: អូន "Aun", សូត "Sauth"
        elif syl.vowel == "ូ" and syl.series == 1 and not syl.signs and syl.final == "យ":
            nucleus = "o"  # ខូយ "Khoy": ូយ is a diphthong, not a closed ូ
        if syl.vowel == "ៃ" and last and not final and not syl.signs:
            nucleus = "ay"  # ផៃ "Phay", នៃ "Nay": ៃ closing a word, both series
        if last and (_long_o_before_n(syl) or (len(syls) == 1 and _lone_a_before_n(syl))):
            nucleus = "or"  # ស៊ន "Sorn", ងន "Ngorn"; a word of its own: សន "Sorn", ខន "Khorn"
        if last and syl.vowel == "ួ" and syl.final == "រ" and not syl.signs:
            nucleus = "ou"  # ួរ closing a word: សួរ "Sour", ឈួរ "Chhour", បួរ "Bour"
        if syl.vowel == "ុ" and syl.series == 2 and not syl.signs and not final and not last:
            nucleus = "o"  # an open ុ inside a word: មុនិនាថ "Monineath", មុនីវង្ស "Monivong"
        if _ou_before_stop(syl):
            nucleus = "ou"  # អ៊ុក "Ouk", អ៊ុច "Ouch"
        if syl.vowel == "ែ" and syl.final == "វ":
            final = "o"  # កែវ "Keo"
        elif syl.vowel == "ៀ" and syl.final == "វ":
            final = "u"  # ខៀវ "Khieu"
        if REAHMUK in syl.signs and not final:
            final = "h"
        if syl.final == "ត" and SAMYOK in syl.signs and syl.series == 2:
            final = "th"  # រ័ត្ន "Roth"
        elif last and syl.final == "ត" and syl.vowel in ("ិ", "ុ") and not syl.signs:
            final = "th"  # a short vowel's final t: គិត "Kith", សាឡុត "Saloth"; ណាត stays "Nat"
        elif last and k and syl.final in ("ត", "ដ") and syl.vowel in ("េ", "ែ") and _plain(syl):
            final = "th"  # closing a given name after e: សាវ៉េត "Saveth", សុផល្លែត "Sophalleth"
        # a syllable opened by អ after a closed one starts a word: សំអាន "Sam An"
        closed = prev is not None and bool(prev.final or NIKAHIT in prev.signs)
        space = syl.onset == ["អ"] and closed
        out.append(Piece(syl, onset, nucleus, final, space=space))
        previous_nucleus = nucleus
    return out


_H_CLUSTER = {"គ": "g", "វ": "f", "ប": "b"}
"""ហ over a subscript writes a sound Khmer letters lack or an a-series sonorant: ហ្គ "g"
(ហ្គេក "Guek"), ហ្វ "f" (ហ្វីណង់ "Finong"), ហ្ប "b"; over ន ម ល យ រ the ហ is silent (ហ្ន "n")."""


def _plain(syl: Syllable) -> bool:
    """No sign on the syllable and no ់ on its final."""
    return not syl.signs and not syl.final_short


def _long_o_before_n(syl: Syllable) -> bool:
    """An o-series inherent vowel closed by a plain ន (no ់, no subscript) is long and print
    marks it with ``r`` closing a word: ស៊ន "Sorn", ងន "Ngorn" (ឈន់ "Chhon", យន់ "Yon" are
    short; inside a word it stays ``o``: ជនជាតិ "Choncheat")."""
    plain = syl.series == 2 and not syl.vowel and not syl.signs and not syl.independent
    return plain and syl.final == "ន" and not syl.final_short and not syl.geminate


def _lone_a_before_n(syl: Syllable) -> bool:
    """One a-series consonant closed by a plain ន, a word of its own (no ៉ moved it to the
    a-series): print writes it as the o-series one, ``orn`` (សន "Sorn", ខន "Khorn", ឆន
    "Chhorn"; four people of five, ថន printed "Thorn" and "Than"). Inside a longer word print
    is split (សុខន "Sokhan", សាម៉ន "Samon"), so the rules leave it ``an``."""
    plain = syl.series == 1 and len(syl.onset) == 1 and not syl.shifter and not syl.vowel
    plain = plain and not syl.signs and not syl.independent
    return plain and syl.final == "ន" and not syl.final_short and not syl.geminate


def _open(syl: Syllable, rest: list[Syllable]) -> bool:
    """No final, or a រ written twice (ររ is one r, opening the next syllable: បូររិទ្ធ)."""
    return not syl.final or (syl.final == "រ" and bool(rest) and rest[0].onset[:1] == ["រ"])


def _ou_before_stop(syl: Syllable) -> bool:
    """អ៊ុ closed by a stop is printed ``ou``, as its vowel is spoken long (អ៊ុំ stays "Um")."""
    plain = syl.onset == ["អ"] and syl.shifter == TRIISAP and syl.vowel == "ុ" and not syl.signs
    return plain and syl.final in ("ក", "ច", "ត")


def _silent_ng(syl: Syllable, rest: list[Syllable]) -> bool:
    """An o-series inherent vowel closed by ង whose subscript is the silent end of the word
    (វង្ស): ``o`` as in វង "Vong", not the ``a`` of a spoken geminate (រង្សី "Rangsey")."""
    plain = syl.series == 2 and not syl.vowel and not syl.signs and syl.final == "ង"
    return plain and syl.geminate and len(rest) == 1 and inherent(rest[0])


def _romanize_word(word: str) -> str:
    parts = word_pieces(normalize(word))
    return "".join(render(part) if isinstance(part, list) else part for part in parts)


def word_pieces(word: str, *, spoken_final_i: bool = False) -> list[str | list[Piece]]:
    """A normalized word as the rules read it: each run of Khmer letters as its pieces, and
    what lies between runs (digits, Latin letters) as text; the ``r`` a lone a-series
    consonant takes (:func:`_lone_r`) is text after its run. ``spoken_final_i`` reads a
    final's Pali ិ (:func:`sastra.khmer.syllables.syllables`)."""
    out: list[str | list[Piece]] = []
    run: list[Cluster] = []
    for part in [*clusters(word), ""]:
        if isinstance(part, Cluster):
            run.append(part)
            continue
        if run:
            out.append(pieces(syllables(run, spoken_final_i=spoken_final_i)))
            if lone := _lone_r(run):
                out.append(lone)
            run = []
        if part:
            out.append(part)
    return out


def _lone_r(run: list[Cluster]) -> str:
    """A word of one bare a-series consonant is printed with ``r`` after its vowel, the way
    print marks a long open vowel: ស "Sar" (ហោ "Hor" likewise, see :func:`pieces`)."""
    one = run[0] if len(run) == 1 else None
    if one is None or not one.bare or one.subs or one.signs or one.shifter:
        return ""
    return "r" if CONSONANTS.get(one.base, ("", "", 2))[2] == 1 else ""


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
    return " ".join(part[:1].upper() + part[1:].lower() for part in word.split(" ") if part)
