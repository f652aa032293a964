"""``i18n review --all`` on the pairs a ministry reviewer met on a bilingual news site (Khmer
source, English translation): each test is one of the tester's reports, with the exact
findings review must give (and not give)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpers import article, run_cli

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n\n[tracking]\ngit = false\n'
MakeSite = Callable[..., Path]


def findings(make_site: MakeSite, files: dict[str, str], *flags: str) -> tuple[list[str], int]:
    """The finding lines of ``i18n review --all`` (stripped) and its exit code."""
    root = make_site(files, CONFIG)
    result = run_cli("review", "--all", "--root", str(root), *flags)
    lines = [line.strip() for line in result.stdout.splitlines()]
    return [line for line in lines if line.startswith("content/")], result.exit_code


def test_a_link_whose_text_is_a_domain_name_is_not_english_text(make_site: MakeSite) -> None:
    files = {
        "content/km/news/library.md": article(
            "ក្រសួងដាក់ឱ្យប្រើប្រាស់បណ្ណាល័យឌីជីថល",
            "សិស្សអាចចូលប្រើតាមគេហទំព័រ [library.moeys.gov.kh](https://library.moeys.gov.kh) "
            "ចាប់ពីម៉ោង ៦:០០ ព្រឹក។",
            date="2025-09-15",
        ),
        "content/en/news/library.md": article(
            "Ministry launches a digital library",
            "Students can use it at [library.moeys.gov.kh](https://library.moeys.gov.kh) "
            "from 6:00 a.m.",
            date="2025-09-15",
        ),
    }

    assert findings(make_site, files, "--check") == ([], 0)
