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
import gc
import hashlib
import json
import logging
import multiprocessing
import os
import sys
from collections.abc import Generator, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sastra.cache import load_sealed, save_sealed
from sastra.config.model import Config
from sastra.errors import BuildError
from sastra.model import Article, ArticleStatus, Diagnostic, Key, Location, Severity, as_date
from sastra.render.assets import static_files
from sastra.render.output import (
    MARKER,
    MARKER_TEXT,
    Staging,
    all_exist,
    check_output,
)
from sastra.render.pages import PageSpec, url_for
from sastra.render.withhold import Withheld, withhold
from sastra.theme import shipped_catalog, theme_files
from sastra.tracking.site import site_status
from sastra.workspace import Site, open_tracker

if TYPE_CHECKING:  # Jinja2, markdown-it and the catalogs load only when a page is rendered
    from sastra.render.worker import Rendered, Renderer
    from sastra.tracking.history import GitHistory

log = logging.getLogger(__name__)
RENDER_VERSION = "1"
"""Bump when the rendering code changes what a page looks like (invalidates the cache)."""
POOL_THRESHOLD = 200
"""Pages to render before a process pool pays for itself."""
_CACHE_FORMAT = 3

__all__ = ["BuildResult", "build", "output_path", "url_for"]


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
    salt = f"{RENDER_VERSION}:{_theme_hash(config)}:{config!r}:drafts={drafts}"
    cache_file = config.cache_dir / "build.pickle"
    cache = _load_cache(cache_file, out)
    old: dict[str, Any] = cache.get("pages", {})
    statuses, updated = _statuses(site)
    pairs, withheld = withhold(site.pairs, statuses, drafts=drafts)
    log.info(
        "%d articles in %d pairs; %d withheld (drafts); translation states of %d pairs",
        len(site.articles), len(site.pairs), len(withheld), len(statuses),
    )  # fmt: skip
    site_key = _site_key(site, statuses, updated, salt, cache)
    stamps: dict[str, tuple[int, int]] = cache.get("stamps", {})
    if (
        not problems
        and cache.get("site_key") == site_key
        and all_exist(out, cache["outputs"])
        and all(_stamp(out / rel) == stamp for rel, stamp in stamps.items())
    ):
        # Nothing that goes into any page changed, and the output is all there as written.
        log.info("nothing changed since the last build into %s", out)
        return BuildResult(out, 0, len(old), tuple(cache["warnings"]), withheld)
    from sastra.render.plan import plan_site
    from sastra.render.worker import Renderer

    renderer = Renderer(config)
    problems += renderer.catalog_problems
    problems += renderer.theme.check()
    plan = plan_site(config, pairs, statuses, updated, renderer.theme.translated)
    problems += plan.problems
    fresh: dict[str, tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str, str], ...]]]
    fresh = {}
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
            and hit[0] == digest
            and _still_valid(out / spec.out, hit[1], stamps.get(spec.out))
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
            fresh[result.out] = (hashes[result.out], result.assets, result.fallbacks)
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
    warnings = [*plan.warnings, *_fallback_warnings(renderer, (v[2] for v in fresh.values()))]
    assets = dict(static_files(config))
    assets.update({k: Path(v) for k, v in plan.images.items()})
    for _, page_assets, _ in fresh.values():
        assets.update({k: Path(v) for k, v in page_assets})
    files = {**plan.files, MARKER: MARKER_TEXT}
    outputs = {*written, *reused, *files, *assets}
    log.info("writing %s (a new tree, unchanged files linked)", out)
    try:
        staging.finish(reused, assets, files)
    except OSError as exc:
        raise staging.naming(exc) from None
    state = {
        "format": _CACHE_FORMAT,
        "out": str(out),
        "pages": fresh,
        "images": dict(plan.images),
        "site_key": _site_key(
            site, statuses, updated, salt, {"pages": fresh, "images": plan.images}
        ),
        "outputs": sorted(outputs),
        "stamps": {rel: _stamp(out / rel) for rel in (*written, *reused)},
        "warnings": warnings,
    }
    try:
        save_sealed(cache_file, state)
    except OSError as exc:
        log.warning("could not write the build cache %s: %s", cache_file, exc)
    return BuildResult(out, len(written), len(reused), tuple(warnings), withheld)


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
    cache: Mapping[str, Any],
) -> str:
    """A hash of everything any page depends on: content, states, theme, catalogs, files."""
    digest = hashlib.blake2b(salt.encode("utf-8"), digest_size=16)
    for article in site.articles:
        digest.update(f"{article.path}\0{article.blob}\0".encode())
    digest.update(repr(sorted(statuses.items())).encode("utf-8"))
    digest.update(repr(sorted(updated.items())).encode("utf-8"))
    sources = {str(p) for p in static_files(site.config).values()}
    sources.update(str(s) for s in cache.get("images", {}).values())
    for entry in cache.get("pages", {}).values():
        sources.update(src for _, src in entry[1])
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
    source's last commit."""
    for name in ("updated", "updatedDate", "lastmod", "modified"):
        day = as_date(source.meta.get(name))
        if day is not None:
            return day
    if history is None:
        return None
    versions = history.versions(source.path)
    if not versions:
        return None
    stamp = history.commit_time(versions[0].position)
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


def _still_valid(
    old_file: Path, assets: Sequence[tuple[str, str]], stamp: tuple[int, int] | None
) -> bool:
    """Can the previous output of a page be kept: is it there as the build wrote it (not
    edited or emptied by hand since), and are its images still there?"""
    return (
        stamp is not None
        and _stamp(old_file) == stamp
        and all(os.path.isfile(src) for _, src in assets)
    )


def _stamp(path: Path) -> tuple[int, int] | None:
    """``(size, mtime_ns)`` of a file the build wrote; ``None`` when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _render_all(
    renderer: Renderer, specs: list[PageSpec], jobs: int | None, stage: str | None
) -> Generator[Rendered, None, None]:
    """Rendered pages in order, as the pool finishes them. Forked workers write a page
    without problems into the staged tree ``stage`` themselves (``Rendered.written``)."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(specs) < POOL_THRESHOLD:
        yield from (renderer.render(spec) for spec in specs)
        return
    from sastra.render.worker import init_worker, render_in_worker, render_nth, set_worker

    fork = sys.platform.startswith("linux")
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    chunk = max(8, len(specs) // (workers * 8))
    # Forked workers inherit the renderer and the specs: only page numbers are sent,
    # and only small results come back when they write the pages themselves.
    if fork:
        set_worker(renderer, specs, stage)
        # Objects that exist at the fork are the workers' for reading only: frozen, their
        # garbage collections never walk them (nor copy their pages, gc.freeze's purpose).
        gc.freeze()
    try:
        with ProcessPoolExecutor(workers, ctx, init_worker, (renderer.config,)) as pool:
            if fork:
                results = pool.map(render_nth, range(len(specs)), chunksize=chunk)
            else:
                results = pool.map(render_in_worker, specs, chunksize=chunk)
            gc.unfreeze()  # the workers are forked (map submits every task at once)
            yield from results
    finally:
        gc.unfreeze()
        set_worker(renderer)


def _unique(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    seen: dict[str, Diagnostic] = {}
    for diag in diags:
        seen.setdefault(str(diag), diag)
    return list(seen.values())


def _fallback_warnings(
    renderer: Renderer, per_page: Iterable[tuple[tuple[str, str, str], ...]]
) -> list[Diagnostic]:
    """One warning per UI string shown in English instead of a page's language, one per
    name the theme had to romanize because the glossary does not list it, and one per
    file whose raw HTML was shown as text."""
    missing = sorted({item for page in per_page for item in page})
    warnings = []
    for kind, lang, text in missing:
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
    return warnings


def _load_cache(path: Path, out: Path) -> dict[str, Any]:
    """The previous build's state for this output folder; empty when absent or foreign."""
    data = load_sealed(path)  # a broken or planted cache means a full build, never an error
    if (
        not isinstance(data, dict)
        or data.get("format") != _CACHE_FORMAT
        or data.get("out") != str(out)
        or not all(isinstance(data.get(k), t) for k, t in _CACHE_SHAPE)
    ):
        return {}
    return data


_CACHE_SHAPE = (
    ("pages", dict),
    ("images", dict),
    ("outputs", list),
    ("stamps", dict),
    ("warnings", list),
)
