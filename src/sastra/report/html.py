"""Pieces every standalone HTML view shares: the page head and a coloured diff."""

from __future__ import annotations

from html import escape


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
