"""Where names are looked for, and how they are recognised in running text.

* :func:`scan_regions`: the parts of a Markdown file a reader sees as text (string
  values of the frontmatter except the ``l10n`` block; the body without code, link
  targets or HTML tags), as offsets into the file's text, so a fix touches nothing else.
* :func:`latin_pattern`: one word-bounded regex for a set of Latin names.
* :func:`khmer_mentions` and :func:`latin_mentions` (from
  :mod:`sastra.khmer.honorifics` and :mod:`sastra.khmer.honorifics_latin`, the one
  honorific/title parser): the names written
  after an honorific (ឯកឧត្តម ម៉ៅ សិលា, H.E. Mao Sela), with the honorifics and offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from sastra.content.frontmatter import frontmatter_bounds
from sastra.content.yamlsafe import compose as compose_safe
from sastra.khmer.honorifics import KM_HONORIFICS, Mention, khmer_mentions
from sastra.khmer.honorifics_latin import LATIN_HONORIFICS, latin_mentions

__all__ = [
    "KM_HONORIFICS",
    "LATIN_HONORIFICS",
    "Mention",
    "khmer_mentions",
    "latin_mentions",
    "latin_pattern",
    "mask_markup",
    "scan_regions",
]

_TOML_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'")
_MASKS = re.compile(
    r"^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[^\n]*$"  # fenced code
    r"|`[^`\n]+`"  # inline code
    r"|\]\((?:[^)\n\]]|\](?!\())*\)"  # link and image targets (up to the next one)
    r"|^[ \t]*\[[^\]\n]+\]:[^\n]*$"  # reference definitions
    r"|<[^<>\n]+>",  # HTML tags and autolinks (up to the next "<": linear time)
    re.MULTILINE | re.DOTALL,
)
_GAP = r"(?:[ \t]*\r?\n[ \t]*|[ \t]+)"


def scan_regions(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the reader-visible text of a Markdown file."""
    regions: list[tuple[int, int]] = []
    body_start = 0
    bounds = frontmatter_bounds(text)
    if bounds is not None:
        read = _frontmatter_regions if bounds.mark == "---" else _toml_regions
        regions += read(text[bounds.start : bounds.end], bounds.start)
        body_start = bounds.close_end
    last = body_start
    for match in _MASKS.finditer(text, body_start):
        if match.start() > last:
            regions.append((last, match.start()))
        last = match.end()
    if last < len(text):
        regions.append((last, len(text)))
    return regions


def mask_markup(body: str) -> str:
    """The Markdown body with code, link targets and HTML tags blanked (offsets kept)."""
    return _MASKS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


_PATH_LIKE = re.compile(r"^['\"]?(?:[@~.]?/|\w+://)|\.\w{2,4}['\"]?$")


def _toml_regions(fm: str, offset: int) -> list[tuple[int, int]]:
    """The insides of the one-line strings of TOML frontmatter, outside ``[l10n]``."""
    out: list[tuple[int, int]] = []
    at = 0
    in_l10n = False
    for line in fm.split("\n"):
        header = line.strip()
        if header.startswith("["):
            in_l10n = header.split("#")[0].strip() == "[l10n]"
        elif not in_l10n and not line.lstrip().startswith("l10n"):
            for found in _TOML_STRING.finditer(line):
                if not _PATH_LIKE.search(found.group(0)):
                    out.append((offset + at + found.start() + 1, offset + at + found.end() - 1))
        at += len(line) + 1
    return out


def _frontmatter_regions(fm: str, offset: int) -> list[tuple[int, int]]:
    try:
        root = compose_safe(fm)
    except yaml.YAMLError:
        return []  # the content loader reports bad frontmatter
    out: list[tuple[int, int]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":str") and not _PATH_LIKE.search(node.value):
                out.append((offset + node.start_mark.index, offset + node.end_mark.index))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not (node is root and key.value == "l10n"):
                    walk(value)

    if root is not None:
        walk(root)
    return out


def latin_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of ``names`` as whole words (longest first), or ``None``.

    Case-sensitive; the words of a name may be separated by spaces or one line break.
    """
    alternatives = sorted({" ".join(n.split()) for n in names if n.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    body = "|".join(_GAP.join(re.escape(w) for w in n.split()) for n in alternatives)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")
