"""Hugo shortcodes in a Markdown body (pure): ``{{< name args >}}``, ``{{% name args %}}``,
their closing tags (``{{< /name >}}``), the self-closing form (``{{< name />}}``), and
the escaped form Hugo shows as it is (``{{</* name */>}}`` shows ``{{< name >}}``).

Sastra does not run Hugo's templates. A ``ref``/``relref`` shortcode names a content
page (:attr:`Shortcode.ref`): the build links it to that page. Any other shortcode is
left out with its arguments and what it wraps is kept, as the build does with MDX
components. The fingerprint and review read a body with :func:`without_shortcodes`:
a shortcode's arguments (a path, a year in a file name) are never prose.

The syntax is Hugo's own: https://gohugo.io/content-management/shortcodes/ and
https://gohugo.io/content-management/cross-references/ (``ref "path#anchor"``,
``ref path="…" lang="en"``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote

# One argument: a quoted string (escapes allowed), a raw `string`, or a bare word.
_ARG = r'"(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`=>%}]+'
SHORTCODE = re.compile(
    r"\{\{(?:(?P<lt><)|%)\s*"
    r"(?:/\*(?P<escaped>.*?)\*/"
    rf"|(?P<closing>/)?\s*(?P<name>[\w.-]+(?:/[\w.-]+)*)(?P<args>(?:\s+(?:[\w-]+\s*=\s*)?(?:{_ARG}))*)\s*/?)"
    r"\s*(?(lt)>|%)\}\}",
    re.DOTALL,
)
"""A shortcode tag (opening, closing or self-closing), or an escaped one."""
_ONE_ARG = re.compile(rf"(?:(?P<key>[\w-]+)\s*=\s*)?(?P<value>{_ARG})", re.DOTALL)
REFS = ("ref", "relref")
"""Hugo's shortcodes that give the address of a content page."""


@dataclass(frozen=True)
class Shortcode:
    """One shortcode tag of a body."""

    start: int
    """Offset of its ``{{`` in the body."""
    end: int
    """Offset just after its ``}}``."""
    name: str
    """``ref``, ``figure``…; empty for an escaped tag."""
    closing: bool = False
    """A closing tag (``{{< /notice >}}``)."""
    positional: tuple[str, ...] = ()
    """Positional arguments, unquoted."""
    named: tuple[tuple[str, str], ...] = ()
    """``key=value`` arguments, unquoted, in order."""
    literal: str | None = None
    """For an escaped tag, the text Hugo shows in its place (``{{< name >}}``)."""

    def get(self, key: str) -> str | None:
        return next((v for k, v in self.named if k == key), None)

    @property
    def ref(self) -> tuple[str, str | None] | None:
        """For ``ref``/``relref``: the page's path as written (``news/x.md#anchor``) and
        the language asked for (``lang=``), else ``None``."""
        if self.name not in REFS or self.closing:
            return None
        path = self.get("path") or (self.positional[0] if self.positional else None)
        return (path, self.get("lang")) if path else None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return re.sub(r"\\(.)", r"\1", value[1:-1], flags=re.DOTALL)
    if len(value) >= 2 and value[0] == value[-1] == "`":
        return value[1:-1]
    return value


def shortcodes(body: str) -> list[Shortcode]:
    """Every shortcode tag of ``body``, in order."""
    if "{{<" not in body and "{{%" not in body:
        return []
    found = []
    for match in SHORTCODE.finditer(body):
        if match["escaped"] is not None:
            mark, end = ("<", ">") if match["lt"] else ("%", "%")
            literal = f"{{{{{mark}{match['escaped']}{end}}}}}"
            found.append(Shortcode(match.start(), match.end(), "", literal=literal))
            continue
        positional: list[str] = []
        named: list[tuple[str, str]] = []
        for arg in _ONE_ARG.finditer(match["args"]):
            value = _unquote(arg["value"])
            if arg["key"]:
                named.append((arg["key"], value))
            elif value != "/":
                positional.append(value)
        found.append(
            Shortcode(
                match.start(),
                match.end(),
                match["name"],
                match["closing"] is not None,
                tuple(positional),
                tuple(named),
            )
        )
    return found


def replace_shortcodes(body: str, replace: Callable[[Shortcode], str]) -> str:
    """``body`` with each shortcode tag replaced by ``replace(tag)``; the lines a tag
    spans are kept (its newlines follow the replacement), so line numbers hold."""
    found = shortcodes(body)
    if not found:
        return body
    parts: list[str] = []
    pos = 0
    for code in found:
        lines = "\n" * body.count("\n", code.start, code.end)
        parts += [body[pos : code.start], replace(code), lines]
        pos = code.end
    parts.append(body[pos:])
    return "".join(parts)


REF_SCHEME = "hugo-ref:"
"""How :func:`without_shortcodes` writes a ``ref``: ``hugo-ref:news/x.md#top?lang=en``,
a link destination that :func:`read_ref` reads back (review places it on the site)."""


def _for_text(code: Shortcode) -> str:
    if code.literal is not None:
        return code.literal
    ref = code.ref
    if ref is not None:  # a link destination, never text
        path, lang = ref
        return REF_SCHEME + quote(path, safe="/#.-_~") + (f"?lang={quote(lang)}" if lang else "")
    return ""


def read_ref(href: str) -> tuple[str, str | None] | None:
    """The ``(path, lang)`` of a destination :func:`without_shortcodes` wrote for a
    ``ref``; ``None`` for any other link."""
    if not href.startswith(REF_SCHEME):
        return None
    path, _, lang = href[len(REF_SCHEME) :].partition("?lang=")
    return unquote(path), unquote(lang) or None


def without_shortcodes(body: str) -> str:
    """``body`` as the fingerprint and review read it: a ``ref``/``relref`` as a link
    destination (:data:`REF_SCHEME`), an escaped tag as the text Hugo shows, any other
    tag left out (what it wraps stays), every line kept. A body without shortcodes is
    returned as it is, so its fingerprint is what it always was."""
    return replace_shortcodes(body, _for_text)
