"""Honorifics and titles before a person's name, and the name after them (Khmer and Latin).

One parser for every part of Sastra that looks for people (``i18n names discover``,
``review``'s ``name-missing``, the ``name`` filter). Khmer news writes a person as a
*chain* of courtesy forms, degrees and titles, joined to each other and often to the
name, then the name::

    ឯកឧត្តមរដ្ឋមន្ត្រី ជា វ៉ាន់ដេត            honorific ឯកឧត្តម, title រដ្ឋមន្ត្រី
    ឯកឧត្តមបណ្ឌិតសភាចារ្យ ហង់ ជួន ណារ៉ុន      honorific ឯកឧត្តមបណ្ឌិតសភាចារ្យ
    សម្តេចមហាបវរធិបតី ហ៊ុន ម៉ាណែត            honorific សម្តេច, title មហាបវរធិបតី
    លោកគ្រូ សុខ ដារា                       honorific លោកគ្រូ (a teacher)
    ព្រះករុណា ព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី

* A chain starts with a *lead* (:data:`KM_HONORIFICS`, :data:`KM_ROYAL`, military
  ranks). Leads that also end ordinary words (លោក in ពិភពលោក, បណ្ឌិត in គតិបណ្ឌិត,
  កញ្ញា the month) count only at the start of a word or after a joining word
  (និងលោក); the others anywhere.
* The chain continues with further honorifics, degrees (:data:`KM_DEGREES`) and titles
  (:data:`KM_TITLES`), spaced or joined, longest first. A title that goes on into
  other text (រដ្ឋមន្ត្រីក្រសួងអប់រំ, "Minister of Education") ends the chain with no name.
* The name is up to three short (≤ 12 characters) words of Khmer letters; it stops at
  punctuation, a title, a verb, a function word or the next honorific. A word that is a
  common word (the shipped list ``data/names/khmer-not-names.txt``) is never a name,
  and a one-word name that is a frequent verb (ជា, "is", is also the surname Chea) is
  dropped. A name glued to the following verb (សិលាបានដឹកនាំ) is cut with the word
  segmenter.

The Latin side is :mod:`sastra.khmer.honorifics_latin` (the same :class:`Mention`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sastra.khmer.unicode import normalize

__all__ = [
    "KM_DEGREES",
    "KM_HONORIFICS",
    "KM_ROYAL",
    "KM_TITLES",
    "Mention",
    "is_not_name",
    "is_title",
    "khmer_mentions",
    "split_chain",
]

KM_HONORIFICS: tuple[str, ...] = (
    "ឯកឧត្តម", "ឯ.ឧ.", "ឯ.ឧ", "លោកជំទាវ", "លោកស្រី", "លោកគ្រូ", "អ្នកគ្រូ", "លោកតា", "លោកយាយ", "លោក",
    "អ្នកឧកញ៉ា", "ឧកញ៉ា", "អ្នកស្រី", "អ្នកនាង", "កញ្ញា", "សម្តេច", "ឧកញ៉ាវិសិដ្ឋ",
)  # fmt: skip
"""Courtesy forms a person's name follows (លោកគ្រូ/អ្នកគ្រូ: a teacher)."""

KM_DEGREES: tuple[str, ...] = (
    "បណ្ឌិតសភាចារ្យ", "អគ្គបណ្ឌិតសភាចារ្យ", "វេជ្ជបណ្ឌិត", "សាស្ត្រាចារ្យ", "បណ្ឌិត",
    "សាស្ត្រាចារ្យរង", "ឧត្តមសេនីយ៍ឯក", "ឧត្តមសេនីយ៍ទោ", "ឧត្តមសេនីយ៍ត្រី",
    "នាយឧត្តមសេនីយ៍", "ឧត្តមសេនីយ៍", "វរសេនីយ៍ឯក", "វរសេនីយ៍ទោ", "វរសេនីយ៍ត្រី",
    "អនុសេនីយ៍ឯក", "អនុសេនីយ៍ទោ", "អនុសេនីយ៍ត្រី", "ឧត្តមនាវីឯក", "ឧត្តមនាវីទោ",
)  # fmt: skip
"""Degrees and ranks, part of the honorific (H.E. Dr., Academician, General)."""

KM_TITLES: tuple[str, ...] = (
    "នាយករដ្ឋមន្ត្រី", "ឧបនាយករដ្ឋមន្ត្រី", "ទេសរដ្ឋមន្ត្រី", "រដ្ឋមន្ត្រី", "រដ្ឋលេខាធិការ",
    "អនុរដ្ឋលេខាធិការ", "អគ្គនាយក", "អគ្គនាយករង", "អគ្គលេខាធិការ", "អគ្គលេខាធិការរង",
    "អគ្គាធិការ", "ប្រធាន", "អនុប្រធាន", "អភិបាល", "អភិបាលរង", "នាយក", "នាយករង",
    "ប្រធានមន្ទីរ", "អនុប្រធានមន្ទីរ", "ឯកអគ្គរដ្ឋទូត", "ទីប្រឹក្សា", "មេឃុំ", "ចៅសង្កាត់",
    "ចៅហ្វាយខេត្ត", "នាយកសាលា", "នាយិកា", "នាយិកាសាលា", "គ្រូ", "គ្រូបង្រៀន", "ព្រឹទ្ធបុរស",
    "សមាជិក", "តំណាងរាស្ត្រ", "សមាជិកព្រឹទ្ធសភា", "ប្រធានព្រឹទ្ធសភា", "ប្រធានរដ្ឋសភា",
    "មហាបវរធិបតី", "ធិបតី", "អគ្គមហាសេនាបតីតេជោ", "តេជោ", "អគ្គមហាពញាចក្រី",
    "វិបុលសេនាភក្តី", "កិត្តិព្រឹទ្ធបណ្ឌិត", "កិត្តិសង្គហបណ្ឌិត", "កិត្តិនីតិកោសលបណ្ឌិត",
    "កិត្តិសេដ្ឋាបណ្ឌិត", "កិត្តិបណ្ឌិត", "កិត្តិព្រឹទ្ធមហាបណ្ឌិត", "អគ្គមហាធម្មពោធិសាល",
    "អគ្គមហាមន្ត្រី", "មហាមន្ត្រី", "ឧត្តមមន្ត្រី", "ពិជ័យសេនា", "វិបុលបញ្ញា", "ក្រឡាហោម",
    "អភិសន្តិបណ្ឌិត", "កិត្តិទេសាភិបាលបណ្ឌិត", "កិត្តិទេសាភិបាល", "មហារដ្ឋសភាធិការធិបតី",
    "អគ្គមហាធម្មពោធិសាលបណ្ឌិត",
)  # fmt: skip
"""Functions and honorary titles: part of the chain, not of the name."""

KM_ROYAL: tuple[str, ...] = (
    "ព្រះករុណា", "ព្រះបាទសម្តេចព្រះបរមនាថ", "ព្រះបាទសម្តេច", "ព្រះបាទ", "សម្តេចព្រះបរមនាថ",
    "ព្រះបរមនាថ", "ព្រះមហាក្សត្រ", "ព្រះមហាក្សត្រី", "សម្តេចព្រះមហាក្សត្រី",
    "ព្រះវររាជមាតាជាតិខ្មែរ", "ព្រះអង្គម្ចាស់", "សម្តេចក្រុមព្រះ", "សម្តេចព្រះ",
    "ព្រះមហាសង្ឃរាជ", "សម្តេចព្រះមហាសង្ឃរាជ", "សម្តេចព្រះសង្ឃរាជ", "ព្រះរាជអគ្គមហេសី",
    "ព្រះតេជព្រះគុណ", "ព្រះចៅអធិការ",
)  # fmt: skip
"""Royal and monastic titles: they lead a chain (ព្រះករុណា …) and belong to it."""

_KM_AMBIGUOUS = ("លោក", "បណ្ឌិត", "កញ្ញា", "គ្រូ", "តេជោ", "ធិបតី", "ព្រះបាទ", "សាស្ត្រាចារ្យ")
"""Leads that also end ordinary words: counted only where a word starts."""

_KM_JOINERS = (
    "និង", "របស់", "ដល់", "ពី", "ជាមួយ", "ដោយ", "ចំពោះ", "នៃ", "ឱ្យ", "ឲ្យ", "ហើយ", "ជូន",
    "ក្រោមអធិបតីភាពរបស់", "អធិបតីភាព", "ក្រោមការដឹកនាំរបស់", "តំណាង", "ដែល", "ថា", "គឺ",
)  # fmt: skip
"""Words after which a person's honorific may follow without a space (និងលោក…)."""

_KM_NOT_NAME_PREFIX = (
    "បាន", "ដែល", "ក្នុង", "សម្រាប់", "កំពុង", "អញ្ជើញ", "ដឹកនាំ", "ថ្លែង", "ចូលរួម",
    "ពិនិត្យ", "ណែនាំ", "ក្រសួង", "អង្គការ", "ក្រុមហ៊ុន", "សាកលវិទ្យាល័យ", "វិទ្យាល័យ",
    "អធិបតី", "ទទួល", "ផ្ដល់", "បង្ហាញ", "ធ្វើ", "សភា", "ទាំង", "តំណាង", "អ្នក",
    "មានប្រសាសន៍", "បញ្ជាក់", "លើកឡើង", "ស្នើ", "សង្កត់ធ្ងន់", "អះអាង", "រំលឹក", "ប្រកាស",
    "មន្ត្រី", "ឱ្យដឹង", "ឲ្យដឹង",
)  # fmt: skip
"""A word starting with one of these is a verb phrase or an institution, not a name."""

_KM_WEAK = ("ជា", "នៅ", "បាន", "មិន", "ក៏", "នឹង", "ត្រូវ", "មាន", "គឺ", "ទៅ", "មក")
"""Verbs and particles that a name glued to the next words stops at (សិលាបានដឹកនាំ);
ជា ("is") is also the family name Chea, so a name of that word alone is dropped."""

_KM_PUNCT = "។៕៖,.:;!?()[]{}\"'«»“”‘’/|-–—"
_KM_LETTERS = re.compile(r"^[\u1780-\u17dd]+$")
_KM_NAME_MAX = 12
"""Longest word (in code points) taken as part of a name: សុវណ្ណារិទ្ធ is 12."""
_KM_NAME_WORDS = 3
_WORD_RE = re.compile("[^\\s\u200b\u200c\u200d\ufeff]+")
"""A word: zero-width spaces separate words like spaces (editors type them between
Khmer words)."""


@dataclass(frozen=True)
class Mention:
    """A name written after an honorific."""

    words: tuple[str, ...]
    """The name-like words after the chain, up to three in Khmer, four in Latin."""
    honorific: str
    """The courtesy forms and degrees before it (Khmer normalized and joined:
    ឯកឧត្តមបណ្ឌិត; Latin as written: H.E. Dr.)."""
    offset: int
    """Offset of the first word in the searched text."""
    title: str = ""
    """The titles of the chain (រដ្ឋមន្ត្រី, មហាបវរធិបតី; Moha Borvor Thipadei)."""


# --- the Khmer word lists ------------------------------------------------------------


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    text = resources.files("sastra").joinpath("data/names/khmer-not-names.txt")
    words = text.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(w) for w in words if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """Every chain piece (normalized) and its role: ``lead``, ``degree`` or ``title``."""
    roles: dict[str, str] = {}
    for role, words in (("title", KM_TITLES), ("degree", KM_DEGREES), ("lead", KM_HONORIFICS)):
        roles.update((normalize(w), role) for w in words)
    roles.update((normalize(w), "royal") for w in KM_ROYAL)
    return roles


@lru_cache(maxsize=1)
def _piece_re() -> re.Pattern[str]:
    forms = sorted(_pieces(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms)))


@lru_cache(maxsize=1)
def _lead_re() -> re.Pattern[str]:
    leads = [p for p, role in _pieces().items() if role in ("lead", "royal", "degree")]
    # a lead never takes a vowel sign after it (លោកា is not លោក + name)
    one = "|".join(map(re.escape, sorted(leads, key=len, reverse=True)))
    return re.compile(rf"(?:{one})(?![\u17b6-\u17d3])")


_AMBIGUOUS = frozenset(normalize(w) for w in _KM_AMBIGUOUS)
_JOINERS = tuple(normalize(w) for w in _KM_JOINERS)
_NOT_PREFIX = tuple(normalize(w) for w in _KM_NOT_NAME_PREFIX)
_WEAK = frozenset(normalize(w) for w in _KM_WEAK)
_NEGATIONS = frozenset({normalize("ពុំ")})
"""Negations that are also family names (ពុំ "not", Pum): one may start a name, followed
by a given name, but never end one."""
_MONTH = normalize("ខែ")
_KANHA = normalize("កញ្ញា")


@lru_cache(maxsize=16384)
def is_title(word: str) -> bool:
    """True when ``word`` is made only of honorifics, degrees and titles (ឯកឧត្តមរដ្ឋមន្ត្រី)."""
    word = normalize(word).replace(" ", "")
    return bool(word) and _piece_re().sub("", word) == ""


@lru_cache(maxsize=16384)
def is_not_name(word: str) -> bool:
    """True when a Khmer word can never be (the start of) a person's name."""
    word = normalize(word)
    return word in _not_names() or word.startswith(_NOT_PREFIX) or is_title(word)


# --- Khmer ---------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def _normal_word(word: str) -> str:
    return normalize(word)


def _lead_ok(word: str, start: int, lead: str, previous: str) -> bool:
    """Where an ambiguous lead (លោក, បណ្ឌិត, កញ្ញា…) may start: a word's start, or after a
    joining word (និងលោក); never after ខែ (ខែកញ្ញា is September)."""
    if previous == _MONTH and start == 0:
        return False
    if word[:start].endswith(_MONTH):
        return False
    if start == 0 or not any(lead.startswith(a) or a.startswith(lead) for a in _AMBIGUOUS):
        return True
    return word[:start].endswith(_JOINERS)


class _Words:
    """The words of a text, normalized when first read (most never are)."""

    def __init__(self, raw: list[tuple[int, str]]) -> None:
        self._raw = raw

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, index: int) -> str:
        word = self._raw[index][1]
        return _normal_word(word) if len(word) <= 40 else word


@lru_cache(maxsize=1)
def _quick_re() -> re.Pattern[str]:
    """The first two letters of every lead: a word without one holds no lead (the first
    letters of a word are the same before and after normalization)."""
    leads = {p[:2] for p, role in _pieces().items() if role in ("lead", "royal", "degree")}
    return re.compile("|".join(map(re.escape, sorted(leads))))


def _chain(words: _Words, index: int, at: int) -> tuple[str, str, int, int, bool]:
    """Consume a chain from ``words[index][at:]``.

    Returns ``(honorific, title, index, at, open_title)``: where the rest begins (word
    index and offset in that word) and whether the chain ended inside a word on a title
    that goes on into other text (រដ្ឋមន្ត្រីក្រសួង…: no name follows).
    """
    honorific, title, role = "", "", ""
    pieces, pattern = _pieces(), _piece_re()
    while index < len(words):
        match = pattern.match(words[index], at)
        if match is None:
            return honorific, title, index, at, bool(at) and role == "title"
        piece = match.group(0)
        role = pieces[piece]
        if role == "title":
            title += piece
        else:
            honorific += piece
        at = match.end()
        if at == len(words[index]):
            index, at = index + 1, 0
    return honorific, title, index, at, False


def split_chain(text: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """``(honorifics, titles, rest)`` of a text that starts with a chain, pieces normalized:
    ``ឯកឧត្តមរដ្ឋមន្ត្រី ជា វ៉ាន់ដេត`` → ``(("ឯកឧត្តម",), ("រដ្ឋមន្ត្រី",), "ជា វ៉ាន់ដេត")``.

    A text that does not start with a lead, or whose chain ends on a title that runs
    on into other text (ឯកឧត្តមរដ្ឋមន្ត្រីក្រសួងអប់រំ), is ``((), (), text)``, normalized.
    """
    words = normalize(text).split(" ")
    honorifics: list[str] = []
    titles: list[str] = []
    index, at, role = 0, 0, ""
    pieces, pattern = _pieces(), _piece_re()
    while _lead_re().match(words[0]) and index < len(words):
        match = pattern.match(words[index], at)
        if match is None:
            break
        role = pieces[match.group(0)]
        (titles if role == "title" else honorifics).append(match.group(0))
        at = match.end()
        if at == len(words[index]):
            index, at = index + 1, 0
    if not honorifics or (at and role == "title"):
        return (), (), " ".join(words)
    rest = [words[index][at:], *words[index + 1 :]] if at else words[index:]
    return tuple(honorifics), tuple(titles), " ".join(rest)


def khmer_mentions(text: str) -> list[Mention]:
    """Khmer names after honorific/title chains, up to three space-separated words each.

    The text is compared through :func:`normalize` (so ឯកឧត្ដម with coeng DA is
    found); offsets are those of the original text.
    """
    out: list[Mention] = []
    raw = [(m.start(), m.group(0)) for m in _WORD_RE.finditer(text)]
    words = _Words(raw)
    leads, quick = _lead_re(), _quick_re()
    index = 0
    while index < len(words):
        if not quick.search(raw[index][1]):
            index += 1
            continue  # no lead can start in this word: do not normalize it
        word = words[index]
        found = None
        for match in leads.finditer(word):
            previous = words[index - 1] if index else ""
            if _lead_ok(word, match.start(), match.group(0), previous):
                found = match
                break
        if found is None:
            index += 1
            continue
        honorific, title, after, at, open_title = _chain(words, index, found.start())
        if open_title or not honorific:
            index = max(after, index + 1)
            continue
        nxt = after + (1 if at else 0)
        following = ([words[after][at:]] if at else []) + [
            words[i] for i in range(nxt, min(nxt + 3, len(words)))
        ]
        names = _name_words(following)
        if names:
            out.append(Mention(tuple(names), honorific, _raw_offset(raw, after, at), title))
        index = max(after, index + 1)
    return out


def _raw_offset(raw: list[tuple[int, str]], index: int, at: int) -> int:
    """The offset in the original text of position ``at`` of normalized word ``index``."""
    start, chunk = raw[index]
    for k in range(len(chunk) + 1) if at else ():
        if len(normalize(chunk[:k])) >= at:  # normalization may drop or reorder signs
            return start + k
    return start


def _name_words(words: list[str]) -> list[str]:
    names: list[str] = []
    for word in words[:_KM_NAME_WORDS]:
        stripped = word.rstrip(_KM_PUNCT)
        if not stripped or not _KM_LETTERS.match(stripped) or _stops_name(stripped, names):
            break
        if len(stripped) > _KM_NAME_MAX:
            head = _glued_name(stripped)
            if head:
                names.append(head)
            break
        names.append(stripped)
        if stripped != word:
            break  # punctuation ends the name
    if len(names) == 1 and names[0] in _WEAK:
        return []  # លោក ជា ប្រធាន: "he is the chairman"
    if names and names[-1] in _NEGATIONS:
        names.pop()  # លោក ពុំ បាន…: "he did not…"; លោកជំទាវ ពុំ ចាន់ធីតា is Pum Chanthida
    return names


def _stops_name(word: str, before: list[str]) -> bool:
    """A title, a verb, a common word, or the next person (និងលោកស្រី); កញ្ញា after a
    family name is a given name ("Kanha")."""
    if before and word == _KANHA:
        return False
    if is_not_name(word) or _lead_re().search(word) is not None:
        return True
    weak = next((w for w in _WEAK if word.startswith(w) and len(word) > len(w)), None)
    return weak is not None and is_not_name(word[len(weak) :])  # ជាអធិបតី "as chair"


def _glued_name(word: str) -> str | None:
    """The name at the start of a run written without a space: សិលាបានដឹកនាំ → សិលា."""
    pieces = _segment(word)
    for k, piece in enumerate(pieces[1:], start=1):
        if piece in _WEAK or _stops_name(piece, []):
            head = normalize("".join(pieces[:k]))
            return head if len(head) <= _KM_NAME_MAX and not is_not_name(head) else None
    return None


@lru_cache(maxsize=4096)
def _segment(word: str) -> tuple[str, ...]:
    try:
        from sastra.khmer.segment import tokens
    except ImportError:  # pragma: no cover - the segmenter is a dependency
        return (word,)
    return tuple(t for t in tokens(word) if t.strip())
