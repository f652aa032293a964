"""Views of :class:`~sastra.tracking.status.SiteStatus`: the JSON document, the terminal table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console
    from rich.text import Text

    from sastra.tracking.site import SourceWords

from sastra.model import ArticleStatus, ParagraphChange, SiteStatus, State, VersionStatus

STATE_ORDER = (
    State.STALE,
    State.IN_PROGRESS,
    State.UNREADABLE,
    State.MISSING,
    State.UNKNOWN,
    State.UNTRACKED,
    State.UP_TO_DATE,
)
STATE_TITLES = {
    State.STALE: "Stale: the source changed since the translation was synced",
    State.IN_PROGRESS: "In progress: still has TRANSLATE: markers from `i18n new`",
    State.UNREADABLE: "Unreadable: the file is there but cannot be read (fix the error above)",
    State.MISSING: "Missing: no translation yet",
    State.UNKNOWN: "Unknown: git history is too short to tell (run `git fetch --unshallow`)",
    State.UNTRACKED: "Untracked: no baseline (run `i18n mark LANG KEY` once it is checked)",
    State.UP_TO_DATE: "Up to date",
}
STATE_STYLE = {
    State.STALE: "yellow",
    State.IN_PROGRESS: "cyan",
    State.UNREADABLE: "red",
    State.MISSING: "red",
    State.UNKNOWN: "magenta",
    State.UNTRACKED: "magenta",
    State.UP_TO_DATE: "green",
}


_WITH_BASELINE = (State.UP_TO_DATE, State.STALE, State.UNKNOWN)
_TO_TRANSLATE = (State.MISSING, State.STALE, State.IN_PROGRESS)
"""States whose row shows the source's words (``--words``): work a translator has."""


def to_json(
    status: SiteStatus, root: str, words: Mapping[str, SourceWords] | None = None
) -> dict[str, Any]:
    """The stable JSON document of ``i18n status --format json`` (see README)."""
    articles = []
    for article in status.articles:
        versions: dict[str, Any] = {}
        for lang, v in article.versions.items():
            # States are StrEnum members, encoded as their strings (and ``.value`` is a
            # slow property: a status of 10,000 pairs asks 40,000 times).
            entry: dict[str, Any] = {"state": v.state, "path": v.path}
            if v.state in _WITH_BASELINE:
                entry["baseline"] = v.baseline
                if v.baseline_commit:
                    entry["baseline_commit"] = v.baseline_commit
            if v.state is State.STALE:
                entry["changed_paragraphs"] = (
                    list(v.changed_paragraphs) if v.changed_paragraphs is not None else None
                )
                entry["changed_fields"] = list(v.changed_fields)
                entry["removed_paragraphs"] = len(v.removed_paragraphs)
                if v.changes is not None:
                    entry["change"] = change_json(v)
                if v.diff is not None:
                    entry["diff"] = v.diff
                counted = words.get(str(article.key)) if words is not None else None
                if counted is not None:
                    entry["changed_words"] = counted.to_update(v)
            versions[lang] = entry
        item: dict[str, Any] = {
            "collection": article.key.collection,
            "slug": article.key.slug,
            "source": article.source,
            "versions": versions,
        }
        if words is not None:
            counted = words.get(str(article.key))
            item["source_words"] = counted.total if counted is not None else 0
        articles.append(item)
    doc: dict[str, Any] = {
        "root": root,
        "languages": list(status.languages),
        "articles": articles,
        "summary": status.summary(),
    }
    if status.notes:
        doc["notes"] = list(status.notes)
    return doc


KINDS = ("punctuation", "numbers", "added", "removed", "edited")


def change_json(version: VersionStatus) -> dict[str, Any]:
    """``{"minor": …, "kinds": […], "paragraphs": [{"kind": …, …}]}`` of a stale version."""
    changes = version.changes or ()
    found = {c.kind for c in changes}
    paragraphs = []
    for c in changes:
        item: dict[str, Any] = {"kind": c.kind}
        if c.field is not None:
            item["field"] = c.field
        if c.paragraph is not None:
            item["paragraph"] = c.paragraph
        if c.old_paragraph is not None:
            item["old_paragraph"] = c.old_paragraph
        if c.counterpart is not None:
            item["counterpart"] = c.counterpart
        paragraphs.append(item)
    return {
        "minor": version.minor,
        "kinds": [kind for kind in KINDS if kind in found],
        "paragraphs": paragraphs,
    }


def progress_line(lang: str, counts: dict[str, int]) -> str:
    """``km 40/43 up to date · 2 stale · 1 missing`` (translations only)."""
    total = sum(counts.values())
    parts = [f"{lang} {counts['up_to_date']}/{total} up to date"]
    for state in STATE_ORDER[:-1]:
        if counts[state.value]:
            parts.append(f"{counts[state.value]} {state.value.replace('_', ' ')}")
    return " · ".join(parts)


def render_table(
    status: SiteStatus,
    console: Console,
    *,
    root: str,
    show_diff: bool = False,
    words: Mapping[str, SourceWords] | None = None,
    extra: list[str] | None = None,
) -> None:
    """The terminal view: per-language progress, then one table per state."""
    from rich.text import Text

    console.print(Text(f"Sastra · {root}", style="bold"))
    summary = status.summary()
    for lang in status.languages:
        if sum(summary[lang].values()):
            console.print("  " + progress_line(lang, summary[lang]))
        else:
            console.print(f"  {lang}: source language of every article")
    for line in extra or []:
        console.print("  " + line)
    rows = _rows_by_state(status)
    for state in STATE_ORDER:
        entries = rows[state]
        if not entries:
            continue
        console.print()
        console.print(
            Text(f"{STATE_TITLES[state]} ({len(entries)})", style=f"bold {STATE_STYLE[state]}")
        )
        width = max(len(str(article.key)) for article, _ in entries)
        for article, version in entries:
            row = Text("  ")
            row.append(f"{version.lang:<4}", style=STATE_STYLE[state])
            row.append(f"{article.key!s:<{width}}  ")
            row.append_text(_detail(article, version, words, indent=" " * (width + 8)))
            console.print(row, soft_wrap=True)
        if show_diff and state is State.STALE:
            for article, version in entries:
                if version.diff:
                    console.print(
                        Text(
                            f"  diff of the {article.source} source of {article.key}:", style="bold"
                        )
                    )
                    print_diff(console, version.diff)
                elif version.changed_paragraphs is None:
                    console.print(f"  {article.key}: no diff (the old source text is not known)")


def _rows_by_state(status: SiteStatus) -> dict[State, list[tuple[ArticleStatus, VersionStatus]]]:
    rows: dict[State, list[tuple[ArticleStatus, VersionStatus]]] = {s: [] for s in STATE_ORDER}
    for article in status.articles:
        for version in article.versions.values():
            if version.state in rows:
                rows[version.state].append((article, version))
    return rows


def _detail(
    article: ArticleStatus,
    version: VersionStatus,
    words: Mapping[str, SourceWords] | None,
    indent: str,
) -> Text:
    source = article.versions.get(article.source or "")
    source_path = source.path if source else None
    from rich.text import Text

    text = Text()
    if version.state is State.MISSING:
        text.append(f"translate from {article.source}: {source_path}")
    elif version.state is State.STALE:
        text.append(version.path or "")
        text.append(f"\n{indent}{describe_changes(version)}", style="yellow")
    elif version.state is State.UNTRACKED:
        text.append(f"{version.path} (source {article.source}: {source_path})")
    else:
        text.append(f"{version.path}", style="dim")
    counted = words.get(str(article.key)) if words is not None else None
    if counted is not None and version.state is State.STALE:
        text.append(f"  ~{counted.to_update(version)} source words changed", style="cyan")
    elif words is not None and version.state in _TO_TRANSLATE:
        text.append(f"  ~{counted.total if counted else 0} source words", style="cyan")
    return text


def describe_changes(version: VersionStatus) -> str:
    """One line saying what changed in the source of a stale version since its baseline."""
    via = f"baseline from {version.baseline.value}"
    if version.baseline_commit:
        via += f" at {version.baseline_commit[:7]}"
    if version.changed_paragraphs is None:
        return f"source changed since the {via}; old text unknown, so no paragraph list"
    if version.changes is not None:
        what = ", ".join(map(_describe, version.changes)) or "text"
        if version.minor:
            return f"stale (minor: {what}) since the {via}"
        return f"changed in the source since the {via}: {what}"
    parts = []
    if version.changed_fields:
        parts.append("fields " + ", ".join(version.changed_fields))
    if version.changed_paragraphs:
        parts.append("paragraphs " + ", ".join(str(i) for i in version.changed_paragraphs))
    if version.removed_paragraphs:
        parts.append(f"{len(version.removed_paragraphs)} paragraph(s) removed")
    return f"changed in the source since the {via}: " + ("; ".join(parts) or "text")


_DIFF_STYLE = {"+": "green", "-": "red"}


def print_diff(console: Console, diff: str, indent: str = "    ") -> None:
    """A diff, one paragraph a line, wrapped to the console: every wrapped line keeps
    the paragraph's mark and indent, and the words that changed are highlighted (in
    colour), or, without colour, bracketed as ``git diff --word-diff`` does:
    ``[-old-]``, ``{+new+}``."""
    from rich.text import Text

    from sastra.report.diffview import diff_lines
    from sastra.report.terminal import cluster_breaks

    plain = console.color_system is None
    for line in diff_lines(diff):
        style = _DIFF_STYLE.get(line.mark, "dim")
        lead = indent if line.mark == "@" else indent + line.mark
        body = Text(style=style)
        for piece, changed in line.parts:
            if changed and plain:
                piece = f"[-{piece}-]" if line.mark == "-" else f"{{+{piece}+}}"
            body.append(piece, style=f"bold reverse {style}" if changed else "")
        width = max(console.width - len(lead), 20)
        # (a long Khmer run is broken at a cluster, never inside one, before rich wraps)
        pieces = body.divide(cluster_breaks(body.plain, width))
        for part in [line for piece in pieces for line in piece.wrap(console, width)] or [Text()]:
            console.print(Text(lead, style=style) + part, soft_wrap=True)


def _describe(change: ParagraphChange) -> str:
    """``paragraph 4 (numbers)``, ``title (edited)``, ``old paragraph 5 (removed, not in
    the translation)``."""
    missing = ", not in the translation" if change.counterpart is False else ""
    if change.field is not None:
        return f"{change.field} ({change.kind})"
    if change.kind == "removed":
        return f"old paragraph {change.old_paragraph} (removed{missing})"
    return f"paragraph {change.paragraph} ({change.kind}{missing})"
