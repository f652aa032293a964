"""Reading typed values out of parsed TOML, collecting every problem as a diagnostic.

The checks that :mod:`sastra.config` applies key by key; nothing here knows which keys
a Sastra config has.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import cache
from typing import TypeVar, overload

from sastra.model import Diagnostic, Location, Severity

LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
FIELD_PATH_RE = re.compile(r"^[A-Za-z_][\w-]*(?:\[\])?(?:\.[A-Za-z_][\w-]*(?:\[\])?)*$")
T = TypeVar("T")
U = TypeVar("U")
D = TypeVar("D")


class Validator:
    """Collects diagnostics while reading typed values out of the TOML tables."""

    def __init__(self, path: str, text: str, prefix: str, diags: list[Diagnostic]) -> None:
        self.path, self.lines, self.prefix, self.diags = path, text.splitlines(), prefix, diags

    def line_of(self, table: str, key: str) -> int:
        """Best-effort line of ``key`` inside ``[table]`` (tomllib keeps no positions)."""
        header = f"[{self.prefix}{table}]" if table or self.prefix else ""
        in_table = header == ""
        key_re = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                in_table = stripped.split("#")[0].strip() == header
                if in_table and not key:
                    return number
            elif in_table and key and key_re.match(line):
                return number
        return 1

    def error(
        self, table: str, key: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        where = Location(self.path, self.line_of(table, key))
        self.diags.append(Diagnostic(where, message, severity))

    @overload
    def take(
        self,
        table: str,
        data: Mapping[str, object],
        key: str,
        kind: type[T],
        default: D,
        check: Callable[[T], str | None] | None = None,
    ) -> T | D: ...

    @overload
    def take(
        self,
        table: str,
        data: Mapping[str, object],
        key: str,
        kind: tuple[type[T], type[U]],
        default: D,
        check: Callable[[T | U], str | None] | None = None,
    ) -> T | U | D: ...

    def take(
        self,
        table: str,
        data: Mapping[str, object],
        key: str,
        kind: type | tuple[type, ...],
        default: object,
        check: Callable[..., str | None] | None = None,
    ) -> object:
        """``data[key]`` when it is of ``kind`` and passes ``check``; else (one diagnostic
        at its line) or when absent, ``default``."""
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            kinds = (kind,) if isinstance(kind, type) else kind
            words = " or ".join(_TYPE_WORDS.get(k.__name__, k.__name__) for k in kinds)
            self.error(table, key, f"'{key}' must be {words}")
            return default
        problem = check(value) if check else None
        if problem:
            self.error(table, key, f"'{key}': {problem}")
            return default
        return value

    def unknown(self, table: str, data: Mapping[str, object], known: set[str]) -> None:
        for key in data:
            if key not in known:
                where = f"[{table}]" if table else "the top level"
                hint = did_you_mean(key, known)
                self.error(
                    table,
                    key,
                    f"unknown key '{key}' in {where}{hint}",
                    Severity.WARNING,
                )


_TYPE_WORDS = {
    "str": "a string",
    "bool": "true or false",
    "int": "a whole number",
    "list": "a list",
    "dict": "a table",
}


def did_you_mean(word: str, known: set[str]) -> str:
    import difflib

    match = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def field_list(value: Iterable[object]) -> str | None:
    if not all(isinstance(item, str) and FIELD_PATH_RE.match(item) for item in value):
        return "expected a list of field paths such as 'title' or 'team.member[].role'"
    return None


def extensions(value: Iterable[object]) -> str | None:
    if not all(isinstance(item, str) and re.fullmatch(r"[a-z0-9]{1,16}", item) for item in value):
        return 'expected a list of file extensions in lower case, without the dot: ["jpg", "pdf"]'
    return None


def one_of(choices: tuple[str, ...]) -> Callable[[str], str | None]:
    return lambda value: None if value in choices else f"expected one of {', '.join(choices)}"


def positive(value: int) -> str | None:
    return None if value > 0 else "must be at least 1"


@cache
def is_locale(code: str) -> bool:
    """True when babel knows ``code`` as a locale (``fr``, ``pt-BR``, ``zh_Hant``); a folder
    named ``kh``, ``img`` or ``api`` is not a language."""
    if not LANG_RE.match(code):
        return False
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code, sep="-" if "-" in code else "_")
    except (ValueError, UnknownLocaleError):
        return False
    return True


def languages_check(value: Collection[object]) -> str | None:
    if not value or not all(isinstance(x, str) and LANG_RE.match(x) for x in value):
        return 'expected a list of language codes such as ["km", "en"]'
    if len(set(value)) != len(value):
        return "a language is listed twice"
    return None


def source_check(languages: list[str]) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if value == "auto" or value in languages:
            return None
        return f"'{value}' is not one of the languages ({', '.join(languages)}) nor \"auto\""

    return check
