"""A paragraph diff as a person reads it: each line keeps its ``+``/``-`` mark when it
wraps, and the words that changed inside a changed paragraph are marked, as
``git diff --word-diff`` does (a one-character change at the end of a long paragraph
is otherwise invisible).

Pure: :func:`diff_lines` turns a unified diff (one paragraph a line) into
:class:`DiffLine` values; the terminal and HTML views draw them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from sastra.khmer.unicode import text_pieces


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff."""

    mark: str
    """``"+"``, ``"-"``, ``" "`` (context) or ``"@"`` (a hunk or file header)."""
    parts: tuple[tuple[str, bool], ...]
    """The text, in pieces; ``True`` marks a piece that changed inside the paragraph."""

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.parts)


def diff_lines(diff: str) -> list[DiffLine]:
    """The lines of a unified diff; a run of removed paragraphs followed by a run of
    added ones is paired up in order, and each pair's changed words are marked."""
    raw = diff.splitlines()
    out: list[DiffLine] = []
    i = 0
    while i < len(raw):
        line = raw[i]
        if line.startswith(("---", "+++", "@@")):
            out.append(DiffLine("@", ((line, False),)))
            i += 1
            continue
        if not line.startswith("-"):
            mark = "+" if line.startswith("+") else " "
            out.append(DiffLine(mark, ((line[1:], False),)))
            i += 1
            continue
        removed = []
        while i < len(raw) and raw[i].startswith("-") and not raw[i].startswith("---"):
            removed.append(raw[i][1:])
            i += 1
        added = []
        while i < len(raw) and raw[i].startswith("+") and not raw[i].startswith("+++"):
            added.append(raw[i][1:])
            i += 1
        pairs = min(len(removed), len(added))
        olds: list[DiffLine] = []
        news: list[DiffLine] = []
        for k in range(pairs):
            old_parts, new_parts = word_changes(removed[k], added[k])
            olds.append(DiffLine("-", old_parts))
            news.append(DiffLine("+", new_parts))
        olds += [DiffLine("-", ((text, False),)) for text in removed[pairs:]]
        news += [DiffLine("+", ((text, False),)) for text in added[pairs:]]
        out += olds + news
    return out


def word_changes(
    old: str, new: str
) -> tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, bool], ...]]:
    """Both texts in pieces, the pieces that differ marked ``True``."""
    a, b = text_pieces(old), text_pieces(new)  # (a Khmer change is marked by clusters)
    old_parts: list[tuple[str, bool]] = []
    new_parts: list[tuple[str, bool]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        _add(old_parts, "".join(a[i1:i2]), changed)
        _add(new_parts, "".join(b[j1:j2]), changed)
    return tuple(old_parts), tuple(new_parts)


def _add(parts: list[tuple[str, bool],], piece: str, changed: bool) -> None:
    if not piece:
        return
    if parts and parts[-1][1] == changed:
        parts[-1] = (parts[-1][0] + piece, changed)
    else:
        parts.append((piece, changed))
