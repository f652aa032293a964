"""`i18n status` on the bundled sample site shows every state, exactly."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import REPO, copy_sample_site, run_cli


def _states() -> dict[tuple[str, str], str]:
    result = run_cli("status", "--root", str(REPO), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    return {
        (f"{a['collection']}/{a['slug']}".lstrip("/"), lang): v["state"]
        for a in doc["articles"]
        for lang, v in a["versions"].items()
    }


def test_sample_site_shows_every_state() -> None:
    states = _states()
    assert states[("news/ctc-progress-review-2026", "km")] == "source"
    assert states[("news/ctc-progress-review-2026", "en")] == "up_to_date"
    assert states[("news/ctc-working-group-2025", "en")] == "stale"
    assert states[("news/digital-skills-training-takeo", "en")] == "missing"
    assert states[("news/postal-service-week", "km")] == "missing"
    assert states[("news/postal-service-week", "en")] == "source"
    assert states[("news/cyber-safety-workshop", "en")] == "untracked"
    assert states[("about", "en")] == "up_to_date"
    assert states[("news/mobile-signal-survey-2025", "en")] == "up_to_date"


def test_sample_json_document_shape() -> None:
    result = run_cli("status", "--root", str(REPO), "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["languages"] == ["km", "en"]
    assert doc["summary"]["en"] == {
        "up_to_date": 5, "stale": 1, "missing": 1, "untracked": 1,
        "in_progress": 0, "unknown": 0, "unreadable": 0
    }  # fmt: skip
    assert doc["summary"]["km"] == {
        "up_to_date": 0, "stale": 0, "missing": 1, "untracked": 0,
        "in_progress": 0, "unknown": 0, "unreadable": 0
    }  # fmt: skip
    stale = next(a for a in doc["articles"] if a["slug"] == "ctc-working-group-2025")
    assert stale["collection"] == "news"
    assert stale["source"] == "km"
    assert stale["versions"]["en"] == {
        "state": "stale",
        "path": "content/en/news/ctc-working-group-2025.md",
        "baseline": "frontmatter",
        "changed_paragraphs": [3, 4],
        "changed_fields": [],
        "removed_paragraphs": 0,
        "change": {  # what kind of change: added by issue 12, the rest is as it was
            "minor": False,
            "kinds": ["numbers", "edited"],
            "paragraphs": [
                {"kind": "edited", "paragraph": 3, "old_paragraph": 3, "counterpart": True},
                {"kind": "numbers", "paragraph": 4, "old_paragraph": 4},
            ],
        },
    }
    about = next(a for a in doc["articles"] if a["slug"] == "about")
    assert about["collection"] == ""


def test_sample_table_groups_by_state_with_progress() -> None:
    result = run_cli("status", "--root", str(REPO))
    out = result.stdout
    assert "en 5/8 up to date · 1 stale · 1 missing · 1 untracked" in out
    assert "km 0/1 up to date · 1 missing" in out
    assert (
        out.index("Stale") < out.index("Missing") < out.index("Untracked") < out.index("Up to date")
    )
    assert "paragraph 3 (edited), paragraph 4 (numbers)" in out


def test_sample_check_exits_1_when_work_remains() -> None:
    assert run_cli("status", "--root", str(REPO), "--check").exit_code == 1
    assert run_cli("status", "--root", str(REPO), "--check", "--lang", "km").exit_code == 1
    done = run_cli("status", "--root", str(REPO), "--check", "--collection", "news", "--lang", "xx")
    assert done.exit_code == 2
    assert "unknown language 'xx'" in done.stderr


def test_sample_diff_shows_the_changed_source_text() -> None:
    result = run_cli("status", "--root", str(REPO), "--diff")
    assert "--- content/km/news/ctc-working-group-2025.md@baseline" in result.stdout
    # the digit that changed is marked inside the paragraph (no colour: --word-diff style)
    assert "    +គួរបញ្ជាក់ថា មជ្ឈមណ្ឌលបច្ចេកវិទ្យាសហគមន៍ (CTC) មាន {+១៨+} ទីតាំង" in result.stdout
    assert "    -គួរបញ្ជាក់ថា មជ្ឈមណ្ឌលបច្ចេកវិទ្យាសហគមន៍ (CTC) មាន [-១៥-] ទីតាំង" in result.stdout


def _modules_after(*args: str) -> str:
    import subprocess
    import sys

    code = (
        "import sys\nfrom sastra.cli import cli\n"
        f"cli.main({list(args)!r}, standalone_mode=False)\n"
        "print('khmernltk' in sys.modules, 'jinja2' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return out.stdout.strip().splitlines()[-1]


def test_plain_status_loads_neither_segmenter_nor_templates() -> None:
    assert _modules_after("status", "--format", "json") == "False False"


def test_words_counts_source_words_with_the_segmenter() -> None:
    result = run_cli("status", "--root", str(REPO), "--words", "--format", "json")
    doc = json.loads(result.stdout)
    words = {a["slug"]: a["source_words"] for a in doc["articles"]}
    assert words["postal-service-week"] == 89  # English, counted by words
    assert 60 <= words["digital-skills-training-takeo"] <= 80  # Khmer, counted by the segmenter


def test_status_reports_ui_strings_per_language(tmp_path: Path) -> None:
    """Shown for a site with catalogs of its own (the sample uses the shipped ones)."""
    assert "ui_strings" not in json.loads(
        run_cli("status", "--root", str(REPO), "--format", "json").stdout
    )
    site = copy_sample_site(tmp_path)
    assert run_cli("theme", "copy", "--root", str(site)).exit_code == 0
    doc = json.loads(run_cli("status", "--root", str(site), "--format", "json").stdout)
    for lang in ("km", "en"):
        counts = doc["ui_strings"][lang]
        assert counts["untranslated"] == 0 and counts["fuzzy"] == 0 and counts["translated"] > 10
    table = run_cli("status", "--root", str(site)).stdout
    assert f"km UI strings: {doc['ui_strings']['km']['translated']} translated · 0 fuzzy" in table
