"""Checks on the language of the text: wrong language, left untranslated, Khmer hygiene."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sastra.content.parse import get_path
from sastra.model import Location, Severity
from sastra.review.facts import Spot, is_khmer
from sastra.review.model import Finding, PairContext
from sastra.review.script import (
    KHMER_SHARE,
    english_prose,
    is_text,
    khmer_share,
    khmer_words,
    snippet,
)
from sastra.tracking.fingerprint import normalize_visible


def check_wrong_language(ctx: PairContext) -> Iterator[Finding]:
    """``wrong-language``: Khmer where another language is expected (an error for a title,
    description or paragraph mostly in Khmer, a warning for Khmer words left in one), or
    English prose where Khmer is expected (an error). Names, acronyms (CTC, 4G), quoted
    terms, short glosses in parentheses, URLs and domain names are allowed."""
    for lang, facts in ctx.facts.items():
        legacy = {h.spot for h in facts.hygiene if h.code == "km-legacy-font"}
        for spot, paragraph in facts.prose():
            severity = Severity.ERROR
            if is_khmer(lang):
                if spot in legacy:
                    continue  # Limon/ABC text: the hygiene finding says it better
                prose = english_prose(_without_code(paragraph.text, ctx.article(lang).body))
                if prose is None:
                    continue
                message = f"English text in the Khmer {spot.describe()}: «{snippet(prose)}»"
            else:
                share = khmer_share(paragraph.text)
                if share < KHMER_SHARE:
                    words = khmer_words(paragraph.text)
                    if not words:
                        continue
                    shown = ", ".join(f"«{snippet(w, 30)}»" for w in words[:3])
                    more = f" and {len(words) - 3} more" if len(words) > 3 else ""
                    message = f"Khmer words left in the {lang} {spot.describe()}: {shown}{more}"
                    severity = Severity.WARNING
                else:
                    message = (
                        f"Khmer text in the {lang} {spot.describe()} ({share:.0%} of its "
                        f"letters): «{snippet(paragraph.text)}»"
                    )
            other = next((o for o in ctx.facts if o != lang), None)
            yield ctx.finding("wrong-language", severity, message, lang, spot, other)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _without_code(text: str, body: str) -> str:
    """``text`` without the inline code of ``body`` (a command, a path): the visible text
    keeps a code span's content but not its backticks."""
    if "`" not in body:
        return text
    for code in {m.group(1).strip() for m in _CODE_SPAN.finditer(body)}:
        if code:
            text = text.replace(code, " ")
    return text


def _leaves(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """``(dotted path, text)`` of every string in a frontmatter value (``team[1].role``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")


def check_field_language(ctx: PairContext) -> Iterator[Finding]:
    """``wrong-language`` (warning): Khmer left in a frontmatter field of a non-Khmer version
    that is neither translatable (those are read like the body) nor shared (those hold one
    value for every language): an address, a role, a school's name in a data collection."""
    collection = ctx.config.collection(ctx.pair.key.collection)
    for lang in ctx.facts:
        if is_khmer(lang):
            continue
        article = ctx.article(lang)
        known = {p.label for p in ctx.facts[lang].text.fields}
        known |= {path for name in collection.shared for path, _ in get_path(article.meta, name)}
        for path, text in _leaves(dict(article.meta)):
            top = path.split(".", 1)[0].split("[", 1)[0]
            if path in known or top in ("l10n", "slug") or khmer_share(text) < KHMER_SHARE:
                continue
            if any(path.startswith(f"{k}.") or path.startswith(f"{k}[") for k in known):
                continue
            yield ctx.finding(
                "wrong-language",
                Severity.WARNING,
                f"Khmer text in the {lang} field '{path}': «{snippet(text)}»",
                lang,
                Spot(article.line_of(top), path),
            )


def check_untranslated(ctx: PairContext) -> Iterator[Finding]:
    """``untranslated``: a translation's title, description or paragraph identical to a block
    of its source (blocks too short to be prose, such as alt texts and names, excepted)."""
    source_blocks = {
        normalize_visible(p.text).casefold(): spot for spot, p in ctx.facts[ctx.source].prose()
    }
    for lang in ctx.translations:
        for spot, paragraph in ctx.facts[lang].prose():
            key = normalize_visible(paragraph.text).casefold()
            origin = source_blocks.get(key)
            if origin is None or not is_text(paragraph.text):
                continue
            yield ctx.finding(
                "untranslated",
                Severity.ERROR,
                f"the {lang} {spot.describe()} is the {ctx.source} {origin.describe()} "
                f"copied unchanged: «{snippet(paragraph.text)}»",
                lang,
                spot,
                other_location=ctx.where(ctx.source, origin),
            )


def check_hygiene(ctx: PairContext) -> Iterator[Finding]:
    """``km-*``: Khmer Unicode hygiene issues (legacy font, cluster order, split or doubled
    vowels, zero-width and no-break spaces), from :mod:`sastra.khmer.unicode`."""
    for lang, facts in ctx.facts.items():
        path = ctx.article(lang).path
        for issue in facts.hygiene:
            spot = issue.spot
            yield Finding(
                code=issue.code,
                severity=Severity.WARNING,
                message=issue.message,
                location=Location(path, issue.line, issue.column),
                lang=lang,
                field=spot.field if spot else None,
                paragraph=spot.paragraph if spot else None,
                detail=f"fix: «{issue.fix}»" if issue.fix else None,
            )
