"""Text edits of translation files: record a baseline, scaffold a new translation.

Pure string functions: the caller reads and writes (atomically). ``set_l10n``
changes only the ``l10n`` block of the frontmatter; every other byte of the
file (YAML formatting, comments, body, line endings, BOM) stays as it was.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import yaml

from sastra.content.frontmatter import frontmatter_bounds, opening_mark
from sastra.content.parse import get_path
from sastra.content.yamlsafe import block_string
from sastra.errors import EditError
from sastra.model import Article

TRANSLATE_MARK = "TRANSLATE:"


def in_progress(article: Article) -> bool:
    """A translation started by ``i18n new`` and not finished: a ``TRANSLATE:`` marker is
    still in its body or at the start of a frontmatter value."""
    return TRANSLATE_MARK in article.body or _marked(article.meta)


def marker_line(article: Article) -> int:
    """1-based line of the first ``TRANSLATE:`` marker :func:`in_progress` finds: the
    first marked frontmatter field, else the marker in the body; 0 when there is none."""
    fields = [line for key, line in article.field_lines.items() if _marked(article.meta.get(key))]
    if fields:
        return min(fields)
    at = article.body.find(TRANSLATE_MARK)
    return article.body_line + article.body.count("\n", 0, at) if at >= 0 else 0


def _marked(value: object) -> bool:
    if isinstance(value, str):
        return value.lstrip().startswith(TRANSLATE_MARK)
    if isinstance(value, Mapping):
        return any(_marked(v) for v in value.values())
    if isinstance(value, list):
        return any(_marked(v) for v in value)
    return False


def set_l10n(text: str, values: Mapping[str, str | None], *, path: str) -> str:
    """Set keys of the frontmatter's ``l10n`` block (``None`` removes a key) of the text
    of the file ``path``. Raises :class:`~sastra.errors.EditError` when its frontmatter is
    never closed."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom) :]
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    mark = opening_mark(text)
    if mark is None:
        block = _block(values, newline)
        return bom + newline.join(["---", *block, "---", ""]) + text
    bounds = frontmatter_bounds(text)
    if bounds is None:
        raise EditError(path, "frontmatter is never closed")
    close = text.count(newline, 0, bounds.end)  # the closing line's index in ``lines``
    if mark == "+++":
        return bom + newline.join(_set_l10n_toml(lines, close, values))
    start = next((i for i in range(1, close) if re.match(r"l10n[ \t]*:", lines[i])), None)
    if start is None:
        new = lines[:close] + _block(values, newline) + lines[close:]
        return bom + newline.join(new)
    end = start + 1
    while end < close and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    head = lines[start]
    inline = head.split(":", 1)[1].strip()
    if inline and not inline.startswith("#"):
        # flow style (l10n: {source: km}): rewrite the block in block style
        current = yaml.safe_load(inline) or {}
        merged = {**{k: str(v) for k, v in current.items()}, **values}
        return bom + newline.join(lines[:start] + _block(merged, newline) + lines[end:])
    body = lines[start + 1 : end]
    indent = re.match(r"[ \t]*", body[0]).group(0) if body else "  "  # type: ignore[union-attr]
    _set_keys(
        body,
        values,
        f"{re.escape(indent)}{{key}}[ \t]*:",
        lambda k, v: f"{indent}{k}: {block_string(v)}",
    )
    return bom + newline.join(lines[: start + 1] + body + lines[end:])


def _set_l10n_toml(lines: list[str], close: int, values: Mapping[str, str | None]) -> list[str]:
    """:func:`set_l10n` in TOML frontmatter (``+++``, closed at line index ``close``): the
    ``[l10n]`` table's keys are set in place, or the table is added at the end of the
    frontmatter (a TOML table must follow the top-level keys). An inline ``l10n = {…}``
    is rewritten as a table."""
    head = next(
        (i for i in range(1, close) if re.fullmatch(r"\[l10n\][ \t]*(#.*)?", lines[i])), None
    )
    inline = next((i for i in range(1, close) if re.match(r"l10n[ \t]*=", lines[i])), None)
    current: dict[str, str] = {}
    if inline is not None:
        parsed = tomllib.loads(lines[inline]).get("l10n", {})
        current = {str(k): str(v) for k, v in parsed.items()}
        del lines[inline]
        close -= 1
        if head is not None and head > inline:
            head -= 1
    if head is None:
        merged = {**current, **values}
        table = ["[l10n]"] + [
            f"{k} = {_toml_string(v)}" for k, v in merged.items() if v is not None
        ]
        end = close
        while end > 1 and not lines[end - 1].strip():
            end -= 1
        return lines[:end] + ([""] if end > 1 else []) + table + lines[close:]
    end = head + 1
    while end < close and not lines[end].lstrip().startswith("["):
        end += 1
    body = lines[head + 1 : end]
    _set_keys(body, values, "[ \t]*{key}[ \t]*=", lambda k, v: f"{k} = {_toml_string(v)}")
    return lines[: head + 1] + body + lines[end:]


def _set_keys(
    body: list[str],
    values: Mapping[str, str | None],
    key_line: str,
    line_of: Callable[[str, str], str],
) -> None:
    """Set, add (after the last non-blank line) or remove (``None``) the keys of a
    block's lines in place; ``key_line`` is the regex of a key's line with ``{key}``."""
    for key, value in values.items():
        pattern = re.compile(key_line.replace("{key}", re.escape(key)))
        at = next((i for i, line in enumerate(body) if pattern.match(line)), None)
        if value is None:
            if at is not None:
                del body[at]
        elif at is not None:
            body[at] = line_of(key, value)
        else:
            last = max((i for i, row in enumerate(body) if row.strip()), default=-1)
            body.insert(last + 1, line_of(key, value))


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _block(values: Mapping[str, str | None], newline: str) -> list[str]:
    return ["l10n:"] + [f"  {k}: {block_string(v)}" for k, v in values.items() if v is not None]


def scaffold(
    source_meta: Mapping[str, Any],
    source_body: str,
    *,
    source_lang: str,
    source_hash: str,
    source_commit: str | None,
    translatable: Iterable[str],
    target_lang: str,
    key: str,
    mdx: bool = False,
    mark: str = "---",
) -> str:
    """The text of a new translation file.

    Shared and other fields are copied; each translatable field keeps the source
    text behind a ``TRANSLATE:`` marker; the body is the source body under a
    comment telling the translator what to do: a JSX comment on an MDX page (MDX 2
    rejects ``<!--``, so an HTML comment would break the site's build). The ``l10n``
    block records the source and its fingerprint. The frontmatter is written in the
    source's language: YAML (``mark`` ``---``) or TOML (``+++``, Hugo's).
    """
    meta: dict[str, Any] = _deep_copy(source_meta)
    meta.pop("l10n", None)
    for path in translatable:
        for concrete, value in get_path(source_meta, path):
            if isinstance(value, str) and value.strip():
                _set_path(meta, concrete, f"{TRANSLATE_MARK} {value.strip()}")
    meta["l10n"] = {"source": source_lang, "source_hash": source_hash}
    if source_commit:
        meta["l10n"]["source_commit"] = source_commit
    if mark == "+++":
        import tomli_w

        front = tomli_w.dumps(meta)
    else:
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    note = (
        f"{TRANSLATE_MARK} translate the {source_lang} text below into {target_lang}, "
        f"then review it with `i18n review {key}`"
    )
    note = f"{{/* {note} */}}" if mdx else f"<!-- {note} -->"
    body = source_body.lstrip("\n")
    return f"{mark}\n{front}{mark}\n\n{note}\n\n{body}"


def _deep_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _set_path(meta: dict[str, Any], concrete: str, value: str) -> None:
    """Set ``a.b[2].c`` inside nested dicts and lists (the path exists)."""
    node: Any = meta
    parts = re.findall(r"([^.\[\]]+)|\[(\d+)\]", concrete)
    for i, (name, index) in enumerate(parts):
        last = i == len(parts) - 1
        key: Any = name if name else int(index)
        if last:
            node[key] = value
        else:
            node = node[key]
