"""The content-layout part of a Sastra config: the site generator's layout and the
``[[content]]`` path patterns, validated with every problem at its line.

Used by :mod:`sastra.config`; see ``docs/config.md`` (Layouts).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sastra.config.detect import FRAMEWORKS, Detected, detect
from sastra.config.validate import Validator, did_you_mean
from sastra.layouts import ContentPattern, compile_pattern, pattern_problem
from sastra.model import Diagnostic, Location, Severity


def generator_layout(root: Path, layout: str, has_patterns: bool, v: Validator) -> Detected | None:
    """The site generator's layout: detected when nothing is configured, read from the
    generator's config when ``layout`` names it (patterns, if given, still win)."""
    if layout and layout not in FRAMEWORKS:
        return None
    if not layout and has_patterns:
        return None
    found, problems = detect(root, layout or None)
    v.diags.extend(problems)
    if found is None and layout and not has_patterns:
        v.error(
            "",
            "layout",
            f"'layout' is '{layout}' but no {layout} configuration was found; "
            "add [[content]] patterns",
        )
    return found


_CONTENT_KEYS = {"pattern", "lang", "source", "translation", "collection"}


def content_patterns(
    v: Validator, entries: list[Any], languages: list[str]
) -> tuple[ContentPattern, ...]:
    """Compile the ``[[content]]`` entries; every problem is reported at its line."""
    compiled: list[ContentPattern] = []
    for index, entry in enumerate(entries):

        def error(key: str, message: str, index: int = index) -> None:
            line = _entry_line(v, index, key)
            v.diags.append(Diagnostic(Location(v.path, line), message))

        if not isinstance(entry, dict):
            error("", "[[content]] entries must be tables")
            continue
        for key in entry:
            if key not in _CONTENT_KEYS:
                line = _entry_line(v, index, key)
                hint = did_you_mean(key, _CONTENT_KEYS)
                message = f"unknown key '{key}' in [[content]]{hint}"
                v.diags.append(Diagnostic(Location(v.path, line), message, Severity.WARNING))
        values = {k: entry[k] for k in _CONTENT_KEYS if k in entry}
        bad = [k for k, x in values.items() if not isinstance(x, str)]
        for key in bad:
            error(key, f"'{key}' must be a string")
            del values[key]
        collection = values.get("collection", "")
        if "pattern" in values:
            if "source" in values or "translation" in values:
                error("pattern", "[[content]] has 'pattern' or 'source' + 'translation', not both")
                continue
            lang = values.get("lang")
            if lang is not None and lang not in languages:
                error(
                    "lang", f"'lang': '{lang}' is not one of the languages ({', '.join(languages)})"
                )
                continue
            problem = pattern_problem(values["pattern"], needs_lang=lang is None)
            if problem:
                error("pattern", f"'pattern': {problem}")
                continue
            compiled.append(compile_pattern(values["pattern"], lang, collection, index))
        elif "source" in values and "translation" in values:
            problems = [
                (key, pattern_problem(values[key], needs_lang=key == "translation"))
                for key in ("translation", "source")
            ]
            for key, problem in problems:
                if problem:
                    error(key, f"'{key}': {problem}")
            if any(p for _, p in problems):
                continue
            compiled.append(compile_pattern(values["translation"], None, collection, index))
            compiled.append(compile_pattern(values["source"], languages[0], collection, index))
        else:
            error("", "[[content]] needs 'pattern', or 'source' and 'translation'")
    return tuple(compiled)


def _entry_line(v: Validator, index: int, key: str) -> int:
    """Line of ``key`` in the ``index``-th ``[[content]]`` table (its header without a key)."""
    header = f"[[{v.prefix}content]]"
    seen = -1
    key_re = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=") if key else None
    start = 0
    for number, line in enumerate(v.lines, 1):
        stripped = line.split("#")[0].strip()
        if stripped.startswith("["):
            if seen == index:
                break
            if stripped == header:
                seen += 1
                start = number
        elif seen == index and key_re is not None and key_re.match(line):
            return number
    return start or v.line_of("", "content")
