"""Where names are looked for, and how they are recognised in running text.

* :func:`scan_regions`: the parts of a Markdown file a reader sees as text (string
  values of the frontmatter except the ``l10n`` block; the body without code, link
  targets or HTML tags), as offsets into the file's text, so a fix touches nothing else.
* :func:`latin_pattern`: one word-bounded regex for a set of Latin names.
* :func:`khmer_mentions` and :func:`latin_mentions`: the names written after an
  honorific (ឯកឧត្តម ម៉ៅ សិលា, H.E. Mao Sela), with the honorifics and offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import yaml

from sastra.khmer.unicode import normalize

__all__ = [
    "KM_HONORIFICS",
    "LATIN_HONORIFICS",
    "Mention",
    "khmer_mentions",
    "latin_mentions",
    "latin_pattern",
    "mask_markup",
    "name_words",
    "scan_regions",
]

_BOUNDARY = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_TOML_BOUNDARY = re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
_TOML_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")
_MASKS = re.compile(
    r"^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[^\n]*$"  # fenced code
    r"|`[^`\n]+`"  # inline code
    r"|\]\([^)\n]*\)"  # link and image targets
    r"|^[ \t]*\[[^\]\n]+\]:[^\n]*$"  # reference definitions
    r"|<[^>\n]+>",  # HTML tags and autolinks
    re.MULTILINE | re.DOTALL,
)
_GAP = r"(?:[ \t]*\r?\n[ \t]*|[ \t]+)"


def scan_regions(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the reader-visible text of a Markdown file."""
    regions: list[tuple[int, int]] = []
    body_start = 0
    if text.startswith("---"):
        marks = list(_BOUNDARY.finditer(text))
        if len(marks) >= 2 and marks[0].start() == 0:
            fm_start = marks[0].end() + 1
            regions += _frontmatter_regions(text[fm_start : marks[1].start()], fm_start)
            body_start = marks[1].end()
    elif text.startswith("+++"):
        marks = list(_TOML_BOUNDARY.finditer(text))
        if len(marks) >= 2 and marks[0].start() == 0:
            fm_start = marks[0].end() + 1
            regions += _toml_regions(text[fm_start : marks[1].start()], fm_start)
            body_start = marks[1].end()
    last = body_start
    for match in _MASKS.finditer(text, body_start):
        if match.start() > last:
            regions.append((last, match.start()))
        last = match.end()
    if last < len(text):
        regions.append((last, len(text)))
    return regions


def mask_markup(body: str) -> str:
    """The Markdown body with code, link targets and HTML tags blanked (offsets kept)."""
    return _MASKS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


_PATH_LIKE = re.compile(r"^['\"]?(?:[@~.]?/|\w+://)|\.\w{2,4}['\"]?$")


def _toml_regions(fm: str, offset: int) -> list[tuple[int, int]]:
    """The insides of the one-line strings of TOML frontmatter, outside ``[l10n]``."""
    out: list[tuple[int, int]] = []
    at = 0
    in_l10n = False
    for line in fm.split("\n"):
        header = line.strip()
        if header.startswith("["):
            in_l10n = header.split("#")[0].strip() == "[l10n]"
        elif not in_l10n and not line.lstrip().startswith("l10n"):
            for found in _TOML_STRING.finditer(line):
                if not _PATH_LIKE.search(found.group(0)):
                    out.append((offset + at + found.start() + 1, offset + at + found.end() - 1))
        at += len(line) + 1
    return out


def _frontmatter_regions(fm: str, offset: int) -> list[tuple[int, int]]:
    try:
        root = yaml.compose(fm, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # the content loader reports bad frontmatter
    out: list[tuple[int, int]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":str") and not _PATH_LIKE.search(node.value):
                out.append((offset + node.start_mark.index, offset + node.end_mark.index))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not (node is root and key.value == "l10n"):
                    walk(value)

    if root is not None:
        walk(root)
    return out


def latin_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of ``names`` as whole words (longest first), or ``None``.

    Case-sensitive; the words of a name may be separated by spaces or one line break.
    """
    alternatives = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(_GAP.join(re.escape(w) for w in n.split()) for n in alternatives)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


# --- honorifics and the names after them ------------------------------------------------

KM_HONORIFICS: tuple[str, ...] = (
    "ឯកឧត្តម", "លោកជំទាវ", "លោកស្រី", "លោក", "អ្នកឧកញ៉ា", "ឧកញ៉ា", "បណ្ឌិត",
    "អ្នកស្រី", "កញ្ញា", "សម្តេច", "សាស្ត្រាចារ្យ", "វេជ្ជបណ្ឌិត", "អ្នកនាង",
)  # fmt: skip
"""Khmer honorifics a person's name follows; they combine (ឯកឧត្តមបណ្ឌិត)."""

LATIN_HONORIFICS: tuple[str, ...] = (
    "H.E.", "His Excellency", "Her Excellency", "Excellency", "Dr.", "Dr", "Mr.", "Mr",
    "Mrs.", "Mrs", "Ms.", "Ms", "Lok Chumteav", "Neak Oknha", "Oknha", "Samdech",
    "Prof.", "Professor", "Madam", "Miss", "Lok",
)  # fmt: skip
"""English honorifics a person's name follows; they combine (H.E. Dr.)."""

# Words that follow an honorific but are not names: titles and verbs (a name never
# starts with one), and short function words (only the whole word; ជា is also "Chea").
_KM_NOT_NAME_PREFIX = tuple(
    normalize(w)
    for w in (
        "រដ្ឋមន្ត្រី", "អនុរដ្ឋលេខាធិការ", "រដ្ឋលេខាធិការ", "ទេសរដ្ឋមន្ត្រី", "ឧបនាយករដ្ឋមន្ត្រី",
        "នាយករដ្ឋមន្ត្រី", "អគ្គនាយក", "អគ្គលេខាធិការ", "ប្រធាន", "អនុប្រធាន", "អភិបាល",
        "នាយក", "សមាជិក", "តំណាង", "ឯកអគ្គរដ្ឋទូត", "បាន", "ដែល", "ក្នុង", "ហើយ", "សម្រាប់",
        "ជាមួយ", "នឹង", "ត្រូវ", "កំពុង", "អញ្ជើញ", "ដឹកនាំ", "សភា", "អ្នក", "ទាំង",
        "ថ្លែង", "ចូលរួម", "បើក", "ជួប", "ទទួល", "ផ្ដល់", "បង្ហាញ", "ពិនិត្យ", "ណែនាំ", "ធ្វើ",
    )
)  # fmt: skip
_KM_NOT_NAME = frozenset(
    normalize(w)
    for w in ("និង", "នៅ", "ក៏", "ថា", "មាន", "គឺ", "ទៅ", "មក", "ពី", "លើ", "ដល់", "នេះ", "នោះ", "ដោយ")
)  # fmt: skip
_KM_GLUE_STOP = frozenset(normalize(w) for w in ("ជា", "បាន", "ក៏", "នឹង", "ត្រូវ", "មិន"))
_KM_PUNCT = "។៕៖,.:;!?()[]{}\"'«»“”‘’"
_KM_LETTERS = re.compile(r"^[\u1780-\u17dd]+$")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LATIN_NOT_NAME = _wordset(
    """The A An And Of For In On At To With By From His Her Their Its This That These Those
    Minister Deputy Secretary State Under Director General Governor President Vice Chairman
    Chair Head Senior Ambassador Advisor Adviser Member Delegate Representative Prime Dr Mr Mrs
    Ms Excellency Lok Chumteav Oknha Samdech Professor Madam Miss Invited Led Leads Opens Opened
    Meets Met Attends Attended Presides Presided Chairs Chaired Receives Received Visits Visited
    Signs Signed Calls Called Says Said Welcomes Welcomed Launches Launched Joins Joined Holds
    Held Delivers Delivered Discusses Discussed Workshop Meeting Conference Forum Ceremony
    Project Training Program Programme Center Centre Ministry Province Department Office School
    University Phnom Penh Cambodia Kingdom Royal Government Council Committee Working Group"""
)
_LATIN_TITLES = _wordset(
    "Minister Deputy Secretary State Under Director General Governor President Vice Senior "
    "Ambassador Chairman Chair Advisor Adviser"
)
_LATIN_SUFFIXES = ("ed", "ing", "tion", "ment", "ness", "ies", "ers", "ship", "ity")
_LATIN_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*"


@dataclass(frozen=True)
class Mention:
    """A name written after an honorific."""

    words: tuple[str, ...]
    """The name-like words after the honorific, up to four (the name is a prefix)."""
    honorific: str
    """The honorific(s) before it, as written (Khmer forms normalized)."""
    offset: int
    """Offset of the first word in the searched text (Khmer: in the original text)."""


_KM_LEADS = tuple({h[:3] for h in KM_HONORIFICS})


_KM_NAME_MAX = 12
"""Longest word (in code points) taken as part of a name: សុវណ្ណារិទ្ធ is 12."""


@lru_cache(maxsize=16384)
def _normal_word(word: str) -> str:
    return normalize(word)


@lru_cache(maxsize=1)
def _km_honorific_re() -> re.Pattern[str]:
    forms = sorted({normalize(h) for h in KM_HONORIFICS}, key=len, reverse=True)
    one = "|".join(map(re.escape, forms))
    # a honorific may not continue a word (ពិភពលោក "world") nor take a vowel sign
    return re.compile(rf"(?:{one})(?: ?(?:{one}))*(?![\u17b6-\u17d3])")


_KM_LOK = normalize("លោក")
_KM_JOINERS = tuple(
    normalize(w) for w in ("និង", "របស់", "ដល់", "ពី", "ជាមួយ", "ដោយ", "ចំពោះ", "នៃ", "ឱ្យ", "ឲ្យ", "ហើយ")
)  # fmt: skip


def _km_lead_ok(word: str, start: int, honorific: str) -> bool:
    """Inside a word, a bare លោក must follow a joining word (និងលោក), not end one (ពិភពលោក)."""
    if start == 0 or honorific != _KM_LOK:
        return True
    return word[:start].endswith(_KM_JOINERS)


def khmer_mentions(text: str) -> list[Mention]:
    """Khmer names after honorifics, up to three space-separated words each.

    The text is compared through :func:`normalize` (so ឯកឧត្ដម with coeng DA is
    found); a word counts as part of a name when it is short (≤ 12 characters), only
    Khmer letters and no title or function word (អនុរដ្ឋលេខាធិការ, បាន…).
    Offsets are those of the original text.
    """
    out: list[Mention] = []
    pattern = _km_honorific_re()
    raw = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]

    def word(i: int) -> str:  # only words near a honorific, and never a long one
        chunk = raw[i][1]
        return _normal_word(chunk) if len(chunk) <= _KM_NAME_MAX + 8 else chunk

    after = 0
    for index, (start, chunk) in enumerate(raw):
        if index < after or not any(lead in chunk for lead in _KM_LEADS):
            continue  # not a honorific, or one already taken: ឯកឧត្តម បណ្ឌិត
        for hon in pattern.finditer(word(index)):
            if not _km_lead_ok(word(index), hon.start(), hon.group(0)):
                continue
            honorific, rest, after = (
                hon.group(0).replace(" ", ""),
                word(index)[hon.end() :],
                index + 1,
            )
            while not rest and after < len(raw) and pattern.fullmatch(word(after)):
                honorific += word(after)  # ឯកឧត្តម បណ្ឌិត: one combined honorific
                after += 1
            following = ([rest] if rest else []) + [
                word(i) for i in range(after, min(after + 3, len(raw)))
            ]
            names = _km_name_words(following, pattern)
            if names:
                first = start + hon.end() if rest else raw[after][0]
                out.append(Mention(tuple(names), honorific, first))
            break
    return out


def _km_name_words(words: list[str], honorifics: re.Pattern[str]) -> list[str]:
    names: list[str] = []
    for word in words[:3]:
        stripped = word.rstrip(_KM_PUNCT)
        if not stripped or not _KM_LETTERS.match(stripped) or _not_name(stripped, honorifics):
            break
        if len(stripped) > _KM_NAME_MAX:
            head = _glued_name(stripped, honorifics)
            if head:
                names.append(head)
            break
        names.append(stripped)
        if stripped != word:
            break  # punctuation ends the name
    return names


def _not_name(word: str, honorifics: re.Pattern[str]) -> bool:
    """A title, a verb, a function word, or the next person (និងលោកស្រី)."""
    return (
        word in _KM_NOT_NAME
        or word.startswith(_KM_NOT_NAME_PREFIX)
        or honorifics.search(word) is not None
    )


def _glued_name(word: str, honorifics: re.Pattern[str]) -> str | None:
    """The name at the start of a run written without a space: សិលាបានដឹកនាំ → សិលា.

    The word segmenter splits the run; the name is the tokens before the first verb,
    function word or title, when there is one (else the run is not cut).
    """
    pieces = _segment(word)
    for k, piece in enumerate(pieces[1:], start=1):
        if piece in _KM_GLUE_STOP or _not_name(piece, honorifics):
            head = normalize("".join(pieces[:k]))
            return head if len(head) <= _KM_NAME_MAX else None
    return None


@lru_cache(maxsize=4096)
def _segment(word: str) -> tuple[str, ...]:
    try:
        from sastra.khmer.segment import tokens
    except ImportError:  # pragma: no cover - the segmenter is a dependency
        return (word,)
    return tuple(t for t in tokens(word) if t.strip())


@lru_cache(maxsize=1)
def _latin_honorific_re() -> re.Pattern[str]:
    forms = sorted(LATIN_HONORIFICS, key=len, reverse=True)
    one = "|".join(re.escape(h) + ("" if h.endswith(".") else r"\b") for h in forms)
    return re.compile(
        rf"(?<![\w.])(?P<hon>(?:{one})(?:[ \t]+(?:{one}))*)[ \t]+(?P<name>{_LATIN_WORD}"
        rf"(?:[ \t]+{_LATIN_WORD}){{0,3}})"
    )


def name_words(words: Iterable[str]) -> list[str]:
    """The leading words that can be part of a romanized Khmer name."""
    out: list[str] = []
    for word in words:
        if word in _LATIN_NOT_NAME or word.lower().endswith(_LATIN_SUFFIXES):
            break
        out.append(word)
    return out


def latin_mentions(text: str) -> list[Mention]:
    """English names after honorifics (H.E. Mao Sela, His Excellency Dr. Chea Vandeth).

    A name is one to four capitalised words in a row, stopping at punctuation and at
    words that are titles or English words (Minister, Invited…), so a name inside a
    Title Case headline is still cut where it ends.
    """
    out: list[Mention] = []
    for match in _latin_honorific_re().finditer(text):
        found = list(re.finditer(r"\S+", match.group("name")))
        while found and found[0].group(0) in _LATIN_TITLES:
            found.pop(0)  # H.E. Minister Chea Vandeth
        words = name_words(w.group(0) for w in found)
        if words:
            honorific = " ".join(match.group("hon").split())
            out.append(Mention(tuple(words), honorific, match.start("name") + found[0].start()))
    return out
