"""The theme's gettext and attribute lookups, as a template author sees them.

UI strings are looked up once per language and then served from memory; these tests
pin what must not change with that: every page that shows an untranslated string
reports it (the build cache keeps fallbacks per page), Jinja's new-style formatting
(escaped variables, ``%%``), ``{% trans %}``, and ``x.y`` on the context's dicts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from sastra.render.pages import PageSpec
from sastra.render.worker import Renderer
from sastra.workspace import open_site

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n[tracking]\ngit = false\n'
PO_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
KM_PO = PO_HEAD + (
    'msgid "Home"\nmsgstr "ទំព័រដើម"\n\n'
    'msgid "Hello %(name)s"\nmsgstr "សួស្តី %(name)s"\n\n'
    'msgid "Untranslated here"\nmsgstr ""\n'
)
EN_PO = PO_HEAD + (
    'msgid "Home"\nmsgstr "Home"\n\n'
    'msgid "Hello %(name)s"\nmsgstr "Hello %(name)s"\n\n'
    'msgid "Untranslated here"\nmsgstr "Shown in English"\n'
)
PAGE = (
    '{{ _("Home") }}|{{ _("Untranslated here") }}|{{ _("Hello %(name)s", name=who) }}'
    '|{{ _("100%% sure") }}|{{ _in("en", "Home") }}|{% trans %}Home{% endtrans %}\n'
)


@pytest.fixture
def renderer(make_site: Callable[..., Path]) -> Renderer:
    root = make_site(
        {
            "content/km/a.md": "---\ntitle: ក\n---\n\nក។\n",
            "templates/page.html": PAGE,
            "templates/attrs.html": "{{ d.title }}|{{ d.items is string }}|{{ d.get('title') }}\n",
            "templates/missing.html": "{{ d.nothing }}\n",
            "i18n/km/LC_MESSAGES/messages.po": KM_PO,
            "i18n/en/LC_MESSAGES/messages.po": EN_PO,
        },
        CONFIG,
    )
    return Renderer(open_site(root).config)


def _spec(lang: str, template: str = "page.html", **context: object) -> PageSpec:
    return PageSpec(f"{lang}/x/index.html", lang, (template,), {"lang": lang, **context})


def test_ui_strings_in_the_page_language_with_english_fallback(renderer: Renderer) -> None:
    km = renderer.render(_spec("km", who="<b>ចាន់</b>"))
    assert km.problems == ()
    assert (
        km.data
        == ("ទំព័រដើម|Shown in English|សួស្តី &lt;b&gt;ចាន់&lt;/b&gt;|100% sure|Home|ទំព័រដើម").encode()
    )
    en = renderer.render(_spec("en", who="Dara"))
    assert en.data == b"Home|Shown in English|Hello Dara|100% sure|Home|Home"  # trim_blocks
    assert en.fallbacks == ()


def test_every_page_showing_an_untranslated_string_reports_it(renderer: Renderer) -> None:
    expected = (("ui", "km", "100%% sure"), ("ui", "km", "Untranslated here"))
    for _ in range(3):  # the second and third pages are served from memory
        assert renderer.render(_spec("km", who="x")).fallbacks == expected
    assert renderer.render(_spec("en", who="x")).fallbacks == ()


def test_dict_keys_and_dict_methods_as_jinja_gives_them(renderer: Renderer) -> None:
    page = renderer.render(_spec("en", "attrs.html", d={"title": "T", "items": "a key"}))
    # ``d.items`` is the dict's method, as in plain Jinja; ``d.get`` works too.
    assert page.data == b"T|False|T\n"
    missing = renderer.render(_spec("en", "missing.html", d={"title": "T"}))
    assert missing.data is None
    assert [d.message for d in missing.problems] == [
        "template error: 'dict object' has no attribute 'nothing'"
    ]


def test_a_theme_builds_in_a_plain_jinja_environment_alike(renderer: Renderer) -> None:
    """The quick lookup gives what Jinja's own (sandboxed) ``getattr`` gives, key by key."""
    from jinja2.sandbox import SandboxedEnvironment

    plain = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
    env = renderer.theme.env
    for obj in ({"a": 1}, {"keys": 2}, {"__class__": 3}, [1], "text"):
        for name in ("a", "keys", "__class__", "values", "upper", "nothing"):
            ours, theirs = env.getattr(obj, name), plain.getattr(obj, name)
            assert type(ours) is type(theirs), (obj, name)
            if not isinstance(theirs, jinja2.Undefined):
                assert ours == theirs, (obj, name)
