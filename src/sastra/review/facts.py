"""What review reads out of one language version, once, cached by the file's blob id.

A :class:`VersionFacts` holds the visible text (from ``tracker.text``) and what the
checks compare: numbers, dates, images, links, Unicode hygiene issues and the length
of the text, each tied to a :class:`Spot` (a translatable field or a body paragraph,
with its line in the file). Checks then compare facts, which is cheap; the text work
is done here and cached, so a warm ``i18n review --all`` redoes none of it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser

from markdown_it.token import Token

from sastra.content.markdown import commonmark, parse
from sastra.content.shortcodes import without_shortcodes
from sastra.khmer.date_phrases import find_date_phrases
from sastra.khmer.quantities import Quantity, find_quantities, number_key
from sastra.khmer.unicode import check_text
from sastra.model import Article, Paragraph
from sastra.review.lexicon import lexemes
from sastra.review.script import is_text
from sastra.review.sketch import sketch
from sastra.tracking.fingerprint import VisibleText, normalize_visible

FACTS_VERSION = "9"
_KHMER_LETTER = re.compile("[\u1780-\u17b3]")
_NON_SPACE = re.compile(r"\S")
_Add = Callable[[str, str, str, int], None]


@dataclass(frozen=True, order=True)
class Spot:
    """Where a piece of text is: a translatable field or a body paragraph."""

    line: int
    """1-based line in the file."""
    field: str | None = None
    """Field label (``title``, ``description``) for frontmatter text, else ``None``."""
    paragraph: int | None = None
    """Body paragraph (1-based) for body text, else ``None``."""

    def describe(self) -> str:
        """``title``, ``paragraph 3``."""
        return self.field if self.field is not None else f"paragraph {self.paragraph}"


@dataclass(frozen=True)
class QuantityAt:
    """A quantity written in the text (:mod:`sastra.khmer.quantities`; dates apart)."""

    quantity: Quantity
    """What it is: a number, a range, a clock time, a phone number, or a soft item."""
    spot: Spot
    """Where."""


@dataclass(frozen=True)
class DateAt:
    """A Gregorian date, or a range of days, written in the text."""

    date: dt.date
    """The (first) day named; in the article's year when the text gives none."""
    text: str
    """As written."""
    weekday: int | None
    """The weekday the text states (0 = Monday), if any."""
    spot: Spot
    """Where."""
    last: dt.date | None = None
    """The last day of a range, ``None`` for a single day."""
    year_known: bool = True
    """Whether the text states the year."""
    start: int = 0
    """Offset of the phrase in its paragraph's text."""
    in_name: bool = False
    """A day and month that are part of a name (``វិទ្យាល័យ ៧ មករា``, ``7 January High
    School``): never reported, never the lead's date, but the other version's same day and
    month is found in it."""

    def same(self, other: DateAt) -> bool:
        """The same day (or range), the year compared only when both state it."""
        if self.year_known and other.year_known:
            return (self.date, self.last) == (other.date, other.last)
        mine = (self.date.month, self.date.day, self.last and (self.last.month, self.last.day))
        theirs = (
            other.date.month,
            other.date.day,
            other.last and (other.last.month, other.last.day),
        )
        return mine == theirs

    def shown(self) -> str:
        """``2026-01-19``, ``2026-01-19..2026-01-27``; ``--01-19`` without a year."""

        def one(day: dt.date) -> str:
            return day.isoformat() if self.year_known else f"--{day.month:02d}-{day.day:02d}"

        return one(self.date) + (f"..{one(self.last)}" if self.last else "")


@dataclass(frozen=True)
class Media:
    """An image or a link of the body."""

    target: str
    """``src`` of an image, ``href`` of a link, as written."""
    text: str
    """Alt text of an image, link text of a link."""
    line: int
    """1-based line in the file."""
    paragraph: int | None
    """Body paragraph it belongs to (``None`` inside raw HTML with no visible text)."""


@dataclass(frozen=True)
class HygieneAt:
    """A Khmer Unicode hygiene issue (from :func:`sastra.khmer.unicode.check_text`)."""

    code: str
    """``km-cluster-order``…"""
    message: str
    """What is wrong."""
    fix: str | None
    """Suggested replacement of ``span``."""
    span: str
    """The text concerned."""
    line: int
    """1-based line in the file."""
    column: int
    """1-based column."""
    spot: Spot | None
    """The field or paragraph it is in, when known."""


@dataclass(frozen=True)
class VersionFacts:
    """Everything the checks compare about one language version."""

    lang: str
    """Language of the version."""
    path: str
    """Its file."""
    text: VisibleText
    """Visible text (fields, body paragraphs), from ``tracker.text``."""
    field_spots: tuple[Spot, ...]
    """One spot per entry of ``text.fields``, in the same order."""
    quantities: tuple[QuantityAt, ...]
    """Numbers, ranges, clock times, phone numbers (dates apart) and the soft items (number
    words, list markers, the digits of dates and of names) that may excuse one."""
    dates: tuple[DateAt, ...]
    """Dates."""
    images: tuple[Media, ...]
    """Body images in order (Markdown and raw ``<img>``)."""
    links: tuple[Media, ...]
    """Body links in order (Markdown, autolinks and raw ``<a href>``)."""
    hygiene: tuple[HygieneAt, ...]
    """Khmer Unicode hygiene issues (Khmer versions only)."""
    length: int
    """Visible characters of the body, spaces excluded: the length compared across versions."""
    image_only: frozenset[int] = frozenset()
    """Body paragraphs whose only visible text is the alt text of their images."""
    not_prose: frozenset[int] = frozenset()
    """Body paragraphs that are not prose to translate (a line of hashtags, a URL, a name:
    :func:`sastra.review.script.is_text`)."""
    lexemes: tuple[frozenset[str], ...] = ()
    """The news-lexicon concepts each body paragraph names (:mod:`sastra.review.lexicon`):
    alignment anchors for paragraphs with no number."""
    sketches: tuple[tuple[int, ...], ...] = ()
    """One :func:`sketch` per body paragraph (empty for short ones): to find a paragraph
    copied from another article."""

    def spots(self) -> Iterator[tuple[Spot, Paragraph]]:
        """Every text block with its spot: fields first, then body paragraphs."""
        yield from zip(self.field_spots, self.text.fields, strict=True)
        for paragraph in self.text.body:
            yield Spot(paragraph.line, None, paragraph.index), paragraph

    def prose(self) -> Iterator[tuple[Spot, Paragraph]]:
        """:meth:`spots` without the paragraphs that are only images (their alt text)."""
        for spot, paragraph in self.spots():
            if spot.paragraph not in self.image_only:
                yield spot, paragraph

    def spot_of_line(self, line: int) -> Spot | None:
        """The body paragraph that contains ``line`` (the last one starting at or before it)."""
        lines = [p.line for p in self.text.body]
        k = bisect_right(lines, line) - 1
        if k < 0:
            return None
        paragraph = self.text.body[k]
        return Spot(paragraph.line, None, paragraph.index)


def is_khmer(lang: str) -> bool:
    """True for ``km`` and its variants."""
    return lang.replace("_", "-").split("-")[0].lower() == "km"


def version_facts(article: Article, text: VisibleText) -> VersionFacts:
    """Analyse one version (pure; callers cache the result by blob id)."""
    field_spots = tuple(
        Spot(article.line_of(_top_field(p.label)), p.label, None) for p in text.fields
    )
    quantities: list[QuantityAt] = []
    dates: list[DateAt] = []
    lang = "km" if is_khmer(article.lang) else "en"
    year = article.date.year if article.date is not None else 2000
    for spot, paragraph in _spots(field_spots, text):
        phrases = find_date_phrases(paragraph.text, lang)
        for phrase in phrases:
            covers = {number_key(Decimal(d)) for s in phrase.spans for d in (s.first[1], s.last[1])}
            if phrase.year is not None:
                covers.add(number_key(Decimal(phrase.year)))
            soft = Quantity(
                "word",
                phrase.text,
                phrase.text,
                phrase.start,
                phrase.end,
                frozenset(),
                frozenset(covers),
            )
            quantities.append(QuantityAt(soft, spot))
            for k, (first, last) in enumerate(phrase.dates(year)):
                dates.append(
                    DateAt(
                        first,
                        phrase.text,
                        phrase.weekday if k == 0 else None,
                        spot,
                        last if last != first else None,
                        phrase.year is not None,
                        phrase.start,
                        phrase.in_name,
                    )
                )
        skip = [(p.start, p.end) for p in phrases]
        quantities.extend(QuantityAt(q, spot) for q in find_quantities(paragraph.text, lang, skip))
    images, links = _media(article, text)
    hygiene = _hygiene(article, text, field_spots) if is_khmer(article.lang) else ()
    body = normalize_visible(" ".join(p.text for p in text.body))
    return VersionFacts(
        lang=article.lang,
        path=article.path,
        text=text,
        field_spots=field_spots,
        quantities=tuple(quantities),
        dates=tuple(dates),
        images=images,
        links=links,
        hygiene=hygiene,
        length=len(_NON_SPACE.findall(body)),
        image_only=_image_only(text, images),
        not_prose=frozenset(p.index for p in text.body if not is_text(p.text)),
        lexemes=tuple(lexemes(p.text, lang == "km") for p in text.body),
        sketches=tuple(sketch(p.text) for p in text.body),
    )


def _image_only(text: VisibleText, images: tuple[Media, ...]) -> frozenset[int]:
    alts: dict[int, list[str]] = {}
    for image in images:
        if image.paragraph is not None:
            alts.setdefault(image.paragraph, []).append(image.text)
    return frozenset(
        p.index
        for p in text.body
        if p.index in alts
        and normalize_visible(" ".join(alts[p.index])) == normalize_visible(p.text)
    )


def _top_field(label: str) -> str:
    return label.split(".", 1)[0].split("[", 1)[0]


def _spots(field_spots: tuple[Spot, ...], text: VisibleText) -> Iterator[tuple[Spot, Paragraph]]:
    yield from zip(field_spots, text.fields, strict=True)
    for paragraph in text.body:
        yield Spot(paragraph.line, None, paragraph.index), paragraph


# --- images and links -------------------------------------------------------------------------


class _HtmlMedia(HTMLParser):
    """Collects ``<img src alt>`` and ``<a href>`` of a raw HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str, int]] = []  # kind, target, text, line offset

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        line = self.getpos()[0] - 1
        if tag == "img" and "src" in values:
            self.found.append(("image", values["src"], values.get("alt", ""), line))
        elif tag == "a" and "href" in values:
            self.found.append(("link", values["href"], "", line))


# An ``<img …>`` or ``<a …>`` tag up to its ``>``; neither it nor a quoted value runs past
# the next ``<``, so finding them all is linear (``html.parser`` on ``<a`` × 100,000
# rescanned the rest of the text at every ``<`` and took minutes).
_MEDIA_TAG = re.compile(r"""<(?:img|a)(?=[\s/>])(?:"[^"<]*"|'[^'<]*'|[^<>"'])*>""", re.IGNORECASE)


def _html_media(html: str) -> list[tuple[str, str, str, int]]:
    """``(kind, target, text, line offset)`` of the images and links of an HTML fragment:
    each ``<img>``/``<a>`` tag is read by ``html.parser`` on its own."""
    found: list[tuple[str, str, str, int]] = []
    text = _without_comments(html)
    line, pos = 0, 0
    for match in _MEDIA_TAG.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        parser = _HtmlMedia()
        try:
            parser.feed(match.group())
            parser.close()
        except Exception:  # malformed HTML: whatever was read so far
            pass
        found += [(kind, target, label, line + off) for kind, target, label, off in parser.found]
    return found


def _without_comments(html: str) -> str:
    """``html`` with its comments blanked, their line breaks kept (lines still count).
    ``html.parser`` rescans the rest of the text for every unclosed ``<!--`` (``<!--`` ×
    50,000 took minutes); a browser reads an unclosed comment to the end, and so does this."""
    if "<!--" not in html:
        return html
    parts = []
    pos = 0
    while (start := html.find("<!--", pos)) >= 0:
        end = html.find("-->", start + 4)
        stop = len(html) if end < 0 else end + 3
        parts += [html[pos:start], "\n" * html.count("\n", start, stop)]
        pos = stop
    parts.append(html[pos:])
    return "".join(parts)


def _media(article: Article, text: VisibleText) -> tuple[tuple[Media, ...], tuple[Media, ...]]:
    body = article.body
    if article.path.endswith(".mdx"):
        body = re.sub(r"^(?:import|export)\s[^\n]*$", "", body, flags=re.MULTILINE)
    if "{{" in body:  # a Hugo ref is a link (``hugo-ref:…``); other shortcodes go
        body = without_shortcodes(body)
    images: list[Media] = []
    links: list[Media] = []
    facts_lines = [p.line for p in text.body]

    def paragraph_of(line: int) -> int | None:
        k = bisect_right(facts_lines, line) - 1
        return text.body[k].index if k >= 0 else None

    def add(kind: str, target: str, label: str, line: int) -> None:
        item = Media(target.strip(), label.strip(), line, paragraph_of(line))
        (images if kind == "image" else links).append(item)

    for token in parse(commonmark(), body):
        if token.map is None:
            continue
        first = article.body_line + token.map[0]
        if token.type == "html_block":
            for kind, target, label, offset in _html_media(token.content):
                add(kind, target, label, first + offset)
        elif token.type == "inline":
            _inline_media(token, first, add)
    return tuple(images), tuple(links)


def _inline_media(token: Token, first: int, add: _Add) -> None:
    """Images and links of one inline token; ``line`` follows its soft breaks."""
    line = first
    link: tuple[str, list[str], int] | None = None
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "image":
            add("image", str(child.attrs.get("src", "")), child.content, line)
        elif child.type == "link_open":
            link = (str(child.attrs.get("href", "")), [], line)
        elif child.type == "link_close" and link is not None:
            add("link", link[0], "".join(link[1]), link[2])
            link = None
        elif child.type in ("text", "code_inline") and link is not None:
            link[1].append(child.content)
        elif child.type == "html_inline":
            for kind, target, label, _ in _html_media(child.content):
                add(kind, target, label, line)


# --- Unicode hygiene ----------------------------------------------------------------------------


def _hygiene(
    article: Article, text: VisibleText, field_spots: tuple[Spot, ...]
) -> tuple[HygieneAt, ...]:
    found: list[HygieneAt] = []
    facts_lines = [p.line for p in text.body]
    for issue in check_text(article.body):
        line = article.body_line + issue.line - 1
        k = bisect_right(facts_lines, line) - 1
        spot = Spot(text.body[k].line, None, text.body[k].index) if k >= 0 else None
        found.append(
            HygieneAt(issue.code, issue.message, issue.fix, issue.span, line, issue.column, spot)
        )
    for spot in field_spots:
        assert spot.field is not None
        raw = _raw_field(article, spot.field)
        if raw is None:
            continue
        for issue in check_text(raw):
            found.append(
                HygieneAt(issue.code, issue.message, issue.fix, issue.span, spot.line, 0, spot)
            )
    return tuple(found)


def _raw_field(article: Article, label: str) -> str | None:
    """The raw string of a field label such as ``title`` or ``tags[1]`` (top-level only)."""
    match = re.fullmatch(r"([^.\[]+)(?:\[(\d+)\])?", label)
    if match is None:
        return None
    value = article.meta.get(match.group(1))
    if match.group(2) is not None and isinstance(value, list):
        index = int(match.group(2))
        value = value[index] if index < len(value) else None
    return value if isinstance(value, str) else None


def khmer_letters(text: str) -> int:
    """Number of Khmer letters (consonants and independent vowels) in ``text``."""
    return len(_KHMER_LETTER.findall(text))
