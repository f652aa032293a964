"""Checks that need more than the two texts: duplicates across the site, the shape of the
pair against the site's usual ratio, and staleness from the tracker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sastra.khmer.honorifics import is_title
from sastra.khmer.honorifics_latin import LATIN_HONORIFICS, LATIN_TITLES
from sastra.model import Location, Severity, State
from sastra.review.facts import Spot, VersionFacts
from sastra.review.model import Finding, PairContext
from sastra.review.site import MIN_LENGTH_FOR_RATIO, title_key

LENGTH_FACTOR = 2.0
"""A pair whose length ratio is this many times above (or below 1/this) the site's usual
ratio gets a ``shape-length`` finding."""


_HONORIFIC_WORDS = frozenset(
    w.casefold().rstrip(".") for h in (*LATIN_HONORIFICS, *LATIN_TITLES) for w in h.split()
)
_LATIN_TITLE_WORD = re.compile(r"[A-Za-z][\w.'’]*")
_KHMER = re.compile("[\u1780-\u17ff]")
_KHMER_PUNCT = re.compile(r"[\s\u200b។៕៖,.:;!?()]+")


def only_honorifics(text: str) -> bool:
    """True when ``text`` is nothing but honorifics and titles (``ឯកឧត្តម``,
    ``ឯកឧត្តមរដ្ឋមន្ត្រី``, ``H.E.``, ``Lok Chumteav``), read by the names parser
    (:mod:`sastra.khmer.honorifics`)."""
    if _KHMER.search(text):
        return is_title(_KHMER_PUNCT.sub("", text))
    words = [w.casefold().rstrip(".") for w in _LATIN_TITLE_WORD.findall(text)]
    named = [w for w in words if w not in ("the", "of")]
    return bool(named) and all(w in _HONORIFIC_WORDS for w in named)


def _is_entry(facts: VersionFacts) -> bool:
    """An entry of a data collection (a board member, a school): no prose in its body."""
    return len(facts.not_prose) == len(facts.text.body)


def check_duplicates(ctx: PairContext) -> Iterator[Finding]:
    """``duplicate-title`` / ``duplicate-description``: another article of the same language
    has the same title or description (a copy-paste from another article).

    Titles that are only an honorific, and entries of data collections (no body text:
    a board whose entries are people, a directory of schools), are not compared."""
    for lang, article in ctx.pair.versions.items():
        if lang not in ctx.facts or _is_entry(ctx.facts[lang]):
            continue
        for name in ("title", "description"):
            value = article.meta.get(name)
            if not isinstance(value, str) or only_honorifics(value):
                continue
            owners = ctx.site.fields.get((lang, name, title_key(value)), ())
            others = [
                o
                for o in owners
                if o.key != ctx.pair.key
                and not (
                    o.location.path in ctx.site.versions
                    and _is_entry(ctx.site.versions[o.location.path])
                )
            ]
            if not others:
                continue
            listed = ", ".join(str(o.location) for o in others)
            yield ctx.finding(
                f"duplicate-{name}",
                Severity.ERROR if name == "title" else Severity.WARNING,
                f"the same {name} as {others[0].key} ({lang})"
                + (f" and {len(others) - 1} more" if len(others) > 1 else ""),
                lang,
                Spot(article.line_of(name), name),
                other_location=others[0].location,
                detail=f"also in {listed}",
            )


def check_shape(ctx: PairContext) -> Iterator[Finding]:
    """``shape-length``: the translation's length is far from the site's usual ratio.

    (A paragraph one version lacks is ``paragraph-missing``'s, with the paragraph quoted.)"""
    source = ctx.facts[ctx.source]
    for lang in ctx.translations:
        facts = ctx.facts[lang]
        article = ctx.article(lang)
        start = Spot(article.body_line, None, None)
        here = ctx.where(ctx.source, Spot(ctx.article(ctx.source).body_line))
        if max(source.length, facts.length) < 2 * MIN_LENGTH_FOR_RATIO:
            continue  # two short texts: their ratio means little
        usual = ctx.site.ratio(ctx.source, lang)
        ratio = facts.length / max(source.length, 1)
        factor = ratio / usual
        if 1 / LENGTH_FACTOR <= factor <= LENGTH_FACTOR:
            continue
        how = "longer" if factor > 1 else "shorter"
        times = factor if factor > 1 else 1 / max(factor, 1e-9)
        yield ctx.finding(
            "shape-length",
            Severity.WARNING,
            f"the {lang} text is {times:.1f}× {how} than usual for its {ctx.source} source "
            f"({facts.length} vs {source.length} characters; site ratio {usual:.2f})",
            lang,
            start,
            other_location=here,
        )


def check_stale(ctx: PairContext) -> Iterator[Finding]:
    """``stale``: the source changed since the translation's baseline (with the diff);
    ``stale-paragraph``: each source field or paragraph that changed."""
    source = ctx.article(ctx.source)
    source_facts = ctx.facts[ctx.source]
    for lang in ctx.translations:
        version = ctx.status.versions.get(lang)
        if version is None or version.state is not State.STALE:
            continue
        article = ctx.article(lang)
        via = version.baseline.value
        if version.baseline_commit:
            via += f" at {version.baseline_commit[:7]}"
        if version.changed_paragraphs is None:
            what = "the old source text is not known, so not which paragraphs"
        else:
            parts = [f"field {name}" for name in version.changed_fields]
            parts += [f"paragraph {i}" for i in version.changed_paragraphs]
            if version.removed_paragraphs:
                parts.append(f"{len(version.removed_paragraphs)} paragraph(s) removed")
            what = ", ".join(parts) or "text"
        yield Finding(
            code="stale",
            severity=Severity.WARNING,
            message=f"the {ctx.source} source changed since this translation's baseline "
            f"({via}): {what}",
            location=Location(article.path, article.l10n.line or 1),
            lang=lang,
            other=Location(source.path),
            diff=version.diff,
        )
        spots = dict(source_facts.spots())
        by_field = {s.field: s for s in spots if s.field is not None}
        for name in version.changed_fields:
            spot = by_field.get(name) or Spot(source.line_of(name), name)
            yield ctx.finding(
                "stale-paragraph",
                Severity.INFO,
                f"the {ctx.source} {name} changed since the {lang} translation was synced",
                ctx.source,
                spot,
                lang,
            )
        for index in version.changed_paragraphs or ():
            if not 1 <= index <= len(source_facts.text.body):
                continue
            paragraph = source_facts.text.body[index - 1]
            yield ctx.finding(
                "stale-paragraph",
                Severity.INFO,
                f"{ctx.source} paragraph {index} changed since the {lang} translation was synced",
                ctx.source,
                Spot(paragraph.line, None, index),
                lang,
            )
