"""An MDX page is read as MDX reads it: JSX component tags are not HTML (the build cannot
run them), what they wrap is shown as Markdown, and indented lines are text, not code."""

from __future__ import annotations

import pytest

from sastra.render.markdown import RenderEnv, render_markdown


def _render(body: str, *, mdx: bool = True) -> tuple[str, RenderEnv]:
    env = RenderEnv(resolve=lambda src: (f"/img/{src}", None), first_line=10)
    return render_markdown(body, env, mdx=mdx), env


@pytest.mark.parametrize(
    ("body", "html", "components"),
    [
        (  # Docusaurus tabs, the wrapped text indented as MDX allows
            '<Tabs>\n  <TabItem value="office" label="Office">\n'
            "    Visit the office from 8:00 to 17:00.\n  </TabItem>\n</Tabs>\n",
            "<p>Visit the office from 8:00 to 17:00.</p>\n",
            {"Tabs": 10, "TabItem": 11},
        ),
        (  # an expression attribute with nested braces; Markdown inside, blank lines around
            "<Tabs groupId=\"os\" values={[{label: 'A', value: 'a'}]}>\n<TabItem value=\"a\">\n\n"
            "- one ![map](map.png)\n- two\n\n</TabItem>\n</Tabs>\n",
            '<ul>\n<li>one <img src="/img/map.png" alt="map" loading="lazy" /></li>\n'
            "<li>two</li>\n</ul>\n",
            {"Tabs": 10, "TabItem": 11},
        ),
        (  # inline and self-closing components, a fragment and a dotted name
            'Press <Kbd>Ctrl</Kbd> then <Icon name="save" />.\n\n<>\n<Card.Body>\n\nDone.\n\n'
            "</Card.Body>\n</>\n",
            "<p>Press Ctrl then .</p>\n<p>Done.</p>\n",
            {"Kbd": 10, "Icon": 10, "<>": 12, "Card.Body": 13},
        ),
        (  # a component shown in a code fence stays code
            '```jsx\n<Tabs>\n  <TabItem value="a">Hi</TabItem>\n</Tabs>\n```\n',
            '<pre><code class="language-jsx">&lt;Tabs&gt;\n'
            "  &lt;TabItem value=&quot;a&quot;&gt;Hi&lt;/TabItem&gt;\n&lt;/Tabs&gt;\n"
            "</code></pre>\n",
            {},
        ),
    ],
)
def test_mdx_components_are_left_out_and_what_they_wrap_is_shown(
    body: str, html: str, components: dict[str, int]
) -> None:
    shown, env = _render(body)
    assert shown == html
    assert env.components == components
    assert env.raw_html is None


def test_html_in_an_mdx_page_is_still_html_and_a_markdown_page_is_unchanged() -> None:
    shown, env = _render("<div>\n<Note>text</Note>\n</div>\n")
    assert shown == "<p>&lt;div&gt;\n&lt;Note&gt;text&lt;/Note&gt;\n&lt;/div&gt;</p>\n"
    assert env.raw_html == 10
    body = "<Tabs>\n  <TabItem>\n    Visit the office.\n  </TabItem>\n</Tabs>\n"
    shown, env = _render(body, mdx=False)
    assert shown.startswith("<p>&lt;Tabs&gt;\n")
    assert (env.components, env.raw_html) == ({}, 10)
    assert _render("Text.\n\n    code\n", mdx=False)[0] == (
        "<p>Text.</p>\n<pre><code>code\n</code></pre>\n"
    )
