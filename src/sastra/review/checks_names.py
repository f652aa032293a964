"""The names check: each person named in one version is named in the other.

The comparison itself is the names layer's (:func:`sastra.names.missing.names_missing`: the
glossary, honorifics, the romanizer and the similarity function); this check turns its
answers into findings at the paragraph concerned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from sastra.cache import BlobCache
from sastra.model import Location, Pair, Severity
from sastra.names import Glossary
from sastra.names.known import with_well_known
from sastra.review.facts import Spot, VersionFacts
from sastra.review.model import Finding, PairContext

if TYPE_CHECKING:
    from sastra.names.missing import MissingName


NAMES_CACHE_VERSION = "3"


def _spot_at(facts: VersionFacts, line: int) -> Spot | None:
    for spot in facts.field_spots:
        if spot.line == line:
            return spot
    return facts.spot_of_line(line)


def glossary_id(glossary: Glossary) -> str:
    """A stable id of a glossary's content (for caching per-pair answers)."""
    return hashlib.sha256(repr(glossary.entries).encode("utf-8")).hexdigest()[:16]


def missing_names(
    pair: Pair, glossary: Glossary | None, cache: BlobCache | None = None
) -> tuple[MissingName, ...]:
    """:func:`sastra.names.missing.names_missing` of a pair, cached by the blob ids of its versions
    and the glossary's content (the comparison is the costly part of a pair's review)."""
    if len(pair.versions) < 2:
        return ()
    # The site's glossary first, then the shipped well-known names it does not contradict.
    glossary = with_well_known(glossary if glossary is not None else Glossary())
    blobs = [a.blob for _, a in sorted(pair.versions.items())]
    key = f"{NAMES_CACHE_VERSION}:{glossary_id(glossary)}:" + ":".join(blobs)
    if cache is not None and all(blobs):
        cached = cache.get("review-names", key)
        if isinstance(cached, tuple):
            return cached
    # Imported here: the comparison loads the discovery machinery (romanizer, clusters),
    # which a review answered from the cache never needs.
    from sastra.names.missing import names_missing

    found = tuple(names_missing(pair.versions, glossary))
    if cache is not None and all(blobs):
        cache.put("review-names", key, found)
    return found


def check_names(ctx: PairContext) -> Iterator[Finding]:
    """``name-missing``: a person named in one version and absent from the other;
    ``name-spelling``: named, in a spelling other than the listed one; ``name-other-person``:
    where one version names a person, the other has a name listed for someone else."""
    found = ctx.names if ctx.names is not None else missing_names(ctx.pair, ctx.glossary)
    for missing in found:
        if missing.lang not in ctx.facts or missing.missing_from not in ctx.facts:
            continue
        spot = _spot_at(ctx.facts[missing.lang], missing.line)
        code, severity, message = _what(missing)
        finding = ctx.finding(
            code,
            severity,
            message,
            missing.lang,
            spot,
            missing.missing_from,
            detail=f"Khmer form: {missing.khmer}"
            if missing.khmer and missing.khmer != missing.name and missing.kind == "missing"
            else None,
        )
        yield replace(finding, location=Location(missing.path, missing.line, missing.column))


def _what(missing: MissingName) -> tuple[str, Severity, str]:
    """The code, level and message of a finding about a name."""
    there = f"the {missing.missing_from} version"
    if missing.kind == "spelling":
        return (
            "name-spelling",
            Severity.ERROR,
            f"{missing.name} is written «{missing.written}» in {there}, "
            f"listed as «{missing.expected}»",
        )
    if missing.kind == "other":
        return (
            "name-other-person",
            Severity.ERROR,
            f"{missing.name} is named in the {missing.lang} version; «{missing.written}» in "
            f"{there} is another person ({missing.other})",
        )
    return (
        "name-missing",
        Severity.WARNING,
        f"{missing.name} is named in the {missing.lang} version but not in the "
        f"{missing.missing_from} one",
    )
