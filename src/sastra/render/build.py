"""``i18n build``: the whole pipeline, top to bottom.

1. check the output folder (never the site root, a repository, a source or cache
   folder; outside the site or holding files no build wrote only when forced);
2. if nothing any page depends on changed since the last build (content blobs,
   translation states, theme, catalogs, image files) and the output is all there,
   stop: nothing to do;
3. compile the theme and load the UI catalogs; plan every page
   (:func:`~sastra.render.plan.plan_site`) with the translation states;
4. render the pages whose inputs changed (cache keyed by the page's inputs, the
   theme's hash and the catalogs' hash; a page that did not change keeps the
   previous file's bytes), in a process pool when there are many;
5. stop with *every* problem if there is any (:class:`BuildError`): the previous
   site is untouched;
6. write: a new tree next to the output (rendered pages as they come, unchanged
   ones hard-linked from the previous output), swapped in with two renames: an
   interrupted build leaves the old site or the new one, never a mix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sastra.addresses import url_for
from sastra.cache import BUILD
from sastra.config.model import Config
from sastra.errors import BuildError
from sastra.model import (
    UPDATED_FIELDS,
    Article,
    ArticleStatus,
    Diagnostic,
    Key,
    Location,
    Severity,
    as_date,
)
from sastra.render.assets import static_files
from sastra.render.output import (
    MARKER,
    MARKER_TEXT,
    Staging,
    all_exist,
    check_output,
)
from sastra.render.pages import PageSpec
from sastra.render.state import BuildState, PageEntry, Stamp, load_state, save_state
from sastra.render.withhold import Withheld, withhold
from sastra.theme import shipped_catalog, theme_files
from sastra.tracking.site import site_status
from sastra.workspace import Site, open_tracker

if TYPE_CHECKING:  # Jinja2, markdown-it and the catalogs load only when a page is rendered
    from sastra.render.worker import Rendered, Renderer
    from sastra.tracking.history import GitHistory

log = logging.getLogger(__name__)
RENDER_VERSION = "2"
"""Bump to invalidate every built page by hand; a change of Sastra's own code or data does
it already (:func:`_code_hash`)."""
PAGE_WEIGHT = 2
"""What rendering a page costs next to the pool's cheapest job (see
:meth:`sastra.parallel.SharedPool.map`): a pool pays for itself from 200 pages."""

__all__ = ["BuildResult", "build", "output_path"]


@dataclass(frozen=True)
class BuildResult:
    """What a successful build did."""

    out_dir: Path
    """The output folder."""
    pages_written: int
    """Pages rendered by this build."""
    pages_reused: int
    """Pages whose inputs had not changed: the previous bytes were kept."""
    warnings: tuple[Diagnostic, ...]
    """Non-fatal problems (UI strings shown in English…)."""
    withheld: tuple[Withheld, ...] = ()
    """Versions left out of the site (drafts), see :mod:`sastra.render.withhold`."""


def output_path(config: Config, article: Article) -> Path:
    """The file of an article version: ``_site/<lang>/<collection>/<slug>/index.html``."""
    return config.output_dir / url_for(config, article.lang, article.key) / "index.html"


def build(
    site: Site,
    *,
    out_dir: Path | None = None,
    force: bool = False,
    jobs: int | None = None,
    drafts: bool = False,
) -> BuildResult:
    """Build the site into ``out_dir`` (default: ``config.output_dir``); drafts are left
    out unless ``drafts`` (:mod:`sastra.render.withhold`).

    Raises :class:`BuildError` with every problem found; the previous output is then untouched.
    """
    config = site.config
    out = (out_dir if out_dir is not None else config.output_dir).absolute()
    problems: list[Diagnostic] = list(site.errors)
    refused = check_output(config, out, force)
    if refused:
        raise BuildError([*problems, *refused])
    salt = f"{RENDER_VERSION}:{_code_hash()}:{_theme_hash(config)}:{config!r}:drafts={drafts}"
    cache_file = config.cache_dir / BUILD.name
    last = load_state(cache_file, out)
    old: Mapping[str, PageEntry] = last.pages if last is not None else {}
    statuses, updated = _statuses(site)
    pairs, withheld = withhold(site.pairs, statuses, drafts=drafts)
    log.info(
        "%d articles in %d pairs; %d withheld (drafts); translation states of %d pairs",
        len(site.articles), len(site.pairs), len(withheld), len(statuses),
    )  # fmt: skip
    site_key = _site_key(site, statuses, updated, salt, last.images if last else {}, old)
    stamps: Mapping[str, Stamp] = last.stamps if last is not None else {}
    if (
        not problems
        and last is not None
        and last.site_key == site_key
        and all_exist(out, last.outputs)
        and all(_stamp(out / rel) == stamp for rel, stamp in stamps.items())
    ):
        # Nothing that goes into any page changed, and the output is all there as written.
        log.info("nothing changed since the last build into %s", out)
        return BuildResult(out, 0, len(old), last.warnings, withheld)
    from sastra.render.plan import plan_site
    from sastra.render.worker import Renderer

    renderer = Renderer(config)
    problems += renderer.catalog_problems
    problems += renderer.theme.check()
    plan = plan_site(config, pairs, statuses, updated, renderer.theme.translated)
    problems += plan.problems
    fresh: dict[str, PageEntry] = {}
    todo: list[PageSpec] = []
    reused: list[str] = []
    hashes: dict[str, str] = {}
    salted = hashlib.blake2b(salt.encode("utf-8"), digest_size=16)
    for spec in plan.pages:
        digest = _spec_hash(spec, salted)
        hashes[spec.out] = digest
        hit = old.get(spec.out)
        if (
            hit is not None
            and hit.digest == digest
            and _still_valid(out / spec.out, hit.assets, stamps.get(spec.out))
        ):
            fresh[spec.out] = hit
            reused.append(spec.out)
        else:
            todo.append(spec)
    log.info(
        "planned %d pages: %d to render, %d unchanged", len(plan.pages), len(todo), len(reused)
    )
    # Each page goes into the new tree as soon as it is rendered (forked workers write
    # their own), so writing overlaps rendering; unchanged pages are linked in at the end.
    staging = None if problems else Staging(out)
    written: list[str] = []
    results = _render_all(renderer, todo, jobs, str(staging.tmp) if staging else None)
    try:
        for result in results:
            problems += result.problems
            if (result.data is None and not result.written) or result.problems:
                continue
            fresh[result.out] = PageEntry(hashes[result.out], result.assets, result.fallbacks)
            written.append(result.out)
            if not result.written and staging is not None and result.data is not None:
                staging.write(result.out, result.data)
        if problems:
            raise BuildError(_unique(problems))
    except OSError as exc:
        results.close()
        if staging is not None:
            staging.discard()
            raise staging.naming(exc) from None
        raise
    except BaseException:
        results.close()  # the workers stop writing into the new tree before it goes
        if staging is not None:
            staging.discard()
        raise
    assert staging is not None  # (problems raised above)
    files = {**plan.files, MARKER: MARKER_TEXT}
    assets, overlaps = _fixed_files(config, {*written, *reused, *files})
    assets.update({k: Path(v) for k, v in plan.images.items()})
    for page in fresh.values():
        assets.update({k: Path(v) for k, v in page.assets})
    outputs = {*written, *reused, *files, *assets}
    warnings = [
        *plan.warnings,
        *overlaps,
        *_fallback_warnings(renderer, (page.fallbacks for page in fresh.values()), outputs),
    ]
    log.info("writing %s (a new tree, unchanged files linked)", out)
    try:
        staging.finish(reused, assets, files)
    except OSError as exc:
        raise staging.naming(exc) from None
    images = dict(plan.images)
    state = BuildState(
        out=str(out),
        pages=fresh,
        images=images,
        site_key=_site_key(site, statuses, updated, salt, images, fresh),
        outputs=tuple(sorted(outputs)),
        stamps=_stamps(out, (*written, *reused)),
        warnings=tuple(warnings),
    )
    save_state(cache_file, state)
    return BuildResult(out, len(written), len(reused), tuple(warnings), withheld)


def _fixed_files(config: Config, generated: set[str]) -> tuple[dict[str, Path], list[Diagnostic]]:
    """The fixed files to copy (:func:`static_files`) but those where the build writes a
    page or file of its own (a Hugo site's ``static/robots.txt``), one warning each."""
    kept: dict[str, Path] = {}
    warnings = []
    for rel, source in static_files(config).items():
        if rel in generated:
            message = f"not copied: the build writes {rel} itself"
            warnings.append(Diagnostic(Location(config.rel(source)), message, Severity.WARNING))
        else:
            kept[rel] = source
    return kept, warnings


@cache
def _code_hash() -> str:
    """A hash of Sastra's own code and data: pages built by another version of it (an
    upgrade, a fix of the Markdown reading) are built again, not linked from the last
    build. (About 1 MB read, once a process.)"""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".tsv", ".yaml", ".json", ".txt") and path.is_file():
            digest.update(f"{path.relative_to(package).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _theme_hash(config: Config) -> str:
    """A hash of the theme's files (the site's and the shipped ones) and of every language's
    UI catalogs (the site's and the shipped ones)."""
    digest = hashlib.blake2b(digest_size=16)
    files = sorted(theme_files(config.templates_dir).values())
    for lang in config.languages:
        files += [config.i18n_dir / lang / "LC_MESSAGES" / "messages.po", shipped_catalog(lang)]
    for path in files:
        if path.is_file():
            digest.update(f"{path}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _site_key(
    site: Site,
    statuses: Mapping[Key, ArticleStatus],
    updated: Mapping[str, dt.date],
    salt: str,
    images: Mapping[str, str],
    pages: Mapping[str, PageEntry],
) -> str:
    """A hash of everything any page depends on: content, states, theme, catalogs, files
    (the build's ``images`` and the images its ``pages`` use included)."""
    digest = hashlib.blake2b(salt.encode("utf-8"), digest_size=16)
    for article in site.articles:
        digest.update(f"{article.path}\0{article.blob}\0".encode())
    digest.update(repr(sorted(statuses.items())).encode("utf-8"))
    digest.update(repr(sorted(updated.items())).encode("utf-8"))
    sources = {str(p) for p in static_files(site.config).values()}
    sources.update(str(s) for s in images.values())
    for page in pages.values():
        sources.update(src for _, src in page.assets)
    for source in sorted(sources):
        try:
            stat = os.stat(source)
            digest.update(f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{source}\0missing\0".encode())
    return digest.hexdigest()


def _statuses(site: Site) -> tuple[dict[Key, ArticleStatus], dict[str, dt.date]]:
    """Translation states (for stale notices and render-source) and source update dates."""
    config = site.config
    render_source = config.build.untranslated == "render-source"
    if not (config.build.stale_notice or render_source):
        return {}, {}
    with open_tracker(site) as tracker:
        statuses = {a.key: a for a in site_status(tracker, site.pairs).articles}
        updated: dict[str, dt.date] = {}
        for pair in site.pairs:
            status = statuses[pair.key]
            if status.source is None or status.source not in pair.versions:
                continue
            source = pair.versions[status.source]
            day = _updated_on(source, tracker.history)
            if day is not None:
                updated[source.path] = day
    return statuses, updated


def _updated_on(source: Article, history: GitHistory | None) -> dt.date | None:
    """The ``updated`` (Astro's ``updatedDate``) or ``lastmod`` field, else the date of the
    commit that gave the source its content at HEAD (on HEAD's first-parent line: not a
    side branch's edit a merge did not keep, whatever order git listed them in)."""
    for name in UPDATED_FIELDS:
        day = as_date(source.meta.get(name))
        if day is not None:
            return day
    if history is None:
        return None
    version = history.at_head(source.path)
    if version is None:
        return None
    stamp = history.commit_time(version.position)
    return dt.datetime.fromtimestamp(stamp, dt.UTC).date()


def _spec_hash(spec: PageSpec, salted: hashlib.blake2b) -> str:
    """The hash of everything a page is made of; ``salted`` has hashed the theme and config."""
    article = spec.article
    extra = (article.path, article.body_line) if article is not None else None
    payload = json.dumps(
        [spec.out, spec.lang, spec.templates, spec.context, extra],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    digest = salted.copy()
    digest.update(payload.encode("utf-8"))
    return digest.hexdigest()


def _still_valid(old_file: Path, assets: Sequence[tuple[str, str]], stamp: Stamp | None) -> bool:
    """Can the previous output of a page be kept: is it there as the build wrote it (not
    edited or emptied by hand since), and are its images still there?"""
    return (
        stamp is not None
        and _stamp(old_file) == stamp
        and all(os.path.isfile(src) for _, src in assets)
    )


def _stamp(path: Path) -> Stamp | None:
    """The size and mtime of a file the build wrote; ``None`` when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Stamp(st.st_size, st.st_mtime_ns)


def _stamps(out: Path, pages: Iterable[str]) -> dict[str, Stamp]:
    """The stamps of the pages just written (every one is there: it was just written)."""
    found = {rel: _stamp(out / rel) for rel in pages}
    return {rel: stamp for rel, stamp in found.items() if stamp is not None}


def _render_all(
    renderer: Renderer, specs: list[PageSpec], jobs: int | None, stage: str | None
) -> Generator[Rendered, None, None]:
    """Rendered pages in order, as they are ready: on every core through
    :class:`~sastra.parallel.SharedPool` when there are many. A page without problems is
    written into the staged tree ``stage`` where it was rendered (``Rendered.written``)."""
    from sastra.parallel import SharedPool
    from sastra.render.worker import RenderJob, render_page

    with SharedPool(RenderJob(renderer, specs, stage), jobs) as pool:
        yield from pool.map(render_page, range(len(specs)), weight=PAGE_WEIGHT)


def _unique(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    seen: dict[str, Diagnostic] = {}
    for diag in diags:
        seen.setdefault(str(diag), diag)
    return list(seen.values())


def _components_warning(pages: list[tuple[str, str]]) -> Diagnostic:
    """The warning that MDX components were shown as what they wrap: at the first page's
    first component, naming the components of every page (``(path, "line:Name,…")``)."""
    from sastra.render.leftout import left_out_warning

    names = [name for _, text in pages for name in text.split(":", 1)[1].split(",")]
    path, text = pages[0]
    return left_out_warning(
        Location(path, int(text.split(":", 1)[0])),
        (f"<{name}>" for name in names),
        len(pages),
        "MDX components",
        "shown as what they wrap",
        "the build does not run JSX",
    )


def _fallback_warnings(
    renderer: Renderer,
    per_page: Iterable[tuple[tuple[str, str, str], ...]],
    outputs: set[str],
) -> list[Diagnostic]:
    """One warning per UI string shown in English instead of a page's language, one per
    name the theme had to romanize because the glossary does not list it, one per file
    whose raw HTML was shown as text, one per link to a page not among ``outputs`` and per
    site-absolute image no static folder holds (in file and line order), and one line for
    all MDX components left out."""
    missing = sorted({item for page in per_page for item in page})
    warnings = []
    broken: list[Diagnostic] = []
    mdx = [(path, text) for kind, path, text in missing if kind == "mdx"]
    if mdx:  # one line for the whole site: a docs site has components on most pages
        warnings.append(_components_warning(mdx))
    for kind, lang, text in missing:  # for "html": the file's path and the line
        if kind == "mdx":
            continue
        if kind == "static":  # the article's path; the line, the warning
            line, message = text.split("\x1f", 1)
            broken.append(Diagnostic(Location(lang, int(line)), message, Severity.WARNING))
            continue
        if kind == "link":  # the article's path; the line, the output path, the address
            line, target, href = text.split("\x1f", 2)
            if target not in outputs:
                message = f"link to a page this site does not build: {href}"
                broken.append(Diagnostic(Location(lang, int(line)), message, Severity.WARNING))
            continue
        if kind == "html":
            from sastra.render.markdown import RAW_HTML

            where, message = Location(lang, int(text)), RAW_HTML
        elif kind == "name":
            from sastra.names import render_name

            shown, _ = render_name(text, lang, renderer.glossary)
            where = Location(renderer.glossary.path)
            message = f"'{text}' is not in the glossary; romanized on {lang} pages as '{shown}'"
        else:
            catalog = renderer.catalogs[lang]
            where = Location(catalog.path, catalog.lines.get(text, 0))
            message = f'UI string not translated into {lang}, shown in English: "{text}"'
        warnings.append(Diagnostic(where, message, Severity.WARNING))
    broken.sort(key=lambda d: (d.location.path, d.location.line or 0))
    return warnings + broken
