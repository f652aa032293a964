"""The frontmatter fast path answers exactly what PyYAML answers, or leaves it to PyYAML."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from sastra.content.fastyaml import load_simple

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def full(text: str) -> Any:
    return yaml.load(text, Loader=LOADER)


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types (``True == 1`` and ``nan != nan`` in plain Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return repr(a) == repr(b)


# (frontmatter, what the fast path returns; None = left to PyYAML)
CASES: list[tuple[str, Any]] = [
    (
        "title: Digital services\ndate: 2026-01-08\ntags: []\n",
        {"title": "Digital services", "date": dt.date(2026, 1, 8), "tags": []},
    ),
    ("title: សេវាឌីជីថល\n", {"title": "សេវាឌីជីថល"}),
    ("tags: [economy, digital]\n", {"tags": ["economy", "digital"]}),
    (
        "tags:\n  - economy\n  - digital\nsummary: x\n",
        {"tags": ["economy", "digital"], "summary": "x"},
    ),
    ("tags:\n- economy\n- digital\n", {"tags": ["economy", "digital"]}),
    (
        "l10n:\n  source: km\n  source_hash: 0a1b2c3d4e5f6a7b\n",
        {"l10n": {"source": "km", "source_hash": "0a1b2c3d4e5f6a7b"}},
    ),
    ("# a comment\n\ntitle: A\n", {"title": "A"}),
    (
        "draft: yes\ncount: 010\nratio: .5\nnothing:\nlater: ~\n",
        {"draft": True, "count": 8, "ratio": 0.5, "nothing": None, "later": None},
    ),
    ("place: Phnom Penh, Cambodia\n", {"place": "Phnom Penh, Cambodia"}),
    ("title: Children's day\n", {"title": "Children's day"}),
    ("a: b\na: c\n", {"a": "c"}),
    ("empty: {}\n", {"empty": {}}),
    ("title: padded   \ntags:\n  - a  \n", {"title": "padded", "tags": ["a"]}),
    ("title: Ángkor Wat\nyear: 2026\n", {"title": "Ángkor Wat", "year": 2026}),
    ("at: 2026-01-08 09:30:00\n", None),  # a time has a colon: left to PyYAML
    ("date: 2026-02-30\n", None),
    # Left to PyYAML: quoting, colons, comments after values, block scalars, anchors…
    ('title: "Quoted"\n', None),
    ("title: Ministry: plan\n", None),
    ("title: A # note\n", None),
    ("body: |\n  text\n", None),
    ("a: &x 1\nb: *x\n", None),
    ("title: two\n  lines\n", None),
    ("date: 2026-13-45\n", None),
    ("yes: 1\n", None),
    ("team:\n  - name: A\n", None),
    ("- a\n- b\n", None),
    ("title:\tTab\n", None),
    ("url: https://example.org\n", None),
    ("when: 10:30\n", None),
    ("t: a\x85b\n", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fixture_table(text: str, expected: Any) -> None:
    got = load_simple(text)
    assert same(got, expected)
    if expected is not None:
        assert same(got, full(text))


def test_invalid_date_still_reported_by_the_full_loader() -> None:
    assert load_simple("date: 2026-13-45\n") is None
    with pytest.raises(ValueError):
        full("date: 2026-13-45\n")


SCALARS = st.one_of(
    st.sampled_from([
        "yes", "No", "on", "OFF", "true", "null", "~", "010", "0x1F", "1_000", "1:20", "-1",
        "+1", "1e3", "1.5e3", ".5", ".inf", ".NaN", "2025-01-01", "2025-1-1",
        "2025-01-01 10:00:00", "2025-01-01T10:00:00Z", "=", "<<", "0o17", "0b101",
        "ថ្ងៃទី៨", "a b", "a'b", "'a'", '"a"', "a: b", "a #b", "a#b", "-a", "- a", "? a",
        "[a]", "{a}", "a,b", "a, b", "%a", "@a", "`a", "!a", "&a", "*a", "|", ">", "a:",
        "", " ", "x\ty", "a\u2028b", "a\x85b",
    ]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)  # fmt: skip
KEYS = st.sampled_from(["title", "date", "tags", "yes", "on", "null", "a-b", "_x", "x1"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    lines: list[str] = []
    indent = "  " * depth
    for _ in range(draw(st.integers(1, 4))):
        key = draw(KEYS)
        kind = draw(st.sampled_from(["scalar", "flow", "block", "nested", "empty", "comment"]))
        if kind == "scalar":
            lines.append(f"{indent}{key}: {draw(SCALARS)}")
        elif kind == "flow":
            items = draw(st.lists(SCALARS, max_size=3))
            lines.append(f"{indent}{key}: [{', '.join(items)}]")
        elif kind == "block":
            lines.append(f"{indent}{key}:")
            step = draw(st.sampled_from(["", "  ", " "]))
            lines.extend(f"{indent}{step}- {item}" for item in draw(st.lists(SCALARS, max_size=3)))
        elif kind == "nested" and depth < 2:
            lines.append(f"{indent}{key}:")
            lines.append(draw(documents(depth + 1)).rstrip("\n"))
        elif kind == "comment":
            lines.append(f"{indent}# {draw(SCALARS)}")
        else:
            lines.append(f"{indent}{key}:")
    return "\n".join(lines) + "\n"


@given(documents())
@example("title: [\xa0]\n")  # a no-break space is text to YAML, not blank
@example("a: 1\n\xa0\nb: 2\n")
def test_agrees_with_pyyaml_whenever_it_answers(text: str) -> None:
    fast = load_simple(text)
    if fast is None:
        return
    assert same(fast, full(text)), text
