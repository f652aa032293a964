"""Listed variant spellings in an English file: find them, and rewrite them in place.

Only the reader-visible text is searched (:func:`~sastra.names.mentions.scan_regions`),
so a fix never touches a key, a path, code or the ``l10n`` block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sastra.khmer.similarity import same_name
from sastra.model import Location, printable
from sastra.names.mentions import latin_pattern, scan_regions

if TYPE_CHECKING:
    from sastra.names.glossary import Glossary

__all__ = ["VariantFinding", "find_variants", "fix_text"]


@dataclass(frozen=True)
class VariantFinding:
    """A listed variant spelling found in a file."""

    path: str
    """File, relative to the site root."""
    line: int
    """1-based line of the variant's first character."""
    column: int
    """1-based column (in characters) of the variant's first character."""
    found: str
    """The text as written (whitespace inside it folded to one space)."""
    preferred: str
    """The glossary's preferred spelling."""
    khmer: str
    """The Khmer form of the entry."""
    start: int
    """Offset of the match in the text that was searched."""
    end: int
    """Offset just past the match."""

    def __str__(self) -> str:
        where = Location(self.path, self.line, self.column)
        return printable(f"{where}: '{self.found}' → '{self.preferred}' ({self.khmer})")


# The words after a name, on its line or the next.
_NEXT_WORDS = re.compile(r"(?:[ \t]*(?:\r?\n[ \t]*)?[^\W\d_][\w'’-]*)")


def _whole_name_goes_on(region: str, end: int, found: str, preferred: str) -> bool:
    """True when the words after a shorter variant make, with it, a spelling of the whole
    name: "Hang Chuon" of "Hang Chuon Narun" (for "Hang Chuon Naron") is not the variant
    "Hang Chuon", and a fix would make "Hang Chuon Naron Narun"."""
    missing = len(preferred.split()) - len(found.split())
    words: list[str] = []
    while len(words) < missing and (word := _NEXT_WORDS.match(region, end)):
        words.append(word.group().strip())
        end = word.end()
    return len(words) == missing > 0 and same_name(" ".join([found, *words]), preferred)


def _variant_regex(glossary: Glossary) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    variants = {v for e in glossary.entries for v in e.variants}
    preferred = {e.en for e in glossary.entries}
    return latin_pattern(variants), latin_pattern(preferred)


def find_variants(text: str, glossary: Glossary, path: str) -> list[VariantFinding]:
    """Every listed variant in a Markdown file's text: frontmatter string values and body.

    Matching is case-sensitive and word-bounded ("Mao Sila's" matches, "Mao Silas" does
    not); a line break between the words of a name still matches. Code, link targets
    and image paths are not searched, nor is the ``l10n`` block; a variant that lies
    inside an occurrence of a preferred form is not a finding, nor a shorter variant that
    the next words make a spelling of the whole name ("Hang Chuon" of "Hang Chuon Narun":
    a fix would make it "Hang Chuon Naron Narun").
    """
    variants, preferred = _variant_regex(glossary)
    if variants is None:
        return []
    findings: list[VariantFinding] = []
    for start, end in scan_regions(text):
        region = text[start:end]
        taken = [m.span() for m in preferred.finditer(region)] if preferred else []
        for match in variants.finditer(region):
            if any(a <= match.start() and match.end() <= b for a, b in taken):
                continue
            found = " ".join(match.group(0).split())
            entry = glossary.by_latin(found)
            if entry is None or _whole_name_goes_on(region, match.end(), found, entry.en):
                continue
            offset = start + match.start()
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            findings.append(
                VariantFinding(
                    path, line, column, found, entry.en, entry.km, offset, start + match.end()
                )
            )
    return sorted(findings, key=lambda f: f.start)


def fix_text(text: str, findings: Sequence[VariantFinding]) -> str:
    """``text`` with each finding replaced by its preferred spelling, nothing else changed.

    When the variant and the preferred form have the same number of words, the
    whitespace between words (a line break, say) is kept as it was.
    """
    out: list[str] = []
    last = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < last:
            continue
        out.append(text[last : finding.start])
        out.append(_replacement(text[finding.start : finding.end], finding.preferred))
        last = finding.end
    out.append(text[last:])
    return "".join(out)


def _replacement(original: str, preferred: str) -> str:
    parts = re.split(r"(\s+)", original)
    words, gaps = parts[0::2], parts[1::2]
    new_words = preferred.split()
    if len(new_words) != len(words):
        return preferred
    pieces = [new_words[0]]
    for gap, word in zip(gaps, new_words[1:], strict=True):
        pieces += [gap, word]
    return "".join(pieces)
