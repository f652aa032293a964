"""Checks on what is not text: images, links and the shared frontmatter fields."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from urllib.parse import unquote

from sastra.addresses import from_page, is_relative, ref_page, url_for
from sastra.content.parse import get_path
from sastra.content.shortcodes import read_ref
from sastra.khmer.digits import to_latin_digits
from sastra.model import Location, Severity, iso_moment
from sastra.review.facts import Media, Spot
from sastra.review.model import Finding, PairContext
from sastra.review.script import snippet


def _spot(media: Media) -> Spot:
    return Spot(media.line, None, media.paragraph)


def check_images(ctx: PairContext) -> Iterator[Finding]:
    """``image-missing``: an image only one version shows; ``image-order``: the same images
    in another order; ``image-alt``: an image without alt text."""
    for lang in ctx.translations:
        yield from _images_between(ctx, ctx.source, lang)
    for lang in ctx.facts:
        for image in ctx.facts[lang].images:
            if not image.text:
                yield ctx.finding(
                    "image-alt",
                    Severity.WARNING,
                    f"image {image.target} has no alt text",
                    lang,
                    _spot(image),
                )


def _images_between(ctx: PairContext, source: str, lang: str) -> Iterator[Finding]:
    mine = ctx.facts[source].images
    theirs = ctx.facts[lang].images
    for have, lack, images, other in ((source, lang, mine, theirs), (lang, source, theirs, mine)):
        targets = {i.target for i in other}
        for image in images:
            if image.target not in targets:
                yield ctx.finding(
                    "image-missing",
                    Severity.ERROR,
                    f"image {image.target} is in the {have} version but not in the {lack} one",
                    have,
                    _spot(image),
                    lack,
                )
    common = {i.target for i in mine} & {i.target for i in theirs}
    left = [i for i in mine if i.target in common]
    right = [i for i in theirs if i.target in common]
    for a, b in zip(left, right, strict=False):
        if a.target != b.target:
            yield ctx.finding(
                "image-order",
                Severity.WARNING,
                f"images in another order: the {source} version shows {a.target} here, "
                f"the {lang} version {b.target}",
                lang,
                _spot(b),
                other_location=Location(ctx.article(source).path, a.line),
            )
            break


_LANG_SEGMENT = "{lang}"


def link_key(target: str, lang: str, page: str | None = None) -> str:
    """A link target with the version's language taken out, so that ``/km/news/x`` and
    ``/en/news/x`` compare equal; trailing slashes and URL escapes do not count. A
    relative target is first read from ``page``, the version's address
    (:func:`~sastra.addresses.url_for`: ``../x/`` from ``en/news/reg/`` is
    ``/en/news/x``): the translation may link by another route."""
    target = unquote(target.strip())
    if page is not None and is_relative(target):
        target = from_page("/" + page, target)
    target = re.sub(rf"(?<=/){re.escape(lang)}(?=/|$)", _LANG_SEGMENT, target)
    target = re.sub(rf"([?&](?:lang|hl|locale)=){re.escape(lang)}\b", r"\1{lang}", target)
    return target.rstrip("/") or "/"


def _placed(ctx: PairContext, lang: str, target: str) -> str:
    """A link target as the build places it: a Hugo ``ref`` (``hugo-ref:news/x.md``) is
    the address of the page it names (:func:`~sastra.addresses.ref_page`)."""
    ref = read_ref(target)
    if ref is None:
        return target
    path, asked = ref
    article = ctx.article(lang)
    found = ref_page(article.key, article.path, path, ctx.site.versions_of.__contains__)
    if found is None:
        return path
    key, anchor = found
    return "/" + url_for(ctx.config, asked or lang, key) + anchor


def check_links(ctx: PairContext) -> Iterator[Finding]:
    """``link-mismatch``: a link target only one version has (language folders aside)."""
    for lang in ctx.translations:
        pairs = ((ctx.source, lang), (lang, ctx.source))
        for have, lack in pairs:
            lack_page = url_for(ctx.config, lack, ctx.pair.key)
            targets = {
                link_key(_placed(ctx, lack, m.target), lack, lack_page)
                for m in ctx.facts[lack].links
            }
            have_page = url_for(ctx.config, have, ctx.pair.key)
            seen: set[str] = set()
            for link in ctx.facts[have].links:
                placed = _placed(ctx, have, link.target)
                key = link_key(placed, have, have_page)
                if key in targets or key in seen:
                    continue
                seen.add(key)
                yield ctx.finding(
                    "link-mismatch",
                    Severity.WARNING,
                    f"link to {placed} is in the {have} version but not in the {lack} one",
                    have,
                    _spot(link),
                    lack,
                    detail=f"link text: «{snippet(link.text)}»" if link.text else None,
                )


_PHONE_LIKE = re.compile(r"[+()\d\s./\-]+")


def _plain(value: object) -> object:
    """A value as compared: dates and datetimes as ISO text (quoted ones too), digits of
    either script as Latin (``០៧៨`` = ``078``), a phone number as its digits whatever the
    grouping (``០១២ ៣៤៥ ៦៧៨`` = ``012-345-678`` = ``+855 12 345 678``), containers
    recursively."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # ``students: ១២០០`` (a string to YAML) is ``students: 1200``
    if isinstance(value, str):
        moment = iso_moment(
            value
        )  # ``date: "2026-01-15T09:00:00Z"`` = ``date: 2026-01-15T09:00:00Z``
        if moment is not None:
            return moment.isoformat()
        text = " ".join(to_latin_digits(value).split())
        if (
            text.startswith(("0", "+", "("))
            and _PHONE_LIKE.fullmatch(text)
            and sum(c.isdigit() for c in text) >= 6
        ):
            digits = re.sub(r"\D", "", text)
            return "0" + (digits[3:] if digits.startswith("855") else digits).lstrip("0")
        return text
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _show(value: object) -> str:
    return "(absent)" if value is None else snippet(repr(_plain(value)).strip("'"), 50)


def check_shared_fields(ctx: PairContext) -> Iterator[Finding]:
    """``shared-field``: a shared frontmatter field (``date``, ``image``, ``tags`` by default,
    configurable per collection, dotted paths allowed) that differs between versions."""
    shared = ctx.config.collection(ctx.pair.key.collection).shared
    source = ctx.article(ctx.source)
    for lang in ctx.translations:
        article = ctx.article(lang)
        for name in shared:
            mine = {path: _plain(v) for path, v in get_path(source.meta, name)}
            theirs = {path: _plain(v) for path, v in get_path(article.meta, name)}
            if mine == theirs:
                continue
            for path in dict.fromkeys([*mine, *theirs]):
                a, b = mine.get(path), theirs.get(path)
                if a == b:
                    continue
                top = name.split(".", 1)[0].removesuffix("[]")
                yield ctx.finding(
                    "shared-field",
                    Severity.ERROR,
                    f"shared field '{path}' differs: {ctx.source} {_show(a)}, {lang} {_show(b)}",
                    lang,
                    Spot(article.line_of(top), top),
                    ctx.source,
                )
