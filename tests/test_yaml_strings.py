"""Strings Sastra writes into YAML files (glossary entries, the ``l10n`` block) read back
as the same strings, in the quotes each file has always had."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sastra.content.yamlsafe import block_string, flow_string

TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff"),
    max_size=20,
)


@pytest.mark.parametrize(
    ("text", "flow", "block"),
    [
        ("Mao Sela", "Mao Sela", "Mao Sela"),
        ("ម៉ៅ សិលា", "ម៉ៅ សិលា", "ម៉ៅ សិលា"),
        ("9f2c4e1a", "9f2c4e1a", "9f2c4e1a"),
        ("1234567", '"1234567"', "'1234567'"),
        ("no", '"no"', "'no'"),
        ("Dr. Sok: MP", '"Dr. Sok: MP"', "'Dr. Sok: MP'"),
        ("x, y", '"x, y"', "x, y"),
        ("", '""', "''"),
    ],
)
def test_plain_when_it_reads_back_else_quoted(text: str, flow: str, block: str) -> None:
    assert (flow_string(text), block_string(text)) == (flow, block)


@given(TEXT)
def test_every_glossary_string_reads_back_unchanged(text: str) -> None:
    assert yaml.safe_load(f"k: [{flow_string(text)}]") == {"k": [text]}
    assert yaml.safe_load(f"k: {flow_string(text)}") == {"k": text}


@given(TEXT.filter(lambda text: text == text.strip()))
def test_every_l10n_value_reads_back_unchanged(text: str) -> None:
    # (An edge of Unicode blank, which no language code, fingerprint or commit id has,
    # is stripped with PyYAML's line end: '\xa0' is written as nothing.)
    assert yaml.safe_load(f"k: {block_string(text)}") == {"k": text}
