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

import io
from dataclasses import dataclass, field
from pathlib import Path

import polib
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from sastra.cache import atomic_write
from sastra.config import Config
from sastra.model import Diagnostic, Location, Severity

DOMAIN = "messages"
UI_LANGUAGE = "en"
"""The language the templates' message ids are written in."""
SAFE_FLAG = "safe-html"
"""The flag (``#, safe-html``) that lets a catalog entry's translation carry HTML."""
_METHOD_MAP = [("**.html", "jinja2.ext:babel_extract"), ("**.xml", "jinja2.ext:babel_extract")]
_KEYWORDS = {**DEFAULT_KEYWORDS, "_in": (2,)}
"""Gettext keywords, plus the theme's ``_in(lang, message)``."""
_OPTIONS = {"**": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "silent": "false"}}


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
    """Read and compile one language's catalog; a missing or broken file gives an empty one."""
    path = po_path(config, lang)
    rel = config.rel(path)
    diags: list[Diagnostic] = []
    catalog = Catalog(locale=None)
    if path.is_file():
        try:
            with path.open("rb") as fh:
                catalog = read_po(fh, abort_invalid=True)
        except Exception as exc:  # babel raises PoFileError and friends
            line = getattr(exc, "lineno", 0) or 0
            diags.append(Diagnostic(Location(rel, line), f"cannot read catalog: {exc}"))
            catalog = Catalog(locale=None)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = Translations(fp=buffer, domain=DOMAIN)
    translated: set[str] = set()
    lines: dict[str, int] = {}
    safe: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        lines[msgid] = int(getattr(message, "lineno", 0) or 0)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings) and not message.fuzzy:
            translated.add(msgid)
        if SAFE_FLAG in message.flags:
            safe.add(msgid)
    ui = UiCatalog(lang, rel, translations, frozenset(translated), lines, frozenset(safe))
    return ui, diags


def extract(config: Config) -> tuple[Path, int]:
    """Extract the UI strings of every template into ``i18n/messages.pot``; (path, count)."""
    template = Catalog(project="sastra-theme", charset="utf-8", fuzzy=False)
    if config.templates_dir.is_dir():
        found = extract_from_dir(
            config.templates_dir,
            method_map=_METHOD_MAP,
            options_map=_OPTIONS,
            keywords=_KEYWORDS,
            comment_tags=("TRANSLATORS:",),
            strip_comment_tags=True,
        )
        for filename, lineno, message, comments, context in found:
            where = [(Path(filename).as_posix(), lineno)]
            template.add(message, None, where, auto_comments=comments, context=context)
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
            catalog = Catalog(locale=lang, domain=DOMAIN, project="sastra-theme", fuzzy=False)
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


def catalog_stats(config: Config) -> dict[str, tuple[int, int, int]]:
    """``{lang: (translated, fuzzy, untranslated)}`` UI strings per language (polib).

    A language without a catalog counts every id of ``messages.pot`` as untranslated
    (``(0, 0, 0)`` when there is no template either). Obsolete entries are not counted.
    """
    template_count = 0
    if pot_path(config).is_file():
        template_count = len([e for e in polib.pofile(str(pot_path(config))) if not e.obsolete])
    stats: dict[str, tuple[int, int, int]] = {}
    for lang in config.languages:
        path = po_path(config, lang)
        if not path.is_file():
            stats[lang] = (0, 0, template_count)
            continue
        try:
            po = polib.pofile(str(path))
        except (OSError, ValueError):
            stats[lang] = (0, 0, template_count)
            continue
        stats[lang] = (
            len(po.translated_entries()),
            len(po.fuzzy_entries()),
            len(po.untranslated_entries()),
        )
    return stats


def _write_catalog(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False)
    atomic_write(path, buffer.getvalue())
