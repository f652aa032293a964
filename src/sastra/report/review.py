"""Views of review results: the side-by-side terminal view of one pair, the site table,
and the JSON document of ``i18n review --format json``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from sastra.model import Severity
from sastra.report.terminal import fold_at_clusters
from sastra.review.layout import Cell, layout
from sastra.review.model import Finding, PairReview

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MARK = {Severity.ERROR: "✗", Severity.WARNING: "!", Severity.INFO: "i"}


# --- JSON -------------------------------------------------------------------------------------


def finding_json(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object (``other``, ``detail``, ``diff`` only when set)."""
    item: dict[str, Any] = {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "lang": finding.lang,
        "path": finding.location.path,
        "line": finding.location.line,
    }
    if finding.location.column:
        item["column"] = finding.location.column
    if finding.field is not None:
        item["field"] = finding.field
    if finding.paragraph is not None:
        item["paragraph"] = finding.paragraph
    if finding.other is not None:
        item["other"] = {"path": finding.other.path, "line": finding.other.line}
        if finding.other_paragraph is not None:
            item["other"]["paragraph"] = finding.other_paragraph
    if finding.detail:
        item["detail"] = finding.detail
    if finding.diff:
        item["diff"] = finding.diff
    return item


def counts(reviews: Sequence[PairReview]) -> dict[str, int]:
    """``{"error": n, "warning": n, "info": n}`` over the remaining findings."""
    tally = Counter(f.severity.value for r in reviews for f in r.findings)
    return {s.value: tally.get(s.value, 0) for s in Severity}


def to_json(reviews: Sequence[PairReview], root: str) -> dict[str, Any]:
    """The stable JSON document of ``i18n review --format json`` (see docs/review.md)."""
    pairs = []
    for review in reviews:
        pairs.append(
            {
                "key": str(review.pair.key),
                "collection": review.pair.key.collection,
                "slug": review.pair.key.slug,
                "source": review.left,
                "paths": {lang: a.path for lang, a in review.pair.versions.items()},
                "counts": counts([review]),
                "ignored": len(review.ignored),
                "findings": [finding_json(f) for f in review.findings],
            }
        )
    by_code = Counter(f.code for r in reviews for f in r.findings)
    return {
        "root": root,
        "pairs": pairs,
        "summary": {**counts(reviews), "by_code": dict(sorted(by_code.items()))},
    }


# --- terminal ---------------------------------------------------------------------------------


def finding_line(finding: Finding, *, where: bool = True) -> Text:
    """``✗ [code] message`` (with ``path:line`` first when ``where``)."""
    text = Text()
    if where:
        text.append(f"{finding.location}: ", style="dim")
    text.append(f"{MARK[finding.severity]} ", style=STYLE[finding.severity])
    text.append(f"[{finding.code}] ", style=STYLE[finding.severity])
    text.append(finding.message)
    if finding.other is not None:
        text.append(f"  ↔ {finding.other}", style="dim")
    return text


def summary_text(findings: Sequence[Finding], ignored: int = 0) -> Text:
    """``2 errors · 3 warnings · 1 info`` (``no findings`` when empty)."""
    tally = Counter(f.severity for f in findings)
    parts = Text()
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
    for severity in Severity:
        if tally[severity]:
            if parts:
                parts.append(" · ")
            plural = tally[severity] > 1 and severity is not Severity.INFO
            word = words[severity] + ("s" if plural else "")
            parts.append(f"{tally[severity]} {word}", style=STYLE[severity])
    if not parts:
        parts.append("no findings", style="green")
    if ignored:
        parts.append(f" · {ignored} accepted", style="dim")
    return parts


def _cell(cells: Sequence[Cell], width: int) -> RenderableType:
    """One side of a row; its text folded at Khmer clusters for a column ``width`` wide."""
    parts: list[RenderableType] = []
    for cell in cells:
        parts.append(Text(f"{cell.label} · line {cell.line}", style="dim"))
        parts.append(Text(fold_at_clusters(cell.text, width)))
        for image in cell.images:
            parts.append(Text(f"🖼 {image.target}", style="blue"))
        for finding in cell.findings:
            parts.append(finding_line(finding, where=False))
    return Group(*parts)


def render_pair(review: PairReview, console: Console) -> None:
    """Both versions side by side, each finding under the paragraph it concerns."""
    view = layout(review)
    title = Text(str(review.pair.key), style="bold")
    title.append("  ")
    title.append_text(summary_text(review.findings, len(review.ignored)))
    console.print(title)
    for finding in view.general:
        console.print(Text("  ").append_text(finding_line(finding)), soft_wrap=True)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=True, padding=(0, 1))
    for lang in (view.left, view.right):
        if lang is not None:
            table.add_column(
                Text(f"{lang}  {view.paths[lang]}", style="bold"), ratio=1, overflow="fold"
            )
    # What a column holds on a line: half the width, less its edge and padding (rich
    # would fold a longer Khmer word anywhere, a subscript apart from its letter).
    width = console.width // 2 - 4 if view.right is not None else console.width - 4
    for row in view.rows:
        cells = [_cell(row.left, width)]
        if view.right is not None:
            cells.append(_cell(row.right, width))
        table.add_row(*cells)
    console.print(table)
    for finding in review.findings:
        if finding.diff:
            console.print(Text(f"diff of the {review.left} source since the baseline:", "bold"))
            for line in finding.diff.splitlines():
                style = "green" if line.startswith("+") else "red" if line[:1] == "-" else "dim"
                console.print(Text("  " + line, style=style), soft_wrap=True)


def render_all(reviews: Sequence[PairReview], console: Console, *, root: str) -> None:
    """The site table: one line per pair with findings, then its findings, then totals."""
    console.print(Text(f"Sastra review · {root}", style="bold"))
    clean = 0
    for review in reviews:
        if not review.findings:
            clean += 1
            continue
        console.print()
        head = Text(f"{review.pair.key}  ", style="bold")
        console.print(head.append_text(summary_text(review.findings, len(review.ignored))))
        for finding in review.findings:
            console.print(Text("  ").append_text(finding_line(finding)), soft_wrap=True)
            if finding.detail:
                console.print(Text(f"      {finding.detail}", style="dim"), soft_wrap=True)
    console.print()
    total = [f for r in reviews for f in r.findings]
    ignored = sum(len(r.ignored) for r in reviews)
    line = Text(f"{len(reviews)} pairs · {clean} without findings · ")
    console.print(line.append_text(summary_text(total, ignored)))
    by_code = Counter(f.code for f in total)
    if by_code:
        console.print(
            Text("  " + " · ".join(f"{code} {n}" for code, n in sorted(by_code.items())), "dim")
        )
