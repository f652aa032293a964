"""Checks on what the text says: numbers and dates, and the date of the lead.

Each compares the source with every translation present, place by place
(:mod:`sastra.review.units`: the same field, or aligned paragraphs). Two values left
over in one place, one on each side and alike, are one finding naming both (an error:
the translation says something else); a value left alone is reported where it *is*
written (so the line exists), pointing at the aligned paragraph of the other version
(a warning: it may be written in words, or have moved).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Generic, TypeVar

from sastra.khmer.dates import format_date
from sastra.model import Severity
from sastra.review.facts import DateAt, QuantityAt, Spot, is_khmer
from sastra.review.model import Finding, PairContext
from sastra.review.units import Place, place, units

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LEAD_PARAGRAPHS = 1
"""The lead is the first of this many body paragraphs that states an event date."""
LEAD_GRACE_DAYS = 3
"""A lead's event date may be this many days before the frontmatter date (a report
published after the event, over a weekend) without a ``lead-date`` warning."""
SIMILAR_FACTOR = 10
"""Two numbers left over in one place are "the same number, changed" when neither is more
than this many times the other (and both or neither are years)."""
_REFERRED = re.compile(
    r"(?:កាលពី|ចុះ|dated|signed(?: on)?|since|adopted on|issued on|last)[\s\u200b]*(?:នៅ)?[\s\u200b]*"
    r"(?:ថ្ងៃ[\s\u200b]*)?$",
    re.IGNORECASE,
)
T = TypeVar("T", QuantityAt, DateAt)


def _shown(item: QuantityAt) -> str:
    """A quantity as written, with its Latin value when written otherwise (``១៨ (18)``)."""
    q = item.quantity
    same = q.text.replace(" ", "").replace("-", "–") == q.shown.replace(" ", "")
    return q.text if same else f"{q.text} ({q.shown})"


def _date_shown(item: DateAt) -> str:
    return f"«{item.text}» ({item.shown()})"


def _value(item: QuantityAt) -> Decimal | None:
    try:
        return Decimal(item.quantity.shown.rstrip("%"))
    except InvalidOperation:
        return None


def _is_year(item: QuantityAt, value: Decimal) -> bool:
    """A year: a whole number from 1900 to 2100 written without a thousands separator
    (``2,000`` riel is not one)."""
    written = item.quantity.text
    return value == value.to_integral() and 1900 <= value <= 2100 and written.isalnum()


def _digits(value: Decimal) -> str:
    """The significant digits of a value: ``1500000`` and ``1.5`` are both ``15``."""
    return "".join(c for c in format(abs(value).normalize(), "f") if c.isdigit()).strip("0")


def _similar_numbers(a: QuantityAt, b: QuantityAt) -> bool:
    """The same kind of number, changed: within :data:`SIMILAR_FACTOR` of each other, or
    the same digits a power of ten apart (``១.៥០០.០០០`` against ``1,500``: a separator or a
    scale word slipped, a 1000× error in an amount)."""
    if a.quantity.kind != b.quantity.kind:
        return False
    if a.quantity.kind != "number":
        return True
    x, y = _value(a), _value(b)
    if x is None or y is None or _is_year(a, x) != _is_year(b, y):
        return False
    small, big = sorted((abs(x), abs(y)))
    return big <= SIMILAR_FACTOR * max(small, Decimal(1)) or (
        small > 0 and _digits(x) == _digits(y)
    )


def _covers(items: Iterable[QuantityAt]) -> set[str]:
    return {key for item in items for key in item.quantity.covers}


_LAST_COVERS: list[tuple[Sequence[QuantityAt], set[str]]] = []
"""The covers of the pool asked about last: a pool is asked once per item of the other
side, and recomputing them made a paragraph of 50,000 numbers take minutes."""


def _number_found(item: QuantityAt, pool: Sequence[QuantityAt]) -> bool:
    if _LAST_COVERS and _LAST_COVERS[0][0] is pool:  # (held here, so never another list)
        covers = _LAST_COVERS[0][1]
    else:
        covers = _covers(pool)
        _LAST_COVERS[:] = [(pool, covers)]
    q = item.quantity
    return bool(q.keys & covers) or (q.ends is not None and set(q.ends) <= covers)


def _date_found(item: DateAt, pool: Sequence[DateAt]) -> bool:
    return any(item.same(other) for other in pool)


def _describe(places: Iterable[Place]) -> str:
    """``title``, ``paragraph 3``, ``paragraphs 3–4``."""
    fields = sorted({f for f, _ in places if f is not None})
    if fields:
        return fields[0]
    numbers = sorted({p for _, p in places if p is not None})
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return f"paragraphs {numbers[0]}–{numbers[-1]}"


@dataclass(frozen=True)
class _Kind(Generic[T]):
    """How one kind of item (numbers or dates) is compared."""

    code: str
    items: Callable[[PairContext, str], Sequence[T]]
    found: Callable[[T, Sequence[T]], bool]
    similar: Callable[[T, T], bool]
    shown: Callable[[T], str]
    noun: str


def _text_quantities(ctx: PairContext, lang: str) -> Sequence[QuantityAt]:
    """Quantities of a version, without the alt texts of photo-only paragraphs."""
    facts = ctx.facts[lang]
    return [q for q in facts.quantities if q.spot.paragraph not in facts.image_only]


_NUMBERS: _Kind[QuantityAt] = _Kind(
    "numbers-mismatch", _text_quantities, _number_found, _similar_numbers, _shown, "numbers"
)
_DATES: _Kind[DateAt] = _Kind(
    "dates-mismatch",
    lambda ctx, lang: ctx.facts[lang].dates,
    _date_found,
    lambda a, b: True,
    _date_shown,
    "dates",
)


def _in(items: Sequence[T], places: frozenset[Place]) -> list[T]:
    return [i for i in items if place(i.spot) in places]


def _compare(ctx: PairContext, kind: _Kind[T], lang: str) -> Iterator[Finding]:
    source = ctx.source
    all_source, all_target = kind.items(ctx, source), kind.items(ctx, lang)
    for unit in units(ctx, lang):
        mine, theirs = _in(all_source, unit.source), _in(all_target, unit.target)
        lost_source = [i for i in mine if not _soft(i) and not kind.found(i, theirs)]
        lost_target = [i for i in theirs if not _soft(i) and not kind.found(i, mine)]
        lost_source = _unique(kind, lost_source)
        lost_target = _unique(kind, lost_target)
        paired: list[tuple[T, T]] = []
        for a in list(lost_source):
            b = next((b for b in lost_target if kind.similar(a, b)), None)
            if b is not None:
                paired.append((a, b))
                lost_source.remove(a)
                lost_target.remove(b)
        for a, b in paired:
            yield ctx.finding(
                kind.code,
                Severity.ERROR,
                f"the {lang} {_describe(unit.target)} says {kind.shown(b)} where the "
                f"{source} {_describe(unit.source)} says {kind.shown(a)}",
                lang,
                b.spot,
                other_location=ctx.where(source, a.spot),
            )
        for have, lack, lost, here, there, near in (
            (source, lang, lost_source, unit.source, unit.target, unit.near_target),
            (lang, source, lost_target, unit.target, unit.source, unit.near_source),
        ):
            pool = kind.items(ctx, lack)
            elsewhere = list(pool) if unit.is_field else _in(pool, near)
            for item in lost:
                if kind.found(item, elsewhere):
                    continue  # moved to the neighbouring paragraph, or told in the body
                others = [kind.shown(i) for i in _in(pool, there) if _listed(i)]
                yield ctx.finding(
                    kind.code,
                    Severity.WARNING,
                    f"{kind.shown(item)} is in the {have} {_describe(here)} but not "
                    f"in the {lack} {_describe(there)}",
                    have,
                    item.spot,
                    lack,
                    detail=f"{kind.noun} of the {lack} {_describe(there)}: "
                    + (", ".join(others) or "none"),
                )


def _soft(item: QuantityAt | DateAt) -> bool:
    """An item that only excuses one of the other side: a number in words, a list marker,
    the day and month of a name."""
    return item.quantity.soft if isinstance(item, QuantityAt) else item.in_name


def _listed(item: QuantityAt | DateAt) -> bool:
    """Whether an item is listed among the numbers or dates of the other side: all but the
    soft ones, except a number in words (``ប្រាំពីរពាន់ (7000)``) and an era year (``ព.ស. ២៥៦៨
    (2568)``), which were read."""
    return not _soft(item) or (
        isinstance(item, QuantityAt) and item.quantity.kind in ("spelled", "era")
    )


def _unique(kind: _Kind[T], items: list[T]) -> list[T]:
    seen: set[str] = set()
    out = []
    for item in items:
        if kind.shown(item) not in seen:
            seen.add(kind.shown(item))
            out.append(item)
    return out


def check_numbers(ctx: PairContext) -> Iterator[Finding]:
    """``numbers-mismatch``: a number, range, clock time or phone number of one version that
    the same place of the other does not state.

    Compared field by field and aligned paragraph by aligned paragraph, across scripts
    (:mod:`sastra.khmer.quantities`); a number the other side writes as a word, a list
    marker and the digits of a name never count as missing. Two numbers left over in one
    place (34 here, ៣៥ there) are one finding, an error; a number with no counterpart is a
    warning (the translator may have moved or reworded it).
    """
    for lang in ctx.translations:
        yield from _compare(ctx, _NUMBERS, lang)


def check_dates(ctx: PairContext) -> Iterator[Finding]:
    """``dates-mismatch``: a date (or range of days) of one version that the same place of the
    other does not state; ``date-weekday``: a stated weekday that is not the date's."""
    for lang in ctx.translations:
        yield from _compare(ctx, _DATES, lang)
    for lang in ctx.facts:
        for date in ctx.facts[lang].dates:
            if date.weekday is not None and date.year_known and date.weekday != date.date.weekday():
                yield ctx.finding(
                    "date-weekday",
                    Severity.ERROR,
                    f"«{date.text}» says {_WEEKDAYS[date.weekday]}, but "
                    f"{date.date.isoformat()} is a {_WEEKDAYS[date.date.weekday()]}",
                    lang,
                    date.spot,
                )


def _event_dates(ctx: PairContext, lang: str) -> list[DateAt]:
    """Dates of the lead that are the event's: not those the text only refers to (``signed
    on``, ``កាលពី``, ``ចុះថ្ងៃទី``…)."""
    facts = ctx.facts[lang]
    found = []
    for date in facts.dates:
        paragraph = date.spot.paragraph
        if paragraph is None or paragraph > LEAD_PARAGRAPHS or date.in_name:
            continue
        text = facts.text.body[paragraph - 1].text
        if _REFERRED.search(text[max(0, date.start - 40) : date.start]):
            continue
        found.append(date)
    if not found:
        return []
    first = found[0].spot.paragraph
    return [d for d in found if d.spot.paragraph == first]


def lead_date(ctx: PairContext, lang: str) -> DateAt | None:
    """The event date of the lead: the first date of the first of the first
    :data:`LEAD_PARAGRAPHS` body paragraphs that states one, dates only referred to aside.
    One paragraph: a lead with no date of its own is not checked, since the next paragraph
    often gives a deadline or a later step, not the event's day."""
    found = _event_dates(ctx, lang)
    return found[0] if found else None


def _span(date: DateAt, day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of ``date``; one without a year is put in the year that
    brings it nearest ``day`` (``28 December`` in an article of 3 January is last year's)."""
    last = date.last or date.date
    if date.year_known:
        return date.date, last
    best: tuple[dt.date, dt.date] | None = None
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            first = date.date.replace(year=year)
            end = last.replace(year=year if last >= date.date else year + 1)
        except ValueError:  # 29 February
            continue
        gap = min(abs((first - day).days), abs((end - day).days))
        if best is None or gap < min(abs((best[0] - day).days), abs((best[1] - day).days)):
            best = (first, end)
    return best or (date.date, last)


def _is_on(date: DateAt, day: dt.date) -> bool:
    first, last = _span(date, day)
    return first <= day <= last


def _expected_lead(ctx: PairContext, lang: str, lead: DateAt, day: dt.date) -> bool:
    """Whether a lead date that is not the frontmatter ``day`` is still what news text
    does: a later date (an announcement of a coming event) or one at most
    :data:`LEAD_GRACE_DAYS` earlier (a report published after the event), unless another
    version's lead states ``day`` (then this version changed the date)."""
    if _span(lead, day)[1] < day - dt.timedelta(days=LEAD_GRACE_DAYS):
        return False  # an event well before the article's date: a stale lead or a wrong date
    return not any(
        any(_is_on(d, day) for d in _event_dates(ctx, other))
        for other in ctx.facts
        if other != lang
    )


def check_lead_date(ctx: PairContext) -> Iterator[Finding]:
    """``lead-date``: the event date the lead states is not the frontmatter ``date`` (a
    warning: the frontmatter may hold the day of publication), when it is more than
    :data:`LEAD_GRACE_DAYS` earlier, or when another version's lead states the frontmatter
    date. A lead announcing a later event (an article of 8 April about 14–18 April) or
    reporting one of the days just before is what news text does."""
    for lang, article in ctx.pair.versions.items():
        if lang not in ctx.facts or article.date is None:
            continue
        dates = _event_dates(ctx, lang)
        if not dates or any(_is_on(d, article.date) for d in dates):
            continue
        lead = dates[0]
        if _expected_lead(ctx, lang, lead, article.date):
            continue
        written = format_date(article.date, "km" if is_khmer(lang) else "en")
        yield ctx.finding(
            "lead-date",
            Severity.WARNING,
            f"the lead says «{lead.text}» ({lead.shown()}) but the frontmatter "
            f"date is {article.date.isoformat()} ({written})",
            lang,
            lead.spot,
            other_location=ctx.where(lang, Spot(article.line_of("date"), "date")),
        )
