"""Paragraph sketches: how review finds a paragraph copied from another article.

A paragraph's *sketch* is the :data:`SKETCH_SIZE` smallest CRC-32 hashes of its
8-character shingles (spaces, URLs and hashtags aside, case folded), a bottom-k sketch:
two near-identical paragraphs share most of it, two different ones almost none, and
the share estimates how much of their text they have in common. Sketches are computed
with the rest of a version's facts (and cached with them); the site indexes them by
hash (:class:`sastra.review.site.SiteFacts`).
"""

from __future__ import annotations

import re
import zlib

SKETCH_SIZE = 16
"""Hashes kept per paragraph: the smallest of its shingles' (a bottom-k sketch)."""
SKETCH_MIN_LENGTH = 60
"""Visible characters a paragraph needs to be sketched (shorter ones repeat innocently)."""
_SHINGLE = 8
_MARKUP_NOISE = re.compile(r"(?:https?://|www\.)\S+|(?<!\w)[#@][^\s#@]+|[\s\u200b]+")


def sketch(text: str) -> tuple[int, ...]:
    """The bottom-k sketch of a paragraph's 8-character shingles (spaces, URLs and hashtags
    aside, case folded): two near-identical paragraphs share most of it."""
    folded = _MARKUP_NOISE.sub("", text).casefold()
    if len(folded) < SKETCH_MIN_LENGTH:
        return ()
    hashes = {
        zlib.crc32(folded[i : i + _SHINGLE].encode("utf-8"))
        for i in range(len(folded) - _SHINGLE + 1)
    }
    return tuple(sorted(hashes)[:SKETCH_SIZE])


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated share of shingles two sketched paragraphs have in common (0..1)."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)
