"""``i18n names check`` and ``i18n names discover``: one spelling per person."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from sastra.cli.options import (
    EXIT_FOUND,
    EXIT_USAGE,
    content_failed,
    fail,
    load,
    note,
    site_options,
)
from sastra.model import Severity, printable
from sastra.names import Kind

if TYPE_CHECKING:
    from sastra.names import Glossary
    from sastra.names.discover import Discovery
    from sastra.workspace import Site

KHMER = "km"


@click.group()
def names() -> None:
    """Keep one spelling per name across languages (glossary: i18n/names.yaml)."""


def _glossary(site: Site) -> tuple[Glossary, Path]:
    from sastra.cli.options import print_diagnostics
    from sastra.names import read_glossary

    path = site.config.glossary_path
    glossary, diags = read_glossary(path, site.config.rel(path))
    print_diagnostics(diags)
    if any(d.severity is Severity.ERROR for d in diags):
        sys.exit(EXIT_USAGE)
    return glossary, path


@names.command()
@site_options
@click.option("--fix", is_flag=True, help="Replace each variant by its preferred spelling.")
@click.option("--check", is_flag=True, help="With --fix, still exit 1 when anything was found.")
def check(root: Path | None, strict: bool, fix: bool, check: bool) -> None:
    """Find listed variant spellings in non-Khmer articles (frontmatter and body).

    Each finding is ``path:line:col: 'Mao Sila' → 'Mao Sela' (ម៉ៅ សិលា)``. The site's
    glossary and the well-known names shipped with Sastra are checked. Exits 1 when
    anything is found; with --fix the files are rewritten in place (atomically, nothing
    else changed), the diff is printed, and the exit code is 0 unless --check is given.
    Without a glossary it says so (exit 0, or 1 with --strict).
    """
    from sastra.cache import atomic_write
    from sastra.names import find_variants, fix_text
    from sastra.names.known import well_known, with_well_known

    site = load(root, strict, quiet_warnings=True)
    own, path = _glossary(site)
    missing = not path.is_file()
    if missing:
        note(
            f"i18n: no glossary ({site.config.rel(path)} does not exist): checked only the "
            f"{len(well_known())} well-known names shipped with Sastra. Start one with: "
            "i18n names discover --update"
        )
    glossary = with_well_known(own)
    total, files = 0, 0
    for article in sorted(site.articles, key=lambda a: a.path):
        if article.lang == KHMER:
            continue
        path = site.config.root / article.path
        data = path.read_bytes()
        bom = data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8-sig", errors="surrogateescape")
        findings = find_variants(text, glossary, article.path)
        if not findings:
            continue
        total, files = total + len(findings), files + 1
        for finding in findings:
            click.echo(str(finding))
        if fix:
            fixed = fix_text(text, findings)
            diff = difflib.unified_diff(
                text.splitlines(keepends=True),
                fixed.splitlines(keepends=True),
                f"a/{article.path}",
                f"b/{article.path}",
            )
            click.echo(printable("".join(diff), lines=True), nl=False)
            out = fixed.encode("utf-8", errors="surrogateescape")
            atomic_write(path, (b"\xef\xbb\xbf" if bom else b"") + out)
    if total:
        verb = "fixed" if fix else "found"
        note(f"i18n: {verb} {total} variant spelling(s) in {files} file(s)")
    if (
        content_failed(site.diagnostics, strict)
        or (total and (check or not fix))
        or (missing and strict)
    ):
        sys.exit(EXIT_FOUND)


@names.command()
@site_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "yaml"]), default="table", show_default=True
)
@click.option(
    "--update", is_flag=True, help="Append new names to the glossary (existing entries untouched)."
)
def discover(root: Path | None, strict: bool, fmt: str, update: bool) -> None:
    """Names after honorifics (ឯកឧត្តម, លោកជំទាវ, H.E., Dr. …), aligned across each pair.

    Shows each Khmer name with every Latin spelling seen and its count (people, then
    places found after ខេត្ត, ស្រុក… with the gazetteer's spelling), then the Latin
    spellings no Khmer name anchors, grouped when they are spellings of one name
    (places and schools tagged with their kind). Names without an honorific count where
    both versions have them at the same place (a translatable field, a paragraph).
    """
    from sastra.names.align import pair_text
    from sastra.names.discover import discover as run
    from sastra.names.missing import discovery_text

    site = load(root, strict, quiet_warnings=fmt == "yaml")
    glossary, path = _glossary(site)
    texts = (
        pair_text(
            p.versions,
            site.config.collection(p.key.collection).translatable,
            {lang: discovery_text(a) for lang, a in p.versions.items()},
        )
        for p in site.pairs
    )
    found = run(texts, glossary)
    shown = _yaml(found) if fmt == "yaml" else _table(found)
    click.echo(printable(shown, lines=True), nl=False)
    if update:
        _update(site, glossary, path, found)
    if content_failed(site.diagnostics, strict):
        sys.exit(EXIT_FOUND)


def _spellings(items: tuple[tuple[str, int], ...]) -> str:
    return " · ".join(f"{s} ×{n}" for s, n in items)


def _table(found: Discovery) -> str:
    lines: list[str] = []
    for name in found.names:
        how = "gazetteer" if name.kind is Kind.PLACE else "romanized"
        seen = _spellings(name.spellings) or f"— ({how}: {name.romanized})"
        if name.entry is not None and name.unlisted:
            note = f"listed as {name.entry.en}; not listed: {', '.join(name.unlisted)}"
        elif name.entry is not None:
            note = f"listed as {name.entry.en}"
        elif name.known is not None:
            note = f"new; well-known as {name.known.en}"
        else:
            note = "new"
        kind = "" if name.kind is Kind.PERSON else f"{name.kind.value}; "
        lines.append(f"{name.km}  {seen}  [{kind}{note}]")
    if not found.names:
        lines.append("No names after honorifics found.")
    if found.clusters:
        lines += ["", "Without a Khmer anchor:"]
        lines += [
            f"  {_spellings(c.spellings)}"
            + ("" if c.kind is Kind.PERSON else f"  [{c.kind.value}]")
            for c in found.clusters
        ]
    return "\n".join(lines) + "\n"


def _yaml(found: Discovery) -> str:
    from sastra.names.glossary_yaml import entries_yaml, suggested_entries

    lines = [f"# {n.km}: listed as {n.entry.en}; also seen as {', '.join(n.unlisted)}"
             for n in found.names if n.entry is not None and n.unlisted]  # fmt: skip
    lines += [f"# {n.km}: no Latin spelling seen (romanized: {n.romanized})"
              for n in found.names if n.entry is None and not n.spellings]  # fmt: skip
    lines += [f"# no Khmer anchor: {_spellings(c.spellings)}" for c in found.clusters]
    entries = suggested_entries(found)
    text = "\n".join(lines) + ("\n" if lines else "")
    return text + "names:\n" + (entries_yaml(entries) if entries else "  []\n")


def _update(site: Site, glossary: Glossary, path: Path, found: Discovery) -> None:
    from sastra.cache import atomic_write
    from sastra.names import parse_glossary
    from sastra.names.glossary_yaml import append_entries, suggested_entries

    shown = site.config.rel(path)
    for name in found.names:
        if name.entry is not None and name.unlisted:
            note(
                f"{shown}:{name.entry.line}: '{name.km}' also seen as "
                f"{', '.join(repr(s) for s in name.unlisted)}; not changed "
                "(add them to its variants if they are the same person)"
            )
    entries = suggested_entries(found)
    if not entries:
        note(f"i18n: no new names for {shown}")
        return
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    new_text = append_entries(text, entries, shown)  # an EditError is printed by the group
    _, diags = parse_glossary(new_text, shown)
    if any(d.severity is Severity.ERROR for d in diags):
        fail(f"{shown}: the new entries would not validate: {diags[0].message}")
    atomic_write(path, new_text)
    note(f"i18n: added {len(entries)} name(s) to {shown}")
