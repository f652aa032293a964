"""The feeds' own XML escaping gives exactly what :mod:`xml.sax.saxutils` gives."""

from __future__ import annotations

from xml.sax import saxutils

from hypothesis import given
from hypothesis import strategies as st

from sastra.render.feeds import escape, quoteattr

# Markup characters, both quotes, the whitespace quoteattr encodes, Khmer and Latin text.
TEXT = st.text(alphabet=st.sampled_from(list("&<>\"'\n\r\t ;#ab1ក្ខ។")) | st.characters())


@given(TEXT)
def test_escape_is_saxutils_escape(text: str) -> None:
    assert escape(text) == saxutils.escape(text)


@given(TEXT)
def test_quoteattr_is_saxutils_quoteattr(text: str) -> None:
    assert quoteattr(text) == saxutils.quoteattr(text)


def test_examples() -> None:
    assert escape("R&D <b>") == "R&amp;D &lt;b&gt;"
    assert quoteattr('say "hi"') == "'say \"hi\"'"
    assert quoteattr('it\'s "x"\n') == '"it\'s &quot;x&quot;&#10;"'
    assert quoteattr("km") == '"km"'
