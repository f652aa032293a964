"""Bodies that end inside a block quote without a line end, where markdown-it-py's block
rules index past the end of the text (content/markdown.py): every command reads them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import git, run_cli
from sastra.content.markdown import commonmark, parse
from sastra.render.markdown import RenderEnv, render_markdown
from sastra.tracking.fingerprint import display_text, markdown_blocks

# (found by a fuzzer over Markdown fragments: 2 crashes in 300,000 bodies, both these)
ENDS_IN_A_QUOTE = "ក្រសួង។\n\n> - <!--\n>"


@pytest.mark.parametrize("body", [ENDS_IN_A_QUOTE, "> 1. <!--\n> "])
def test_a_body_that_ends_inside_a_quote_parses_as_with_a_line_end(body: str) -> None:
    md = commonmark()
    assert parse(md, body) == md.parse(body + "\n")


def test_what_the_fingerprint_and_the_renderer_read_of_it() -> None:
    shown = [(line, display_text(raw)) for line, raw in markdown_blocks(ENDS_IN_A_QUOTE)]
    assert shown == [(0, "ក្រសួង។"), (2, "<!--")]
    env = RenderEnv(resolve=lambda src: (src, None), first_line=0)
    assert render_markdown(ENDS_IN_A_QUOTE, env) == (
        "<p>ក្រសួង។</p>\n<blockquote>\n<ul>\n<li>\n<p>&lt;!--</p>\n</li>\n</ul>\n</blockquote>\n"
    )


def test_a_body_with_a_line_end_is_parsed_as_it_is() -> None:
    md = commonmark()
    body = "> quoted\n>"  # no crash: not parsed twice, and no line end is added
    assert [t.map for t in parse(md, body)] == [t.map for t in md.parse(body)]


def test_build_status_and_review_read_a_page_that_ends_inside_a_quote(
    make_site,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    root: Path = make_site(
        {
            "content/km/news/a.md": "---\ntitle: ទឹក\n---\n\n" + ENDS_IN_A_QUOTE,
            "content/en/news/a.md": "---\ntitle: Water\n---\n\nThe ministry.\n\n> - <!--\n>",
        },
        config='languages = ["km", "en"]\nsource_language = "km"\n',
        git_init=True,
    )
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Both versions")
    monkeypatch.chdir(root)
    built = run_cli("build")
    assert built.exit_code == 0, built.output
    page = (root / "_site" / "km" / "news" / "a" / "index.html").read_text("utf-8")
    assert "<blockquote>\n<ul>\n<li>\n<p>&lt;!--</p>" in page
    status = run_cli("status")
    assert status.exit_code == 0 and "en 1/1 up to date" in status.output, status.output
    review = run_cli("review", "--all")
    assert review.exit_code == 0, review.output
    assert os.path.isfile(root / "_site" / "en" / "news" / "a" / "index.html")
    assert "1 pairs · 1 without findings · no findings" in review.output
