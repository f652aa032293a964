"""The side-by-side view of ``i18n review KEY`` as a reader sees it in a terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import MakeSite, article, run_cli

KM_LONG = "កំពត៖ សិស្សានុសិស្សបានចូលរួមប្រកួតកីឡា ហើយបានលើកទឹកចិត្តឱ្យសិស្សយកចិត្តទុកដាក់ត្រៀមប្រឡងសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិ។\n"


def test_a_long_khmer_run_wraps_between_clusters_never_inside_one(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    root: Path = make_site(
        {
            "content/km/news/sports.md": article("កីឡា", KM_LONG, date="2025-03-23"),
            "content/en/news/sports.md": article(
                "Sports",
                "Kampot – Students took part and were told to prepare.\n",
                date="2025-03-23",
            ),
        }
    )
    for width in (60, 80, 100):
        monkeypatch.setenv("COLUMNS", str(width))
        result = run_cli("review", "news/sports", "--root", str(root))
        lines = result.stdout.splitlines()
        khmer = [line for line in lines if re.search("[\u1780-\u17ff]", line)]
        assert khmer, result.stdout
        # no line of the Khmer column ends on a coeng or starts with a dependent sign
        for line in khmer:
            left = re.split(r"\s{3,}", line.strip())[0]
            assert not left.endswith("\u17d2"), line
            assert not "\u17b4" <= left[0] <= "\u17d3", line
