"""The git processes of the history walk: ``git log`` into a temporary file, one
long-lived ``git cat-file --batch``, and the one ``git rev-parse`` that finds the
repository (and, only where content was moved in from another folder, one ``git
diff-tree`` and one more ``git log``: :mod:`sastra.tracking.moves`). Nothing here
spawns a process per file.
"""

from __future__ import annotations

import logging
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)


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


class GitOutput:
    """A git command writing its output to an unnamed temporary file while this
    process works. (A pipe would need a thread to drain it, and that thread gets the
    GIL from a busy interpreter only every few milliseconds: ``git log`` then stalls
    on a full pipe for much of a cold run.)"""

    def __init__(self, cwd: Path, args: list[str], stdin: bytes | None = None) -> None:
        """Start ``git <args>`` in ``cwd``; ``stdin``, when given, is its input (from a
        temporary file too: no pipe to keep fed)."""
        self._args = args
        self._out = tempfile.TemporaryFile()  # noqa: SIM115 (closed by text())
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        source = None
        if stdin is not None:
            source = tempfile.TemporaryFile()  # noqa: SIM115 (closed once git has it)
            source.write(stdin)
            source.seek(0)
        try:
            self._proc = subprocess.Popen(
                ["git", "-C", str(cwd), *args], stdin=source, stdout=self._out, stderr=self._err
            )
        finally:
            if source is not None:
                source.close()

    def text(self) -> str:
        """The output; raises :class:`subprocess.CalledProcessError` like ``check=True``."""
        code = self._proc.wait()
        out, err = _read_all(self._out), _read_all(self._err)
        if code != 0:
            raise subprocess.CalledProcessError(code, ["git", *self._args], out, err)
        return out.decode("utf-8", errors="surrogateescape")

    def text_if_ok(self) -> str | None:
        """The output; ``None`` (and one log line) when git failed."""
        try:
            return self.text()
        except subprocess.CalledProcessError as exc:
            err = exc.stderr.decode("utf-8", "replace").strip() if exc.stderr else ""
            first = err.splitlines()[0] if err else f"exit status {exc.returncode}"
            log.info("git %s failed: %s", self._args[0], first)
            return None


def _read_all(file: IO[bytes]) -> bytes:
    with file:
        file.seek(0)
        return file.read()


def git_dir(toplevel: Path) -> Path | None:
    """The common git directory of a work tree (a linked worktree's ``.git`` is a file
    naming its own directory, whose ``commondir`` names the shared one). No process."""
    dot = toplevel / ".git"
    if dot.is_dir():
        return dot
    try:
        pointer = dot.read_text("utf-8").strip()
    except OSError:
        return None
    if not pointer.startswith("gitdir:"):
        return None
    own = (toplevel / pointer[len("gitdir:") :].strip()).resolve()
    try:
        common = (own / "commondir").read_text("utf-8").strip()
    except OSError:
        return own
    return (own / common).resolve()


def cut_commits(toplevel: Path) -> tuple[frozenset[str], str]:
    """Commits whose parents git does not show, and why: ``shallow`` (a shallow clone's
    boundary) or ``grafts`` (``info/grafts``); ``(frozenset(), "")`` for a whole history."""
    folder = git_dir(toplevel)
    if folder is None:
        return frozenset(), ""
    cut: set[str] = set()
    why = []
    for name, kind in (("shallow", "shallow"), ("info/grafts", "grafts")):
        try:
            lines = (folder / name).read_text("utf-8").split("\n")
        except OSError:
            continue
        found = {line.split()[0] for line in lines if line.strip() and not line.startswith("#")}
        if found:
            cut |= found
            why.append(kind)
    return frozenset(cut), " and ".join(why)


def is_ancestor(toplevel: Path, old: str, new: str) -> bool:
    result = subprocess.run(
        ["git", "-C", str(toplevel), "merge-base", "--is-ancestor", old, new],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0
