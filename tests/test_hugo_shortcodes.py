"""Hugo shortcodes on a Hugo site: a ``ref``/``relref`` is a link to the page Sastra
builds, any other shortcode is left out with one warning for the site (what it wraps
is shown), and neither the fingerprint nor review reads a shortcode's arguments as prose."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import MakeSite, commit_at, run_cli
from sastra.content.shortcodes import Shortcode, shortcodes, without_shortcodes
from sastra.tracking.fingerprint import text_fingerprint


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ('[a]({{< ref "news/x.md" >}})', [Shortcode(4, 27, "ref", positional=("news/x.md",))]),
        (
            '{{% relref path="/about#team" lang="km" %}}',
            [Shortcode(0, 43, "relref", named=(("path", "/about#team"), ("lang", "km")))],
        ),
        (
            "{{< notice warning >}}\nText.\n{{< /notice >}}",
            [
                Shortcode(0, 22, "notice", positional=("warning",)),
                Shortcode(29, 44, "notice", closing=True),
            ],
        ),
        (
            '{{< figure src=/img/a.png caption="Open \\"day\\"" />}}',
            [Shortcode(0, 53, "figure", named=(("src", "/img/a.png"), ("caption", 'Open "day"')))],
        ),
        ("{{<youtube w7Ft2ymGmfc>}}", [Shortcode(0, 25, "youtube", positional=("w7Ft2ymGmfc",))]),
        (
            '{{</* ref "x.md" */>}}',
            [Shortcode(0, 22, "", literal='{{< ref "x.md" >}}')],
        ),
        # not shortcodes: Hugo template actions, a tag never closed
        ("{{ .Title }} and {{ range .Pages }}", []),
        ("{{< ref 'x.md'", []),
    ],
)
def test_shortcodes_as_hugo_reads_them(body: str, found: list[Shortcode]) -> None:
    assert shortcodes(body) == found


def test_a_body_read_without_its_shortcodes_keeps_its_lines() -> None:
    body = (
        'Read [results]({{< ref "news/exam-results 2025.md" >}}).\n'
        "\n"
        "{{< notice >}}\n"
        "The hall opens in {{< param year >}} May.\n"
        "{{< /notice >}}\n"
        '{{< figure src="a.png"\n    caption="2025" >}}\n'
        'Write {{</* ref "x.md" */>}} to link.\n'
    )

    assert without_shortcodes(body).split("\n") == [
        "Read [results](hugo-ref:news/exam-results%202025.md).",
        "",
        "",
        "The hall opens in  May.",
        "",
        "",
        "",
        'Write {{< ref "x.md" >}} to link.',
        "",
    ]


# Fingerprints are stored in users' files: a body without shortcodes keeps the value it
# had before shortcodes were read (these were computed before).
@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Hugo templates",
            "Write {{ .Title }} in a layout, not in content.\n\n"
            "```go-html-template\n{{ range .Pages }}{{ .Title }}{{ end }}\n```\n",
            "4e3a256a5dc5d9b4",
        ),
        ("ក្រសួង", "ប្រជុំ {{< ឆ្នាំ ២០២៥\n\nSee {{% not closed\n", "a48728552702b6c1"),
        (
            "School",
            "New school.\n\nRead more: [results](/en/news/exam-results-2025/)\n",
            "7848bdd5730c79c6",
        ),
        # a shortcode's arguments are not text: a ref is a link like the one above
        (
            "School",
            'New school.\n\nRead more: [results]({{< ref "news/exam-results-2025.md" >}})\n',
            "7848bdd5730c79c6",
        ),
    ],
)
def test_fingerprints_without_shortcodes_are_unchanged(
    title: str, body: str, expected: str
) -> None:
    assert text_fingerprint({"title": title}, body, ["title"]) == expected


HUGO_TOML = """defaultContentLanguage = "km"
[languages.km]
contentDir = "content/km"
[languages.en]
contentDir = "content/en"
"""


def _hugo_site(make_site: MakeSite, en_school: str) -> Path:
    root = make_site(
        {
            "hugo.toml": HUGO_TOML,
            "content/km/news/exam-results-2025.md": (
                '---\ntitle: "លទ្ធផល"\ndate: 2026-01-12\n---\nលទ្ធផលប្រឡង។\n'
            ),
            "content/en/news/exam-results-2025.md": (
                '---\ntitle: "Results"\ndate: 2026-01-12\n---\nExam results.\n'
            ),
            "content/km/news/school.md": (
                '---\ntitle: "សាលា"\ndate: 2026-01-13\n---\nសាលាថ្មី។\n\n'
                "អានបន្ថែម៖ [លទ្ធផល](/km/news/exam-results-2025/)\n"
            ),
            "content/en/news/school.md": en_school,
        },
        git_init=True,
    )
    commit_at(root, "news in both languages", "2026-01-14T09:00:00+07:00")
    return root


def _body(root: Path, page: str) -> str:
    html = (root / "_site" / page / "index.html").read_text("utf-8")
    found = re.search(r'<div class="body">\n(.*?)\n\s*</div>', html, re.DOTALL)
    assert found is not None
    return found.group(1).strip()


@pytest.mark.parametrize(
    "link",
    [
        '{{< ref "news/exam-results-2025.md" >}}',
        '{{< relref "/news/exam-results-2025" >}}',
        '{{% ref "exam-results-2025" %}}',  # from the page's own folder
        '{{< ref path="news/exam-results-2025.md" >}}',
    ],
)
def test_a_ref_is_a_link_to_the_built_page_and_review_agrees(
    make_site: MakeSite, link: str
) -> None:
    en_school = (
        '---\ntitle: "School"\ndate: 2026-01-13\n---\nNew school.\n\n'
        f"Read more: [results]({link})\n"
    )
    root = _hugo_site(make_site, en_school)

    build = run_cli("build", "--root", str(root))
    review = run_cli("review", "news/school", "--root", str(root))

    assert build.exit_code == 0, build.stderr
    assert "shortcode" not in build.stderr
    assert _body(root, "en/news/school") == (
        '<p>New school.</p>\n<p>Read more: <a href="../exam-results-2025/">results</a></p>'
    )
    assert (review.exit_code, review.stdout.splitlines()[0]) == (0, "news/school  no findings")


def test_a_ref_to_another_language_and_an_anchor(make_site: MakeSite) -> None:
    en_school = (
        '---\ntitle: "School"\ndate: 2026-01-13\n---\nNew school.\n\n'
        'Read more: [results]({{< ref path="news/exam-results-2025.md#grades" lang="km" >}})\n'
    )
    root = _hugo_site(make_site, en_school)

    build = run_cli("build", "--root", str(root))

    assert build.exit_code == 0, build.stderr
    assert _body(root, "en/news/school") == (
        '<p>New school.</p>\n<p>Read more: <a href="../../../km/news/exam-results-2025/#grades">'
        "results</a></p>"
    )


def test_a_ref_to_a_page_the_site_does_not_build_is_one_warning(make_site: MakeSite) -> None:
    en_school = (
        '---\ntitle: "School"\ndate: 2026-01-13\n---\nNew school.\n\n'
        'Read more: [results]({{< ref "news/exam-results-2024.md" >}})\n'
    )
    root = _hugo_site(make_site, en_school)

    build = run_cli("build", "--root", str(root))

    assert build.exit_code == 0, build.stderr
    assert [line for line in build.stderr.splitlines() if "ref" in line] == [
        "content/en/news/school.md:7: warning: "
        "ref to a page this site does not build: news/exam-results-2024.md"
    ]


def test_other_shortcodes_are_left_out_with_one_warning_and_no_finding(
    make_site: MakeSite,
) -> None:
    en_school = (
        '---\ntitle: "School"\ndate: 2026-01-13\n---\nNew school.\n\n'
        "{{% notice info %}}\n"
        "Read more: [results](/en/news/exam-results-2025/)\n"
        "{{% /notice %}}\n\n"
        '{{< figure src="/img/hall-2025.png" caption="The hall, 2025" >}}\n'
    )
    root = _hugo_site(make_site, en_school)
    (root / "content/en/news/exam-results-2025.md").write_text(
        '---\ntitle: "Results"\ndate: 2026-01-12\n---\nExam results.\n\n'
        '{{< youtube id="w7Ft2ymGmfc" title="Results day 2025" >}}\n',
        "utf-8",
    )
    commit_at(root, "results: the video", "2026-01-15T09:00:00+07:00")

    build = run_cli("build", "--root", str(root))
    review = run_cli("review", "--all", "--root", str(root))

    assert build.exit_code == 0, build.stderr
    assert [line for line in build.stderr.splitlines() if "shortcode" in line] == [
        "content/en/news/exam-results-2025.md:7: warning: Hugo shortcodes {{< youtube >}}, "
        "{{< notice >}}, {{< figure >}} left out, what they wrap shown (and on 1 more page): "
        "the build does not run Hugo's templates"
    ]
    assert _body(root, "en/news/school") == (
        '<p>New school.</p>\n<p>Read more: <a href="/en/news/exam-results-2025/">results</a></p>'
    )
    assert "numbers-mismatch" not in review.stdout


SHORTCODE_SOURCE = (
    "---\ntitle: លទ្ធផលប្រឡង\n---\n\nលទ្ធផលប្រឡងឆ្នាំ២០២៥ មាននៅ"
    '[ទីនេះ]({{< ref "news/exam-results-2025.md" >}})។\n\n'
    '{{< figure src="/img/a.png" caption="សិស្ស" >}}\n'
)
V1_FINGERPRINT = "dbbd63a91b4b53c2"
"""Its fingerprint by Sastra before it read shortcodes (computed at 21711e1), as an
``l10n.source_hash`` written then holds it."""


@pytest.mark.parametrize(
    ("recorded", "state"),
    [
        (V1_FINGERPRINT, "up_to_date"),  # stored by an older Sastra: still valid
        ("2cf663faf4d71914", "up_to_date"),  # stored now
        ("0123456789abcdef", "stale"),
    ],
)
def test_a_source_hash_stored_before_shortcodes_were_read_stays_valid(
    make_site: MakeSite, recorded: str, state: str
) -> None:
    root = make_site(
        {
            "content/km/news/school.md": SHORTCODE_SOURCE,
            "content/en/news/school.md": "---\ntitle: Exam results\nl10n:\n  source: km\n"
            f"  source_hash: {recorded}\n---\n\nThe 2025 results are here.\n",
        },
        'languages = ["km", "en"]\nsource_language = "km"\n[tracking]\ngit = false\n',
    )
    doc = json.loads(run_cli("status", "--root", str(root), "--format", "json").stdout)
    (school,) = doc["articles"]
    assert school["versions"]["en"]["state"] == state
