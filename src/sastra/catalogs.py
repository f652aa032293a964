"""Message catalogs of the theme's UI strings (gettext ``.po`` files, through Babel and polib).

The templates are written with English message ids (``{{ _("Read more") }}``);
``i18n/<lang>/LC_MESSAGES/messages.po`` translates them. This is the only module
that imports ``polib`` and ``babel.messages``:

* :func:`load_ui_catalog` reads one language's ``.po`` and compiles it in memory
  into a Babel :class:`~babel.support.Translations` (no ``.mo`` file needed), with
  the set of ids it really translates (neither empty nor fuzzy);
* :func:`extract`, :func:`update` and :func:`compile_catalogs` are
  ``i18n catalog extract|update|compile`` (Babel's extraction with the Jinja2
  extractor ``jinja2.ext:babel_extract``, Babel's catalog update, ``.mo`` files);
* :func:`catalog_stats` counts translated / fuzzy / untranslated strings (polib).

Every write goes through a temp file and a rename.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import polib
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from sastra.cache import atomic_write
from sastra.config.model import Config
from sastra.model import Diagnostic, Location, Severity
from sastra.theme import CATALOGS, shipped_catalog, theme_files

DOMAIN = "messages"
UI_LANGUAGE = "en"
"""The language the templates' message ids are written in."""
SAFE_FLAG = "safe-html"
"""The flag (``#, safe-html``) that lets a catalog entry's translation carry HTML."""
_EXTRACTOR = "jinja2.ext:babel_extract"
_KEYWORDS = {**DEFAULT_KEYWORDS, "_in": (2,)}
"""Gettext keywords, plus the theme's ``_in(lang, message)``."""
_OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "silent": "false"}


@dataclass(frozen=True)
class UiCatalog:
    """One language's UI strings, compiled in memory."""

    lang: str
    """Language code."""
    path: str
    """The ``.po`` file relative to the site root (whether it exists or not)."""
    translations: Translations
    """Babel translations (gettext interface) holding only the translated strings."""
    translated: frozenset[str] = frozenset()
    """Message ids with a non-empty, non-fuzzy translation."""
    lines: dict[str, int] = field(default_factory=dict)
    """Line of each message id's entry in the ``.po`` file."""
    safe: frozenset[str] = frozenset()
    """Message ids whose entry is flagged ``#, safe-html``: their translation is HTML.
    Every other translation is text (escaped): a catalog cannot put markup in a page."""


def po_path(config: Config, lang: str) -> Path:
    """Where a language's catalog lives: ``i18n/<lang>/LC_MESSAGES/messages.po``."""
    return config.i18n_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path(config: Config) -> Path:
    """The extracted template: ``i18n/messages.pot``."""
    return config.i18n_dir / f"{DOMAIN}.pot"


def load_ui_catalog(config: Config, lang: str) -> tuple[UiCatalog, list[Diagnostic]]:
    """Read and compile one language's catalog: the site's own ``.po`` over the shipped one.

    A string the site's catalog translates wins; any other string comes from the catalog
    shipped with the default theme (:mod:`sastra.theme`). A missing or broken site catalog
    leaves the shipped one (a broken one is also reported).
    """
    path = po_path(config, lang)
    rel = config.rel(path)
    diags: list[Diagnostic] = []
    catalog: Catalog | None = None
    if path.is_file():
        try:
            with path.open("rb") as fh:
                catalog = read_po(fh, abort_invalid=True)
        except Exception as exc:  # babel raises PoFileError and friends
            line = getattr(exc, "lineno", 0) or 0
            diags.append(Diagnostic(Location(rel, line), f"cannot read catalog: {exc}"))
    own_lines = _lines(catalog) if catalog is not None else {}
    shipped = _read_shipped(lang)
    if catalog is None:
        catalog = shipped if shipped is not None else Catalog(locale=None)
    elif shipped is not None:
        _fill_from(catalog, shipped)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = Translations(fp=buffer, domain=DOMAIN)
    translated = {_msgid(m) for m in catalog if m.id and _is_translated(m)}
    safe = {_msgid(m) for m in catalog if m.id and SAFE_FLAG in m.flags}
    ui = UiCatalog(lang, rel, translations, frozenset(translated), own_lines, frozenset(safe))
    return ui, diags


def _msgid(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _is_translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return all(strings) and not message.fuzzy


def _lines(catalog: Catalog) -> dict[str, int]:
    return {_msgid(m): int(getattr(m, "lineno", 0) or 0) for m in catalog if m.id}


def _read_shipped(lang: str, locale: str | None = None) -> Catalog | None:
    path = shipped_catalog(lang)
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def _fill_from(catalog: Catalog, shipped: Catalog) -> None:
    """Give ``catalog`` every string ``shipped`` translates and it does not (string by string)."""
    for message in shipped:
        if not message.id or not _is_translated(message):
            continue
        own = catalog.get(message.id, message.context)
        if own is not None and _is_translated(own):
            continue
        if own is not None:
            catalog.delete(message.id, context=message.context)
        # the shipped entry's flags come along (``safe-html`` keeps its HTML)
        catalog.add(message.id, message.string, flags=message.flags, context=message.context)


def extract(config: Config) -> tuple[Path, int]:
    """Extract the UI strings of every template (the site's and the shipped theme's) into
    ``i18n/messages.pot``; (path, count)."""
    template = Catalog(project="sastra-theme", charset="utf-8", fuzzy=False)
    for name, path in theme_files(config.templates_dir).items():
        if name.startswith("static/") or path.suffix not in (".html", ".xml"):
            continue
        found = extract_from_file(
            _EXTRACTOR,
            path,
            keywords=_KEYWORDS,
            comment_tags=("TRANSLATORS:",),
            options=_OPTIONS,
            strip_comment_tags=True,
        )
        for lineno, message, comments, context in found:
            template.add(message, None, [(name, lineno)], auto_comments=comments, context=context)
    out = pot_path(config)
    _write_catalog(out, template)
    return out, len(template)


def update(config: Config) -> list[tuple[str, Path, bool]]:
    """Merge ``messages.pot`` into every language's ``.po`` (created when missing).

    Returns ``(lang, path, created)`` per language. The English catalog gets each
    new id as its own translation, so English pages never count as untranslated.
    """
    source = pot_path(config)
    if not source.is_file():
        extract(config)
    with source.open("rb") as fh:
        template = read_po(fh)
    results: list[tuple[str, Path, bool]] = []
    for lang in config.languages:
        path = po_path(config, lang)
        created = not path.is_file()
        if created:
            # a new catalog starts from the shipped translations of the default theme
            catalog = _read_shipped(lang, locale=lang) or Catalog(
                locale=lang, domain=DOMAIN, project="sastra-theme", fuzzy=False
            )
        else:
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
        catalog.update(template, no_fuzzy_matching=False)
        if lang == UI_LANGUAGE:
            for message in catalog:
                if message.id and not message.string:
                    message.string = message.id
                    message.flags.discard("fuzzy")
        _write_catalog(path, catalog)
        results.append((lang, path, created))
    return results


def compile_catalogs(config: Config) -> tuple[list[Path], list[Diagnostic]]:
    """Write ``messages.mo`` next to every ``.po`` (fuzzy entries left out), with problems."""
    written: list[Path] = []
    diags: list[Diagnostic] = []
    for lang in config.languages:
        path = po_path(config, lang)
        if not path.is_file():
            diags.append(
                Diagnostic(Location(config.rel(path)), "catalog not found", Severity.WARNING)
            )
            continue
        try:
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=lang, abort_invalid=True)
        except Exception as exc:
            line = getattr(exc, "lineno", 0) or 0
            diags.append(
                Diagnostic(Location(config.rel(path), line), f"cannot read catalog: {exc}")
            )
            continue
        for message, errors in catalog.check():
            for error in errors:
                loc = Location(config.rel(path), int(getattr(message, "lineno", 0) or 0))
                diags.append(Diagnostic(loc, str(error)))
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        out = path.with_suffix(".mo")
        atomic_write(out, buffer.getvalue())
        written.append(out)
    return written, diags


class CatalogStats(NamedTuple):
    """How many of the theme's UI strings a language's catalogs translate."""

    translated: int
    fuzzy: int
    """Only a fuzzy (unreviewed) entry in the site's catalog."""
    untranslated: int


def catalog_stats(config: Config) -> dict[str, CatalogStats]:
    """``{lang: (translated, fuzzy, untranslated)}`` UI strings of the theme per language.

    The strings are those of ``i18n/messages.pot`` (else of the shipped theme's template);
    a string counts as translated when the site's catalog or the shipped one translates it,
    as fuzzy when only the site's catalog has a fuzzy entry for it (polib).
    """
    template_file = pot_path(config)
    if not template_file.is_file():
        template_file = CATALOGS / f"{DOMAIN}.pot"
    ids: set[str] = set()
    if template_file.is_file():
        ids = {e.msgid for e in polib.pofile(str(template_file)) if not e.obsolete}
    stats: dict[str, CatalogStats] = {}
    for lang in config.languages:
        ui, _ = load_ui_catalog(config, lang)
        fuzzy: set[str] = set()
        path = po_path(config, lang)
        if path.is_file():
            with contextlib.suppress(OSError, ValueError):
                fuzzy = {e.msgid for e in polib.pofile(str(path)).fuzzy_entries()}
        translated = ids & ui.translated
        fuzzy = (ids & fuzzy) - translated
        stats[lang] = CatalogStats(len(translated), len(fuzzy), len(ids - translated - fuzzy))
    return stats


def _write_catalog(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
    atomic_write(path, buffer.getvalue())
