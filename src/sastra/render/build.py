"""``i18n build``: the whole pipeline, top to bottom.

1. check the output folder (never the site root, a content folder, or outside the
   site unless forced);
2. compile the theme and load the UI catalogs; plan every page
   (:func:`~sastra.render.plan.plan_site`) with the translation states;
3. render the pages whose inputs changed (cache keyed by the page's inputs, the
   theme's hash and the catalogs' hash; a page that did not change reuses the
   previous file's bytes), in a process pool when there are many;
4. stop with *every* problem if there is any (:class:`BuildError`): the previous
   site is untouched;
5. write the new site into a temp folder next to the output and swap it in with
   renames.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sastra.cache import atomic_write
from sastra.catalogs import catalogs_hash
from sastra.config import Config
from sastra.errors import BuildError
from sastra.model import Article, ArticleStatus, Diagnostic, Key, Location, Severity
from sastra.render.assets import static_files
from sastra.render.pages import PageSpec, url_for
from sastra.render.plan import plan_site
from sastra.render.templates import templates_hash
from sastra.render.worker import Rendered, Renderer, init_worker, render_in_worker, set_worker
from sastra.workspace import Site, tracker_for

log = logging.getLogger(__name__)
RENDER_VERSION = "1"
"""Bump when the rendering code changes what a page looks like (invalidates the cache)."""
POOL_THRESHOLD = 200
"""Pages to render before a process pool pays for itself."""
_CACHE_FORMAT = 1

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


def output_path(config: Config, article: Article) -> Path:
    """The file of an article version: ``_site/<lang>/<collection>/<slug>/index.html``."""
    return config.output_dir / url_for(config, article.lang, article.key) / "index.html"


def build(
    site: Site, *, out_dir: Path | None = None, force: bool = False, jobs: int | None = None
) -> BuildResult:
    """Build the site into ``out_dir`` (default: ``config.output_dir``).

    Raises :class:`BuildError` with every problem found; the previous output is then untouched.
    """
    config = site.config
    out = (out_dir if out_dir is not None else config.output_dir).absolute()
    problems: list[Diagnostic] = list(site.errors)
    problems += check_output(config, out, force)
    if problems and any(d.message.startswith("output folder") for d in problems):
        raise BuildError(problems)
    renderer = Renderer(config)
    problems += renderer.catalog_problems
    problems += renderer.theme.check()
    statuses, updated = _statuses(site)
    plan = plan_site(config, site.pairs, statuses, updated)
    problems += plan.problems
    salt = f"{RENDER_VERSION}:{templates_hash(config)}:{catalogs_hash(config)}:{config.build!r}"
    cache_file = config.cache_dir / "build.pickle"
    old = _load_cache(cache_file, out)
    fresh: dict[str, tuple[str, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = {}
    todo: list[PageSpec] = []
    reused: list[str] = []
    hashes: dict[str, str] = {}
    for spec in plan.pages:
        digest = _spec_hash(spec, salt)
        hashes[spec.out] = digest
        hit = old.get(spec.out)
        if hit is not None and hit[0] == digest and _still_valid(out / spec.out, hit[1]):
            fresh[spec.out] = hit
            reused.append(spec.out)
        else:
            todo.append(spec)
    results = _render_all(renderer, todo, jobs)
    pages: dict[str, bytes] = {}
    for result in results:
        problems += result.problems
        if result.data is not None and not result.problems:
            pages[result.out] = result.data
            fresh[result.out] = (hashes[result.out], result.assets, result.fallbacks)
    if problems:
        raise BuildError(_unique(problems))
    warnings = _fallback_warnings(renderer, (v[2] for v in fresh.values()))
    assets = dict(static_files(config))
    assets.update({k: Path(v) for k, v in plan.images.items()})
    for _, page_assets, _ in fresh.values():
        assets.update({k: Path(v) for k, v in page_assets})
    _write_site(out, pages, reused, assets, plan.files)
    atomic_write(
        cache_file, pickle.dumps({"format": _CACHE_FORMAT, "out": str(out), "pages": fresh})
    )
    return BuildResult(out, len(pages), len(reused), tuple(warnings))


def check_output(config: Config, out: Path, force: bool) -> list[Diagnostic]:
    """Why ``out`` must not be written (replaced wholesale), as diagnostics; empty when fine.

    The site root, a folder containing it, a content/theme/catalog folder (or one
    inside them) are always refused; a folder outside the site only without ``force``.
    """
    where = Location(config.rel(out))
    target = out.resolve()
    root = config.root.resolve()
    if target == root or target in root.parents:
        return [Diagnostic(where, "output folder is the site root or contains it; refusing")]
    for name, folder in (
        ("content", config.content_dir),
        ("templates", config.templates_dir),
        ("i18n", config.i18n_dir),
    ):
        folder = folder.resolve()
        if target == folder or folder in target.parents or target in folder.parents:
            return [Diagnostic(where, f"output folder overlaps the {name} folder; refusing")]
    if root not in target.parents and not force:
        return [Diagnostic(where, "output folder is outside the site; use --force to write it")]
    if out.exists() and not out.is_dir():
        return [Diagnostic(where, "output folder exists and is not a folder")]
    return []


def _statuses(site: Site) -> tuple[dict[Key, ArticleStatus], dict[str, dt.date]]:
    """Translation states (for stale notices and render-source) and source update dates."""
    config = site.config
    render_source = config.build.untranslated == "render-source"
    if not (config.build.stale_notice or render_source):
        return {}, {}
    tracker = tracker_for(site)
    try:
        statuses = {p.key: tracker.status(p) for p in site.pairs}
        updated: dict[str, dt.date] = {}
        for pair in site.pairs:
            status = statuses[pair.key]
            if status.source is None or status.source not in pair.versions:
                continue
            source = pair.versions[status.source]
            day = _updated_on(source, tracker.history)
            if day is not None:
                updated[source.path] = day
    finally:
        if tracker.history is not None:
            tracker.history.close()
    site.cache.save()
    return statuses, updated


def _updated_on(source: Article, history: Any) -> dt.date | None:
    """The ``updated``/``lastmod`` field, else the date of the source's last commit."""
    for name in ("updated", "lastmod", "modified"):
        value = source.meta.get(name)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
    if history is None:
        return None
    versions = history.versions(source.path)
    if not versions:
        return None
    stamp = history.commits[versions[0].index][1]
    return dt.datetime.fromtimestamp(stamp, dt.UTC).date()


def _spec_hash(spec: PageSpec, salt: str) -> str:
    article = spec.article
    extra = (article.path, article.body_line) if article is not None else None
    payload = json.dumps(
        [salt, spec.out, spec.lang, spec.templates, spec.context, extra],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()


def _still_valid(old_file: Path, assets: Sequence[tuple[str, str]]) -> bool:
    return old_file.is_file() and all(os.path.isfile(src) for _, src in assets)


def _render_all(renderer: Renderer, specs: list[PageSpec], jobs: int | None) -> list[Rendered]:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(specs) < POOL_THRESHOLD:
        return [renderer.render(spec) for spec in specs]
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    set_worker(renderer)
    ctx = multiprocessing.get_context(method)
    chunk = max(8, len(specs) // (workers * 8))
    with ProcessPoolExecutor(workers, ctx, init_worker, (renderer.config,)) as pool:
        return list(pool.map(render_in_worker, specs, chunksize=chunk))


def _unique(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    seen: dict[str, Diagnostic] = {}
    for diag in diags:
        seen.setdefault(str(diag), diag)
    return list(seen.values())


def _fallback_warnings(
    renderer: Renderer, per_page: Iterable[tuple[tuple[str, str], ...]]
) -> list[Diagnostic]:
    """One warning per UI string shown in English instead of a page's language."""
    missing = sorted({item for page in per_page for item in page})
    warnings = []
    for lang, msgid in missing:
        catalog = renderer.catalogs[lang]
        where = Location(catalog.path, catalog.lines.get(msgid, 0))
        message = f'UI string not translated into {lang}, shown in English: "{msgid}"'
        warnings.append(Diagnostic(where, message, Severity.WARNING))
    return warnings


def _load_cache(path: Path, out: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != _CACHE_FORMAT
        or data.get("out") != str(out)
    ):
        return {}
    pages = data.get("pages")
    return pages if isinstance(pages, dict) else {}


def _write_site(
    out: Path,
    pages: dict[str, bytes],
    reused: list[str],
    assets: dict[str, Path],
    files: Mapping[str, str],
) -> None:
    """Write everything into a temp folder next to ``out`` and swap it in."""
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    made: set[Path] = set()

    def target(rel: str) -> Path:
        path = tmp / rel
        parent = path.parent
        if parent not in made:
            parent.mkdir(parents=True, exist_ok=True)
            made.add(parent)
        return path

    try:
        tmp.mkdir(parents=True)
        for rel, data in pages.items():
            target(rel).write_bytes(data)
        for rel in reused:
            _link_or_copy(out / rel, target(rel))
        for rel, text in files.items():
            target(rel).write_text(text, encoding="utf-8")
        for rel, source in assets.items():
            previous = out / rel
            dest = target(rel)
            if _same_file(source, previous):
                _link_or_copy(previous, dest)
            else:
                shutil.copy2(source, dest)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


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


def _swap(tmp: Path, out: Path) -> None:
    if not out.exists():
        os.rename(tmp, out)
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    if old.exists():
        shutil.rmtree(old)
    os.rename(out, old)
    try:
        os.rename(tmp, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)
