"""Which script and which language a piece of text is in: the wrong-language check's eyes.

Khmer writing legitimately carries Latin text: names (``Sastra``, ``Mao Sela``),
acronyms (``CTC``, ``4G``, ``MPTC``), quoted terms (“Digital Government”), short
glosses in parentheses ((Community Tech Center)), URLs, domain names (a link whose text
is ``library.moeys.gov.kh``), paths (``content/km/``), e-mail
addresses and hashtags (and, in the check, inline code). English
writing may quote a Khmer name. None of that is "the wrong language"; a run of
English *prose* in a Khmer paragraph, or a paragraph that is mostly Khmer in an
English file, is.

English prose is told from names and titles by its lower-case words: a run of
Latin words counts as prose when it has at least :data:`PROSE_MIN_LOWER` words that
start with a lower-case letter and they make at least :data:`PROSE_LOWER_SHARE` of
the run (``Ministry of Posts and Telecommunications`` has two, ``the meeting was
organised with the aim of`` has eight).
"""

from __future__ import annotations

import re

PROSE_MIN_LOWER = 3
"""Lower-case words a Latin run needs to count as English prose."""
PROSE_LOWER_SHARE = 0.4
"""Share of lower-case words a Latin run needs to count as English prose."""
KHMER_SHARE = 0.3
"""Share of Khmer letters above which a block of a non-Khmer version is "in Khmer"."""
GLOSS_MAX_WORDS = 6
"""Parenthesised text up to this many words is a gloss, allowed in either language."""

# Every pattern here is linear on any text (see tests/hostile/test_hostile_regex_linear.py): a
# quote stops at the next opening quote of its kind as well as at its closing one, and an
# e-mail address is tried only where a word starts (``“`` or ``a@`` × 50,000 made each
# attempt rescan the rest of the paragraph).
_QUOTED = re.compile(
    r"“[^“”]*”|‘[^‘’]*’|«[^«»]*»|‹[^‹›]*›|\"[^\"\n]*\"|(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])|`[^`]*`"
)
_PAREN = re.compile(r"\(([^()]*)\)")
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S[^\s@]*+@\S+\.\w+", re.IGNORECASE)
# A bare domain name (``library.moeys.gov.kh``, ``moeys.gov.kh``), as the text of a link
# often is: two or more dot-separated labels ending in a lower-case top-level domain. It
# starts only where a word does, and each label stops at its dot, so a long word is
# scanned once.
_DOMAIN = re.compile(r"(?<![\w.@/-])(?:[A-Za-z0-9][A-Za-z0-9-]*+\.)+[a-z]{2,24}(?![\w@/-])")
_TAG = re.compile(r"(?<!\w)[#@][^\s#@,;។]+")
# A path or address: a word with a slash (``content/km/news/``, ``src/x.md``); possessive,
# so a long word without one is scanned once.
_PATH = re.compile(r"(?<!\S)[^\s/]*+/\S*")
_KHMER_LETTER = re.compile("[\u1780-\u17b3]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_KHMER_BLOCK = re.compile("[\u1780-\u17ff\u19e0-\u19ff\u200b]+")
# Khmer words, with the spaces between them: one run per phrase.
_KHMER_RUN = re.compile(
    "[\u1780-\u17ff\u19e0-\u19ff\u200b]+(?:[ \u00a0]+[\u1780-\u17ff\u19e0-\u19ff\u200b]+)*"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*(?:[\s,;:.!?/&]+[A-Za-z0-9][A-Za-z0-9'’\-]*)*")


def strip_allowed(text: str) -> str:
    """``text`` without quoted terms, short parenthesised glosses, URLs, domain names, e-mail
    addresses and paths."""
    text = _URL.sub(" ", text)
    text = _DOMAIN.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _PATH.sub(" ", text)
    text = _QUOTED.sub(" ", text)
    return _PAREN.sub(
        lambda m: " " if len(m.group(1).split()) <= GLOSS_MAX_WORDS else f" {m.group(1)} ", text
    )


def english_prose(text: str) -> str | None:
    """The first run of English prose in (Khmer) ``text``, or ``None``.

    Names, acronyms, quoted terms and short glosses do not count (see the module
    docstring).
    """
    for segment in _KHMER_BLOCK.split(strip_allowed(text)):
        for run in _LATIN_RUN.finditer(segment):
            words = _WORD.findall(run.group())
            lower = sum(1 for w in words if w[0].islower() and len(w) > 1)
            if lower >= PROSE_MIN_LOWER and lower >= PROSE_LOWER_SHARE * len(words):
                return run.group().strip()
    return None


def khmer_words(text: str) -> list[str]:
    """The runs of Khmer words in (English) ``text`` once allowed parts are removed: a
    Khmer name glossed in parentheses (``Preah Vihear (ព្រះវិហារ)``) or quoted is allowed,
    a Khmer word left in the sentence is not. Runs of Khmer digits or punctuation alone
    are not words."""
    runs = _KHMER_RUN.finditer(strip_allowed(text))
    return [" ".join(r.group().split()) for r in runs if _KHMER_LETTER.search(r.group())]


def khmer_share(text: str) -> float:
    """Share of Khmer letters among all letters of ``text`` once allowed parts are removed."""
    text = strip_allowed(text)
    khmer = len(_KHMER_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    return khmer / (khmer + latin) if khmer + latin else 0.0


def has_words(text: str) -> bool:
    """True when ``text`` has enough words to be worth comparing as prose.

    At least three Latin words of two letters or more, or ten Khmer letters: alt texts
    like ``photo 1``, bare names and numbers are not.
    """
    latin = sum(1 for w in _WORD.findall(text) if len(w) > 1)
    return latin >= 3 or len(_KHMER_LETTER.findall(text)) >= 10


def is_text(text: str) -> bool:
    """True when ``text`` is prose to translate: :func:`has_words` once hashtags, @mentions,
    URLs, domain names and e-mail addresses are taken out (a line of hashtags is not)."""
    return has_words(_TAG.sub(" ", _DOMAIN.sub(" ", _URL.sub(" ", text))))


def snippet(text: str, width: int = 60) -> str:
    """``text`` cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
