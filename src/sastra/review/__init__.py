"""``i18n review``: the checks that compare the language versions of an article.

Public API::

    from sastra.review import collect, review_pair, review_all, CHECKS, CODES

    site = collect(tracker, pairs)           # every version analysed once (cached)
    result = review_pair(tracker, pair, site, glossary=glossary, ignore=("km-*",))
    result.findings                          # tuple[Finding, ...], sorted
    result.rows                              # paragraphs aligned source ↔ translation

See ``docs/review.md`` for every finding code.
"""

from __future__ import annotations

from sastra.review.checks import CHECKS, CODES, Check
from sastra.review.model import Finding, PairContext, PairReview, Row
from sastra.review.run import build_context, is_accepted, review_all, review_pair, run_checks
from sastra.review.site import SiteFacts, collect

__all__ = [
    "CHECKS",
    "CODES",
    "Check",
    "Finding",
    "PairContext",
    "PairReview",
    "Row",
    "SiteFacts",
    "build_context",
    "collect",
    "is_accepted",
    "review_all",
    "review_pair",
    "run_checks",
]
