"""Checks on what the text says: numbers, dates, people.

Each compares the source with every translation present. A value written in one
version and absent from the other is reported where it *is* written (so the line
exists), pointing at the aligned paragraph of the other version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from sastra.khmer.dates import format_date
from sastra.model import Severity
from sastra.review.facts import DateAt, NumberAt, Spot, is_khmer
from sastra.review.model import Finding, PairContext

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LEAD_PARAGRAPHS = 2
"""The lead is the first of this many body paragraphs that states a date."""


def _plain(value: Decimal) -> str:
    """A value in Latin digits without grouping: ``2025``, ``3800``, ``72.4``."""
    return format(value.normalize(), "f")


def _shown(number: NumberAt) -> str:
    """A number as written, with its Latin value when written otherwise (``១៨ (18)``)."""
    plain = _plain(number.value) + ("%" if number.text.endswith("%") else "")
    return number.text if number.text.replace(" ", "") == plain else f"{number.text} ({plain})"


def check_numbers(ctx: PairContext) -> Iterator[Finding]:
    """``numbers-mismatch``: a number in one version that the other does not have.

    Values are compared across scripts (``18`` = ``១៨``, ``3,800`` = ``៣.៨០០``,
    ``94%`` = ``៩៤%``); digits inside dates are left to the dates check, and the alt
    texts of image-only paragraphs (``photo 1``) to the images check.
    """
    for lang in ctx.translations:
        yield from _missing_numbers(ctx, ctx.source, lang)
        yield from _missing_numbers(ctx, lang, ctx.source)


def _text_numbers(ctx: PairContext, lang: str) -> list[NumberAt]:
    """Numbers of a version, without those in the alt text of image-only paragraphs."""
    facts = ctx.facts[lang]
    return [n for n in facts.numbers if n.spot.paragraph not in facts.image_only]


def _missing_numbers(ctx: PairContext, have: str, lack: str) -> Iterator[Finding]:
    lacking = _text_numbers(ctx, lack)
    theirs = {n.value for n in lacking}
    seen: set[Decimal] = set()
    for number in _text_numbers(ctx, have):
        if number.value in theirs or number.value in seen:
            continue
        seen.add(number.value)
        yield ctx.finding(
            "numbers-mismatch",
            Severity.WARNING,
            f"{_shown(number)} is in the {have} {number.spot.describe()} "
            f"but nowhere in the {lack} version",
            have,
            number.spot,
            lack,
            detail=_numbers_detail(lacking, lack),
        )


def _numbers_detail(numbers: Iterable[NumberAt], lang: str) -> str:
    values = sorted({n.value for n in numbers})
    shown = ", ".join(_plain(v) for v in values) or "none"
    return f"numbers of the {lang} version: {shown}"


def check_dates(ctx: PairContext) -> Iterator[Finding]:
    """``dates-mismatch``: a date written in one version and not the other;
    ``date-weekday``: a stated weekday that is not the date's."""
    for lang in ctx.translations:
        yield from _missing_dates(ctx, ctx.source, lang)
        yield from _missing_dates(ctx, lang, ctx.source)
    for lang in ctx.facts:
        for date in ctx.facts[lang].dates:
            if date.weekday is not None and date.weekday != date.date.weekday():
                yield ctx.finding(
                    "date-weekday",
                    Severity.ERROR,
                    f"«{date.text}» says {_WEEKDAYS[date.weekday]}, but "
                    f"{date.date.isoformat()} is a {_WEEKDAYS[date.date.weekday()]}",
                    lang,
                    date.spot,
                )


def _missing_dates(ctx: PairContext, have: str, lack: str) -> Iterator[Finding]:
    theirs = {d.date for d in ctx.facts[lack].dates}
    seen = set()
    for date in ctx.facts[have].dates:
        if date.date in theirs or date.date in seen:
            continue
        seen.add(date.date)
        others = sorted(theirs)
        yield ctx.finding(
            "dates-mismatch",
            Severity.ERROR,
            f"«{date.text}» ({date.date.isoformat()}) is in the {have} "
            f"{date.spot.describe()} but not in the {lack} version",
            have,
            date.spot,
            lack,
            detail=f"dates of the {lack} version: "
            + (", ".join(d.isoformat() for d in others) or "none"),
        )


def lead_date(ctx: PairContext, lang: str) -> DateAt | None:
    """The event date of the lead: the first date of the first of the first
    :data:`LEAD_PARAGRAPHS` body paragraphs that states one."""
    for date in ctx.facts[lang].dates:
        paragraph = date.spot.paragraph
        if paragraph is not None and paragraph <= LEAD_PARAGRAPHS:
            return date
    return None


def check_lead_date(ctx: PairContext) -> Iterator[Finding]:
    """``lead-date``: the date the lead states is not the frontmatter ``date``."""
    for lang, article in ctx.pair.versions.items():
        if lang not in ctx.facts or article.date is None:
            continue
        lead = lead_date(ctx, lang)
        if lead is None or lead.date == article.date:
            continue
        written = format_date(article.date, "km" if is_khmer(lang) else "en")
        yield ctx.finding(
            "lead-date",
            Severity.ERROR,
            f"the lead says «{lead.text}» ({lead.date.isoformat()}) but the frontmatter "
            f"date is {article.date.isoformat()} ({written})",
            lang,
            lead.spot,
            other_location=ctx.where(lang, Spot(article.line_of("date"), "date")),
        )
