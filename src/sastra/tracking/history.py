"""Git history of the content folder, read in a constant number of processes.

``git log`` runs once (first-parent, raw diffs with full blob ids); blob
contents come from one long-lived ``git cat-file --batch``. Nothing here
spawns a process per file. Renames are not followed: a renamed file starts a
new history (its translation then needs ``i18n mark`` once).
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from sastra.cache import BlobCache

log = logging.getLogger(__name__)
_NULL_BLOB = "0" * 40


class FileVersion(NamedTuple):
    """One committed state of one file.

    A named tuple: a history of 3,000 commits over 20,000 files holds tens of thousands,
    made on every cold run and pickled into the cache, where tuples are cheap.
    """

    position: int
    """Index of the commit in first-parent history, 0 = HEAD (larger is older)."""
    commit: str
    """Full commit id."""
    blob: str | None
    """Blob id of the file in that commit; ``None`` when the commit deleted it."""


@dataclass
class GitHistory:
    """First-parent history of the files below the content folder, newest first."""

    toplevel: Path
    site_prefix: str
    commits: list[tuple[str, int]] = field(default_factory=list)
    files: dict[str, list[FileVersion]] = field(default_factory=dict)
    _reader: BlobReader | None = None

    head: str = ""
    content: str = ""

    @classmethod
    def load(
        cls,
        root: Path,
        content_dirs: Sequence[Path],
        cache: BlobCache | None = None,
        where: tuple[Path, str] | None = None,
    ) -> GitHistory | None:
        """Read the history; ``None`` when ``root`` is not inside a git work tree.

        With a cache, an unchanged HEAD costs one ``git rev-parse``; a HEAD that moved
        forward reads only the new commits. ``where`` is :func:`locate`'s answer, when
        the caller asked already.
        """
        return cls.start(root, content_dirs, cache, where).result()

    @classmethod
    def start(
        cls,
        root: Path,
        content_dirs: Sequence[Path],
        cache: BlobCache | None = None,
        where: tuple[Path, str] | None = None,
    ) -> PendingHistory:
        """:meth:`load`, with ``git log`` left running: its ``.result()`` is the history.

        A cold run reads the content while git walks the history on another core.
        """
        found = where if where is not None else locate(root)
        if found is None:
            return PendingHistory(None)
        toplevel, head = found
        prefix = root.resolve().relative_to(toplevel).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
        # The content folders as git pathspecs, one a line (one folder on most sites).
        content = "\n".join(d.resolve().relative_to(toplevel).as_posix() for d in content_dirs)
        history = cls(toplevel, prefix, head=head, content=content)
        if not head:
            return PendingHistory(history)
        key = f"{toplevel}|{content}"
        cached = cache.get("git-history", key) if cache is not None else None
        older = None
        revisions = head
        if isinstance(cached, GitHistory) and cached.site_prefix == prefix:
            if cached.head == head:
                return PendingHistory(cached)
            if _is_ancestor(toplevel, cached.head, head):
                older, revisions = cached, f"{cached.head}..{head}"
        log = _GitOutput(toplevel, _log_args(content, revisions))

        def finish() -> GitHistory:
            history._parse(log.text())
            if older is not None:
                history._append(older)
            if cache is not None:
                cache.put("git-history", key, history)
            return history

        return PendingHistory(None, finish)

    def _append(self, older: GitHistory) -> None:
        """Add the history of an older HEAD below the commits just read."""
        shift = len(self.commits)
        self.commits.extend(older.commits)
        for path, versions in older.files.items():
            mine = self.files.setdefault(path, [])
            mine.extend(FileVersion(v.position + shift, v.commit, v.blob) for v in versions)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_reader"] = None
        # Plain tuples: pickle writes those in C, a named tuple through Python calls.
        state["files"] = {path: [tuple(v) for v in vs] for path, vs in self.files.items()}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        make = FileVersion._make
        state["files"] = {path: list(map(make, vs)) for path, vs in state["files"].items()}
        self.__dict__.update(state)

    def _parse(self, out: str) -> None:
        for record in out.split("\x01")[1:]:
            header, _, rest = record.partition("\0")
            sha, _, ctime = header.partition(" ")
            index = len(self.commits)
            self.commits.append((sha, int(ctime or 0)))
            fields = rest.lstrip("\n").split("\0")
            for meta, path in zip(fields[0::2], fields[1::2], strict=False):
                if not meta.startswith(":") or not path.startswith(self.site_prefix):
                    continue
                new_blob = meta.split(" ")[3]
                rel = path[len(self.site_prefix) :]
                versions = self.files.setdefault(rel, [])
                if versions and versions[-1].position == index:
                    continue  # -m can list a file twice for one merge
                blob = None if new_blob == _NULL_BLOB else new_blob
                versions.append(FileVersion(index, sha, blob))

    def versions(self, path: str) -> list[FileVersion]:
        """Committed versions of a file (site-relative path), newest first."""
        return self.files.get(path, [])

    def at(self, path: str, index: int) -> FileVersion | None:
        """The version of ``path`` current at commit ``index`` (None if it did not exist)."""
        for version in self.files.get(path, ()):  # a few versions, newest first
            if version.position >= index:
                return version if version.blob is not None else None
        return None

    def first_seen(self, path: str) -> int | None:
        """Commit index at which the file first entered history (larger is older)."""
        versions = self.files.get(path)
        return versions[-1].position if versions else None

    def find_commit(self, ref: str) -> int | None:
        """Index of a commit given by a full or abbreviated id."""
        ref = ref.strip().lower()
        if len(ref) < 4:
            return None
        for index, (sha, _) in enumerate(self.commits):
            if sha.startswith(ref):
                return index
        return None

    def commit_time(self, index: int) -> int:
        return self.commits[index][1]

    def read_blob(self, blob: str) -> bytes | None:
        """Contents of a blob through the one ``cat-file --batch`` process."""
        if self._reader is None:
            self._reader = BlobReader(self.toplevel)
        return self._reader.read(blob)

    def read_blobs(self, blobs: list[str]) -> dict[str, bytes]:
        """Many blobs in one round trip of the ``cat-file --batch`` process."""
        if self._reader is None:
            self._reader = BlobReader(self.toplevel)
        return self._reader.read_many(blobs)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


class BlobReader:
    """A long-lived ``git cat-file --batch``: one process for every blob of a run."""

    def __init__(self, toplevel: Path) -> None:
        self._proc = subprocess.Popen(
            ["git", "-C", str(toplevel), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    def read(self, blob: str) -> bytes | None:
        stdin, stdout = self._pipes()
        stdin.write(blob.encode("ascii") + b"\n")
        stdin.flush()
        header = stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            return None
        size = int(header[2])
        data = stdout.read(size)
        stdout.read(1)  # the newline after the contents
        return data

    def read_many(self, blobs: list[str]) -> dict[str, bytes]:
        """Write every request from a thread while reading the answers, so no pipe fills."""
        stdin, stdout = self._pipes()

        def feed() -> None:
            stdin.write(b"".join(blob.encode("ascii") + b"\n" for blob in blobs))
            stdin.flush()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        found: dict[str, bytes] = {}
        for blob in blobs:
            header = stdout.readline().split()
            if len(header) < 3 or header[1] == b"missing":
                continue
            size = int(header[2])
            found[blob] = stdout.read(size)
            stdout.read(1)
        writer.join()
        return found

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        return self._proc.stdin, self._proc.stdout

    def close(self) -> None:
        stdin, _ = self._pipes()
        stdin.close()
        self._proc.wait()


def locate(root: Path) -> tuple[Path, str] | None:
    """``(work tree top, HEAD commit)`` of the git repository holding ``root`` (HEAD is
    ``""`` before the first commit); ``None`` outside git. One ``git rev-parse``."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-toplevel", "--verify", "-q", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    lines = proc.stdout.split("\n")
    if not lines[0].strip():
        return None
    head = lines[1].strip() if proc.returncode == 0 and len(lines) > 1 else ""
    return Path(lines[0].strip()).resolve(), head


def _log_args(content: str, revisions: str) -> list[str]:
    return [
        "log", "-z", "--raw", "--no-abbrev", "--no-renames", "--first-parent", "-m",
        "--format=%x01%H %ct", revisions, "--", *content.split("\n"),
    ]  # fmt: skip


class PendingHistory:
    """A :class:`GitHistory` being read (see :meth:`GitHistory.start`)."""

    def __init__(
        self, done: GitHistory | None, finish: Callable[[], GitHistory] | None = None
    ) -> None:
        self._done = done
        self._finish = finish

    def result(self) -> GitHistory | None:
        """The history (waits for ``git log``); ``None`` outside a git work tree."""
        if self._finish is not None:
            self._done, self._finish = self._finish(), None
        return self._done


class _GitOutput:
    """A git command writing its output to an unnamed temporary file while this
    process works. (A pipe would need a thread to drain it, and that thread gets the
    GIL from a busy interpreter only every few milliseconds: ``git log`` then stalls
    on a full pipe for much of a cold run.)"""

    def __init__(self, cwd: Path, args: list[str]) -> None:
        self._args = args
        self._out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by text())
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        self._proc = subprocess.Popen(
            ["git", "-C", str(cwd), *args], stdout=self._out, stderr=self._err
        )

    def text(self) -> str:
        """The output; raises :class:`subprocess.CalledProcessError` like ``check=True``."""
        code = self._proc.wait()
        out, err = _read_all(self._out), _read_all(self._err)
        if code != 0:
            raise subprocess.CalledProcessError(code, ["git", *self._args], out, err)
        return out.decode("utf-8", errors="surrogateescape")


def _read_all(file: IO[bytes]) -> bytes:
    with file:
        file.seek(0)
        return file.read()


def _is_ancestor(toplevel: Path, old: str, new: str) -> bool:
    result = subprocess.run(
        ["git", "-C", str(toplevel), "merge-base", "--is-ancestor", old, new],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def head_commit(history: GitHistory | None) -> str | None:
    """The newest commit that touched the content (what ``mark`` records)."""
    if history is None or not history.commits:
        return None
    return history.commits[0][0]
