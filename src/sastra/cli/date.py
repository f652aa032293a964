"""``i18n date``: the Khmer, English and lunar lines of a date, ready to paste into a letter."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Any

import click

CAMBODIA = dt.timezone(dt.timedelta(hours=7), "ICT")
EXIT_USAGE = 2


def _error(message: str) -> None:
    click.echo(f"i18n: error: {message}", err=True)


def _parse(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        yield dt.date.fromordinal(ordinal)


def _collect(dates: tuple[str, ...], start: str | None, end: str | None) -> list[dt.date] | None:
    """The dates asked for, or None after printing one error line per problem."""
    days, ok = [], True
    for value in dates:
        day = _parse(value)
        if day is None:
            _error(f"{value!r} is not a date (expected YYYY-MM-DD)")
            ok = False
        else:
            days.append(day)
    if (start is None) != (end is None):
        _error("--from and --to go together")
        return None
    if start is not None and end is not None:
        first, last = _parse(start), _parse(end)
        for value, parsed in ((start, first), (end, last)):
            if parsed is None:
                _error(f"{value!r} is not a date (expected YYYY-MM-DD)")
        if first is None or last is None:
            return None
        if first > last:
            _error(f"--from {start} is after --to {end}")
            return None
        days.extend(_days(first, last))
    if not ok:
        return None
    return days or [dt.datetime.now(CAMBODIA).date()]


def _record(day: dt.date) -> dict[str, Any]:
    from sastra.khmer.dates import format_date_en, format_date_km
    from sastra.khmer.lunar import format_lunar, lunar_date

    return {
        "date": day.isoformat(),
        "km": format_date_km(day, weekday=True),
        "en": format_date_en(day, weekday=True),
        "lunar": dataclasses.asdict(lunar_date(day)),
        "lunar_text": format_lunar(day),
    }


@click.command()
@click.argument("dates", nargs=-1, metavar="[DATE]...")
@click.option("--from", "start", metavar="DATE", help="First day of a range (with --to).")
@click.option("--to", "end", metavar="DATE", help="Last day of the range, included.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def date(dates: tuple[str, ...], start: str | None, end: str | None, fmt: str) -> None:
    """Print each DATE (YYYY-MM-DD; default: today in Cambodia, UTC+7) as official letters
    write it: the Khmer date, the English date and the lunar (Chhankitek) line.

    Dates given as arguments come first, then every day from --from to --to. Lunar dates
    exist for 1900–2100.

    With --format json, one date prints one JSON object; several dates print a JSON
    array with one object per line. Each object has the keys date, km, en, lunar (day,
    phase, month, animal_year, era, buddhist_era) and lunar_text.

    A date that is not YYYY-MM-DD, or outside 1900–2100, is an error (exit 2).
    """
    days = _collect(dates, start, end)
    if days is None:
        sys.exit(EXIT_USAGE)
    outside = [d for d in days if not 1900 <= d.year <= 2100]
    for day in outside[:1]:
        _error(f"{day.isoformat()} is outside 1900–2100, the range of the lunar calendar")
    if outside:
        sys.exit(EXIT_USAGE)
    records = [_record(day) for day in days]
    if fmt == "json":
        lines = [json.dumps(r, ensure_ascii=False) for r in records]
        click.echo(lines[0] if len(lines) == 1 else "[\n" + ",\n".join(lines) + "\n]")
        return
    click.echo("\n\n".join(f"{r['km']}\n{r['en']}\n{r['lunar_text']}" for r in records))
