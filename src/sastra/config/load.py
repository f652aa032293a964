"""Site configuration: found, read and validated before anything runs.

A site is configured by ``sastra.toml`` at its root or by ``[tool.sastra]`` in
its ``pyproject.toml``; with neither, defaults apply and the layout is detected
(the default ``content/<lang>/…`` layout, or Astro's
``src/content/<collection>/<lang>/…``). Every problem is collected into one
:class:`~sastra.errors.ConfigError`; unknown keys are warnings, which
``--strict`` turns into errors. See ``docs/config.md`` for every key.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sastra.config.content import content_patterns, generator_layout
from sastra.config.detect import FRAMEWORKS, detect
from sastra.config.model import (
    DEFAULT_ASSET_TYPES,
    DEFAULT_SHARED,
    DEFAULT_TRANSLATABLE,
    BuildConfig,
    CollectionConfig,
    Config,
    TrackingConfig,
)
from sastra.config.site import (
    COLLECTION_DISPLAY_KEYS,
    read_display,
    read_site,
)
from sastra.config.validate import (
    LANG_RE,
    Validator,
    extensions,
    field_list,
    is_locale,
    languages_check,
    one_of,
    positive,
    source_check,
)
from sastra.errors import ConfigError
from sastra.layouts import roots
from sastra.model import Diagnostic, Location, Severity

CONFIG_FILE = "sastra.toml"
LAYOUTS = ("default", "astro", *FRAMEWORKS)
UNTRANSLATED_MODES = ("link-index", "render-source")


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` with a Sastra config; else, inside a git
    work tree, the nearest one at or above ``start`` (not above the work tree's top) that
    is a site without one: a site generator's config or a ``content`` folder (a command
    run in ``content/news`` of a Hugo site works on the site, as git does); else
    ``start``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.sastra" in pyproject.read_text("utf-8", "replace"):
            return folder
    up = (start, *start.parents)
    top = next((folder for folder in up if (folder / ".git").exists()), None)
    if top is None:
        return start  # outside git only ``start`` itself: above it may be anything
    for folder in up[: up.index(top) + 1]:  # (a site above the top is another project)
        if (folder / "content").is_dir() or detect(folder)[0] is not None:
            return folder
    return start


def load_config(root: Path) -> Config:
    """Read and validate the configuration of the site at ``root``.

    Raises :class:`ConfigError` with every problem found. Unknown keys become
    ``Config.warnings``.
    """
    root = root.resolve()
    diags: list[Diagnostic] = []
    data: dict[str, Any] = {}
    config_path: Path | None = None
    text = ""
    table_prefix = ""
    if not root.is_dir():
        raise ConfigError([Diagnostic(Location(str(root)), "site root is not a folder")])
    if (root / CONFIG_FILE).is_file():
        config_path = root / CONFIG_FILE
    elif (root / "pyproject.toml").is_file():
        candidate = root / "pyproject.toml"
        if "[tool.sastra" in candidate.read_text("utf-8", "replace"):
            config_path, table_prefix = candidate, "tool.sastra."
    if config_path is not None:
        try:
            text = config_path.read_text("utf-8-sig")
            parsed = tomllib.loads(text)
        except UnicodeDecodeError:
            raise ConfigError(
                [Diagnostic(Location(config_path.name, 1), "not UTF-8 text")]
            ) from None
        except tomllib.TOMLDecodeError as exc:
            line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 1
            msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
            raise ConfigError([Diagnostic(Location(config_path.name, line), msg)]) from None
        data = parsed.get("tool", {}).get("sastra", {}) if table_prefix else parsed
    v = Validator(config_path.name if config_path else CONFIG_FILE, text, table_prefix, diags)
    config = _build(root, config_path, data, v)
    errors = sorted((d for d in diags if d.severity is Severity.ERROR), key=lambda d: d.location)
    if errors:
        raise ConfigError(errors)
    return config


_TOP_KEYS = {
    "languages",
    "default_language",
    "source_language",
    "layout",
    "content_dir",
    "templates_dir",
    "i18n_dir",
    "output_dir",
    "cache_dir",
    "content",
    "defaults",
    "collections",
    "build",
    "tracking",
    "site",
}
_COLLECTION_KEYS = {"source_language", "required", "translatable", "shared"}
_COLLECTION_KEYS |= COLLECTION_DISPLAY_KEYS
_BUILD_KEYS = set(BuildConfig.__dataclass_fields__)
_TRACKING_KEYS = set(TrackingConfig.__dataclass_fields__)


def _build(root: Path, config_path: Path | None, data: Mapping[str, Any], v: Validator) -> Config:
    v.unknown("", data, _TOP_KEYS)
    layout = v.take("", data, "layout", str, "", one_of(LAYOUTS))
    raw_content = v.take("", data, "content", list, [])
    found = generator_layout(root, layout, bool(raw_content), v)
    detected = not layout and not raw_content
    if found is not None:
        layout = layout or found.layout
        raw_content = raw_content or list(found.content)
    elif raw_content:
        layout = layout or "custom"
    elif detected:
        layout = "astro" if looks_astro(root) and not (root / "content").is_dir() else "default"
    content_default = "src/content" if layout == "astro" else "content"
    content_dir = root / v.take("", data, "content_dir", str, content_default)
    languages = v.take("", data, "languages", list, [], languages_check)
    if not languages and found is not None and found.languages:
        languages = list(found.languages)
    if not languages:
        languages = detect_languages(content_dir, layout)
    default_language = v.take("", data, "default_language", str, "")
    if default_language:
        if default_language not in languages:
            v.error(
                "",
                "default_language",
                f"'default_language': '{default_language}' is not one of the languages",
            )
        else:
            languages = [default_language, *(x for x in languages if x != default_language)]
    lang_check = source_check(languages)
    source_language = v.take("", data, "source_language", str, None, lang_check)
    site = read_site(v, data, languages)
    if found is not None and found.titles:  # the generator's site title; [site] title wins
        titles = {lang: t for lang, t in found.titles.items() if lang in languages}
        site = dataclasses.replace(site, title={**titles, **site.title})
    defaults = _collection(v, "defaults", data.get("defaults", {}), "", lang_check, languages)
    collections: dict[str, CollectionConfig] = {}
    raw_collections = v.take("", data, "collections", dict, {})
    for name, section in raw_collections.items():
        table = f"collections.{name}"
        if not isinstance(section, dict):
            v.error("collections", name, f"[{table}] must be a table")
            continue
        merged = {**data.get("defaults", {}), **section}
        collections[name] = _collection(v, table, merged, name, lang_check, languages, section)
    build_data = v.take("", data, "build", dict, {})
    v.unknown("build", build_data, _BUILD_KEYS)
    build = BuildConfig(
        page_size=v.take("build", build_data, "page_size", int, 10, positive),
        allow_html=v.take("build", build_data, "allow_html", bool, False),
        line_breaks=v.take("build", build_data, "line_breaks", bool, False),
        lunar_dates=v.take("build", build_data, "lunar_dates", bool, False),
        untranslated=v.take(
            "build", build_data, "untranslated", str, "link-index", one_of(UNTRANSLATED_MODES)
        ),
        stale_notice=v.take("build", build_data, "stale_notice", bool, True),
        base_url=site.base_url
        or v.take("build", build_data, "base_url", str, "")
        or (found.base_url if found is not None else ""),
        asset_types=tuple(
            v.take("build", build_data, "asset_types", list, list(DEFAULT_ASSET_TYPES), extensions)
        ),
    )
    patterns = content_patterns(v, raw_content, languages) if raw_content else ()
    if patterns:
        content_roots = tuple(root / r if r else root for r in roots(patterns))
        content_dir = content_roots[0]
    else:
        content_roots = (content_dir,)
    own = found.settings if found is not None else {}
    tracking_data = v.take("", data, "tracking", dict, {})
    v.unknown("tracking", tracking_data, _TRACKING_KEYS)
    tracking = TrackingConfig(
        git=v.take("tracking", tracking_data, "git", bool, True),
        synced_dir=v.take("tracking", tracking_data, "synced_dir", str, ".sastra-cache/synced"),
    )
    warnings = tuple(
        sorted((d for d in v.diags if d.severity is not Severity.ERROR), key=lambda d: d.location)
    )
    return Config(
        root=root,
        config_path=config_path,
        layout=layout,
        layout_detected=detected,
        languages=tuple(languages),
        source_language=source_language,
        content_dir=content_dir,
        templates_dir=root / v.take("", data, "templates_dir", str, "templates"),
        i18n_dir=root / v.take("", data, "i18n_dir", str, own.get("i18n_dir", "i18n")),
        output_dir=root / v.take("", data, "output_dir", str, "_site"),
        cache_dir=root / v.take("", data, "cache_dir", str, ".sastra-cache"),
        patterns=patterns,
        content_roots=content_roots,
        detected=found.describe() if found is not None and not data.get("content") else "",
        static_dirs=tuple((root / d, t) for d, t in found.static) if found is not None else (),
        defaults=defaults,
        collections=collections,
        build=build,
        tracking=tracking,
        site=site,
        warnings=warnings,
    )


def _collection(
    v: Validator,
    table: str,
    data: object,
    name: str,
    lang_check: Callable[[str], str | None],
    languages: list[str],
    own: Mapping[str, Any] | None = None,
) -> CollectionConfig:
    if not isinstance(data, dict):
        v.error("", table, f"[{table}] must be a table")
        return CollectionConfig(name)
    v.unknown(table, own if own is not None else data, _COLLECTION_KEYS)
    return CollectionConfig(
        name=name,
        source_language=v.take(table, data, "source_language", str, None, lang_check),
        required=tuple(v.take(table, data, "required", list, [], field_list)),
        translatable=tuple(
            v.take(table, data, "translatable", list, list(DEFAULT_TRANSLATABLE), field_list)
        ),
        shared=tuple(v.take(table, data, "shared", list, list(DEFAULT_SHARED), field_list)),
        display=read_display(v, table, data, languages),
    )


def looks_astro(root: Path) -> bool:
    base = root / "src" / "content"
    if not base.is_dir():
        return False
    return any(
        LANG_RE.match(lang.name)
        for coll in base.iterdir()
        if coll.is_dir()
        for lang in coll.iterdir()
        if lang.is_dir()
    )


def detect_languages(content_dir: Path, layout: str) -> list[str]:
    """Khmer and English, plus any other language folder found on disk; Khmer first. A
    folder whose name babel does not know as a locale (a typo such as ``kh``) is not a
    language: its files are reported as in an unknown language."""
    found: set[str] = {"km", "en"}
    if content_dir.is_dir():
        if layout == "astro":
            for coll in content_dir.iterdir():
                if coll.is_dir():
                    found.update(p.name for p in coll.iterdir() if p.is_dir() and is_locale(p.name))
        else:
            found.update(p.name for p in content_dir.iterdir() if p.is_dir() and is_locale(p.name))
    return sorted(found, key=lambda code: (code != "km", code))
