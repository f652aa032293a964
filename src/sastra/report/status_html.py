"""The HTML view of ``i18n status``: one standalone page, served by ``i18n serve`` and
written by ``i18n status --format html`` (the dashboard a team publishes from CI).

The page carries its own style sheet, no script and no external URL, so it works
offline, from ``file://`` and under any content security policy; the dashboard also
embeds the bundled Noto Sans Khmer font as a ``data:`` URL. Every string that comes
from the site (paths, keys, diffs) is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from sastra.model import ArticleStatus, Key, SiteStatus, State, VersionStatus
from sastra.report.html import DIFF_STYLE, diff_html, font_face, page_start
from sastra.report.status import STATE_ORDER, STATE_TITLES, describe_changes, progress_line

_STYLE = """
body { font-family: "Noto Sans Khmer", "Khmer OS", system-ui, sans-serif; line-height: 1.6;
       margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.root { color: #555; font-family: monospace; margin-top: 0; }
ul.progress { list-style: none; padding: 0; }
.bar { display: inline-block; width: 10rem; height: .7rem; background: #eee;
       border-radius: .35rem; overflow: hidden; vertical-align: middle; margin-right: .5rem; }
.bar span { display: block; height: 100%; background: #2e7d32; }
.minor { color: #555; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .6rem;
         border-bottom: 1px solid #ddd; }
th { background: #f4f4f4; }
td.lang, td.key { white-space: nowrap; }
code { font-size: .9em; }
pre.diff { background: #f7f7f7; padding: .5rem; overflow-x: auto; font-size: .85em;
           margin: .3rem 0; }
pre.diff .add { color: #1b5e20; } pre.diff .del { color: #b71c1c; }
.empty { color: #555; }
h2.stale { color: #9a6700; } h2.missing { color: #c62828; }
h2.untracked { color: #8e24aa; } h2.up_to_date { color: #2e7d32; }
h2.in_progress { color: #00838f; } h2.unknown { color: #6d4c41; }
"""


def status_html(
    status: SiteStatus,
    *,
    root: str,
    review_href: Callable[[Key], str] | None = None,
    title: str = "Translation status",
    font_url: str | None = None,
) -> str:
    """The whole status page as a string.

    ``review_href`` maps an article key to the URL of its review page; when given,
    every key links there. The bundled Khmer font is loaded from ``font_url``, or
    embedded in the page when ``None`` (:func:`sastra.report.html.font_face`), so the
    page shows Khmer the same offline and on a machine without a Khmer font.
    """
    summary = status.summary()
    parts = [
        *page_start(title, font_face(font_url) + _STYLE + DIFF_STYLE),
        f"<h1>{escape(title)}</h1>",
        f'<p class="root">{escape(root)}</p>',
        '<ul class="progress">',
    ]
    for lang in status.languages:
        counts = summary[lang]
        total = sum(counts.values())
        if total:
            line = progress_line(lang, counts)
            done = round(100 * counts["up_to_date"] / total)
            bar = f'<span class="bar" title="{done}%"><span style="width: {done}%"></span></span>'
        else:
            line = f"{lang}: source language of every article"
            bar = ""
        parts.append(f'<li lang="en">{bar}{escape(line)}</li>')
    parts.append("</ul>")
    rows = _rows_by_state(status.articles)
    if not any(rows.values()):
        parts.append('<p class="empty">No articles.</p>')
    for state in STATE_ORDER:
        entries = rows[state]
        if not entries:
            continue
        parts.append(
            f'<h2 id="{state.value}" class="{state.value}">'
            f"{escape(STATE_TITLES[state])} ({len(entries)})</h2>"
        )
        parts.append('<table class="state">')
        parts.append("<tr><th>language</th><th>article</th><th>details</th></tr>")
        for article, version in entries:
            parts.append(_row(article, version, review_href))
        parts.append("</table>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _rows_by_state(
    articles: Iterable[ArticleStatus],
) -> dict[State, list[tuple[ArticleStatus, VersionStatus]]]:
    rows: dict[State, list[tuple[ArticleStatus, VersionStatus]]] = {s: [] for s in STATE_ORDER}
    for article in articles:
        for version in article.versions.values():
            if version.state in rows:
                rows[version.state].append((article, version))
    return rows


def _row(
    article: ArticleStatus, version: VersionStatus, review_href: Callable[[Key], str] | None
) -> str:
    key = escape(str(article.key))
    if review_href is not None:
        key = f'<a href="{escape(review_href(article.key))}">{key}</a>'
    return (
        f'<tr class="{version.state.value}"><td class="lang">{escape(version.lang)}</td>'
        f'<td class="key">{key}</td><td>{_detail(article, version)}</td></tr>'
    )


def _detail(article: ArticleStatus, version: VersionStatus) -> str:
    source = article.versions.get(article.source or "")
    source_path = escape(source.path or "") if source else ""
    path = escape(version.path or "")
    if version.state is State.MISSING:
        return f"translate from {escape(article.source or '')}: <code>{source_path}</code>"
    if version.state is State.UNTRACKED:
        return (
            f"<code>{path}</code> (source {escape(article.source or '')}: "
            f"<code>{source_path}</code>)"
        )
    if version.state is not State.STALE:
        return f"<code>{path}</code>"
    css = ' class="minor"' if version.minor else ""
    text = f"<code>{path}</code><br><span{css}>{escape(describe_changes(version))}</span>"
    if version.diff:
        text += diff_html(version.diff)
    return text
