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


def diff_html(diff: str) -> str:
    """A unified diff as ``<pre class="diff">``, added lines ``.add``, removed ``.del``."""
    lines = []
    for line in diff.splitlines():
        css = "add" if line.startswith("+") else "del" if line.startswith("-") else ""
        shown = escape(line)
        lines.append(f'<span class="{css}">{shown}</span>' if css else shown)
    return '<pre class="diff">' + "\n".join(lines) + "</pre>"
