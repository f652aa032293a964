"""Recognise the site generator a folder belongs to, and the content layout it uses.

Reads the generator's own configuration (never runs it) and answers with the
Sastra settings that fit, as the raw values a ``sastra.toml`` would hold: so
``load_config`` uses them when a site has no config, and ``i18n init`` writes
them down. Recognised:

- **Hugo** (``hugo.toml|yaml|json``, or ``config.toml|yaml`` with Hugo's keys;
  ``config/_default/``): by folder when every language has a ``contentDir``, else
  by file-name suffix (``about.km.md``); ``defaultContentLanguage`` first.
- **Docusaurus** (``docusaurus.config.js|ts|mjs|cjs``): ``docs/`` and ``blog/`` in
  the ``defaultLocale``, translations under ``i18n/<locale>/docusaurus-plugin-content-…``.
- **mkdocs-static-i18n** (``mkdocs.yml`` with the ``i18n`` plugin): ``suffix``
  (``page.km.md``) or ``folder`` (``docs/km/page.md``) docs structure.

Hugo and Docusaurus keep their own files in ``i18n/``: Sastra's catalogs and
glossary go to ``sastra-i18n/`` on those sites. Both copy a ``static/`` folder as it
is to the site root (:attr:`Detected.static`); Hugo's config also names the site
(:attr:`Detected.titles`).
"""

from __future__ import annotations

import json
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sastra.config.validate import LANG_RE
from sastra.model import Diagnostic, Location, Severity

log = logging.getLogger(__name__)

#: Sastra's catalog folder on sites whose generator owns ``i18n/``.
OWN_I18N_DIR = "sastra-i18n"
FRAMEWORKS = ("hugo", "docusaurus", "mkdocs")


@dataclass(frozen=True)
class Detected:
    """What was recognised, as ``sastra.toml`` values."""

    layout: str
    """``hugo``, ``docusaurus`` or ``mkdocs``."""
    source: str
    """The generator's config file that told us (site-relative)."""
    languages: tuple[str, ...]
    """The site's languages, default first (empty when the config names none)."""
    content: tuple[dict[str, str], ...]
    """``[[content]]`` entries: ``pattern`` (+ ``lang``) or ``source`` + ``translation``;
    optional ``collection``."""
    settings: dict[str, str] = field(default_factory=dict)
    """Other top-level keys (``i18n_dir``)."""
    base_url: str = ""
    """The address the site is published at (Hugo's ``baseURL``, MkDocs' ``site_url``),
    when the generator's config gives an absolute one."""
    titles: dict[str, str] = field(default_factory=dict)
    """The site's title per language, as ``[site] title`` would hold it (Hugo's ``title``,
    overridden by ``languages.<lang>.title``)."""
    static: tuple[tuple[str, str], ...] = ()
    """The folders the generator copies as they are into the site (Hugo's ``static/``,
    Docusaurus' ``static/``): ``(folder, where below the site root)``, the first that
    holds a file wins."""

    def describe(self) -> str:
        """One line naming the generator and its layout."""
        shapes = []
        for entry in self.content:
            if "pattern" in entry:
                shapes.append(entry["pattern"])
            else:
                shapes.append(f"{entry['source']} + {entry['translation']}")
        return f"{_NAMES[self.layout]} site ({self.source}): {'; '.join(shapes)}"


_NAMES = {"hugo": "Hugo", "docusaurus": "Docusaurus", "mkdocs": "MkDocs (mkdocs-static-i18n)"}


def detect(root: Path, only: str | None = None) -> tuple[Detected | None, list[Diagnostic]]:
    """The generator of the site at ``root`` (``only``: that one, when configured) and,
    as warnings, the reasons nothing was chosen (two generators, an unreadable config)."""
    problems: list[Diagnostic] = []
    found: list[Detected] = []
    for name, probe in (("hugo", _hugo), ("docusaurus", _docusaurus), ("mkdocs", _mkdocs)):
        if only is not None and name != only:
            continue
        try:
            hit = probe(root)
        except _Unreadable as exc:
            problems.append(exc.args[0])
            continue
        if hit is not None:
            found.append(hit)
    if len(found) > 1:
        names = " and ".join(f"{_NAMES[d.layout]} ({d.source})" for d in found)
        message = f"found {names}: set 'layout' in sastra.toml to choose"
        problems.append(Diagnostic(Location(found[0].source, 1), message, Severity.WARNING))
        return None, problems
    return (found[0] if found else None), problems


class _Unreadable(Exception):
    """A generator config that exists but cannot be read (its diagnostic is the argument)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(Diagnostic(Location(path, line), message, Severity.WARNING))


# -- Hugo -------------------------------------------------------------------------------------

_HUGO_FILES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
_HUGO_LEGACY = ("config.toml", "config.yaml", "config.yml", "config.json")


def _hugo(root: Path) -> Detected | None:
    config: dict[str, Any] | None = None
    source = ""
    for name in _HUGO_FILES + tuple(f"config/_default/{n}" for n in _HUGO_FILES + _HUGO_LEGACY):
        if (root / name).is_file():
            config, source = _read_any(root / name, name), name
            break
    if config is None:
        for name in _HUGO_LEGACY:
            path = root / name
            if path.is_file():
                data = _read_any(path, name)
                if {"baseurl", "defaultcontentlanguage", "languages"} & set(data):
                    config, source = data, name
                    break
    if config is None:
        return None
    if source.startswith("config/_default/"):
        for name in ("languages.toml", "languages.yaml", "languages.yml", "languages.json"):
            if (root / "config/_default" / name).is_file():
                table = _read_any(root / "config/_default" / name, f"config/_default/{name}")
                config.setdefault("languages", table)
    default = str(config.get("defaultcontentlanguage") or "en").lower()
    content_dir = str(config.get("contentdir") or "content").strip("/")
    raw = config.get("languages")
    languages: dict[str, dict[str, Any]] = {}
    if isinstance(raw, dict):
        for code, settings in raw.items():
            languages[str(code).lower()] = (
                _lower_keys(settings) if isinstance(settings, dict) else {}
            )
    order = sorted(languages, key=lambda c: (c != default, _weight(languages[c]), c))
    if default not in order:
        order.insert(0, default)
    dirs = {c: str(s["contentdir"]).strip("/") for c, s in languages.items() if s.get("contentdir")}
    if not dirs:  # Hugo ≥ 0.56 can mount a folder per language instead
        dirs = _mounted_dirs(config)
    content: tuple[dict[str, str], ...]
    if dirs and len(dirs) == len(languages):
        bases = {
            d.rsplit("/", 1)[0] if d.rsplit("/", 1)[-1] == c else None for c, d in dirs.items()
        }
        if len(bases) == 1 and None not in bases:
            content = ({"pattern": f"{bases.pop()}/@lang/@path"},)
        else:
            content = tuple({"pattern": f"{dirs[c]}/@path", "lang": c} for c in order if c in dirs)
    else:
        content = ({"source": f"{content_dir}/@path", "translation": f"{content_dir}/@path.@lang"},)
    langs = tuple(c for c in order if LANG_RE.match(c))
    settings = {"i18n_dir": OWN_I18N_DIR}
    base_url = _absolute(config.get("baseurl"))
    titles = _hugo_titles(config, languages, langs)
    static = _hugo_static(config)
    return Detected("hugo", source, langs, content, settings, base_url, titles, static)


def _hugo_titles(
    config: dict[str, Any], languages: dict[str, dict[str, Any]], langs: tuple[str, ...]
) -> dict[str, str]:
    """The site title per language: ``languages.<lang>.title``, else the top ``title``."""
    titles: dict[str, str] = {}
    for code in langs:
        for value in (languages.get(code, {}).get("title"), config.get("title")):
            if isinstance(value, str) and value.strip():
                titles[code] = value.strip()
                break
    return titles


def _hugo_static(config: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Hugo's static folders: ``staticDir`` (a name or a list; also ``staticDir0`` …
    ``staticDir10``) and ``[[module.mounts]]`` onto ``static`` (or ``static/sub``, copied
    to ``/sub/``); ``static`` when neither names one."""
    found: list[tuple[str, str]] = []
    for key in ("staticdir", *(f"staticdir{n}" for n in range(11))):
        value = config.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and _inside(item):
                found.append((item.strip().strip("/"), ""))
    module = config.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    for mount in mounts if isinstance(mounts, list) else ():
        if not isinstance(mount, dict) or not isinstance(mount.get("source"), str):
            continue
        target = str(mount.get("target", "")).strip().strip("/")
        if (target == "static" or target.startswith("static/")) and _inside(mount["source"]):
            found.append((mount["source"].strip().strip("/"), target[len("static/") :]))
    return tuple(dict.fromkeys(found)) or (("static", ""),)


def _inside(folder: str) -> bool:
    """A folder named relative to the site and inside it (not ``..``, not absolute)."""
    parts = folder.strip().strip("/").split("/")
    return not folder.strip().startswith("/") and ".." not in parts and parts != [""]


def _weight(settings: dict[str, Any]) -> int:
    try:
        return int(settings.get("weight") or 0)
    except (TypeError, ValueError):
        return 0


def _mounted_dirs(config: dict[str, Any]) -> dict[str, str]:
    """``[[module.mounts]]`` with a ``lang`` and the ``content`` target: language → folder."""
    module = config.get("module")
    mounts = module.get("mounts") if isinstance(module, dict) else None
    dirs: dict[str, str] = {}
    for mount in mounts if isinstance(mounts, list) else ():
        if not isinstance(mount, dict) or not mount.get("lang") or not mount.get("source"):
            continue
        if str(mount.get("target", "")).strip("/") == "content":
            dirs[str(mount["lang"]).lower()] = str(mount["source"]).strip("/")
    return dirs


# -- Docusaurus -------------------------------------------------------------------------------

_DOCUSAURUS_FILES = tuple(f"docusaurus.config.{ext}" for ext in ("ts", "js", "mjs", "cjs"))
_DEFAULT_LOCALE = re.compile(r"""defaultLocale\s*:\s*['"]([^'"]+)['"]""")
_LOCALES = re.compile(r"""\blocales\s*:\s*\[([^\]]*)\]""")
_STRING = re.compile(r"""['"]([^'"]+)['"]""")
_STATIC_DIRECTORIES = re.compile(r"""\bstaticDirectories\s*:\s*\[([^\]]*)\]""")
# The site's title is the config's first ``title`` (the navbar's and the footer's come later).
_TITLE = re.compile(r"""(?<![\w.])title\s*:\s*(['"])(.+?)\1""")


def _docusaurus(root: Path) -> Detected | None:
    source = next((n for n in _DOCUSAURUS_FILES if (root / n).is_file()), None)
    if source is None:
        return None
    try:
        text = (root / source).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _Unreadable(source, 1, f"cannot read: {exc}") from None
    found = _DEFAULT_LOCALE.search(text)
    default = found.group(1) if found else "en"
    locales_found = _LOCALES.search(text)
    locales = _STRING.findall(locales_found.group(1)) if locales_found else []
    order = [default, *(x for x in locales if x != default)]
    content: list[dict[str, str]] = []
    plugin = "i18n/@lang/docusaurus-plugin-content"
    if (root / "docs").is_dir() or not (root / "blog").is_dir():
        content.append(
            {
                "source": "docs/@path",
                "translation": f"{plugin}-docs/current/@path",
                "collection": "docs",
            }
        )
    if (root / "blog").is_dir():
        content.append(
            {"source": "blog/@path", "translation": f"{plugin}-blog/@path", "collection": "blog"}
        )
    langs = tuple(c for c in order if LANG_RE.match(c))
    found_static = _STATIC_DIRECTORIES.search(text)
    folders = _STRING.findall(found_static.group(1)) if found_static else ["static"]
    static = tuple((f.strip("/"), "") for f in folders if _inside(f))
    settings = {"i18n_dir": OWN_I18N_DIR}
    title = _TITLE.search(text)
    titles = {code: title.group(2).strip() for code in langs} if title else {}
    return Detected(
        "docusaurus", source, langs, tuple(content), settings, titles=titles, static=static
    )


# -- mkdocs-static-i18n -----------------------------------------------------------------------


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml often carries ``!!python/name:`` and ``!ENV`` tags: read them as nothing."""


_MkDocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _mkdocs(root: Path) -> Detected | None:
    source = next((n for n in ("mkdocs.yml", "mkdocs.yaml") if (root / n).is_file()), None)
    if source is None:
        return None
    try:
        data = yaml.load((root / source).read_text("utf-8"), Loader=_MkDocsLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        raise _Unreadable(source, line, f"cannot read: {exc}") from None
    if not isinstance(data, dict):
        return None
    options: dict[str, Any] | None = None
    for plugin in data.get("plugins") or ():
        if plugin == "i18n":
            options = {}
        elif isinstance(plugin, dict) and "i18n" in plugin:
            options = plugin["i18n"] if isinstance(plugin["i18n"], dict) else {}
    if options is None:
        return None  # a one-language MkDocs site: nothing to pair
    docs = str(data.get("docs_dir") or "docs").strip("/")
    default, others = _mkdocs_languages(options)
    order = [default, *(x for x in others if x != default)]
    if str(options.get("docs_structure") or "suffix") == "folder":
        content: tuple[dict[str, str], ...] = ({"pattern": f"{docs}/@lang/@path"},)
    else:
        content = ({"source": f"{docs}/@path", "translation": f"{docs}/@path.@lang"},)
    langs = tuple(c for c in order if LANG_RE.match(c))
    titles = _mkdocs_titles(data, options, langs)
    return Detected(
        "mkdocs", source, langs, content, base_url=_absolute(data.get("site_url")), titles=titles
    )


def _mkdocs_titles(
    data: dict[str, Any], options: dict[str, Any], langs: tuple[str, ...]
) -> dict[str, str]:
    """The site title per language: a language's own ``site_name`` (mkdocs-static-i18n
    1.x overrides it per language), else the top ``site_name``."""
    top = data.get("site_name")
    titles = {code: top.strip() for code in langs if isinstance(top, str) and top.strip()}
    raw = options.get("languages")
    for item in raw if isinstance(raw, list) else ():
        if isinstance(item, dict) and str(item.get("locale")) in langs:
            own = item.get("site_name")
            if isinstance(own, str) and own.strip():
                titles[str(item["locale"])] = own.strip()
    return titles


def _mkdocs_languages(options: dict[str, Any]) -> tuple[str, list[str]]:
    """Default language and all languages, from the 1.x list or the 0.x mapping."""
    raw = options.get("languages")
    default = str(options.get("default_language") or "")
    codes: list[str] = []
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and item.get("locale"):
                code = str(item["locale"])
                if code == "default":
                    continue
                codes.append(code)
                if item.get("default") and not default:
                    default = code
    elif isinstance(raw, dict):
        codes = [str(c) for c in raw if c != "default"]
    return (default or (codes[0] if codes else "en")), codes


# -- reading ----------------------------------------------------------------------------------


def _absolute(value: object) -> str:
    """``value`` when it is an absolute http(s) address, else ``""`` (Hugo allows ``/``)."""
    text = str(value or "").strip()
    return text if re.match(r"https?://[^/\s]+", text) else ""


def _read_any(path: Path, rel: str) -> dict[str, Any]:
    """A TOML, YAML or JSON config file as a mapping with lower-case top-level keys
    (Hugo's keys are case-insensitive)."""
    try:
        text = path.read_text("utf-8-sig")
        if path.suffix == ".toml":
            data: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        message = str(exc)
        line = getattr(exc, "lineno", None) or 1  # JSON
        if (mark := getattr(exc, "problem_mark", None)) is not None:  # YAML
            line = mark.line + 1
        elif (at := re.search(r"\s*\(at line (\d+), column \d+\)", message)) is not None:
            line, message = int(at.group(1)), message.replace(at.group(0), "")  # TOML
        raise _Unreadable(rel, line, f"cannot read: {message}") from None
    return _lower_keys(data) if isinstance(data, dict) else {}


def _lower_keys(data: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in data.items()}
