"""Rendering one page (in the build process or in a worker process of the pool).

A :class:`Renderer` holds the theme of every language; :func:`render_page`
turns a :class:`~sastra.render.pages.PageSpec` into bytes, with the images the
page needs and the problems met (a missing image, a template error).
:func:`render_page` is the job of :class:`~sastra.parallel.SharedPool`: forked
workers inherit the renderer and the page specs of a :class:`RenderJob`, so the
pool sends page numbers, not pickled specs, and they write the pages they render.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from sastra.catalogs import UiCatalog, load_ui_catalog
from sastra.config.model import Config
from sastra.model import (
    Diagnostic,
    Location,
    Severity,
    is_mdx,
    lead_heading,
    without_lead_heading,
    without_mdx_statements,
)
from sastra.names import read_glossary
from sastra.render import output
from sastra.render.assets import (
    asset_refusal,
    image_output,
    image_source,
    is_external,
    link_target,
    not_in_static,
    static_address,
    static_file,
    url_path,
)
from sastra.render.markdown import RenderEnv, render_markdown
from sastra.render.pages import PageSpec
from sastra.render.templates import Theme


@dataclass(frozen=True)
class Rendered:
    """The result of rendering one page."""

    out: str
    """Output path of the page."""
    data: bytes | None
    """The page, ``None`` when it failed."""
    assets: tuple[tuple[str, str], ...]
    """``(output path, source path)`` of every image the body uses."""
    problems: tuple[Diagnostic, ...]
    """Errors: missing images, template errors."""
    fallbacks: tuple[tuple[str, str, str], ...]
    """``("ui", lang, msgid)`` of UI strings shown in English, ``("name", lang, name)`` of
    names the ``name`` filter romanized for want of a glossary entry, ``("html", path,
    line)`` of raw HTML shown as text, ``("mdx", path, "line:Name,…")`` of MDX components
    left out, ``("link", path, "line␟output path␟address")`` of each link to a page of the
    site, ``("static", path, "line␟warning")`` of each site-absolute image no static
    folder holds (warnings kept with the page, so a build that reuses it warns again)."""
    written: bool = False
    """A pool worker wrote the page into the new output tree itself (``data`` is ``None``)."""


class Renderer:
    """The theme and catalogs of a site, ready to render any page."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.catalogs: dict[str, UiCatalog] = {}
        self.catalog_problems: list[Diagnostic] = []
        for lang in config.languages:
            catalog, diags = load_ui_catalog(config, lang)
            self.catalogs[lang] = catalog
            self.catalog_problems += diags
        glossary_path = config.glossary_path
        self.glossary, glossary_problems = read_glossary(glossary_path, config.rel(glossary_path))
        self.catalog_problems += [d for d in glossary_problems if d.severity is Severity.ERROR]
        self.theme = Theme(config, self.catalogs, _hints(config), self.glossary)

    def render(self, spec: PageSpec) -> Rendered:
        """Render one page; problems are returned, never raised."""
        problems: list[Diagnostic] = []
        assets: list[tuple[str, str]] = []
        context = spec.context
        article = spec.article
        self.theme.fallbacks = set()
        if article is not None:
            root = str(context["root"])

            unpublished: set[str] = set()  # warnings, not errors: the file may be served

            def resolve(src: str) -> tuple[str | None, str | None]:
                rel = static_address(self.config, src)
                if rel is not None:  # Hugo's /images/x.png: static/images/x.png
                    found = static_file(self.config, rel)
                    if found is None:
                        unpublished.add(message := not_in_static(self.config, src))
                        return src, message
                    assets.append((rel, str(found)))
                    return root + url_path(rel), None
                if is_external(src):
                    return src, None
                source = image_source(self.config, article.path, src)
                if not source.is_file():
                    return None, f"image not found: {src}"
                refused = asset_refusal(self.config, source)
                out = image_output(self.config, source) if refused is None else None
                if out is None:
                    return None, f"image not published: {src}: {refused or 'outside the site'}"
                assets.append((out, str(source)))
                return root + url_path(out), None

            hook = self.theme.hints if article.lang.split("-")[0] == "km" else None
            env = RenderEnv(resolve, article.body_line, hook)
            body = article.body
            if is_mdx(article.path):  # (import and export lines are code, not text)
                body = without_mdx_statements(body)
            if lead_heading(body) == article.title:  # the page shows the title already
                body = without_lead_heading(body)
            mdx = is_mdx(article.path)
            html = render_markdown(body, env, allow_html=self.config.build.allow_html, mdx=mdx)
            for line, message in env.problems:
                if message in unpublished:
                    self.theme.fallbacks.add(("static", article.path, f"{line}\x1f{message}"))
                else:
                    problems.append(Diagnostic(Location(article.path, line), message))
            if env.raw_html is not None:
                self.theme.fallbacks.add(("html", article.path, str(env.raw_html)))
            for line, href in env.links:  # checked once every page's output is known
                target = link_target(spec.out, href, self.config.site.base_url)
                if target is not None:
                    self.theme.fallbacks.add(
                        ("link", article.path, f"{line}\x1f{target}\x1f{href}")
                    )
            if env.components:
                line = min(env.components.values())
                names = ",".join(sorted(env.components, key=env.components.__getitem__))
                self.theme.fallbacks.add(("mdx", article.path, f"{line}:{names}"))
            context = {**context, "article": {**context["article"], "content": Markup(html)}}
        data: bytes | None = None
        try:
            template = self.theme.template(spec.lang, spec.templates)
            data = template.render(context).encode("utf-8")
        except Exception as exc:  # any template failure is the theme's, reported with its line
            problems.append(self.theme.error_of(exc))
        fallbacks = tuple(sorted(self.theme.fallbacks))
        return Rendered(spec.out, data, tuple(assets), tuple(problems), fallbacks)


def _hints(config: Config) -> Callable[[str], str] | None:
    if not config.build.line_breaks:
        return None
    from sastra.khmer.segment import break_hints
    from sastra.khmer.segment_cache import SegmentCache

    cache = SegmentCache(config.cache_dir)

    def hints(text: str) -> str:
        return break_hints(text, cache=cache)

    return hints


@dataclass
class RenderJob:
    """The pages of one build and the renderer for them: what a :class:`SharedPool`
    hands its workers (inherited under ``fork``: only page numbers travel)."""

    renderer: Renderer
    """The theme and catalogs."""
    specs: Sequence[PageSpec]
    """The pages to render, numbered by their position."""
    stage: str | None = None
    """The new output tree pages are written into as they render (``None``: none, the
    pages come back with their bytes)."""
    made: set[str] = field(default_factory=set)
    """Folders of ``stage`` this process has created (each forked worker has its own)."""


def render_page(job: RenderJob, index: int) -> Rendered:
    """Render page ``index`` of ``job``; a page without problems is written into the new
    output tree when there is one, and comes back without its bytes."""
    result = job.renderer.render(job.specs[index])
    if job.stage is None or result.data is None or result.problems:
        return result
    output.write_new(job.stage, result.out, result.data, job.made)
    return dataclasses.replace(result, data=None, written=True)
