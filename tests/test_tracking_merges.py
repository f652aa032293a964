"""The line merge and the merge bases behind "a clean merge is not a sync"
(:mod:`sastra.tracking.merges`): exact merges of small texts, and merge bases equal to
``git merge-base --all`` on every pair of commits of a criss-cross history."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from githist import Repo
from sastra.tracking.history import GitHistory
from sastra.tracking.merges import merge3, merge_bases

LINES = "title\n\none\n\ntwo\n\nthree\n"


@pytest.mark.parametrize(
    ("base", "ours", "theirs", "merged"),
    [
        # edits of lines an unchanged line apart: both taken
        (LINES, "title\n\nONE\n\ntwo\n\nthree\n", "title\n\none\n\ntwo\n\nTHREE\n",
         "title\n\nONE\n\ntwo\n\nTHREE\n"),
        # the same edit on both sides: once
        (LINES, "title\n\nONE\n\ntwo\n\nthree\n", "title\n\nONE\n\ntwo\n\nthree\n",
         "title\n\nONE\n\ntwo\n\nthree\n"),
        (LINES, "title\n\nONE\n\ntwo\n\nthree\n", "title\n\nONE\n\ntwo\n\nTHREE\n",
         "title\n\nONE\n\ntwo\n\nTHREE\n"),
        # one side only
        (LINES, LINES, "title\n\none\n\nthree\n", "title\n\none\n\nthree\n"),
        # lines next to each other (where git stops on a conflict): both edits taken
        ("a\nb\nc\n", "A\nb\nc\n", "a\nB\nc\n", "A\nB\nc\n"),
        ("a\nb\n", "A\nb\n", "a\nx\nb\n", "A\nx\nb\n"),
        ("a\nb\n", "x\na\nb\n", "A\nb\n", "x\nA\nb\n"),
        # one line edited two ways; two insertions at one place: conflicts
        (LINES, "title\n\nONE\n\ntwo\n\nthree\n", "title\n\nOne\n\ntwo\n\nthree\n", None),
        (LINES, LINES + "\nfour\n", LINES + "\nfive\n", None),
        ("a\nb\nc\nd\n", "a\nb\nx\nc\nd\n", "a\nB\nd\n", None),  # inserted inside an edit
        # a line deleted on one side, edited on the other
        (LINES, "title\n\n\ntwo\n\nthree\n", "title\n\nONE\n\ntwo\n\nthree\n", None),
        # no newline at the end
        (LINES, LINES.rstrip("\n"), "TITLE\n\none\n\ntwo\n\nthree\n",
         "TITLE\n\none\n\ntwo\n\nthree"),
        # a file added on both sides (no base)
        ("", "a\n", "a\n", "a\n"),
        ("", "a\n", "b\n", None),
    ],
)  # fmt: skip
def test_the_line_merge(base: str, ours: str, theirs: str, merged: str | None) -> None:
    found = merge3(base.encode(), ours.encode(), theirs.encode())
    assert found == (merged.encode() if merged is not None else None)
    assert merge3(base.encode(), theirs.encode(), ours.encode()) == found


def test_merge_bases_are_git_s(tmp_path: Path) -> None:
    """A criss-cross (two branches merge each other, then edit on and land), then an
    octopus of three branches: every pair of commits has git's merge bases."""
    r = Repo(tmp_path / "site", "km")
    r.start()
    for name in ("a", "b"):
        r.checkout("main")
        r.branch(name)
        r.commit(f"{name}1")
    r.checkout("a")
    assert r.merge("b~0")
    r.checkout("b")
    assert r.merge("a~1")
    for name in ("a", "b"):
        r.checkout(name)
        r.commit(f"{name}2")
    r.checkout("main")
    assert r.merge("a") and r.merge("b")
    assert len(r.git("merge-base", "--all", "HEAD^1", "HEAD^2").split()) == 2
    for name in ("c", "d", "e"):
        r.checkout("main")
        r.branch(name)
        r.commit(f"{name}1")
    r.checkout("main")
    r.commit("main goes on")
    assert r.merge("c", "d", "e")
    history = GitHistory.load(r.root, [r.root / "content"])
    assert history is not None
    commits = [sha for sha, _ in history.commits]
    assert sorted(commits) == sorted(r.git("rev-list", "HEAD").split())
    assert len(commits) == 14
    for one, two in itertools.combinations(range(len(commits)), 2):
        found = sorted(commits[i] for i in merge_bases(history.parents, [one], [two]))
        expected = r.git("merge-base", "--all", commits[one], commits[two]).split()
        assert found == sorted(expected)
    octopus = history.parents[0]
    assert len(octopus) == 4
    for n in range(1, 4):  # git's octopus: each head against those merged before it
        heads = [commits[i] for i in octopus[: n + 1]]
        expected = r.git("merge-base", "--all", heads[-1], *heads[:-1]).split()
        found = merge_bases(history.parents, octopus[:n], octopus[n : n + 1])
        assert sorted(commits[i] for i in found) == sorted(expected)
