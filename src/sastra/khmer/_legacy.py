"""Find Khmer typed in a legacy (Limon/ABC) font: Latin letters where Khmer is meant.

Legacy Khmer fonts put Khmer glyphs on Latin code points, so a document typed with
them stores ``ប្រទេសកម្ពុជា`` as something like ``RbeTskm<úCa``. Such text has
features ordinary English, acronyms and names almost never have, and the heuristic
scores each whitespace-separated token on them:

* a symbol that never stands inside a word (``µ þ ¶ © ¢ § ² ³ ½ ¾ ¹ £ ¤ ´ ¥ ¬ ¦ ¼ ÷ ×``)
  next to a letter: +3 each (Limon uses them for subscripts and signs);
* a Latin-1 letter Limon uses (``á ç ä ð æ ñ ö ø ü é ß ú`` and capitals): +0.5 each
  ("Référentiel" scores 1);
* a lower-case letter followed by an upper-case one: +1 for one ("iPhone", "MoEYS"),
  +2 each when there are two or more ("RbeTskm" has its capitals for o-series
  consonants and vowels);
* ``; : , < > [ ] { } | \\ +`` between two letters (Limon bantoc, muusikatoan,
  subscripts): +2 each, +1 for a comma ("mysql,oracle");
* four or more ASCII letters, not all capitals, without a vowel letter: +1.

A token scoring 2 or more is *Limon-like*. Consecutive tokens without Khmer
characters form a run; a run is reported when its tokens score 3 or more in all
and at least half of its tokens with two or more letters are Limon-like; the
finding spans its first to its last Limon-like token. Inline code (backticks),
URLs and e-mail addresses are never scored. Short Limon words such as ``nig``
(និង) look like English and are only caught inside a run of Limon-like tokens.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["legacy_runs", "token_score"]

_STRONG = frozenset("µþ¶©¢§²³½¾¹£¤´¥¬¦¼÷×")
_LATIN1_LETTERS = frozenset("áçÁÇäÄðÐæÆÞñÑöÖøØüéÉßúÚ")
_INNER = frozenset(";:,<>[]{}|\\+")
_VOWEL_LETTERS = frozenset("aeiouyAEIOUY")
# Code spans, link targets, URLs, www addresses and e-mail addresses. Each alternative
# is linear on any line: a failing attempt never rescans what the next attempt will
# (``<!--`` × 50,000 took minutes when a URL or an address was tried from every
# character): a link target stops at the next ``](``, a URL scheme and an address are
# tried only where a word starts, and no part backtracks into another.
_IGNORED = re.compile(
    r"`[^`]*`"
    r"|\]\((?:[^)\]]|\](?!\())*\)"
    r"|<?(?<![\w+.-])(?:(?![a-zA-Z])[\w+.-])*+[a-zA-Z][\w+.-]*+://\S+"
    r"|\bwww\.\S+"
    r"|(?<![^\s`)])\S[^\s@]*+@\S+\.\S+"
)
_HUMP = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’()«»!?"


def _is_camel_case(token: str) -> bool:
    """Is every hump of a CamelCase token a word or an acronym?"""
    for part in re.findall(r"[A-Za-z]+", token):
        humps = _HUMP.findall(part)
        for k, hump in enumerate(humps):
            if hump.isupper() or (len(hump) == 1 and k == 0):
                continue
            if len(hump) < 2 or not any(c in _VOWEL_LETTERS for c in hump):
                return False
    return True


def token_score(token: str) -> float:
    """How much ``token`` looks like Limon-encoded Khmer (0 for ordinary words)."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2 or any(c >= "\u0250" for c in letters):
        return 0.0  # too short to judge, or a word of another script
    score = 0.0
    for k, ch in enumerate(token):
        left = token[k - 1] if k else ""
        right = token[k + 1] if k + 1 < len(token) else ""
        if ch in _STRONG and (left.isalpha() or right.isalpha()):
            score += 3
        elif ch in _LATIN1_LETTERS:
            score += 0.5
        elif ch in _INNER and left.isalpha() and right.isalpha():
            score += 1 if ch == "," else 2
    camel = sum(1 for a, b in itertools.pairwise(token) if a.islower() and b.isupper())
    if camel and _is_camel_case(token):
        score += 1  # "iPhone", "YouTube", "ReStructuredText": humps that are words
    else:
        score += camel if camel < 2 else 2 * camel
    ascii_letters = [c for c in letters if c.isascii()]
    if (
        len(ascii_letters) >= 4
        and not any(c in _VOWEL_LETTERS for c in ascii_letters)
        and not all(c.isupper() for c in ascii_letters)
    ):
        score += 1
    return score


def legacy_runs(line: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of ``line`` that look like Limon-encoded Khmer."""
    blanked = _IGNORED.sub(lambda m: " " * len(m.group()), line)
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int, float]] = []

    def close() -> None:
        counted = [t for t in run if sum(c.isalpha() for c in line[t[0] : t[1]]) >= 2]
        like = [t for t in counted if t[2] >= 2]
        total = sum(t[2] for t in run)
        if like and total >= 3 and 2 * len(like) >= len(counted):
            found.append((like[0][0], like[-1][1]))
        run.clear()

    for match in _TOKEN.finditer(blanked):
        token = match.group()
        if any("\u1780" <= c <= "\u17ff" for c in token):
            close()
            continue
        start, end = match.start(), match.end()
        while start < end and blanked[start] in _EDGE:
            start += 1
        while end > start and blanked[end - 1] in _EDGE + ".":
            end -= 1
        if start < end:
            run.append((start, end, token_score(blanked[start:end])))
    close()
    return found
