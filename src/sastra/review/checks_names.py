"""The names check: each person named in one version is named in the other.

The comparison itself is the names layer's (:func:`sastra.names.names_missing`: the
glossary, honorifics, the romanizer and the similarity function); this check turns its
answers into findings at the paragraph concerned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace

from sastra.model import Location, Severity
from sastra.names import Glossary, names_missing
from sastra.review.facts import Spot, VersionFacts
from sastra.review.model import Finding, PairContext


def _spot_at(facts: VersionFacts, line: int) -> Spot | None:
    for spot in facts.field_spots:
        if spot.line == line:
            return spot
    return facts.spot_of_line(line)


def glossary_id(glossary: Glossary) -> str:
    """A stable id of a glossary's content (for caching per-pair answers)."""
    return hashlib.sha256(repr(glossary.entries).encode("utf-8")).hexdigest()[:16]


def check_names(ctx: PairContext) -> Iterator[Finding]:
    """``name-missing``: a person named in one version and absent from the other."""
    if len(ctx.facts) < 2:
        return
    glossary = ctx.glossary if isinstance(ctx.glossary, Glossary) else Glossary()
    for missing in names_missing(ctx.pair.versions, glossary):
        if missing.lang not in ctx.facts or missing.missing_from not in ctx.facts:
            continue
        spot = _spot_at(ctx.facts[missing.lang], missing.line)
        finding = ctx.finding(
            "name-missing",
            Severity.WARNING,
            f"{missing.name} is named in the {missing.lang} version but not in the "
            f"{missing.missing_from} one",
            missing.lang,
            spot,
            missing.missing_from,
            detail=f"Khmer form: {missing.khmer}"
            if missing.khmer and missing.khmer != missing.name
            else None,
        )
        yield replace(finding, location=Location(missing.path, missing.line, missing.column))
