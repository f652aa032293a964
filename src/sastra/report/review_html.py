"""The HTML views of ``i18n review``: one standalone page per pair, and an index.

Each page carries its own style sheet and the bundled Noto Sans Khmer (embedded, or
from ``i18n serve``), no script and no external URL, so it shows Khmer and works
offline, from a file (``i18n review KEY --html FILE``) or under ``i18n serve``, and
under any content security policy. Every string from the site is escaped. Elements
carry ``data-`` attributes (``data-code``, ``data-severity``, ``data-lang``,
``data-paragraph``) so that tests and scripts can read the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from urllib.parse import quote

from sastra.model import Key, Severity
from sastra.report.html import DIFF_STYLE, diff_html, font_face, page_start
from sastra.report.review import counts
from sastra.review.layout import Cell, Layout, layout
from sastra.review.model import Finding, PairReview

_STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, "Noto Sans Khmer", "Khmer OS", sans-serif; line-height: 1.6;
       margin: 1.5rem auto; max-width: 90rem; padding: 0 1rem; color: #1b1b1b; }
:lang(km) { font-family: "Noto Sans Khmer", "Khmer OS Siemreap", "Khmer OS", sans-serif;
            line-height: 1.9; }
h1 { font-size: 1.4rem; margin: .25rem 0; }
nav a, a { color: #0b57d0; }
.summary span { margin-right: .8rem; }
.error { color: #b3261e; } .warning { color: #8a5a00; } .info { color: #0b6e99; }
.ok { color: #1e7a34; } .muted { color: #666; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem;
         border-bottom: 1px solid #ddd; overflow-wrap: anywhere; }
th { background: #f4f4f4; position: sticky; top: 0; }
td.gutter, th.gutter { width: 3.2rem; color: #666; font-size: .8em; }
tr.weak td.gutter { color: #b3261e; }
.cell + .cell { border-top: 1px dashed #ccc; margin-top: .4rem; padding-top: .4rem; }
.where { color: #666; font-size: .8em; font-family: ui-monospace, monospace; }
.cell p { margin: .2rem 0; }
td.has-error { background: #fdf0ef; } td.has-warning { background: #fff8e6; }
ul.findings, ul.images, ol.general { margin: .3rem 0; padding-left: 1.2rem; }
ul.findings li, ol.general li { font-size: .9em; }
ul.images li { font-family: ui-monospace, monospace; font-size: .8em; color: #333; }
code { font-size: .9em; }
.detail { color: #555; }
pre.diff { background: #f7f7f7; padding: .6rem; overflow-x: auto; font-size: .85em; }
pre.diff .add { color: #1b5e20; } pre.diff .del { color: #b71c1c; }
"""
_WORD = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def _head(title: str, font_url: str | None) -> list[str]:
    return page_start(title, font_face(font_url) + _STYLE + DIFF_STYLE)


def _counted(severity: Severity, count: int) -> str:
    """``errors``/``warnings`` with the right number (``1 warning``); ``info`` never changes."""
    word = _WORD[severity]
    return word[:-1] if count == 1 and word.endswith("s") else word


def _summary(review_counts: dict[str, int], accepted: int) -> str:
    parts = [
        f'<span class="{s.value}" data-severity="{s.value}">{review_counts[s.value]} '
        f"{_counted(s, review_counts[s.value])}</span>"
        for s in Severity
    ]
    if accepted:
        parts.append(f'<span class="muted">{accepted} accepted</span>')
    return '<p class="summary">' + "".join(parts) + "</p>"


def _finding(finding: Finding, *, where: bool, cell_ids: set[str]) -> str:
    severity = finding.severity.value
    code = escape(finding.code)
    parts = [f'<li class="{severity}" data-code="{code}" data-severity="{severity}">']
    if where:
        target = _anchor(finding.lang, finding.field, finding.paragraph)
        label = escape(str(finding.location))
        if target in cell_ids:
            parts.append(f'<a class="where" href="#{target}">{label}</a> ')
        else:
            parts.append(f'<span class="where">{label}</span> ')
    parts.append(f"<strong>[{escape(finding.code)}]</strong> {escape(finding.message)}")
    if finding.other is not None:
        parts.append(f' <span class="where">↔ {escape(str(finding.other))}</span>')
    if finding.detail:
        parts.append(f'<br><span class="detail">{escape(finding.detail)}</span>')
    parts.append("</li>")
    return "".join(parts)


def _anchor(lang: str, field: str | None, paragraph: int | None) -> str:
    return f"{lang}-{field or f'p{paragraph}'}".replace(".", "-")


def _cells(cells: Sequence[Cell], cell_ids: set[str]) -> str:
    worst = {f.severity for c in cells for f in c.findings}
    css = (
        "has-error"
        if Severity.ERROR in worst
        else "has-warning"
        if Severity.WARNING in worst
        else ""
    )
    lang = cells[0].lang if cells else ""
    out = [f'<td class="{css}" lang="{escape(lang)}">' if lang else "<td>"]
    for cell in cells:
        attrs = f'id="{escape(cell.anchor)}" data-lang="{escape(cell.lang)}"'
        if cell.paragraph is not None:
            attrs += f' data-paragraph="{cell.paragraph}"'
        else:
            attrs += f' data-field="{escape(cell.field or "")}"'
        out.append(f'<div class="cell" {attrs}>')
        out.append(f'<div class="where" lang="en">{escape(cell.label)} · line {cell.line}</div>')
        out.append(f"<p>{escape(cell.text)}</p>")
        if cell.images:
            out.append('<ul class="images" lang="en">')
            out.extend(f"<li>{escape(m.target)}</li>" for m in cell.images)
            out.append("</ul>")
        if cell.findings:
            out.append('<ul class="findings" lang="en">')
            out.extend(_finding(f, where=False, cell_ids=cell_ids) for f in cell.findings)
            out.append("</ul>")
        out.append("</div>")
    out.append("</td>")
    return "".join(out)


def review_html(
    review: PairReview, *, index_href: str | None = None, font_url: str | None = None
) -> str:
    """The standalone side-by-side page of one pair.

    ``index_href`` is the URL of the review index (a link back to it is shown when given).
    The bundled Khmer font is loaded from ``font_url``, or embedded in the page when
    ``None`` (:func:`sastra.report.html.font_face`).
    """
    view: Layout = layout(review)
    key = str(review.pair.key)
    cell_ids = {c.anchor for row in view.rows for c in (*row.left, *row.right)}
    parts = _head(f"Review · {key}", font_url)
    if index_href is not None:
        parts.append(f'<nav><a href="{escape(index_href)}">All reviews</a></nav>')
    parts.append(f"<h1>{escape(key)}</h1>")
    parts.append(_summary(counts([review]), len(review.ignored)))
    parts.append(f'<section id="findings" data-count="{len(review.findings)}">')
    if review.findings:
        parts.append("<h2>Findings</h2>")
        parts.append('<ol class="general">')
        parts.extend(_finding(f, where=True, cell_ids=cell_ids) for f in review.findings)
        parts.append("</ol>")
    else:
        parts.append('<p class="ok">No findings.</p>')
    parts.append("</section>")
    parts.append('<h2>Side by side</h2><table id="side-by-side"><thead><tr>')
    parts.append('<th class="gutter">row</th>')
    for lang in (view.left, view.right):
        if lang is not None:
            parts.append(
                f'<th data-lang="{escape(lang)}">{escape(lang)} '
                f"<code>{escape(view.paths[lang])}</code></th>"
            )
    parts.append("</tr></thead><tbody>")
    for number, row in enumerate(view.rows, 1):
        weak = ' class="weak"' if row.score < 0.2 and row.left and row.right else ""
        title = f"alignment {row.score:.2f}" if row.left and row.right else "unaligned"
        parts.append(f'<tr{weak}><td class="gutter" title="{title}">{number}</td>')
        parts.append(_cells(row.left, cell_ids))
        if view.right is not None:
            parts.append(_cells(row.right, cell_ids))
        parts.append("</tr>")
    parts.append("</tbody></table>")
    for finding in review.findings:
        if finding.diff:
            parts.append(f"<h2>Changes to the {escape(review.left)} source since the baseline</h2>")
            parts.append(diff_html(finding.diff))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _default_href(key: Key) -> str:
    return quote(str(key), safe="/")


def review_index_html(
    reviews: Sequence[PairReview],
    *,
    href: Callable[[Key], str] | None = None,
    root: str = "",
    font_url: str | None = None,
) -> str:
    """The index of every pair with its finding counts, each key linking to its page.

    ``href`` maps a key to its page's URL (default: the key, percent-encoded, relative).
    """
    link = href or _default_href
    parts = _head("Review", font_url)
    parts.append("<h1>Review</h1>")
    if root:
        parts.append(f'<p class="muted"><code>{escape(root)}</code></p>')
    parts.append(_summary(counts(reviews), sum(len(r.ignored) for r in reviews)))
    parts.append('<table id="pairs"><thead><tr><th>article</th><th>versions</th>')
    parts.extend(f'<th class="{s.value}">{_WORD[s]}</th>' for s in Severity)
    parts.append("<th>top findings</th></tr></thead><tbody>")
    for review in reviews:
        tally = counts([review])
        codes: dict[str, int] = {}
        for finding in review.findings:
            codes[finding.code] = codes.get(finding.code, 0) + 1
        top = ", ".join(f"{code} ×{n}" for code, n in sorted(codes.items(), key=lambda c: -c[1]))
        langs = " ↔ ".join(review.pair.versions)
        parts.append(
            f'<tr data-key="{escape(str(review.pair.key))}" data-errors="{tally["error"]}">'
            f'<td><a href="{escape(link(review.pair.key))}">{escape(str(review.pair.key))}</a>'
            f"</td><td>{escape(langs)}</td>"
            + "".join(
                f'<td class="{s.value if tally[s.value] else "muted"}">{tally[s.value]}</td>'
                for s in Severity
            )
            + f"<td>{escape(top)}</td></tr>"
        )
    parts.append("</tbody></table></body></html>")
    return "\n".join(parts) + "\n"
