"""Team histories built with git itself, and an independent reference of the baseline rule.

:class:`Repo` makes a bilingual site in a fresh repository and edits it the way a team
does: branches, ``--no-ff`` and fast-forward merges, conflicts resolved in the merge,
octopus and squash merges, reverts, renames. Its commit dates tick a minute a commit,
like a working day.

:func:`reference` applies the README's rule (What "stale" means) literally, one git
process per question (``git rev-list --parents``, ``git show`` for every commit,
``git diff -M`` for every edge; ``git merge-base --all`` and ``git merge-file`` for a
merge that may only combine its parents' versions): slow, but obviously right. It
shares nothing with ``sastra.tracking.history`` or ``sastra.tracking.merges``.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from helpers import run_cli
from sastra.tracking.fingerprint import bytes_fingerprint

# One article, written in Khmer and in English, in the versions a newsroom makes of it.
KM_TITLE = "រោងចក្រទឹកស្អាតថ្មីនៅខេត្តកំពត"
EN_TITLE = "New clean water plant opens in Kampot"
KM = {
    "lead": "កំពត៖ ក្រសួងឧស្សាហកម្ម វិទ្យាសាស្ត្រ បច្ចេកវិទ្យា និងនវានុវត្តន៍ បានបើកដំណើរការ"
    "រោងចក្រផលិតទឹកស្អាតថ្មីមួយ នៅស្រុកទឹកឈូ កាលពីថ្ងៃទី១២ ខែមីនា ឆ្នាំ២០២៦។",
    "reach": "រោងចក្រនេះអាចផ្គត់ផ្គង់ទឹកស្អាតបាន ៨ ០០០ ម៉ែត្រគូបក្នុងមួយថ្ងៃ ដល់គ្រួសារប្រមាណ ១២ ០០០ ខ្នងផ្ទះ។",
    "reach2": "រោងចក្រនេះអាចផ្គត់ផ្គង់ទឹកស្អាតបាន ៨ ០០០ ម៉ែត្រគូបក្នុងមួយថ្ងៃ ដល់គ្រួសារប្រមាណ ១៥ ០០០ ខ្នងផ្ទះ"
    " ពោលគឺទ្វេដងនៃរោងចក្រចាស់។",
    "quote": "លោកអភិបាលខេត្តបានថ្លែងថា គម្រោងនេះនឹងកាត់បន្ថយការចំណាយរបស់ប្រជាពលរដ្ឋលើទឹកដប។",
    "quote_b": "លោកអភិបាលខេត្តកំពតបានថ្លែងថា គម្រោងនេះនឹងជួយកាត់បន្ថយការចំណាយរបស់ប្រជាពលរដ្ឋលើទឹកដប។",
    "quote_c": "អភិបាលខេត្តបានមានប្រសាសន៍ថា ប្រជាពលរដ្ឋនឹងចំណាយតិចជាងមុនលើទឹកដប។",
    "quote_d": "អភិបាលខេត្តកំពតបានមានប្រសាសន៍ថា គម្រោងនេះនឹងជួយឱ្យប្រជាពលរដ្ឋចំណាយតិចជាងមុនលើទឹកដប។",
    "plan": "រោងចក្រទីពីរគ្រោងនឹងសាងសង់នៅកំពង់ត្រាច នៅឆ្នាំ២០២៧។",
}
EN = {
    "lead": "Kampot: The Ministry of Industry, Science, Technology and Innovation opened a"
    " new clean water plant in Teuk Chhou district on 12 March 2026.",
    "reach": "The plant can supply 8,000 cubic metres of clean water a day to about 12,000"
    " households.",
    "reach2": "The plant can supply 8,000 cubic metres of clean water a day to about 15,000"
    " households, twice the reach of the old plant.",
    "quote": "The provincial governor said the project would cut what residents spend on"
    " bottled water.",
    "quote_b": "The Kampot governor said the project would help cut what residents spend on"
    " bottled water.",
    "quote_c": "The governor said residents would spend less on bottled water.",
    "quote_d": "The Kampot governor said the project would help residents spend less on"
    " bottled water.",
    "plan": "A second plant is planned for Kampong Trach in 2027.",
}
VERSIONS = {
    # the source's versions
    "v1": ("lead", "reach", "quote"),
    "v2": ("lead", "reach2", "quote"),
    "v3": ("lead", "reach2", "quote", "plan"),
    # a translation's own edits (same meaning, other words)
    "v1b": ("lead", "reach", "quote_b"),
    "v1c": ("lead", "reach", "quote_c"),
    "v1d": ("lead", "reach", "quote_d"),
}


def text(lang: str, version: str, *, wrap: bool = False, tag: str = "") -> str:
    """An article file: ``version`` of the story in ``lang``; ``wrap`` re-wraps the lead
    (same visible text); ``tag`` tells two articles of one site apart."""
    words = KM if lang == "km" else EN
    title = (KM_TITLE if lang == "km" else EN_TITLE) + (f" {tag}" if tag else "")
    paragraphs = [words[name] for name in VERSIONS[version]]
    if wrap:
        lead = paragraphs[0]
        cut = lead.index(" ", len(lead) // 2)
        paragraphs[0] = lead[:cut] + "\n" + lead[cut + 1 :]
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: {title}\ndate: 2026-03-12\n---\n\n{body}\n"


class Repo:
    """A site in a git repository, with the team's usual moves."""

    def __init__(self, root: Path, source: str) -> None:
        self.root = root
        self.source = source
        self.translation = "en" if source == "km" else "km"
        self.ticks = 0
        self.labels: dict[str, str] = {}
        root.mkdir(parents=True, exist_ok=True)
        (root / "sastra.toml").write_text(
            f'source_language = "{source}"\nlanguages = ["km", "en"]\n', "utf-8"
        )
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, check: bool = True) -> str:
        self.ticks += 1
        stamp = f"@{1_773_300_000 + self.ticks * 60} +0700"
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Sokha",
            "GIT_AUTHOR_EMAIL": "sokha@example.org",
            "GIT_COMMITTER_NAME": "Sokha",
            "GIT_COMMITTER_EMAIL": "sokha@example.org",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }
        out = subprocess.run(
            ["git", "-C", str(self.root), *args], capture_output=True, text=True, env=env
        )
        if check and out.returncode != 0:
            raise AssertionError(f"git {' '.join(args)}: {out.stderr}{out.stdout}")
        return out.stdout

    def path(self, role: str, slug: str = "kampot-water", collection: str = "news") -> str:
        lang = self.source if role == "source" else self.translation
        return f"content/{lang}/{collection}/{slug}.md"

    def put(self, role: str, version: str, *, wrap: bool = False, path: str | None = None) -> None:
        lang = self.source if role == "source" else self.translation
        file = self.root / (path or self.path(role))
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text(lang, version, wrap=wrap), "utf-8")

    def move(self, role: str, **where: str) -> None:
        """``git mv`` the file of ``role`` to another slug and/or collection."""
        new = self.path(role, **where)
        (self.root / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", self.path(role), new)

    def commit(self, message: str, label: str | None = None) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        sha = self.head()
        if label:
            self.labels[label] = sha
        return sha

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def start(self) -> None:
        """The first commit: the source and its translation, in sync."""
        self.put("source", "v1")
        self.put("translation", "v1")
        self.commit("Kampot water plant, in both languages", "start")

    def branch(self, name: str) -> None:
        self.git("checkout", "-q", "-b", name)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge(self, *names: str, how: str = "--no-ff", label: str | None = None) -> bool:
        """Merge; ``False`` when it stopped on a conflict (resolve, then :meth:`commit`)."""
        out = subprocess.run(
            ["git", "-C", str(self.root), "merge", "-q", how, "-m", f"Merge {' '.join(names)}",
             *names],
            capture_output=True, text=True, env=self._env(),
        )  # fmt: skip
        if out.returncode == 0 and label:
            self.labels[label] = self.head()
        return out.returncode == 0

    def _env(self) -> dict[str, str]:
        self.ticks += 1
        stamp = f"@{1_773_300_000 + self.ticks * 60} +0700"
        return {
            **os.environ,
            "GIT_AUTHOR_NAME": "Dara",
            "GIT_AUTHOR_EMAIL": "dara@example.org",
            "GIT_COMMITTER_NAME": "Dara",
            "GIT_COMMITTER_EMAIL": "dara@example.org",
            "GIT_AUTHOR_DATE": stamp,
            "GIT_COMMITTER_DATE": stamp,
        }


def status(root: Path) -> dict[str, tuple[str, str | None]]:
    """``{translation path: (state, baseline commit)}`` from ``i18n status --format json``."""
    result = run_cli("status", "--root", str(root), "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = {}
    for article in json.loads(result.stdout)["articles"]:
        for version in article["versions"].values():
            if version["state"] not in ("source", "missing"):
                found[version["path"]] = (version["state"], version.get("baseline_commit"))
    return found


# -- the reference -------------------------------------------------------------------------


def reference(root: Path, translation: str, source: str) -> tuple[str, str | None]:
    """``(state, baseline commit)`` of the translation file at ``translation`` (path at
    HEAD, committed) whose source is at ``source``, by the README's rule, literally."""
    run = _runner(root)
    parents: dict[str, list[str]] = {}
    for line in run("rev-list", "--parents", "HEAD").split("\n"):
        if line:
            sha, *ps = line.split()
            parents[sha] = ps
    head = run("rev-parse", "HEAD").strip()
    times = {
        sha: int(t)
        for sha, t in (
            line.split() for line in run("log", "--format=%H %ct", "HEAD").split("\n") if line
        )
    }

    def ancestors(sha: str) -> set[str]:
        seen, todo = {sha}, [sha]
        while todo:
            for p in parents[todo.pop()]:
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    def names(path: str) -> dict[str, str]:
        """The file's path in every commit, following renames edge by edge from HEAD."""
        at = {head: path}
        queue = [head]
        for child in queue:
            for parent in parents[child]:
                if parent in at:
                    continue
                renamed = {}
                out = run("diff", "-M", "--name-status", "-z", parent, child).split("\0")
                i = 0
                while i < len(out) - 1:
                    status = out[i]
                    if status.startswith("R"):
                        renamed[out[i + 2]] = out[i + 1]
                        i += 3
                    else:
                        i += 2
                at[parent] = renamed.get(at[child], at[child])
                queue.append(parent)
        return at

    def fingerprint(sha: str, path: str) -> str | None:
        data = _show(root, sha, path)
        if data is None:
            return None
        return bytes_fingerprint(data, path, ("title", "description"))

    t_at, s_at = names(translation), names(source)
    current = fingerprint(head, translation)
    if current is None:
        return "untracked", None

    def newest_first(shas: set[str]) -> list[str]:
        left, ordered = set(shas), []
        while left:
            tops = [c for c in left if not any(c != d and c in ancestors(d) for d in left)]
            ordered.append(max(tops, key=lambda sha: (times[sha], sha)))
            left.remove(ordered[-1])
        return ordered

    def combines(merge: str) -> bool:
        """The merge's version is what `git merge-file` makes of its parents' versions over
        a merge base (`git merge-base --all`), one parent at a time, with no conflict."""
        ps = parents[merge]
        if len(ps) < 2 or any(_show(root, p, t_at[p]) is None for p in ps):
            return False
        results = {_show(root, ps[0], t_at[ps[0]])}
        for n in range(1, len(ps)):
            bases = run("merge-base", "--all", ps[n], *ps[:n], check=False).split() or [""]
            theirs = _show(root, ps[n], t_at[ps[n]])
            results = {
                merged
                for ours in results
                for base in bases
                if (merged := _merge_file(ours, _show(root, base, t_at[base]) if base else b"",
                                          theirs)) is not None
            }  # fmt: skip
        return _show(root, merge, t_at[merge]) in results

    def restored_from(sha: str) -> str | None:
        """The newest proper ancestor whose version has the same bytes (and kind of file)
        as the version at ``sha``: the one a revert or a checkout put back."""
        mine = _show(root, sha, t_at[sha])
        same = {
            older
            for older in ancestors(sha) - {sha}
            if Path(t_at[older]).suffix == Path(t_at[sha]).suffix
            and _show(root, older, t_at[older]) == mine
        }
        return newest_first(same)[0] if same else None

    def baselines(text: str, within: str) -> set[str]:
        """The commits that wrote ``text`` as it is at ``within``, by the rule."""
        mine = ancestors(within)
        candidates = {
            sha
            for sha in mine
            if fingerprint(sha, t_at[sha]) == text
            and all(fingerprint(p, t_at[p]) != text for p in parents[sha])
        }
        if not candidates:
            return set()
        best = newest_first(candidates)[0]
        if not combines(best):
            restored = restored_from(best)
            return {best} if restored is None else baselines(text, restored)
        found: set[str] = set()
        for p in parents[best]:
            found |= baselines(fingerprint(p, t_at[p]) or "", p)
        return found

    found = newest_first(baselines(current, head))
    if not found:
        return "untracked", None
    now = fingerprint(head, source)
    # the source as a baseline knew it: its version there, or, when it came later than
    # the translation's text, its first committed version
    holding = [sha for sha in s_at if _show(root, sha, s_at[sha]) is not None]
    first = newest_first(set(holding))[-1] if holding else None

    def source_then(sha: str) -> str | None:
        if _show(root, sha, s_at[sha]) is not None:
            return fingerprint(sha, s_at[sha])
        if first is not None and sha in ancestors(first):
            return fingerprint(first, s_at[first])
        return None

    for sha in found:
        if source_then(sha) == now:
            return "up_to_date", sha
    return "stale", found[0]


def _merge_file(ours: bytes | None, base: bytes | None, theirs: bytes | None) -> bytes | None:
    """``git merge-file -p``: the three-way merge, ``None`` on a conflict."""
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data or b"")
            files.append(str(path))
        out = subprocess.run(["git", "merge-file", "-p", *files], capture_output=True)
    return out.stdout if out.returncode == 0 else None


def _runner(root: Path) -> Callable[..., str]:
    def run(*args: str, check: bool = True) -> str:
        return subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=check
        ).stdout

    return run


@cache
def _show(root: Path, sha: str, path: str) -> bytes | None:
    out = subprocess.run(["git", "-C", str(root), "show", f"{sha}:{path}"], capture_output=True)
    return out.stdout if out.returncode == 0 else None
