"""Random team histories (seeded): every translation's state and baseline commit from
`i18n status` equal the literal rule's (:func:`githist.reference`), whether the history
was read in one go or incrementally as HEAD moved."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from githist import Repo, reference, status, text

pytestmark = pytest.mark.slow

SOURCE_VERSIONS = ["v1", "v2", "v3"]
TRANSLATION_VERSIONS = ["v1", "v1b", "v1c", "v1d", "v2", "v3"]
PAIRS = ("a", "b")


class RandomTeam:
    """Two articles, up to four branches, and a seeded editor making moves."""

    def __init__(self, root: Path, seed: int) -> None:
        self.rng = random.Random(seed)
        self.repo = Repo(root, "km" if seed % 2 == 0 else "en")
        self.branches = ["main"]
        self.current = "main"
        self.renames = 0
        for pair in PAIRS:
            for role in ("source", "translation"):
                self._write(self._path(pair, role, "news", f"{pair}-0"), role, pair, "v1")
        self.repo.commit("two stories, in both languages")

    def _lang(self, role: str) -> str:
        return self.repo.source if role == "source" else self.repo.translation

    def _path(self, pair: str, role: str, collection: str, slug: str) -> str:
        return f"content/{self._lang(role)}/{collection}/{slug}.md"

    def where(self, pair: str, role: str) -> str:
        found = sorted((self.repo.root / "content" / self._lang(role)).rglob(f"{pair}-*.md"))
        assert len(found) == 1, found
        return found[0].relative_to(self.repo.root).as_posix()

    def _write(self, path: str, role: str, pair: str, version: str, wrap: bool = False) -> None:
        file = self.repo.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text(self._lang(role), version, wrap=wrap, tag=pair), "utf-8")

    def _random_text(self, role: str) -> tuple[str, bool]:
        pool = SOURCE_VERSIONS if role == "source" else TRANSLATION_VERSIONS
        return self.rng.choice(pool), self.rng.random() < 0.2

    def move(self) -> None:
        rng = self.rng
        choice = rng.random()
        if choice < 0.4:
            self.edit()
        elif choice < 0.5 and len(self.branches) < 4:
            name = f"b{len(self.branches)}"
            self.repo.branch(name)
            self.branches.append(name)
            self.current = name
        elif choice < 0.65:
            self.switch(rng.choice(self.branches))
        elif choice < 0.93:
            others = [b for b in self.branches if b != self.current]
            if others:
                self.merge(rng.choice(others))
        elif choice < 0.97:
            self.rename()
        else:
            parents = self.repo.git("log", "-1", "--format=%P").split()
            if len(parents) == 1:
                out = self.repo.git("revert", "--no-edit", "HEAD", check=False)
                if "error" in out.lower() or self.repo.git("status", "--porcelain"):
                    self.repo.git("revert", "--abort", check=False)

    def switch(self, branch: str) -> None:
        self.current = branch
        self.repo.checkout(branch)

    def edit(self) -> None:
        pair = self.rng.choice(PAIRS)
        roles = ["source", "translation"]
        for role in self.rng.sample(roles, self.rng.choice([1, 1, 2])):
            version, wrap = self._random_text(role)
            self._write(self.where(pair, role), role, pair, version, wrap)
        self.repo.commit(f"edit {pair}")

    def rename(self) -> None:
        pair = self.rng.choice(PAIRS)
        self.renames += 1
        collection = self.rng.choice(["news", "provinces"])
        slug = f"{pair}-{self.renames}"
        for role in ("source", "translation"):
            new = self._path(pair, role, collection, slug)
            (self.repo.root / new).parent.mkdir(parents=True, exist_ok=True)
            self.repo.git("mv", self.where(pair, role), new)
        self.repo.commit(f"rename {pair}")

    def merge(self, other: str, how: str | None = None) -> None:
        repo = self.repo
        how = how or self.rng.choice(["--no-ff", "--no-ff", "--no-ff", "--ff", "--squash"])
        if how == "--ff":
            args = ["merge", "-q", "--ff-only", other]
        else:
            args = ["merge", "-q", "--no-commit", how, other]
        subprocess.run(
            ["git", "-C", str(repo.root), *args], capture_output=True, text=True, env=repo._env()
        )
        if how == "--ff":
            return  # fast-forwarded, or refused: nothing to resolve either way
        git_dir = repo.root / ".git"
        if not (git_dir / "MERGE_HEAD").exists() and how != "--squash":
            return  # already up to date
        if how == "--squash" and not repo.git("status", "--porcelain"):
            return
        conflicted = repo.git("diff", "--name-only", "--diff-filter=U").split()
        for path in conflicted:
            if not (repo.root / path).exists():
                self._abort(how)
                return
            role = "source" if path.startswith(f"content/{repo.source}/") else "translation"
            pair = Path(path).name.split("-")[0]
            pick = self.rng.random()
            if pick < 0.35:
                repo.git("checkout", "--ours", "--", path)
            elif pick < 0.7:
                repo.git("checkout", "--theirs", "--", path)
            else:
                version, wrap = self._random_text(role)
                self._write(path, role, pair, version, wrap)
            repo.git("add", "--", path)
        try:
            for pair in PAIRS:
                self.where(pair, "source")
                self.where(pair, "translation")
        except AssertionError:
            self._abort(how)
            return
        repo.commit(f"Merge {other} into {self.current}")

    def _abort(self, how: str) -> None:
        if how == "--squash":
            self.repo.git("reset", "-q", "--hard", "HEAD")
        else:
            self.repo.git("merge", "--abort")


# (in 6, 55, 61 and 80 a merge only combined the translation's edits of two branches)
@pytest.mark.parametrize("seed", [*range(12), 55, 61, 80])
def test_random_history_matches_the_reference(tmp_path: Path, seed: int) -> None:
    team = RandomTeam(tmp_path / "site", seed)
    for step in range(28):
        team.move()
        if step == 14:
            status(team.repo.root)  # the cache now holds this HEAD's history
    team.switch("main")
    for branch in team.branches[1:]:
        if team.rng.random() < 0.5:
            team.merge(branch, "--no-ff")  # the pull requests still open land
    assert team.repo.git("status", "--porcelain") == ""
    incremental = status(team.repo.root)
    shutil.rmtree(team.repo.root / ".sastra-cache")
    cold = status(team.repo.root)
    assert incremental == cold
    for pair in PAIRS:
        translation, source = team.where(pair, "translation"), team.where(pair, "source")
        assert cold[translation] == reference(team.repo.root, translation, source), pair
