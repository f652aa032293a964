"""Content moved in from a folder outside the history's pathspecs: which folder.

``git log`` reads the history limited to the content folders, and git detects renames
only among the paths it was limited to. A site folder moved (``git mv website site``),
a content folder moved within the site, or a collection folder moved in from outside
then reads as every file being *added* by the move, and the move would be the
baseline of every translation in it: a stale translation would read up to date.

So, after the log, the commits that may have moved content in are picked out with
nothing but the history already read (``GitHistory.moved_in``): a commit that added a
file to a folder that had no file in the commit's first parent (the site, the content
folder or a collection folder arrived whole). A normal history, whose new pages go
into folders that exist, has none, and no process is started. For those commits, one
``git diff-tree --stdin -M`` without a pathspec gives git's renames
(:data:`DIFF_TREE_ARGS`, read by :func:`renames`), and the folder each moved file came
from (:func:`moved_from`) is added to the pathspecs the history is read with: the
history is read again, and git then sees the move as renames, which the baseline walk
follows like any other. The folders are kept with the history, so a later run that
reads only the new commits reads them too.

Not followed: a single file moved from outside into a folder that had other files
(the move reads as an addition, as before); renames git's own limits leave undetected
(``diff.renameLimit`` in a very large move, similarity under 50 %). A copy is never a
rename (no ``-C``): a copied site starts its own history at the copy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

MOVE_ROUNDS = 16
"""At most how many times the history is read again for content moved in (a folder
moved in from a folder that had itself been moved in: each step is a round). A history
read on from a cached one starts from the folders that one followed, so a chain longer
than this could be followed further warm than cold; a round costs a ``git log``, and
only a history with moves in it pays any."""
DIFF_TREE_ARGS = ["diff-tree", "--stdin", "-z", "-r", "-M", "--raw", "--no-abbrev"]
DIFF_TREE_ARGS += ["--diff-filter=R"]
"""Renames of the commits given on stdin (``<commit> <first parent>`` a line), the
whole tree compared: no pathspec limits git's rename detection."""


class Rename(NamedTuple):
    """One rename git detected in a commit, repository-relative paths."""

    commit: str
    old: str
    new: str


def renames(out: str) -> list[Rename]:
    """The renames in the output of ``git diff-tree`` with :data:`DIFF_TREE_ARGS`."""
    found: list[Rename] = []
    fields = out.split("\0")
    commit = ""
    i = 0
    while i < len(fields):
        field = fields[i]
        if field.startswith(":"):
            status = field.split(" ")[-1][:1]
            if status in ("R", "C"):  # two paths follow
                if status == "R" and i + 2 < len(fields):
                    found.append(Rename(commit, fields[i + 1], fields[i + 2]))
                i += 3
            else:
                i += 2
            continue
        if field.strip():
            commit = field.strip()
        i += 1
    return found


def within(path: str, spec: str) -> bool:
    """``path`` is at or below the folder (or file) ``spec`` (``"."``: the whole tree)."""
    return spec == "." or path == spec or path.startswith(spec + "/")


def moved_from(rename: Rename, specs: Sequence[str]) -> str:
    """The folder (at worst the file) the new path's files came from: the old path less
    what the two paths end with alike, where the new path is in the pathspec ``specs``.

    The site moved (``website/content/en/a.md`` → ``site/content/en/a.md``, pathspec
    ``site/content``): ``website/content``. A collection moved in
    (``archive/news/a.md`` → ``content/en/news/a.md``, or ``content/en/reports/a.md``):
    ``archive/news``. A file moved and renamed: the old file."""
    root = max((s for s in specs if within(rename.new, s)), key=len, default=".")
    rest = (rename.new if root == "." else rename.new[len(root) + 1 :]).split("/")
    old = rename.old.split("/")
    same = 0
    while same < min(len(rest), len(old)) and rest[-1 - same] == old[-1 - same]:
        same += 1
    if same == len(rest) and same < len(old):
        return "/".join(old[: len(old) - same])  # the pathspec's folder moved whole
    if same >= 2:
        return "/".join(old[: len(old) - same + 1])  # a folder inside it moved in
    if same == 1 and len(old) > 1:
        return "/".join(old[:-1])  # a folder moved in under another name
    return rename.old  # a file moved and renamed


def new_folders(found: Iterable[Rename], specs: Sequence[str]) -> list[str]:
    """The folders content was moved in from, by ``found``, that ``specs`` lack."""
    folders: list[str] = []
    for rename in found:
        if "\n" in rename.old or not any(within(rename.new, s) for s in specs):
            continue
        if any(within(rename.old, s) for s in (*specs, *folders)):
            continue
        folders.append(moved_from(rename, specs))
    return folders
