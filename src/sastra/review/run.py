"""Running the checks: one pair, or the whole site, top to bottom.

``review_all`` reads as the pipeline: analyse every version once (cached by blob id)
→ for each pair: build its context (status, alignment) → run :data:`CHECKS` →
drop the findings an article accepts (``l10n.ignore``) or the command ignores
(``--ignore``) → sort.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection, Iterable, Sequence

from sastra.model import Pair
from sastra.names import Glossary
from sastra.progress import Progress, counted
from sastra.review.align import align_pruned, blocks
from sastra.review.checks import CHECKS, Check
from sastra.review.checks_names import missing_names
from sastra.review.model import Finding, PairContext, PairReview, Row
from sastra.review.site import SiteFacts, collect, facts_for
from sastra.tracking.status import Tracker


def build_context(
    tracker: Tracker, pair: Pair, site: SiteFacts, glossary: Glossary | None = None
) -> PairContext:
    """The frozen context the checks of one pair read."""
    config = tracker.config
    status = tracker.status(pair, diff=True)
    source = status.source or tracker.source_language(pair)
    facts = {
        lang: site.versions.get(article.path) or facts_for(tracker, article)
        for lang, article in pair.versions.items()
    }
    left = blocks(facts[source])
    alignments: dict[str, tuple[Row, ...]] = {}
    for lang in config.languages:
        if lang in facts and lang != source:
            ratio = site.pair_ratio(facts[source], facts[lang])
            alignments[lang] = align_pruned(left, blocks(facts[lang]), ratio)
    return PairContext(
        pair=pair,
        config=config,
        source=source,
        facts=facts,
        status=status,
        site=site,
        alignments=alignments,
        glossary=glossary,
        names=missing_names(pair, glossary, tracker.cache),
    )


def is_accepted(finding: Finding, pair: Pair, ignore: Collection[str] = ()) -> bool:
    """True when ``--ignore`` or the ``l10n.ignore`` of a version of the pair names the
    finding's code (shell-style patterns allowed: ``km-*``)."""
    patterns = [*ignore, *(code for a in pair.versions.values() for code in a.l10n.ignore)]
    return any(fnmatch.fnmatchcase(finding.code, pattern) for pattern in patterns)


def run_checks(ctx: PairContext, checks: Iterable[Check] = CHECKS) -> list[Finding]:
    """Every finding of every check, in check order, duplicates removed."""
    found: dict[Finding, None] = {}
    for check in checks:
        for finding in check(ctx):
            found.setdefault(finding)
    return list(found)


def review_pair(
    tracker: Tracker,
    pair: Pair,
    site: SiteFacts,
    *,
    glossary: Glossary | None = None,
    ignore: Collection[str] = (),
    checks: Iterable[Check] = CHECKS,
) -> PairReview:
    """Review one pair against the site (``site`` from :func:`collect`)."""
    ctx = build_context(tracker, pair, site, glossary)
    kept: list[Finding] = []
    accepted: list[Finding] = []
    for finding in run_checks(ctx, checks):
        (accepted if is_accepted(finding, pair, ignore) else kept).append(finding)
    right = next(iter(ctx.alignments), None)
    return PairReview(
        pair=pair,
        left=ctx.source,
        right=right,
        findings=tuple(sorted(kept, key=Finding.sort_key)),
        ignored=tuple(sorted(accepted, key=Finding.sort_key)),
        rows=ctx.alignments.get(right, ()) if right else _alone(ctx),
        facts=ctx.facts,
    )


def _alone(ctx: PairContext) -> tuple[Row, ...]:
    return tuple(Row((p.index,), ()) for p in ctx.paragraphs(ctx.source))


def review_all(
    tracker: Tracker,
    pairs: Sequence[Pair],
    *,
    only: Sequence[Pair] | None = None,
    glossary: Glossary | None = None,
    ignore: Collection[str] = (),
    progress: Progress | None = None,
) -> tuple[PairReview, ...]:
    """Review ``only`` (default: every pair), with ``pairs`` as the site they belong to
    (``progress``: see :mod:`sastra.progress`)."""
    site = collect(tracker, pairs)
    chosen = pairs if only is None else only
    return tuple(
        review_pair(tracker, pair, site, glossary=glossary, ignore=ignore)
        for pair in counted(chosen, len(chosen), "reviewing", progress)
    )
