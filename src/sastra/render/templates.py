"""The Jinja2 theme: one environment for every language, autoescaped, ``StrictUndefined``.

UI strings go through gettext (``jinja2.ext.i18n``, new-style) from the
language's catalog (:mod:`sastra.catalogs`); a string the catalog does not
translate falls back to English and is remembered, so the build can warn once
per string. Each string is looked up once per language: ``_("…")`` is one dict
lookup after that (a page asks for about a dozen). Filters localize for the
page's language (``lang`` in the context):

``date``   ``ថ្ងៃទី៨ ខែមករា ឆ្នាំ២០២៦`` / ``8 January 2026`` (``date("full")`` adds the weekday)
``lunar``  the Khmer lunar line (Chhankitek) of a date
``number`` ``១.២៣៤`` / ``1,234``
``digits`` Khmer digits on Khmer pages
``breaks`` Khmer line-break hints (U+200B) when ``build.line_breaks`` is on
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import pass_context
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from sastra.cache import read_sealed, write_sealed
from sastra.catalogs import UI_LANGUAGE, UiCatalog
from sastra.config.model import Config
from sastra.khmer.dates import format_date
from sastra.khmer.digits import localize_digits
from sastra.model import Diagnostic, Location, as_date
from sastra.names import Glossary, render_name
from sastra.theme import template_dirs


@pass_context
def _date_filter(ctx: Context, value: Any, style: str = "long") -> str:
    day = as_date(value, text=True)
    return _format_date(day, str(ctx["lang"]), style) if day else ""


# Each date shows on several pages (article, indexes, tags, feeds): format it once.
_format_date = lru_cache(maxsize=16384)(format_date)


@pass_context
def _lunar_filter(ctx: Context, value: Any) -> str:
    from sastra.khmer.lunar import format_lunar

    day = as_date(value, text=True)
    if day is None or not 1900 <= day.year <= 2100:
        return ""
    return format_lunar(day)


@pass_context
def _number_filter(ctx: Context, value: Any) -> str:
    from sastra.khmer.numbers import format_number

    try:
        return format_number(value, str(ctx["lang"]))
    except (ValueError, TypeError):
        return str(value)


@pass_context
def _digits_filter(ctx: Context, value: Any) -> str:
    return localize_digits(str(value), str(ctx["lang"]))


_DICT_ATTRS = frozenset(dir(dict))


class _SealedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in ``folder``, sealed like every cache (:mod:`sastra.cache`):
    a compiled template is code, so one planted in the cache folder is never loaded."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        payload = read_sealed(self.folder / f"{bucket.key}.cache")
        if payload is not None:
            bucket.bytecode_from_string(payload)

    def dump_bytecode(self, bucket: Bucket) -> None:
        # A read-only cache folder: templates compile again next time.
        with contextlib.suppress(OSError):
            write_sealed(self.folder / f"{bucket.key}.cache", bucket.bytecode_to_string())


class _ThemeEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox (a theme from anywhere cannot reach Python's internals: no
    ``cycler.__init__.__globals__``, no ``__class__``), with a quicker ``x.y`` on the
    plain dicts of a page's context.

    Jinja tries ``getattr(x, "y")`` first, which on a dict raises (and catches) an
    AttributeError for every key; a page looks up a few hundred. The result is the same:
    the dict's own attributes (``meta.get``, ``meta.items``) still win over its keys.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


class Theme:
    """The theme's environment, the catalogs, and the UI strings that fell back to English."""

    def __init__(
        self,
        config: Config,
        catalogs: dict[str, UiCatalog],
        hints: Callable[[str], str] | None,
        glossary: Glossary | None = None,
    ) -> None:
        self.config = config
        self.catalogs = catalogs
        self.hints = hints
        self.glossary = glossary if glossary is not None else Glossary((), "")
        self.fallbacks: set[tuple[str, str, str]] = set()
        """``("ui", lang, msgid)`` of every UI string shown in English instead of ``lang``;
        ``("name", lang, name)`` of every name the ``name`` filter had to romanize."""
        self._ui: dict[str, dict[str, tuple[str | None, bool]]] = {
            lang: {} for lang in config.languages
        }
        """Per language: msgid → (text or ``None`` when no catalog has it, fell back?)."""
        self._marked: dict[str, dict[str, tuple[Markup, bool]]] = {
            lang: {} for lang in config.languages
        }
        """Per language: msgid → (``_("msgid")`` as the template gets it, fell back?)."""
        cache_dir = config.cache_dir / "jinja"
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            bytecode: jinja2.BytecodeCache | None = _SealedBytecodeCache(cache_dir)
        except OSError:
            bytecode = None
        # One environment for every language: templates compile once; gettext and the
        # filters read the page's language from the context. A theme lives for one build,
        # so templates are not checked for changes on every page (auto_reload), and kept
        # in a plain dict (cache_size=-1; Jinja's default LRU cache takes a lock per use).
        self.env = _ThemeEnvironment(
            # the site's own templates first, then the shipped theme: overridden file by file
            loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(config.templates_dir)]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=bytecode,
            auto_reload=False,
            cache_size=-1,
        )

        @pass_context
        def ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
            return self._ngettext(str(ctx["lang"]), singular, plural, n)

        # The extension wraps ngettext (new-style) and compiles ``{% trans %}`` for it; its
        # ``_`` would resolve ``gettext`` from the context on every call, so ``_`` and
        # ``gettext`` are ours, new-style already (see :meth:`_gettext`).
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            self.gettext_in, ngettext, newstyle=True
        )
        self.env.globals["gettext"] = self._gettext
        self.env.globals["_"] = self._gettext
        self.env.filters.update(
            date=_date_filter,
            lunar=_lunar_filter,
            number=_number_filter,
            digits=_digits_filter,
            breaks=self._breaks,
            name=self._name,
        )
        self.env.globals["_in"] = self.gettext_in

    @pass_context
    def _name(self, ctx: Context, value: Any) -> str:
        """A person's or organisation's name in the page's language (glossary, else romanized)."""
        lang = str(ctx["lang"])
        text, romanized = render_name(str(value), lang, self.glossary)
        if romanized:
            self.fallbacks.add(("name", lang, str(value)))
        return text

    @pass_context
    def _breaks(self, ctx: Context, value: Any) -> str:
        text = str(value)
        if self.hints is None or str(ctx["lang"]).split("-")[0] != "km":
            return text
        return self.hints(text)

    def translated(self, lang: str, msgid: str) -> str | None:
        """``msgid`` as the catalogs of ``lang`` translate it (plain text), else ``None``;
        no fallback to English, nothing recorded."""
        catalog = self.catalogs.get(lang)
        if catalog is not None and msgid in catalog.translated:
            return str(catalog.translations.gettext(msgid))
        return None

    def _resolve(self, lang: str, msgid: str) -> tuple[str | None, bool]:
        """``(text, fell back?)``: the catalog's translation, else English's, else ``None``."""
        catalog = self.catalogs.get(lang)
        if catalog is not None and msgid in catalog.translated:
            return _as_html(catalog, msgid, catalog.translations.gettext(msgid)), False
        fell_back = lang != UI_LANGUAGE
        english = self.catalogs.get(UI_LANGUAGE)
        if english is not None and msgid in english.translated:
            return _as_html(english, msgid, english.translations.gettext(msgid)), fell_back
        return None, fell_back

    def _lookup(self, lang: str, msgid: str) -> str | None:
        """The text of ``msgid`` in ``lang`` (``None`` if no catalog has it); a fallback to
        English is remembered for this page. ``lang`` is one of the site's languages."""
        ui = self._ui[lang]
        found = ui.get(msgid)
        if found is None:
            found = ui[msgid] = self._resolve(lang, msgid)
        if found[1]:
            self.fallbacks.add(("ui", lang, msgid))
        return found[0]

    @pass_context
    def _gettext(self, ctx: Context, message: str, /, **variables: Any) -> str:
        """Jinja's new-style gettext (``rv % variables`` on the escaped text), per language."""
        lang = str(ctx["lang"])
        autoescape = ctx.eval_ctx.autoescape
        marked = self._marked.get(lang)
        if marked is not None and autoescape and not variables:
            hit = marked.get(message)
            if hit is None:  # first use in this language: look up (records a fallback)
                text = self.gettext_in(lang, message)
                hit = marked[message] = (Markup(text) % {}, self._ui[lang][message][1])
            elif hit[1]:
                self.fallbacks.add(("ui", lang, message))
            return hit[0]
        rv: str = self.gettext_in(lang, message)
        if autoescape:
            rv = Markup(rv)
        return rv % variables

    def _ngettext(self, lang: str, singular: str, plural: str, n: int) -> str:
        if lang not in self._ui:
            return singular if n == 1 else plural
        catalog = self.catalogs.get(lang)
        if self._lookup(lang, singular) is not None and catalog is not None:
            return _as_html(catalog, singular, catalog.translations.ngettext(singular, plural, n))
        english = self.catalogs.get(UI_LANGUAGE)
        if english is not None and singular in english.translated:
            return _as_html(english, singular, english.translations.ngettext(singular, plural, n))
        return singular if n == 1 else plural

    def gettext_in(self, lang: str, message: str) -> str:
        """A UI string in ``lang`` (also ``_in("en", "…")`` in templates, for switcher notes)."""
        if lang not in self._ui:
            return message
        found = self._lookup(lang, message)
        return message if found is None else found

    def template(self, lang: str, names: tuple[str, ...]) -> jinja2.Template:
        """The first template of ``names`` that exists."""
        return self.env.select_template(list(names))

    def check(self) -> list[Diagnostic]:
        """Compile every template once; a syntax error is one ``path:line:`` diagnostic."""
        diags: list[Diagnostic] = []
        env = self.env
        for name in env.list_templates(extensions=["html", "xml", "txt"]):
            if name.startswith("static/"):
                continue
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                diags.append(self.error_of(exc))
        return diags

    def error_of(self, exc: Exception) -> Diagnostic:
        """A template failure as ``templates/x.html:12: template error: …``."""
        return template_diagnostic(self.config, exc)


def _as_html(catalog: UiCatalog, msgid: str, text: str) -> Markup:
    """A catalog's translation as HTML: escaped, unless its entry is flagged ``safe-html``
    (a ``.po`` file from a translator is text, not markup)."""
    return Markup(text) if msgid in catalog.safe else Markup.escape(text)


def template_diagnostic(config: Config, exc: Exception) -> Diagnostic:
    """Locate a Jinja2 error in the theme: syntax errors carry it, others are in the traceback."""
    bases = [d.resolve() for d in template_dirs(config.templates_dir)]
    path, line = "", 0
    if isinstance(exc, jinja2.TemplateSyntaxError):
        name = exc.filename or exc.name or ""
        path, line = name, exc.lineno
    else:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if any(_inside(Path(frame.filename), base) for base in bases):
                path, line = frame.filename, frame.lineno or 0
                break
    if isinstance(exc, jinja2.TemplateNotFound):
        message = f"template not found: {exc.name}"
        return Diagnostic(Location(config.rel(config.templates_dir), 0), message)
    where = config.rel(Path(path)) if path else config.rel(config.templates_dir)
    message = getattr(exc, "message", None) or str(exc)
    return Diagnostic(Location(where, line), f"template error: {message}")


@lru_cache(maxsize=256)
def _inside_cached(path: str, base: str) -> bool:
    try:
        Path(path).resolve().relative_to(base)
        return True
    except (ValueError, OSError):
        return False


def _inside(path: Path, base: Path) -> bool:
    return _inside_cached(str(path), str(base))
