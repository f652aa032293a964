"""Markdown to HTML with markdown-it-py: CommonMark, tables, heading anchors, checked images.

The pipeline is markdown-it's, plus two core rules of ours:

* ``sastra_lines`` gives every inline child token the file line it sits on
  (markdown-it maps blocks only), so a diagnostic can say ``path:line``;
* ``sastra_images`` resolves each image's ``src`` through a caller-given
  function (``@/assets/…``, relative paths) and rewrites it to the output URL, or
  records the image as missing; it records every link's address and line too.

* ``sastra_html`` drops HTML comments (``<!-- TRANSLATE: … -->`` notes never reach a
  page) and, unless the site allows raw HTML, turns the rest of it into text, escaped
  on the page, and records the line of the first such piece.

An MDX page (``mdx=True``) is read as MDX reads it: no indented code blocks, and JSX
component tags (``<Tabs>``, ``<TabItem value="a">``, ``</Tabs>``, ``<Hint />``, a
capitalised or dotted name) are not HTML: the build cannot run them, so the tags are
left out and what they wrap is shown as Markdown, and their names are recorded.

Khmer line-break hints, when asked for, go into text tokens only: never into attributes, URLs,
inline code or code blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.anchors import anchors_plugin

from sastra.content import slugify
from sastra.content.markdown import parse

#: ``resolve(src) -> (url, None)`` for an image found, ``(None, message)`` for a problem,
#: ``(src, None)`` to keep the address as it is (an external or site-absolute URL),
#: ``(url, message)`` for both (the address is used and the problem recorded).
ImageResolver = Callable[[str], tuple[str | None, str | None]]
#: Text transform for text nodes (Khmer line-break hints), or ``None``.
TextHook = Callable[[str], str]


@dataclass
class RenderEnv:
    """What one call of :func:`render_markdown` needs and reports (markdown-it's ``env``)."""

    resolve: ImageResolver
    """Maps an image address to its output URL."""
    first_line: int
    """File line of the body's first line."""
    text_hook: TextHook | None = None
    """Applied to every text node (escaped afterwards)."""
    problems: list[tuple[int, str]] = field(default_factory=list)
    """``(line, message)`` of every image that could not be resolved."""
    images: list[str] = field(default_factory=list)
    """Every image address found, in order."""
    raw_html: int | None = None
    """File line of the first raw HTML shown as text (``allow_html`` off), if any."""
    links: list[tuple[int, str]] = field(default_factory=list)
    """``(file line, address)`` of every link, in order."""
    components: dict[str, int] = field(default_factory=dict)
    """MDX component names whose tags were left out, with the file line of the first."""


def _lines_rule(state: StateCore) -> None:
    """Give each inline child its 0-based line inside the body (``meta['line']``)."""
    for token in state.tokens:
        if token.type != "inline" or token.map is None or not token.children:
            continue
        line = token.map[0]
        for child in token.children:
            child.meta["line"] = line
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type in ("text", "code_inline", "html_inline"):
                line += child.content.count("\n")


def _images_rule(state: StateCore) -> None:
    env = state.env.get("sastra")
    if not isinstance(env, RenderEnv):
        return
    for token in state.tokens:
        for child in token.children or ():
            if child.type == "link_open":
                line = env.first_line + int(child.meta.get("line", 0))
                env.links.append((line, str(child.attrGet("href") or "")))
            if child.type != "image":
                continue
            src = str(child.attrGet("src") or "")
            env.images.append(src)
            url, problem = env.resolve(src)
            if problem is not None:
                env.problems.append((env.first_line + int(child.meta.get("line", 0)), problem))
            if url is not None:
                child.attrSet("src", url)
            child.attrSet("loading", "lazy")


#: The warning for a page whose raw HTML was shown as text.
RAW_HTML = "raw HTML shown as text (set build.allow_html = true to pass it through)"


def drop_comments(text: str) -> str:
    """``text`` without its HTML comments: what ``re.sub(r"<!--.*?-->", "", text,
    flags=re.DOTALL)`` gives, in linear time (that pattern rescans the rest of the text
    from every ``<!--`` that is never closed: its time grows with their number squared)."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:  # no later opener can be closed either
            break
        parts.append(text[pos:start])
        pos = end + 3
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


# A JSX tag: opening (attributes may hold quoted strings or {expressions}, braces nested
# once), closing or self-closing, of a component (capitalised or dotted name) or a
# fragment (``<>``, ``</>``).
_JSX_TAG = re.compile(
    r"<(?:/?(?P<name>[A-Z][\w]*(?:\.[\w]+)*|[a-z][\w]*(?:\.[\w]+)+)"
    r"""(?:\s+(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*)?/?|/?)>"""
)
_JSX_LINE = re.compile(rf"[ \t]*(?:{_JSX_TAG.pattern}[ \t]*)+")


def _html_rule(state: StateCore) -> None:
    """Drop HTML comments; unless HTML is allowed, make other raw HTML text (on an MDX
    page, inline JSX component tags go first; lines of them went before parsing)."""
    env = state.env.get("sastra")
    allow = bool(state.md.options.get("sastra_allow_html"))
    mdx = bool(state.md.options.get("sastra_mdx"))
    first: list[int] = []
    kept: list[Token] = []
    for token in state.tokens:
        if token.type == "html_block":
            token.content = drop_comments(token.content)
            if not token.content.strip():
                continue
            if not allow:
                token.type = "sastra_html_text"
                first.append(token.map[0] if token.map else 0)
        for child in token.children or ():
            if child.type != "html_inline":
                continue
            if child.content.startswith("<!--"):
                child.content = ""
            elif mdx and _JSX_TAG.fullmatch(child.content):
                _record(env, child.content, int(child.meta.get("line", 0)))
                child.content = ""
            elif not allow:
                child.type = "text"
                first.append(int(child.meta.get("line", 0)))
        kept.append(token)
    state.tokens = kept
    if first and isinstance(env, RenderEnv):
        env.raw_html = env.first_line + min(first)


def _record(env: object, tags: str, line: int) -> None:
    """Note the components of ``tags`` (at body line ``line``) in ``env``."""
    if isinstance(env, RenderEnv):
        for found in _JSX_TAG.finditer(tags):
            env.components.setdefault(found["name"] or "<>", env.first_line + line)


def _without_component_lines(md: MarkdownIt, body: str, env: RenderEnv) -> str:
    """An MDX body with each line of only JSX component tags blanked (line numbers kept),
    outside code fences, and the components recorded in ``env``: what they wrap is then
    read as Markdown, as MDX reads it (a tag's line ends a paragraph)."""
    if not _JSX_TAG.search(body):
        return body
    lines = body.split("\n")
    code: set[int] = set()
    for token in parse(md, body, {}):
        if token.type == "fence" and token.map is not None:
            code.update(range(*token.map))
    for number, line in enumerate(lines):
        if number not in code and "<" in line and _JSX_LINE.fullmatch(line):
            _record(env, line, number)
            lines[number] = ""
    return "\n".join(lines)


def _render_html_text(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """A raw HTML block of a site that does not allow HTML: a paragraph of its text."""
    return f"<p>{escapeHtml(tokens[idx].content.strip())}</p>\n"


def _render_text(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    sastra = env.get("sastra")
    content = tokens[idx].content
    if isinstance(sastra, RenderEnv) and sastra.text_hook is not None:
        content = sastra.text_hook(content)
    return escapeHtml(content)


@cache
def _parser(allow_html: bool, mdx: bool = False) -> MarkdownIt:
    # HTML is always parsed, so comments can be dropped and the rest told apart.
    options = {
        "html": True, "typographer": False, "sastra_allow_html": allow_html, "sastra_mdx": mdx
    }  # fmt: skip
    md = MarkdownIt("commonmark", options)
    md.enable("table")
    if mdx:  # MDX has no indented code: an indented line in a component is text
        md.disable("code")
    md.use(anchors_plugin, min_level=1, max_level=4, slug_func=slugify)
    md.core.ruler.push("sastra_lines", _lines_rule)
    md.core.ruler.push("sastra_html", _html_rule)
    md.core.ruler.push("sastra_images", _images_rule)
    md.add_render_rule("text", _render_text)
    md.add_render_rule("sastra_html_text", _render_html_text)
    return md


def render_markdown(
    body: str, env: RenderEnv, *, allow_html: bool = False, mdx: bool = False
) -> str:
    """The body as HTML; image problems and addresses are recorded in ``env``."""
    md, context = _parser(allow_html, mdx), {"sastra": env}
    if mdx:
        body = _without_component_lines(md, body, env)
    return str(md.renderer.render(parse(md, body, context), md.options, context))


def find_images(body: str) -> list[tuple[int, str]]:
    """``(line in body, address)`` of every Markdown image, without rendering."""
    env = RenderEnv(resolve=lambda src: (src, None), first_line=0)
    tokens = parse(_parser(False), body, {"sastra": env})
    found: list[tuple[int, str]] = []
    for token in tokens:
        for child in token.children or ():
            if child.type == "image":
                found.append((int(child.meta.get("line", 0)), str(child.attrGet("src") or "")))
    return found
