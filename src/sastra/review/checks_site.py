"""Checks that need more than the two texts: duplicates across the site, the shape of the
pair against the site's usual ratio, and staleness from the tracker."""

from __future__ import annotations

from collections.abc import Iterator

from sastra.model import Location, Severity, State
from sastra.review.facts import Spot, VersionFacts
from sastra.review.model import Finding, PairContext
from sastra.review.site import MIN_LENGTH_FOR_RATIO, title_key

LENGTH_FACTOR = 2.0
"""A pair whose length ratio is this many times above (or below 1/this) the site's usual
ratio gets a ``shape-length`` finding."""


def check_duplicates(ctx: PairContext) -> Iterator[Finding]:
    """``duplicate-title`` / ``duplicate-description``: another article of the same language
    has the same title or description (a copy-paste from another article)."""
    for lang, article in ctx.pair.versions.items():
        for name in ("title", "description"):
            value = article.meta.get(name)
            if not isinstance(value, str):
                continue
            owners = ctx.site.fields.get((lang, name, title_key(value)), ())
            others = [o for o in owners if o.key != ctx.pair.key]
            if not others:
                continue
            listed = ", ".join(str(o.location) for o in others)
            yield ctx.finding(
                f"duplicate-{name}",
                Severity.ERROR,
                f"the same {name} as {others[0].key} ({lang})"
                + (f" and {len(others) - 1} more" if len(others) > 1 else ""),
                lang,
                Spot(article.line_of(name), name),
                other_location=others[0].location,
                detail=f"also in {listed}",
            )


def _text_paragraphs(facts: VersionFacts) -> int:
    """Body paragraphs that are not only images (images are the images check's business)."""
    return len(facts.text.body) - len(facts.image_only)


def _paragraphs(count: int) -> str:
    return f"{count} body paragraph" + ("" if count == 1 else "s")


def check_shape(ctx: PairContext) -> Iterator[Finding]:
    """``shape-paragraphs``: the versions have different numbers of body paragraphs;
    ``shape-length``: the translation's length is far from the site's usual ratio."""
    source = ctx.facts[ctx.source]
    for lang in ctx.translations:
        facts = ctx.facts[lang]
        article = ctx.article(lang)
        start = Spot(article.body_line, None, None)
        here = ctx.where(ctx.source, Spot(ctx.article(ctx.source).body_line))
        n_source, n_lang = _text_paragraphs(source), _text_paragraphs(facts)
        if n_source != n_lang:
            yield ctx.finding(
                "shape-paragraphs",
                Severity.WARNING,
                f"the {ctx.source} version has {_paragraphs(n_source)}, the {lang} one {n_lang}",
                lang,
                start,
                other_location=here,
            )
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
