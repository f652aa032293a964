"""Git history of the content folder as a graph, read in a constant number of processes.

``git log`` runs once over every commit reachable from HEAD (``--full-history
--sparse --topo-order``: no commit is left out, a commit comes before its parents),
with each commit's parents (``%P``) and its raw diff against its *first* parent
(``--diff-merges=first-parent``), full blob ids and git's rename detection
(``-M``, git's default similarity of 50 %). From those diffs the version of any
file at any commit follows: walk the commit's first-parent line back to the
nearest commit that changed the file. Blob contents come from one long-lived
``git cat-file --batch`` (:mod:`sastra.tracking.gitio`).

Content moved in from outside the content folders (a site folder moved, a collection
moved in) is followed too: the folders it came from are found after the log, and the
history is read again with them (:mod:`sastra.tracking.moves`). A file outside the
site's folder is named relative to it (``../website/content/en/a.md``).
"""

from __future__ import annotations

import logging
import pickle
import posixpath
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

from sastra.cache import BlobCache
from sastra.tracking import moves
from sastra.tracking.gitio import BlobReader, GitOutput, cut_commits, is_ancestor, locate
from sastra.tracking.moves import DIFF_TREE_ARGS, MOVE_ROUNDS, Rename, new_folders

log = logging.getLogger(__name__)
_NULL_BLOB = "0" * 40
ANCESTOR_BITS_LIMIT = 20_000
"""Histories up to this many commits keep every commit's ancestors as a bit set."""
HISTORY_VERSION = 4
"""Bumped when a history read from the same commits would come out otherwise, or is
stored otherwise (2: content moved in from outside the content folders is followed; 3:
each file's changes stored apart, by age, :class:`FileIndex`; 4: renames into a name in
committer-time order, and no commit twice when dates run backwards); a cached one of
another version is read again."""


class FileVersion(NamedTuple):
    """One change of one file by one commit, against the commit's first parent.

    A named tuple: a history of 3,000 commits over 20,000 files holds tens of thousands,
    made on every cold run and pickled into the cache, where tuples are cheap.
    """

    position: int
    """Index of the commit in :attr:`GitHistory.commits` (0 = HEAD; a commit comes
    before its parents)."""
    commit: str
    """Full commit id."""
    blob: str | None
    """Blob id of the file in that commit; ``None`` when the commit deleted it."""
    before: str | None = None
    """Blob id of the file (under its old name, for a rename) in the first parent;
    ``None`` when it did not exist there."""


_position = attrgetter("position")


class FileIndex(MutableMapping[str, list[FileVersion]]):
    """Path → its changes, newest first (:attr:`GitHistory.files`), as a history read
    from the cache keeps them: each path's changes stay pickled until asked for.

    A docs repo's history holds a hundred thousand changes; a status after one edit asks
    for the changes of a few files, so unpickling all of them was a fifth of its time
    (bench.status). Stored per path: ``(age, blob, before)``, blob ids as 20 bytes and the
    commit id left out (it is ``commits[position][0]``). The age is the commit's place
    counted from the oldest, which commits made since do not change: the history of a
    newer HEAD keeps the stored changes of every file those commits did not touch as
    they are (:meth:`under`)."""

    def __init__(
        self,
        versions: dict[str, list[FileVersion]] | None = None,
        packed: dict[str, bytes] | None = None,
        commits: list[tuple[str, int]] | None = None,
    ) -> None:
        self._open: dict[str, list[FileVersion]] = versions if versions is not None else {}
        self._packed: dict[str, bytes] = dict(packed) if packed is not None else {}
        self._commits: list[tuple[str, int]] = commits if commits is not None else []

    def __getitem__(self, path: str) -> list[FileVersion]:
        found = self._open.get(path)
        if found is None:
            found = self._open[path] = self._unpack(self._packed.pop(path))
        return found

    def __setitem__(self, path: str, versions: list[FileVersion]) -> None:
        self._packed.pop(path, None)
        self._open[path] = versions

    def __delitem__(self, path: str) -> None:
        if self._packed.pop(path, None) is None:
            del self._open[path]

    def __contains__(self, path: object) -> bool:
        return path in self._open or path in self._packed

    def __iter__(self) -> Iterator[str]:
        # (both taken first: a path opened while iterating moves from one to the other)
        return iter([*self._open, *self._packed])

    def __len__(self) -> int:
        return len(self._open) + len(self._packed)

    def _unpack(self, data: bytes) -> list[FileVersion]:
        commits = self._commits
        top = len(commits) - 1
        return [
            FileVersion(
                top - age,
                commit[0] if commit else commits[top - age][0],
                None if blob is None else blob.hex(),
                None if before is None else before.hex(),
            )
            for age, blob, before, *commit in pickle.loads(data)
        ]

    def under(
        self,
        newer: Mapping[str, list[FileVersion]],
        shift: int,
        commits: list[tuple[str, int]],
    ) -> FileIndex:
        """The index of a newer HEAD's history: this one (an older HEAD's) below
        ``newer``, the changes of the ``shift`` commits read since, whose ``commits`` are
        the whole history's, newest first. A file those commits did not change keeps its
        stored changes unopened."""
        opened = {path: list(versions) for path, versions in newer.items()}
        packed: dict[str, bytes] = {}
        for path, data in self._packed.items():
            if path in opened:
                opened[path].extend(
                    v._replace(position=v.position + shift) for v in self._unpack(data)
                )
            else:
                packed[path] = data
        for path, versions in self._open.items():
            mine = opened.setdefault(path, [])
            mine.extend(v._replace(position=v.position + shift) for v in versions)
        return FileIndex(opened, packed, commits)

    def pack(self, commits: list[tuple[str, int]]) -> dict[str, bytes]:
        """Every path's changes, pickled as :meth:`_unpack` reads them (``commits``: the
        history's). A change names its commit only when that is not ``commits[position]``
        (never, as git log is read; kept so that packing can lose nothing)."""
        packed = dict(self._packed)
        top = len(commits) - 1
        for path, versions in self._open.items():
            rows = []
            for v in versions:
                row: tuple[object, ...] = (
                    top - v.position,
                    None if v.blob is None else bytes.fromhex(v.blob),
                    None if v.before is None else bytes.fromhex(v.before),
                )
                if commits[v.position][0] != v.commit:
                    row += (v.commit,)
                rows.append(row)
            packed[path] = pickle.dumps(tuple(rows), pickle.HIGHEST_PROTOCOL)
        return packed


@dataclass
class GitHistory:
    """Every commit reachable from HEAD, and the changes to files below the content
    folder, newest first."""

    toplevel: Path
    site_prefix: str
    commits: list[tuple[str, int]] = field(default_factory=list)
    """``(commit id, committer time)`` in topological order, HEAD first."""
    parents: list[tuple[int, ...]] = field(default_factory=list)
    """Positions of each commit's parents (first parent first)."""
    files: FileIndex = field(default_factory=FileIndex)
    """Site-relative path → its changes on first-parent edges, newest first."""
    renames: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    """New path → ``(position, old path)`` of each rename git detected into it."""
    cut: frozenset[int] = frozenset()
    """Positions of commits whose parents git does not show (shallow clone, grafts)."""
    cut_reason: str = ""
    """``"shallow"``, ``"grafts"``, both, or ``""``."""
    _reader: BlobReader | None = None
    _graph: _Graph | None = None
    _positions: dict[str, int] | None = None
    _since: tuple[str, frozenset[str]] | None = None
    """``(older HEAD, paths)`` when this history was read as a cached older HEAD's plus
    the commits since: :meth:`changed_since` that HEAD, known without a walk."""
    _changed: dict[str, frozenset[str] | None] = field(default_factory=dict)
    """:meth:`changed_since`'s answers, by commit (a run asks for few commits, often)."""

    head: str = ""
    content: str = ""
    """The content folders (repository-relative), one a line: the pathspecs."""
    moved: tuple[str, ...] = ()
    """Folders (or files) content was moved in from: pathspecs too (see moves)."""
    version: int = 0
    """:data:`HISTORY_VERSION` when read (a history cached by an older Sastra: 0)."""

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
        history = cls(toplevel, prefix, head=head, content=content, version=HISTORY_VERSION)
        if not head:
            return PendingHistory(history)
        cut, reason = cut_commits(toplevel)
        # Not keyed by where the repository is: a CI job that restores the cache into a
        # fresh clone elsewhere reads only the commits since (is_ancestor checks that the
        # cached HEAD is one of this repository's commits).
        key = f"{content}|{','.join(sorted(cut))}"
        cached = cache.get("git-history", key) if cache is not None else None
        older = None
        revisions = head
        if (
            isinstance(cached, GitHistory)
            and cached.site_prefix == prefix
            and cached.version == HISTORY_VERSION
        ):
            cached.toplevel = toplevel  # (where its blobs are read from now)
            if cached.head == head:
                return PendingHistory(cached)
            if is_ancestor(toplevel, cached.head, head):
                older, revisions = cached, f"{cached.head}..{head}"
                history.moved = cached.moved
        output = history._log(revisions)

        def finish() -> GitHistory:
            # (``old..new`` lists some of old's own commits when committer dates run
            # backwards and git has no commit-graph: they are skipped, not read twice)
            known = frozenset(c for c, _ in older.commits) if older is not None else frozenset()
            parents, added = history._parse(output.text(), known)
            if older is not None:
                # (the files the new commits changed, before the older ones join them)
                history._since = (older.head, frozenset(history.files))
                history._append(older)
            history._link(parents, cut, reason)
            found = history._follow_moves(added, cut, reason)
            if cache is not None:
                # One history a cache: the one of an older HEAD, or one kept under another
                # key by an older release (which keyed it by the repository's folder), is
                # not loaded again on every run.
                cache.clear("git-history")
                cache.put("git-history", key, found)
            return found

        return PendingHistory(None, finish)

    # -- reading git log ----------------------------------------------------------------------
    def _log(self, revisions: str) -> GitOutput:
        """``git log`` of ``revisions`` over the content folders and those it moved from."""
        if not self.moved:
            return GitOutput(self.toplevel, _log_args(self.content, revisions))
        # (revisions and pathspecs on stdin: a move may name many old files)
        specs = [*self.content.split("\n"), *(f":(literal){m}" for m in self.moved)]
        stdin = "\n".join([revisions, "--", *specs, ""]).encode("utf-8", "surrogateescape")
        return GitOutput(self.toplevel, [*_LOG, "--stdin"], stdin)

    def _follow_moves(
        self, added: list[tuple[int, str]], cut: frozenset[str], reason: str
    ) -> GitHistory:
        """This history, or, when content was moved in from outside the folders it was
        read with, the history read again with the folders it came from (see moves)."""
        history = self
        seen: set[str] = set()  # commits git was asked about
        found: list[Rename] = []
        for _ in range(MOVE_ROUNDS):
            asked = [pair for pair in history.moved_in(added) if pair[0] not in seen]
            if not asked:
                break
            seen.update(commit for commit, _ in asked)
            lines = "".join(f"{commit} {parent}\n" for commit, parent in asked)
            out = GitOutput(self.toplevel, DIFF_TREE_ARGS, lines.encode("ascii")).text_if_ok()
            if out is None:  # (the history read so far stands)
                break
            found += moves.renames(out)
            specs = [*self.content.split("\n"), *history.moved]
            folders = new_folders(found, specs)
            if not folders:
                break
            log.info("git history: content moved in from %s", ", ".join(folders))
            again = GitHistory(
                self.toplevel,
                self.site_prefix,
                head=self.head,
                content=self.content,
                moved=(*history.moved, *folders),
                version=HISTORY_VERSION,
            )
            out = again._log(self.head).text_if_ok()
            if out is None:
                break
            parents, added = again._parse(out)
            again._link(parents, cut, reason)
            history = again
        return history

    def moved_in(self, added: list[tuple[int, str]]) -> list[tuple[str, str]]:
        """``(commit, first parent)`` of each commit that may have moved content in from
        outside the folders read: among ``added`` (``(position, name)`` of a file a commit
        added), a commit that added a file to a folder with no file in its first parent.
        A root commit, or one whose parents are cut (shallow clone, grafts), moved
        nothing in. The oldest commit first."""
        needed: dict[str, set[int]] = {}
        for position, name in added:
            if self.parents[position] and position not in self.cut:
                needed.setdefault(name.rpartition("/")[0], set()).add(position)
        if not needed:
            return []
        members: dict[str, list[str]] = {folder: [] for folder in needed}
        for name, versions in self.files.items():
            inside = members.get(name.rpartition("/")[0])
            if inside is not None and versions:
                inside.append(name)
        found: set[int] = set()
        for folder, positions in needed.items():
            # The oldest files first: the likeliest to be there in any commit's parent.
            files = sorted(members[folder], key=lambda name: -self.files[name][-1].position)
            for position in positions:
                parent = self.parents[position][0]
                if not any(self.version_at(name, parent) is not None for name in files):
                    found.add(position)
        commits, parents = self.commits, self.parents
        return [(commits[p][0], commits[parents[p][0]][0]) for p in sorted(found, reverse=True)]

    def _parse(
        self, out: str, known: frozenset[str] = frozenset()
    ) -> tuple[list[list[str]], list[tuple[int, str]]]:
        """Read ``git log`` output, leaving out the commits ``known`` already; returns
        each new commit's parent ids (linked later) and ``(position, name)`` of each file
        a commit added."""
        parent_ids: list[list[str]] = []
        added: list[tuple[int, str]] = []
        prefix = self.site_prefix
        name = self._name
        for record in out.split("\x01")[1:]:
            header, _, rest = record.partition("\0")
            sha, *parents, ctime = header.split(" ")
            if sha in known:
                continue
            index = len(self.commits)
            self.commits.append((sha, int(ctime or 0)))
            parent_ids.append([p for p in parents if p])
            fields = rest.lstrip("\n").split("\0")
            i = 0
            while i + 1 < len(fields):
                meta = fields[i]
                if not meta.startswith(":"):
                    i += 1
                    continue
                parts = meta.split(" ")
                old_blob, new_blob, status = parts[2], parts[3], parts[4]
                if status[0] in "RC":
                    old_path, path = fields[i + 1], fields[i + 2]
                    i += 3
                else:
                    old_path, path = None, fields[i + 1]
                    i += 2
                before = None if old_blob == _NULL_BLOB else old_blob
                rel = path[len(prefix) :] if path.startswith(prefix) else name(path)
                if old_path is not None:
                    old_rel = (
                        old_path[len(prefix) :] if old_path.startswith(prefix) else name(old_path)
                    )
                    if status[0] == "R":
                        self._add(old_rel, FileVersion(index, sha, None, before))
                    self.renames.setdefault(rel, []).append((index, old_rel))
                elif status[0] == "A":
                    added.append((index, rel))
                blob = None if new_blob == _NULL_BLOB else new_blob
                self._add(rel, FileVersion(index, sha, blob, before))
        return parent_ids, added

    def _name(self, path: str) -> str:
        """The name of a file outside the site's folder: relative to that folder."""
        return posixpath.relpath(path, self.site_prefix or ".")

    def _add(self, path: str, version: FileVersion) -> None:
        versions = self.files.setdefault(path, [])
        if not versions or versions[-1].position != version.position:
            versions.append(version)

    def _append(self, older: GitHistory) -> None:
        """Add the history of an older HEAD below the commits just read."""
        shift = len(self.commits)
        self.commits.extend(older.commits)
        self.parents.extend(tuple(p + shift for p in ps) for ps in older.parents)
        self.files = older.files.under(self.files, shift, self.commits)
        for path, renames in older.renames.items():
            self.renames.setdefault(path, []).extend((p + shift, old) for p, old in renames)

    def _link(self, parent_ids: list[list[str]], cut: frozenset[str], reason: str) -> None:
        """Turn the new commits' parent ids into positions; note the cut commits."""
        position = {sha: i for i, (sha, _) in enumerate(self.commits)}
        linked = [tuple(position[p] for p in ps if p in position) for ps in parent_ids]
        self.parents[0:0] = linked
        cut_at = {position[sha] for sha in cut if sha in position}
        # A commit whose parents were not all read is cut too (a graft to nowhere).
        cut_at |= {i for i, ps in enumerate(parent_ids) if len(linked[i]) < len(ps)}
        self.cut = frozenset(cut_at)
        self.cut_reason = reason if self.cut else ""
        # The renames into a name, latest first by committer time, then id: the order
        # :meth:`names` gives a file's old names in, whatever order git listed them.
        for olds in self.renames.values():
            if len(olds) > 1:
                olds.sort(key=lambda rename: self._when(rename[0]), reverse=True)

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_reader"] = None
        state["_graph"] = None
        state["_positions"] = None
        state["_since"] = None
        state["_changed"] = {}
        state["files"] = self.files.pack(self.commits)  # (see FileIndex)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # (a history of an older layout is unpickled as it is and never opened: its
        # version sends :meth:`start` to git log again, and that history replaces it)
        state["files"] = FileIndex(packed=state["files"], commits=state["commits"])
        self.__dict__.update(state)

    # -- questions ----------------------------------------------------------------------------
    def versions(self, path: str) -> list[FileVersion]:
        """Changes of a file (site-relative path) on first-parent edges, newest first."""
        return self.files.get(path, [])

    def names(self, path: str) -> list[str]:
        """``path`` and every older name git's rename detection followed it to, newest first."""
        found = [path]
        for name in found:
            for _, old in self.renames.get(name, ()):
                if old not in found:
                    found.append(old)
        return found

    def name_before(self, name: str, version: FileVersion) -> str:
        """The name ``version.before`` had: the old name when the change was a rename."""
        for position, old in self.renames.get(name, ()):
            if position == version.position:
                return old
        return name

    def changes(self, path: str) -> Iterator[tuple[str, FileVersion]]:
        """``(name, change)`` of every change of the file under any of its names, newest first."""
        names = self.names(path)
        if len(names) == 1:
            return ((path, v) for v in self.files.get(path, ()))
        every = [(v, name) for name in names for v in self.files.get(name, ())]
        every.sort(key=lambda item: item[0].position)
        return ((name, v) for v, name in every)

    def version_at(self, path: str, position: int) -> FileVersion | None:
        """The change that gave ``path`` its content at commit ``position`` (the nearest on
        that commit's first-parent line); ``None`` if the file did not exist there."""
        versions = self.files.get(path)
        if not versions:
            return None
        graph = self.graph()
        start = 0
        if len(versions) > 8 and versions[0].position < position:
            # (newest first: positions ascend; the changes newer than the commit are skipped)
            start = bisect_left(versions, position, key=_position)
        for i in range(start, len(versions)):  # the nearest one on the line is the first
            version = versions[i]
            if version.position >= position and graph.on_first_parent_line(
                version.position, position
            ):
                return version if version.blob is not None else None
        return None

    def blob_at(self, path: str, position: int) -> tuple[str, str] | None:
        """``(name, blob)`` of the file at commit ``position``, under the newest of its
        names that existed there; ``None`` if none did."""
        for name in self.names(path):
            version = self.version_at(name, position)
            if version is not None and version.blob is not None:
                return name, version.blob
        return None

    def at_head(self, path: str) -> FileVersion | None:
        """The committed version of ``path`` at HEAD."""
        return self.version_at(path, 0) if self.commits else None

    def first_seen(self, path: str) -> int | None:
        """The commit at which the file first entered history, under any of its names
        (:meth:`oldest` of the commits that changed it)."""
        return self.oldest(v.position for _, v in self.changes(path))

    # Positions follow git's topological order: a commit comes before its ancestors, but
    # two commits on separate branches may come in either order, and do come in another
    # one in a history read on from a cached older HEAD than in one read whole. Which of
    # them is older or newer is asked here, the same whatever the listing.
    def _when(self, position: int) -> tuple[int, str]:
        commit, time = self.commits[position]
        return time, commit

    def oldest(self, positions: Iterable[int]) -> int | None:
        """The oldest of the commits ``positions``: of those none of the others is an
        ancestor of, the earliest committer time, then the smallest id."""
        graph = self.graph()
        roots: list[int] = []
        for position in sorted(set(positions), reverse=True):  # ancestors first
            if not any(graph.is_ancestor(root, position) for root in roots):
                roots.append(position)
        return min(roots, key=self._when) if roots else None

    def newest(self, positions: Iterable[int]) -> int | None:
        """The newest of the commits ``positions``: of those that are no ancestor of
        another, the latest committer time, then the greatest id."""
        graph = self.graph()
        tops: list[int] = []
        for position in sorted(set(positions)):  # descendants first
            if not any(graph.is_ancestor(position, top) for top in tops):
                tops.append(position)
        return max(tops, key=self._when) if tops else None

    def find_commit(self, ref: str) -> int | None:
        """Index of a commit given by a full or abbreviated id."""
        ref = ref.strip().lower()
        if len(ref) < 4:
            return None
        for index, (sha, _) in enumerate(self.commits):
            if sha.startswith(ref):
                return index
        return None

    def position(self, sha: str) -> int | None:
        """Index of a commit given by its full id (a map built on first use)."""
        if self._positions is None:
            self._positions = {commit: i for i, (commit, _) in enumerate(self.commits)}
        return self._positions.get(sha)

    def changed_since(self, commit: str) -> frozenset[str] | None:
        """The site-relative paths changed (on first-parent edges, under any name: a
        rename changes both) by the commits reachable from HEAD but not from ``commit``;
        ``None`` when ``commit`` is not in this history. A file none of them changed has
        the same versions at the same commits: whatever was worked out from its history
        at ``commit`` holds at HEAD."""
        if commit == self.head:
            return frozenset()
        if self._since is not None and self._since[0] == commit:
            return self._since[1]  # (read from git log for exactly those commits)
        if commit in self._changed:
            return self._changed[commit]
        found = None
        old = self.position(commit)
        if old is not None:
            graph = self.graph()
            new = {i for i in range(len(self.commits)) if not graph.is_ancestor(i, old)}
            found = frozenset(
                path
                for path, versions in self.files.items()
                if any(v.position in new for v in versions)
            )
        self._changed[commit] = found
        return found

    def unchanged_since(self, commit: str, path: str) -> bool:
        """No commit since ``commit`` (reachable from HEAD, not from it) changed the file
        at ``path`` under any of its names (:meth:`changed_since`); ``False`` when
        ``commit`` is not in this history."""
        changed = self.changed_since(commit)
        return changed is not None and not any(name in changed for name in self.names(path))

    def commit_time(self, index: int) -> int:
        return self.commits[index][1]

    def graph(self) -> _Graph:
        """Ancestry questions on the commit graph (built on first use, not cached on disk)."""
        if self._graph is None:
            self._graph = _Graph(self.parents)
        return self._graph

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


class _Graph:
    """Ancestry in a commit graph given in topological order (children first).

    First-parent lines form a forest; an Euler tour of it answers "is ``a`` on ``d``'s
    first-parent line" in O(1). Full ancestry uses a bit set per commit for histories of
    up to :data:`ANCESTOR_BITS_LIMIT` commits, else a walk bounded by position.
    """

    def __init__(self, parents: list[tuple[int, ...]]) -> None:
        self.parents = parents
        count = len(parents)
        children: list[list[int]] = [[] for _ in range(count)]
        roots = []
        for i, ps in enumerate(parents):
            if ps:
                children[ps[0]].append(i)
            else:
                roots.append(i)
        self._enter = [0] * count
        self._leave = [0] * count
        clock = 0
        for root in roots:
            stack = [(root, False)]
            while stack:
                node, done = stack.pop()
                if done:
                    self._leave[node] = clock
                    continue
                self._enter[node] = clock
                clock += 1
                stack.append((node, True))
                stack.extend((child, False) for child in children[node])
        self._bits: list[int] | None = None
        if count <= ANCESTOR_BITS_LIMIT:
            bits = [0] * count
            for i in range(count - 1, -1, -1):  # parents come after their children
                mask = 1 << i
                for p in parents[i]:
                    mask |= bits[p]
                bits[i] = mask
            self._bits = bits

    def on_first_parent_line(self, ancestor: int, descendant: int) -> bool:
        """``ancestor`` is ``descendant`` or reached from it by first parents only."""
        return self._enter[ancestor] <= self._enter[descendant] < self._leave[ancestor]

    def is_ancestor(self, ancestor: int, descendant: int) -> bool:
        """``ancestor`` is ``descendant`` or one of its ancestors."""
        if self._bits is not None:
            return bool(self._bits[descendant] >> ancestor & 1)
        if ancestor < descendant:
            return False
        seen = {descendant}
        todo = [descendant]
        while todo:
            node = todo.pop()
            if node == ancestor:
                return True
            for p in self.parents[node]:
                if p <= ancestor and p not in seen:  # an ancestor comes after its children
                    seen.add(p)
                    todo.append(p)
        return False


_LOG = [
    "log", "-z", "--raw", "--no-abbrev", "-M", "--diff-merges=first-parent",
    "--topo-order", "--full-history", "--sparse", "--format=%x01%H %P %ct",
]  # fmt: skip


def _log_args(content: str, revisions: str) -> list[str]:
    return [*_LOG, revisions, "--", *content.split("\n")]


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
