"""What the build makes of Hugo shortcodes, on a site whose layout is Hugo (pure).

A ``{{< ref "news/x.md" >}}`` or ``relref`` (``{{% … %}}`` alike) becomes the link to
the page Sastra builds for that content file, in the page's language (or the one its
``lang=`` asks for), relative as every link of the page is. A ref to a page the site
does not build is a warning on its line, and the path is left as written. Sastra runs no
Hugo template, so any other shortcode is left out with its arguments and what it wraps
is shown, as MDX components are; one warning names them for the whole site. An
escaped tag (``{{</* name */>}}``) shows as Hugo shows it. See
:mod:`sastra.content.shortcodes` for the syntax.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from sastra.addresses import ref_page, url_for
from sastra.config.model import Config
from sastra.content.shortcodes import Shortcode, replace_shortcodes
from sastra.model import Article, Diagnostic, Key, Location, Severity
from sastra.render.leftout import left_out_warning
from sastra.render.urls import Linker


def hugo_article(
    config: Config, lang: str, article: Article, exists: Callable[[Key], bool]
) -> tuple[Article, list[Diagnostic], dict[str, int]]:
    """``article`` as shown on its page in ``lang``: its body with every shortcode
    replaced (lines kept); the warnings of refs to pages the site does not build; the
    names of the shortcodes left out, with the file line of the first of each."""
    body = article.body
    if "{{<" not in body and "{{%" not in body:
        return article, [], {}
    link = Linker(config, url_for(config, lang, article.key) + "index.html")
    problems: list[Diagnostic] = []
    dropped: dict[str, int] = {}

    def shown(code: Shortcode) -> str:
        line = article.body_line + body.count("\n", 0, code.start)
        if code.literal is not None:
            return code.literal
        ref = code.ref
        if ref is None:
            dropped.setdefault(code.name, line)
            return ""
        path, asked = ref
        found = ref_page(article.key, article.path, path, exists)
        if found is None:
            message = f"{code.name} to a page this site does not build: {path}"
            problems.append(Diagnostic(Location(article.path, line), message, Severity.WARNING))
            return path.replace(" ", "%20")
        key, anchor = found
        return link.href(url_for(config, asked or lang, key)) + anchor

    replaced = replace_shortcodes(body, shown)
    return dataclasses.replace(article, body=replaced), problems, dropped


def shortcodes_warning(pages: Sequence[tuple[str, dict[str, int]]]) -> Diagnostic:
    """The one warning that shortcodes were left out: at the first page's first one,
    naming those of every page (``(path, {name: line})``, pages in build order)."""
    names = [name for _, dropped in pages for name in sorted(dropped, key=dropped.__getitem__)]
    path, first = pages[0]
    return left_out_warning(
        Location(path, min(first.values())),
        (f"{{{{< {name} >}}}}" for name in names),
        len(pages),
        "Hugo shortcodes",
        "left out, what they wrap shown",
        "the build does not run Hugo's templates",
    )
