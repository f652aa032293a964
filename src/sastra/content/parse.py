"""Parse one article file (bytes) into an :class:`~sastra.model.Article`.

Pure: bytes in, an article and diagnostics out. Frontmatter is split and
loaded with python-frontmatter's YAML handler (on libyaml's C loader when
available), after a fast path for simple ``key: value`` frontmatter
(:mod:`sastra.content.fastyaml`); every problem is one :class:`~sastra.model.Diagnostic` with the
file's own line number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import yaml
from frontmatter.default_handlers import YAMLHandler

from sastra.content.fastyaml import load_simple
from sastra.content.frontmatter import frontmatter_bounds
from sastra.content.yamlsafe import NoAliasLoader, nesting_problem
from sastra.model import (
    DATE_FIELDS,
    UPDATED_FIELDS,
    Article,
    Diagnostic,
    Key,
    L10n,
    Location,
    Severity,
    as_date,
    iso_moment,
)

# A top-level ``key =`` (bare or quoted) or a ``[table]`` / ``[[array]]`` header.
_TOML_KEY = re.compile(r"(?:([A-Za-z0-9_-]+)|\[\[?[ \t]*([A-Za-z0-9_.-]+))[ \t]*[=\]]")
_TOP_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:")  # matched at the start of a line
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Handler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        kwargs.setdefault("Loader", _Loader)
        return super().load(fm, **kwargs)


_HANDLER = _Handler()


class ParsedFile(NamedTuple):
    """What parsing a file's bytes yields; cached by blob id.

    A named tuple rather than a frozen dataclass: a cold status makes, caches and
    pickles one for each of 20,000 files, and a tuple is several times cheaper at all
    three.
    """

    meta: Mapping[str, Any]
    body_start: int
    """Offset of the body in the decoded text (the body itself is not cached)."""
    body_line: int
    field_lines: Mapping[str, int]
    diagnostics: tuple[Diagnostic, ...]
    ok: bool
    """False when the file could not be read at all (it is then left out)."""


def blob_id(data: bytes) -> str:
    """Git's blob id of these bytes, so working files and history share one cache."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def decode(data: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 (with or without BOM), CRLF or LF → text with ``\\n`` newlines."""
    try:
        text = data.decode("utf-8")  # (the utf-8-sig codec is a slower Python wrapper)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Diagnostic(
            Location(path, line),
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def parse_text(text: str, path: str, *, shared: bool = False) -> ParsedFile:
    """Split frontmatter from body and load the YAML. Line numbers are the file's.

    ``shared``: the caller only reads ``meta`` and drops it (fingerprinting committed
    versions); equal frontmatter then shares one loaded value, since the versions of
    an article mostly carry the same frontmatter.
    """
    parsed = _parse(text, path, shared=shared, simple_only=False)
    assert parsed is not None
    return parsed


def parse_simple(text: str, path: str) -> ParsedFile | None:
    """:func:`parse_text` when the frontmatter is in the fast loader's subset (see
    :mod:`sastra.content.fastyaml`), a few µs; ``None`` when it needs PyYAML."""
    return _parse(text, path, shared=False, simple_only=True)


def _parse(text: str, path: str, *, shared: bool, simple_only: bool) -> ParsedFile | None:
    if text.startswith("---"):
        split = _split(text, path, "---")
    elif text.startswith("+++"):
        return _parse_toml(_split(text, path, "+++"), path)
    else:
        return ParsedFile({}, 0, 1, {}, (), True)
    if isinstance(split, ParsedFile):
        return split
    fm, body_start, body_line = split
    field_lines: dict[str, int] = {}
    twice: list[Diagnostic] = []
    for number, row in enumerate(fm.split("\n"), 2):
        if (key := _TOP_KEY.match(row)) is not None:
            name = key.group(1)
            if name in field_lines:  # YAML keeps the last one, silently
                message = (
                    f"'{name}' is given twice (lines {field_lines[name]} and {number}); "
                    "the last one is used"
                )
                twice.append(Diagnostic(Location(path, number), message, Severity.WARNING))
            field_lines[name] = number
    meta: Any
    deep = nesting_problem(fm)
    if deep is not None:
        diag = Diagnostic(Location(path, deep[0] + 2), f"invalid YAML in frontmatter: {deep[1]}")
        return ParsedFile({}, 0, body_line, field_lines, (diag,), False)
    if not fm.strip():
        meta = {}
    elif simple_only:
        meta = load_simple(fm)
        if meta is None:
            return None
    else:
        try:
            meta = _load_yaml_shared(fm) if shared else _load_yaml(fm)
        except (yaml.YAMLError, ValueError) as exc:
            return _yaml_failure(exc, fm, path, body_line, field_lines)
    if not isinstance(meta, dict):
        diag = Diagnostic(Location(path, 2), "frontmatter must be a mapping of 'key: value' lines")
        return ParsedFile({}, 0, body_line, field_lines, (diag,), False)
    return ParsedFile(meta, body_start, body_line, field_lines, tuple(twice), True)


def _yaml_failure(
    exc: Exception, fm: str, path: str, body_line: int, field_lines: dict[str, int]
) -> ParsedFile:
    """The one diagnostic of frontmatter PyYAML could not load."""
    if isinstance(exc, yaml.reader.ReaderError):  # a control character, at its own line
        line = fm.count("\n", 0, max(0, exc.position)) + 2
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a byte"
        message = f"invalid YAML in frontmatter: control character {char} is not allowed"
        diag = Diagnostic(Location(path, line), message)
    elif isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        quoted = exc.context == "while scanning a quoted scalar"
        if quoted and exc.context_mark is not None:
            # A quote never closed is found out at the end: point to where it opens.
            mark, problem = exc.context_mark, f"{problem} {exc.context}"
        flow = (exc.context or "").startswith("while parsing a flow")
        opened = exc.context_mark
        if flow and opened is not None and mark is not None and mark.line > opened.line:
            mark = opened  # so is a bracket never closed (``tags: [a``): at the next key
        line = (mark.line + 2) if mark is not None else 1
        diag = Diagnostic(Location(path, line), f"invalid YAML in frontmatter: {problem}")
    else:  # libyaml raises ValueError for 2026-13-45, with no position
        line = _guess_line(fm, str(exc))
        diag = Diagnostic(Location(path, line), f"invalid value in frontmatter: {exc}")
    return ParsedFile({}, 0, body_line, field_lines, (diag,), False)


def _split(text: str, path: str, mark: str) -> ParsedFile | tuple[str, int, int]:
    """The frontmatter text, the body's offset and first line; or the failure of a
    frontmatter that is never closed (see :mod:`sastra.content.frontmatter`)."""
    bounds = frontmatter_bounds(text)
    if bounds is None:
        diag = Diagnostic(
            Location(path, 1), f"frontmatter starts with '{mark}' but is never closed"
        )
        return ParsedFile({}, 0, 1, {}, (diag,), False)
    return text[bounds.start : bounds.end], bounds.body, text.count("\n", 0, bounds.body) + 1


def _parse_toml(split: ParsedFile | tuple[str, int, int], path: str) -> ParsedFile:
    """TOML frontmatter between ``+++`` lines (Hugo's), read with the standard ``tomllib``.

    (python-frontmatter's ``TOMLHandler`` needs the unmaintained ``toml`` package; the
    boundaries are the same.) Both fast and full paths come here, so they agree.
    """
    if isinstance(split, ParsedFile):
        return split
    fm, body_start, body_line = split
    field_lines: dict[str, int] = {}
    in_table = False  # keys below a [table] header are not top-level fields
    for number, row in enumerate(fm.split("\n"), 2):
        if (key := _TOML_KEY.match(row)) is not None:
            if key.group(2):
                in_table = True
                field_lines.setdefault(key.group(2).split(".")[0], number)
            elif not in_table:
                field_lines.setdefault(key.group(1), number)
    deep = nesting_problem(fm)  # tomllib recurses per level: 3,000 brackets end its stack
    if deep is not None:
        diag = Diagnostic(Location(path, deep[0] + 2), f"invalid TOML in frontmatter: {deep[1]}")
        return ParsedFile({}, 0, body_line, field_lines, (diag,), False)
    try:
        meta = tomllib.loads(fm)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(fm, str(exc)) + 1  # the frontmatter starts on line 2
        problem = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        problem = _TOML_PROBLEMS.get(problem, problem)
        row = fm.split("\n")[line - 2]
        key = _TOML_KEY.match(row)
        if problem == "Cannot overwrite a value" and key is not None and key.group(1):
            first = field_lines.get(key.group(1), line)
            if first < line:
                problem = f"'{key.group(1)}' is given twice (lines {first} and {line})"
        diag = Diagnostic(Location(path, line), f"invalid TOML in frontmatter: {problem}")
        return ParsedFile({}, 0, body_line, field_lines, (diag,), False)
    return ParsedFile(meta, body_start, body_line, field_lines, (), True)


# tomllib's words for a string never closed, in the words of its "Unclosed array"
_TOML_PROBLEMS = {
    'Expected "\'"': "Unclosed string",
    "Expected \"'''\"": "Unclosed string",
    "Unterminated string": "Unclosed string",
    "Illegal character '\\n'": "Unclosed string",
}


def _toml_error_line(fm: str, message: str) -> int:
    """The line of ``fm`` (1-based) a user must fix for tomllib's error ``message``.

    tomllib says where it noticed the problem. When that is in the middle of a line
    (``title = Library week``: the bare word), that is the line. When it is the start of
    a later line or the end of the document, it ran past the line at fault looking for
    what is missing (the ``]`` of ``tags = ['a', 'b'`` is found missing at the next
    key), and a value given twice is noticed after the value: then the line is where
    the statement being read began, the line after the longest run of lines that reads.
    """
    rows = fm.split("\n")
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found is None:
        last = len(rows)
    else:
        line, column = int(found.group(1)), int(found.group(2))
        mid_line = rows[line - 1][: column - 1].strip() if line <= len(rows) else ""
        if mid_line and not message.startswith("Cannot overwrite"):
            return line
        last = line - 1
    for before in range(last, -1, -1):
        try:
            tomllib.loads("\n".join(rows[:before]))
        except tomllib.TOMLDecodeError:
            continue
        return min(before + 1, len(rows))
    return 1


@lru_cache(maxsize=4096)
def _load_yaml_shared(fm: str) -> Any:
    return _load_yaml(fm)


def _load_yaml(fm: str) -> Any:
    simple = load_simple(fm)
    if simple is not None:
        return simple
    if "*" in fm:  # maybe an alias: the pure-Python loader refuses them with their line
        return _HANDLER.load(fm, Loader=NoAliasLoader)
    return _HANDLER.load(fm)


def _guess_line(fm: str, message: str) -> int:
    """Line of the first value that looks like a broken date (libyaml gives no position)."""
    for number, line in enumerate(fm.split("\n"), 2):
        if re.search(r":\s*['\"]?\d{4}-\d{1,2}-\d{1,2}", line):
            try:
                value = re.search(r"\d{4}-\d{1,2}-\d{1,2}", line)
                assert value is not None
                dt.date.fromisoformat(_pad_date(value.group(0)))
            except ValueError:
                return number
    return 1


def _pad_date(text: str) -> str:
    y, m, d = text.split("-")
    return f"{y}-{int(m):02d}-{int(d):02d}"


def get_path(meta: Mapping[str, Any], dotted: str) -> list[tuple[str, Any]]:
    """Values at a dotted field path; ``[]`` walks a list: ``team.member[].role``.

    Returns ``(concrete_path, value)`` pairs, e.g. ``("team.member[1].role", "Director")``;
    an absent path gives an empty list.
    """
    found: list[tuple[str, Any]] = [("", meta)]
    for part in dotted.split("."):
        is_list = part.endswith("[]")
        name = part[:-2] if is_list else part
        step: list[tuple[str, Any]] = []
        for prefix, node in found:
            if not isinstance(node, Mapping) or name not in node:
                continue
            value = node[name]
            here = f"{prefix}.{name}" if prefix else name
            if is_list:
                if isinstance(value, list):
                    step.extend((f"{here}[{i}]", item) for i, item in enumerate(value))
            else:
                step.append((here, value))
        found = step
    return found


def check_fields(
    meta: Mapping[str, Any],
    field_lines: Mapping[str, int],
    path: str,
    required: Iterable[str],
) -> list[Diagnostic]:
    """Required fields present and non-empty; ``date``, where present, a real date."""
    diags: list[Diagnostic] = []
    for name in required:
        values = get_path(meta, name)
        if not values or all(v in (None, "", [], {}) for _, v in values):
            line = field_lines.get(name.split(".")[0].removesuffix("[]"), 1)
            diags.append(Diagnostic(Location(path, line), f"required field '{name}' is missing"))
    tags = meta.get("tags")
    if tags is not None and not _tags_ok(tags):
        where = Location(path, field_lines.get("tags", 1))
        message = (
            f"'tags' must be a list of words (or one word), not {kind_of(tags)}: {short_repr(tags)}"
        )
        diags.append(Diagnostic(where, message))
    if "date" in meta and not isinstance(meta["date"], dt.date):
        value = meta["date"]
        if not isinstance(value, str) or as_date(value.strip(), text=True) is None:
            diags.append(
                Diagnostic(
                    Location(path, field_lines.get("date", 1)),
                    f"'date' is not a date: {value!r} (expected YYYY-MM-DD)",
                )
            )
    diags += _unread_dates(meta, field_lines, path)
    return diags


def _unread_dates(
    meta: Mapping[str, Any], field_lines: Mapping[str, int], path: str
) -> list[Diagnostic]:
    """A warning for each date field written as text that is not an ISO date or date-time
    (``date: "2026-01-15 9am"``, ``lastmod: 15/01/2026``): the page goes on without it
    (a ``date`` that does not even start with a date is an error of its own)."""
    diags = []
    for name in (*DATE_FIELDS, *UPDATED_FIELDS):
        value = meta.get(name)
        if not isinstance(value, str) or iso_moment(value) is not None:
            continue
        if name == "date" and as_date(value.strip(), text=True) is None:
            continue  # not a date at all: the error above says so
        if value.strip():
            message = (
                f"'{name}' is not a date Sastra can read: {value!r} (expected YYYY-MM-DD or "
                f"YYYY-MM-DDTHH:MM:SS, with an offset such as +07:00 or Z); it is ignored"
            )
            diags.append(
                Diagnostic(Location(path, field_lines.get(name, 1)), message, Severity.WARNING)
            )
    return diags


def _tags_ok(value: object) -> bool:
    if isinstance(value, str):
        return True
    return isinstance(value, list) and all(_is_word(item) for item in value)


def _is_word(item: object) -> bool:
    return isinstance(item, str) or (isinstance(item, int | float) and not isinstance(item, bool))


def kind_of(value: object) -> str:
    """What a YAML value is, in a user's words: ``a number``, ``a list``, ``a mapping``…"""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    if value is None:
        return "empty"
    return "text"


def short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters (a value can be a whole nested block)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_l10n(
    meta: Mapping[str, Any], field_lines: Mapping[str, int], path: str, languages: Iterable[str]
) -> tuple[L10n, list[Diagnostic]]:
    """The ``l10n`` block, validated."""
    raw = meta.get("l10n")
    if raw is None:
        return _NO_L10N, []
    line = field_lines.get("l10n", 0)
    where = Location(path, line or 1)
    if not isinstance(raw, Mapping):
        return L10n(line=line), [
            Diagnostic(where, "'l10n' must be a mapping (source, source_hash)")
        ]
    diags = []
    source = raw.get("source")
    langs = tuple(languages)
    if source is not None and source not in langs:
        diags.append(
            Diagnostic(
                where, f"l10n.source '{source}' is not a language of this site ({', '.join(langs)})"
            )
        )
        source = None
    ignore = raw.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        diags.append(Diagnostic(where, "l10n.ignore must be a list of finding codes"))
        ignore = []
    unknown = sorted(set(raw) - {"source", "source_hash", "source_commit", "ignore"})
    for key in unknown:
        diags.append(Diagnostic(where, f"unknown key 'l10n.{key}'", Severity.WARNING))

    def text(name: str) -> str | None:
        value = raw.get(name)
        return None if value is None else str(value)

    return L10n(source, text("source_hash"), text("source_commit"), tuple(ignore), line), diags


_NO_L10N = L10n()


def make_article(
    key: Key,
    lang: str,
    path: str,
    text: str,
    parsed: ParsedFile,
    blob: str,
    languages: Iterable[str],
) -> tuple[Article, list[Diagnostic]]:
    """Assemble the frozen :class:`Article` and the diagnostics of its ``l10n`` block."""
    l10n, diags = parse_l10n(parsed.meta, parsed.field_lines, path, languages)
    article = Article(
        key=key,
        lang=lang,
        path=path,
        meta=parsed.meta,
        body=text[parsed.body_start :],
        body_line=parsed.body_line,
        field_lines=parsed.field_lines,
        l10n=l10n,
        blob=blob,
    )
    return article, diags
