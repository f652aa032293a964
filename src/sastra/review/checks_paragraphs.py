"""Checks on whole paragraphs: one with no counterpart, a last sentence left out, and a
paragraph copied from another article instead of translated.

All three read the paragraph alignment (:mod:`sastra.review.align`). Photo-only
paragraphs and paragraphs that are not prose (a line of hashtags, a URL, a name) are
left alone.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterator, Sequence

from sastra.model import Location, Severity
from sastra.review.facts import Spot, VersionFacts
from sastra.review.model import Finding, PairContext, Row
from sastra.review.script import snippet
from sastra.review.sketch import resemblance

MERGE_FIT = 1.35
"""An unaligned paragraph whose neighbour's counterpart is this close (as a length factor)
to the neighbour *and* it together is taken as merged into it, not left out."""
SENTENCE_EXCESS = 1.5
"""A paragraph this many times longer than its counterpart (against the usual ratio)…"""
SENTENCE_FIT = 1.25
"""…that fits within this factor once its last sentence is taken out has a last sentence
with no counterpart."""
MIN_SENTENCE_LENGTH = 40
"""Visible characters a last sentence needs to be reported (shorter ones are asides)."""
COPY_RESEMBLANCE = 0.75
"""Share of shingles above which two paragraphs are near-identical (one copied)."""
_SENTENCE_END = re.compile(r"(?<=[.!?។៕])[\"”’»)]*\s+(?=\S)")


def _length(text: str) -> int:
    return len(text) - text.count(" ")


def _prose(facts: VersionFacts, index: int) -> bool:
    return index not in facts.image_only and index not in facts.not_prose


def _rows(ctx: PairContext, lang: str) -> tuple[Row, ...]:
    return ctx.alignments.get(lang, ())


def _usual_ratio(ctx: PairContext, lang: str, *skip: Row) -> float:
    """Length ratio translation/source of this pair's own aligned rows (the translator's
    habit), ``skip`` rows (the ones being judged) aside; else the site's."""
    source, target = ctx.facts[ctx.source], ctx.facts[lang]
    ratios = [
        sum(_length(target.text.body[i - 1].text) for i in row.right)
        / max(1, sum(_length(source.text.body[i - 1].text) for i in row.left))
        for row in _rows(ctx, lang)
        if row.left and row.right and row not in skip
    ]
    if len(ratios) >= 3:
        return statistics.median(ratios)
    return ctx.site.pair_ratio(source, target)


def _merged(ctx: PairContext, lang: str, rows: Sequence[Row], first: int, last: int) -> int | None:
    """The neighbouring row the unaligned paragraphs of rows ``first..last`` (one side,
    consecutive) read as merged into, if any: a list written as one paragraph on one side
    and as several short ones on the other, a paragraph split in three."""
    source, target = ctx.facts[ctx.source], ctx.facts[lang]
    ratio = _usual_ratio(ctx, lang, *rows[max(0, first - 1) : last + 2])
    alone_left = bool(rows[first].left)
    extra = sum(
        _length((source if alone_left else target).text.body[i - 1].text)
        for row in rows[first : last + 1]
        for i in (row.left or row.right)
    )
    for j in (first - 1, last + 1):
        if not 0 <= j < len(rows) or not (rows[j].left and rows[j].right):
            continue
        left = sum(_length(source.text.body[i - 1].text) for i in rows[j].left)
        right = sum(_length(target.text.body[i - 1].text) for i in rows[j].right)
        if alone_left:
            fit_with, fit_without = right / (ratio * (left + extra)), right / (ratio * left)
        else:
            fit_with, fit_without = (right + extra) / (ratio * left), right / (ratio * left)
        if abs(math.log(fit_with)) < min(abs(math.log(fit_without)), math.log(MERGE_FIT)):
            return j
    return None


def _runs(rows: Sequence[Row]) -> dict[int, tuple[int, int]]:
    """For each row with one empty side: the first and last row of its run (consecutive rows
    whose paragraphs are all on that same side)."""
    runs: dict[int, tuple[int, int]] = {}
    k = 0
    while k < len(rows):
        if rows[k].left and rows[k].right:
            k += 1
            continue
        left = bool(rows[k].left)
        end = k
        while (
            end + 1 < len(rows)
            and not (rows[end + 1].left and rows[end + 1].right)
            and (bool(rows[end + 1].left) == left)
        ):
            end += 1
        for i in range(k, end + 1):
            runs[i] = (k, end)
        k = end + 1
    return runs


def check_paragraph_missing(ctx: PairContext) -> Iterator[Finding]:
    """``paragraph-missing``: a body paragraph of one version with no counterpart in the
    other (quoted); ``sentence-missing``: the last sentence of a paragraph with none."""
    for lang in ctx.translations:
        rows = _rows(ctx, lang)
        runs = _runs(rows)
        absorbed: set[int] = set()
        for k, row in enumerate(rows):
            if row.left and row.right:
                continue
            have = ctx.source if row.left else lang
            lack = lang if row.left else ctx.source
            facts = ctx.facts[have]
            indices = [i for i in (row.left or row.right) if _prose(facts, i)]
            if not indices:
                continue
            into = _merged(ctx, lang, rows, *runs[k])
            if into is not None:
                absorbed.add(into)
                continue
            for index in indices:
                paragraph = facts.text.body[index - 1]
                yield ctx.finding(
                    "paragraph-missing",
                    Severity.WARNING,
                    f"the {have} paragraph {index} has no counterpart in the {lack} version: "
                    f"«{snippet(paragraph.text, 80)}»",
                    have,
                    Spot(paragraph.line, None, index),
                    other_location=_beside(ctx, lack, rows, k, lang),
                )
        for k, row in enumerate(rows):
            if row.left and row.right and k not in absorbed:
                yield from _last_sentence(ctx, lang, row)


def _beside(ctx: PairContext, lack: str, rows: Sequence[Row], k: int, lang: str) -> Location:
    """Where the missing paragraph would go in ``lack``: the paragraph before the gap."""
    article = ctx.article(lack)
    on_left = lack == ctx.source
    for row in reversed(rows[:k]):
        side = row.left if on_left else row.right
        if side:
            paragraph = ctx.facts[lack].text.body[side[-1] - 1]
            return Location(article.path, paragraph.line)
    return Location(article.path, article.body_line)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _last_sentence(ctx: PairContext, lang: str, row: Row) -> Iterator[Finding]:
    if len(row.left) != 1 or len(row.right) != 1:
        return
    source, target = ctx.facts[ctx.source], ctx.facts[lang]
    if not (_prose(source, row.left[0]) and _prose(target, row.right[0])):
        return
    ratio = _usual_ratio(ctx, lang, row)
    texts = {
        ctx.source: source.text.body[row.left[0] - 1],
        lang: target.text.body[row.right[0] - 1],
    }
    len_s, len_t = _length(texts[ctx.source].text), _length(texts[lang].text)
    factor = len_t / max(1.0, ratio * len_s)
    if factor >= SENTENCE_EXCESS:
        have, lack = lang, ctx.source
    elif factor <= 1 / SENTENCE_EXCESS:
        have, lack = ctx.source, lang
    else:
        return
    paragraph = texts[have]
    sentences = _sentences(paragraph.text)
    if len(sentences) < 2 or _length(sentences[-1]) < MIN_SENTENCE_LENGTH:
        return
    rest = _length(" ".join(sentences[:-1]))
    fit = rest / max(1.0, ratio * len_s) if have == lang else len_t / max(1.0, ratio * rest)
    if not 1 / SENTENCE_FIT <= fit <= SENTENCE_FIT:
        return
    index = paragraph.index
    yield ctx.finding(
        "sentence-missing",
        Severity.WARNING,
        f"the last sentence of the {have} paragraph {index} has no counterpart in the {lack} "
        f"paragraph {(row.left if lack == ctx.source else row.right)[0]}: "
        f"«{snippet(sentences[-1], 80)}»",
        have,
        Spot(paragraph.line, None, index),
        lack,
    )


def check_copied_paragraph(ctx: PairContext) -> Iterator[Finding]:
    """``copied-paragraph``: a translation paragraph identical or near-identical to a paragraph
    of another article in the same language, while the sources of the two differ (a
    copy-paste instead of a translation; boilerplate the sources share is not reported).
    Of two dated articles, the later one holds the copy and is the one reported."""
    for lang in ctx.translations:
        facts = ctx.facts[lang]
        for index, hashes in enumerate(facts.sketches, 1):
            if not hashes or not _prose(facts, index):
                continue
            match = _copied_from(ctx, lang, index, hashes)
            if match is None:
                continue
            path, other = match
            other_facts = ctx.site.versions[path]
            paragraph = facts.text.body[index - 1]
            yield ctx.finding(
                "copied-paragraph",
                Severity.ERROR,
                f"the {lang} paragraph {index} is paragraph {other} of {ctx.site.key_of[path]} "
                f"({lang}), not a translation of its {ctx.source} counterpart: "
                f"«{snippet(paragraph.text, 60)}»",
                lang,
                Spot(paragraph.line, None, index),
                other_location=Location(path, other_facts.text.body[other - 1].line),
            )


def _copied_from(
    ctx: PairContext, lang: str, index: int, hashes: tuple[int, ...]
) -> tuple[str, int] | None:
    own = {a.path for a in ctx.pair.versions.values()}
    counts: dict[tuple[str, int], int] = {}
    for h in hashes:
        for where in ctx.site.sketches.get((lang, h), ()):
            if where[0] not in own:
                counts[where] = counts.get(where, 0) + 1
    source_index = ctx.counterpart(lang, index, ctx.source)
    source_sketch = (
        ctx.facts[ctx.source].sketches[source_index - 1] if source_index is not None else ()
    )
    mine = ctx.site.dated.get(ctx.pair.key)
    for (path, other), shared in sorted(counts.items(), key=lambda c: -c[1]):
        if shared < max(3, len(hashes) // 4):
            break
        their_date = ctx.site.dated.get(ctx.site.key_of[path])
        if mine is not None and their_date is not None and their_date > mine:
            continue  # the later article is the copy: reported there
        if resemblance(hashes, ctx.site.versions[path].sketches[other - 1]) < COPY_RESEMBLANCE:
            continue
        their_source = ctx.site.versions_of.get(ctx.site.key_of[path], {}).get(ctx.source)
        if their_source is not None and source_sketch:
            sources = ctx.site.versions[their_source].sketches
            if any(resemblance(source_sketch, s) >= COPY_RESEMBLANCE for s in sources):
                continue  # the sources share the paragraph too: boilerplate, translated alike
        return path, other
    return None
