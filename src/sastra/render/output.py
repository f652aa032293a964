"""Writing the output folder safely: which folders are refused, and stage-then-swap.

Every build writes a whole new tree next to the output (pages as they render; pages,
images and files that did not change are hard links to the previous output's) and
swaps it in with two renames (the replaced tree is deleted by a background thread:
deleting thousands of folders is slow on some file systems). A failed or interrupted
build never leaves a mix of old and new pages: the output is the old tree or the new
one, and a tree left by a killed build is swept by the next.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from sastra.config.model import Config
from sastra.model import Diagnostic, Location

MARKER = ".sastra-build"
"""The file every build leaves at the top of its output: a folder holding it was written
by a build, and may be replaced wholesale by the next one."""
MARKER_TEXT = "Written by `i18n build` (Sastra); the whole folder is replaced on every build.\n"
_EARLIER_BUILD = ("index.html", "sitemap.xml", "robots.txt")
"""The top of an output written before builds left :data:`MARKER`."""


def check_output(config: Config, out: Path, force: bool) -> list[Diagnostic]:
    """Why ``out`` must not be written (replaced wholesale), as diagnostics; empty when fine.

    Always refused: the site root or a folder containing it; a git repository or a folder
    inside one's ``.git``; a folder that is, holds or lies inside a source folder (content,
    templates, i18n, assets), the cache or the synced texts. Without ``force``: a folder
    outside the site, and a folder holding files no build wrote (no :data:`MARKER`).
    """
    where = Location(config.rel(out))
    target = out.resolve()
    root = config.root.resolve()
    if target == root or target in root.parents:
        return [Diagnostic(where, "output folder is the site root or contains it; refusing")]
    if ".git" in target.parts or (target / ".git").exists():
        return [
            Diagnostic(where, "output folder is a git repository or inside one's .git; refusing")
        ]
    for name, folder in _sources(config):
        folder = folder.resolve()
        if target == folder or folder in target.parents or target in folder.parents:
            return [Diagnostic(where, f"output folder overlaps the {name} folder; refusing")]
    if root not in target.parents and not force:
        return [Diagnostic(where, "output folder is outside the site; use --force to write it")]
    if out.exists() and not out.is_dir():
        return [Diagnostic(where, "output folder exists and is not a folder")]
    if not force and not _written_by_a_build(out):
        message = (
            "output folder holds files no build wrote (no .sastra-build marker); "
            "refusing to replace them (use --force if the folder may be replaced)"
        )
        return [Diagnostic(where, message)]
    return []


def _sources(config: Config) -> list[tuple[str, Path]]:
    """The folders a build reads or that hold a user's data, by name."""
    root = config.root
    # a pattern may start at the site root, which the caller checks on its own
    content = [("content", d) for d in config.content_roots if d != root]
    return [
        *content,
        ("templates", config.templates_dir),
        ("i18n", config.i18n_dir),
        ("assets", root / "assets"),
        ("assets", root / "src" / "assets"),
        ("static", root / "static"),
        *(("static", folder) for folder, _ in config.static_dirs),
        ("public", root / "public"),
        ("cache", config.cache_dir),
        ("synced texts", root / config.tracking.synced_dir),
    ]


def _written_by_a_build(out: Path) -> bool:
    """Is ``out`` absent, empty, or a folder an earlier build wrote?"""
    try:
        names = set(os.listdir(out))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return not names or MARKER in names or all(n in names for n in _EARLIER_BUILD)


def all_exist(out: Path, outputs: Iterable[str]) -> bool:
    base = str(out)
    return all(os.path.exists(os.path.join(base, rel)) for rel in outputs)


class Staging:
    """A new output tree being written next to ``out``, swapped in by :meth:`finish`.

    Pages can be written as soon as they render (the build writes while the pool is
    still rendering); :meth:`discard` throws the tree away when the build fails.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
        sweep(out)
        if self.tmp.exists():
            shutil.rmtree(self.tmp)
        self.tmp.mkdir(parents=True)
        self._made: set[str] = set()

    def naming(self, exc: OSError) -> OSError:
        """``exc`` about a staged file, as the same error about the output's file (a full
        disk names ``_site/km/x/index.html``, not the temp tree)."""
        name = exc.filename if isinstance(exc.filename, str) else ""
        if not name.startswith(str(self.tmp)):
            return exc
        user = str(self.out) + name[len(str(self.tmp)) :]
        return OSError(exc.errno, exc.strerror or str(exc), user)

    def target(self, rel: str) -> str:
        """The staged path of ``rel``, its folder created."""
        return _target(str(self.tmp), rel, self._made)

    def write(self, rel: str, data: bytes) -> None:
        """Write a page (or any new file) into the staged tree."""
        write_new(str(self.tmp), rel, data, self._made)

    def finish(
        self, reused: Iterable[str], assets: dict[str, Path], files: Mapping[str, str]
    ) -> None:
        """Add the reused pages, generated files and assets, then swap the tree in."""
        out = self.out
        try:
            for rel in reused:
                _link_or_copy(out / rel, Path(self.target(rel)))
            for rel, text in files.items():
                self.write(rel, text.encode("utf-8"))
            for rel, source in assets.items():
                previous = out / rel
                dest = Path(self.target(rel))
                if _same_file(source, previous):
                    _link_or_copy(previous, dest)
                else:
                    shutil.copy2(source, dest)
            _swap(self.tmp, out)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def write_new(root: str, rel: str, data: bytes, made: set[str]) -> None:
    """Write the new file ``rel`` of the tree being built at ``root`` (a staged tree: no
    temp file and rename per file); ``made`` remembers the folders already created."""
    with open(_target(root, rel, made), "wb") as fh:
        fh.write(data)


def _target(root: str, rel: str, made: set[str]) -> str:
    path = os.path.join(root, rel)
    parent = os.path.dirname(path)
    if parent not in made:
        if os.path.dirname(parent) in made:  # one new folder in a known one: no lookups
            with contextlib.suppress(FileExistsError):  # another worker made it
                os.mkdir(parent)
            made.add(parent)
        else:
            os.makedirs(parent, exist_ok=True)
            while parent not in made and len(parent) > len(root):
                made.add(parent)
                parent = os.path.dirname(parent)
    return path


def _same_file(source: Path, previous: Path) -> bool:
    try:
        a, b = source.stat(), previous.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def sweep(out: Path) -> None:
    """Remove what interrupted builds left next to ``out``: new trees of builds whose
    process is gone (``._site.tmp-PID``, after a SIGKILL or a power cut) and replaced
    trees not yet deleted (``._site.old-…``)."""
    prefix = f".{out.name}.tmp-"
    try:
        names = os.listdir(out.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name[len(prefix) :].isdigit():
            pid = int(name[len(prefix) :])
            if pid != os.getpid() and not _alive(pid):
                _remove_later(out.parent / name)
        elif name.startswith(f".{out.name}.old-"):
            _remove_later(out.parent / name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


SWAPPING = threading.Lock()
"""Held while :func:`_swap` renames: between its two renames the output folder is not
there, so a reader in this process that finds a file missing (``i18n serve``) looks
again once it can take this lock."""


def _swap(tmp: Path, out: Path) -> None:
    """Put ``tmp`` in the place of ``out``; the old tree is deleted in the background."""
    with SWAPPING:
        if not out.exists():
            os.rename(tmp, out)
            return
        old = out.parent / f".{out.name}.old-{os.getpid()}-{time.monotonic_ns()}"
        os.rename(out, old)
        try:
            os.rename(tmp, out)
        except OSError:
            os.rename(old, out)
            raise
    _remove_later(old)


_REMOVALS: list[threading.Thread] = []
"""Deletions started by :func:`_remove_later` (finished ones are dropped as new ones start)."""


def _remove_later(path: Path) -> None:
    """Delete a replaced tree without making the build wait (thousands of folders are slow):
    ``shutil.rmtree`` in a daemon thread (no child process, so nothing is left to reap).
    A deletion cut short (a process that exits first) is finished by the next build's
    :func:`sweep`; ``i18n build`` waits for it with :func:`wait_for_removals`."""
    _REMOVALS[:] = [t for t in _REMOVALS if t.is_alive()]
    thread = threading.Thread(
        target=shutil.rmtree,
        args=(path,),
        kwargs={"ignore_errors": True},
        name="sastra-remove",
        daemon=True,
    )
    thread.start()
    _REMOVALS.append(thread)


def wait_for_removals() -> None:
    """Wait until the replaced trees being deleted are gone."""
    while _REMOVALS:
        _REMOVALS.pop().join()
