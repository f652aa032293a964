"""Team histories, as bash scripts a helper session wrote while playing a team against
the cache (tests/fixtures/histories/): each makes a site in git, runs Sastra, makes
more commits, and compares what a warm run prints (its cache from before those commits)
with what a cold copy prints. Each printed DIFFERENT before its fix:

- moved-through-four-folders: a translation drafted in a folder moved three times before
  it reached the content; a history read on from a cached one followed one move more;
- renamed-from-two-names-on-two-branches: a source with two old names, whose order came
  from the order git listed the renames in;
- renamed-on-two-branches-clock-skew: the renamed-source note picked the newest rename
  two at a time, which is no order when committer dates run backwards;
- range-with-clock-skew: ``git log OLD..NEW`` listed some of OLD's own commits, and the
  cached history held them twice.
- updated-date-after-a-merge: the built page's "the original was updated on" date was the
  first of the source's changes as listed, which can be a side branch's edit the merge
  did not keep (now the commit that gave the source its content at HEAD).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HISTORIES = sorted((Path(__file__).parent / "fixtures" / "histories").glob("*.sh"))


@pytest.mark.parametrize("script", HISTORIES, ids=[p.stem for p in HISTORIES])
def test_a_warm_run_prints_what_a_cold_one_does(script: Path, tmp_path: Path) -> None:
    env = {**os.environ, "I18N": f"{sys.executable} -m sastra", "PY": sys.executable}
    done = subprocess.run(
        ["bash", str(script), str(tmp_path)], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    verdicts = [line for line in done.stdout.splitlines() if line.endswith(("SAME", "DIFFERENT"))]
    assert verdicts and all(line.endswith("SAME") for line in verdicts), done.stdout


def test_every_history_is_run() -> None:
    assert len(HISTORIES) == 5
