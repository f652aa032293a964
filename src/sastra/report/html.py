"""Pieces every standalone HTML view shares: the page head and a coloured diff."""

from __future__ import annotations

import base64
from functools import cache
from html import escape

from sastra.render.assets import font_files

FONT_PATH = "/__sastra/fonts/NotoSansKhmer.ttf"
"""Where ``i18n serve`` serves the bundled Khmer font to its own pages."""


@cache
def _font_data_url() -> str | None:
    found = font_files()
    if found is None:
        return None
    kind = "woff2" if found[0].suffix == ".woff2" else "ttf"
    data = base64.b64encode(found[0].read_bytes()).decode("ascii")
    return f"data:font/{kind};base64,{data}"


def font_face(url: str | None = None) -> str:
    """The ``@font-face`` rule of the bundled Noto Sans Khmer (``fontpkg-noto-sans-khmer``),
    as the built site declares it: from ``url``, or embedded in the page (a ``data:`` URL)
    when ``url`` is ``None``, so a page written to disk shows Khmer offline. Empty when the
    font package is not installed (the page then falls back to the system's fonts)."""
    source = url if url is not None else _font_data_url()
    if source is None:
        return ""
    fmt = (
        "woff2" if source.endswith(".woff2") or source.startswith("data:font/woff2") else "truetype"
    )
    return (
        '@font-face { font-family: "Noto Sans Khmer"; '
        f'src: url("{source}") format("{fmt}"); font-weight: 100 900; '
        "font-stretch: 62.5% 100%; font-display: swap; }\n"
    )


def page_start(title: str, style: str, lang: str = "en") -> list[str]:
    """The lines that open a standalone page: doctype, head with inline CSS, ``<body>``."""
    return [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
    ]


DIFF_STYLE = """
pre.diff { white-space: pre-wrap; }
pre.diff .add, pre.diff .del { display: inline-block; padding-left: 1ch; text-indent: -1ch; }
pre.diff .chg { font-weight: bold; border-radius: 2px; }
pre.diff .add .chg { background: #c8e6c9; } pre.diff .del .chg { background: #ffcdd2; }
"""
"""What :func:`diff_html` needs in a page's style sheet: lines wrap under their own
mark, and the changed words stand out."""


def diff_html(diff: str) -> str:
    """A unified diff as ``<pre class="diff">``, added lines ``.add``, removed ``.del``,
    the words that changed inside a paragraph ``.chg`` (see :mod:`sastra.report.diffview`)."""
    from sastra.report.diffview import diff_lines

    lines = []
    for line in diff_lines(diff):
        mark = "" if line.mark in "@ " else line.mark
        shown = "".join(
            f'<span class="chg">{escape(piece)}</span>' if changed else escape(piece)
            for piece, changed in line.parts
        )
        if line.mark == " ":
            shown = " " + shown
        css = {"+": "add", "-": "del"}.get(line.mark)
        lines.append(f'<span class="{css}">{mark}{shown}</span>' if css else shown)
    return '<pre class="diff">' + "\n".join(lines) + "</pre>"
