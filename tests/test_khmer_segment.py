"""Khmer word segmentation: tokens, word counts, line-break hints and the on-disk cache."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sastra.khmer import segment as seg
from sastra.khmer.segment import (
    KhmerNltkSegmenter,
    SegmentCache,
    Segmenter,
    break_hints,
    count_words,
    segment_many,
    strip_hints,
    tokens,
)

FIXTURES = Path(__file__).parent / "fixtures" / "khmer"
REPO = Path(__file__).resolve().parent.parent
_CLUSTER_RE = re.compile(
    "[\u1780-\u17b3\u19e0-\u19ff](?:\u17d2[\u1780-\u17b3]|[\u17b4-\u17d3\u17dd\u200c\u200d])*|.",
    re.DOTALL,
)


@dataclass
class ClusterSegmenter:
    """Test segmenter: every orthographic cluster is a word; counts its calls."""

    name: str = "clusters"
    version: str = "1"
    calls: list[str] = field(default_factory=list)

    def segment(self, text: str) -> list[str]:
        self.calls.append(text)
        return _CLUSTER_RE.findall(text)


class ExplodingSegmenter:
    name = "exploding"
    version = "1"

    def segment(self, text: str) -> list[str]:
        raise AssertionError(f"segmenter called on {text!r}")


# --- khmer-nltk, the default segmenter -------------------------------------------------

_NLTK_CASES = json.loads((FIXTURES / "segment-khmer-nltk.json").read_text(encoding="utf-8"))[1:]


@pytest.mark.parametrize("case", _NLTK_CASES, ids=[c["text"] or "empty" for c in _NLTK_CASES])
def test_khmer_nltk_table(case: dict[str, object]) -> None:
    text = str(case["text"])
    keep = list(case["keep"])  # type: ignore[call-overload]
    assert tokens(text) == case["tokens"]
    assert count_words(text, "km") == case["words_km"]
    assert break_hints(text, keep=keep) == str(case["hints"]).replace("|", "\u200b")


def test_default_segmenter_follows_the_protocol() -> None:
    default = KhmerNltkSegmenter()
    assert isinstance(default, Segmenter)
    assert default.name == "khmer-nltk"
    assert default.version == "1.6"  # the package version, read without importing it


def test_import_does_not_load_khmer_nltk() -> None:
    code = "import sastra.khmer.segment, sys; assert 'khmernltk' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_english_needs_no_model() -> None:
    code = textwrap.dedent(
        """
        import sys
        from sastra.khmer.segment import count_words, tokens
        assert count_words("Three short words", "en") == 3
        assert count_words("ខ្ញុំស្រលាញ់ប្រទេស ASEAN", "en") == 2
        expected = ["Only", " ", "Latin,", " ", "3,800", " ", "here."]
        assert tokens("Only Latin, 3,800 here.") == expected
        assert "khmernltk" not in sys.modules
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.slow
def test_model_is_loaded_once_and_quietly() -> None:
    code = textwrap.dedent(
        """
        import logging
        logging.basicConfig(level=logging.DEBUG)
        from sastra.khmer import segment
        assert segment.tokens("ខ្ញុំស្រលាញ់ប្រទេស") == ["ខ្ញុំ", "ស្រលាញ់", "ប្រទេស"]
        segment.tokens("យើងត្រូវការទឹក")
        info = segment._nltk_word_tokenize.cache_info()
        assert (info.misses, info.hits) == (1, 1), info
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Loaded model" not in run.stderr + run.stdout


_khmerish = st.text(
    st.one_of(
        st.characters(min_codepoint=0x1780, max_codepoint=0x17FF),
        st.sampled_from(list(" .,%\u00a0\u200b\u200cAb09")),
    ),
    max_size=40,
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_khmerish)
def test_khmer_nltk_tokens_join_back(text: str) -> None:
    assert "".join(tokens(text)) == text


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_khmerish)
def test_khmer_nltk_hints_strip_back_and_counts_hold(text: str) -> None:
    assert strip_hints(break_hints(text)) == strip_hints(text)
    assert 0 <= count_words(text, "km") <= len(text)


# --- rules, with a deterministic test segmenter ----------------------------------------


def _rule_rows() -> list[tuple[str, list[str], str]]:
    rows = []
    for line in (FIXTURES / "segment-hints-rules.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, keep, expected = line.split("\t")
            rows.append((text, [k for k in keep.split(";") if k], expected))
    return rows


@pytest.mark.parametrize(("text", "keep", "expected"), _rule_rows())
def test_hint_rules(text: str, keep: list[str], expected: str) -> None:
    got = break_hints(text, segmenter=ClusterSegmenter(), keep=keep)
    assert got.replace("\u200b", "|") == expected.replace("\u200b", "|")


@given(st.text())
def test_tokens_join_back_on_any_text(text: str) -> None:
    toks = tokens(text, segmenter=ClusterSegmenter())
    assert "".join(toks) == text
    assert "" not in toks


@given(_khmerish)
def test_hints_are_only_between_khmer_letters(text: str) -> None:
    text = strip_hints(text)
    hinted = break_hints(text, segmenter=ClusterSegmenter())
    assert strip_hints(hinted) == text
    for m in re.finditer("\u200b", hinted):
        before, after = hinted[m.start() - 1], hinted[m.end()]
        assert re.match("[\u1780-\u17d3\u17d7\u17dd]", before), (hinted, m.start())
        assert re.match("[\u1780-\u17b3]", after), (hinted, m.start())
        assert before != "\u17d2"


@given(st.text())
def test_strip_hints_undoes_break_hints(text: str) -> None:
    assert strip_hints(break_hints(text, segmenter=ClusterSegmenter())) == strip_hints(text)


@given(_khmerish, st.data())
def test_no_hint_inside_kept_phrases(text: str, data: st.DataObject) -> None:
    text = strip_hints(text)
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    phrase = text[i:j]
    hinted = break_hints(text, segmenter=ClusterSegmenter(), keep=[phrase])
    if phrase:
        assert hinted.count(phrase) == text.count(phrase)


@given(st.text(), st.sampled_from(["km", "en"]))
def test_count_words_never_raises(text: str, lang: str) -> None:
    assert 0 <= count_words(text, lang, segmenter=ClusterSegmenter()) <= len(text)


def test_strip_hints() -> None:
    assert strip_hints("ក\u200bខ\u200cគ\u200dឃ\ufeffង") == "កខគឃង"


def test_count_words() -> None:
    assert count_words("Don't count 3,800 COVID-19 words — U.S. ok", "en") == 7
    assert count_words("", "km") == 0
    assert count_words("។ ៖ ។", "km", segmenter=ExplodingSegmenter()) == 0
    # English pages count a Khmer run between spaces as one word, without the segmenter.
    assert count_words("The name ម៉ៅ សិលា appears", "en", segmenter=ExplodingSegmenter()) == 5
    assert count_words("កខគ ១២ ក.ប.ទ. ABC", "km", segmenter=ClusterSegmenter()) == 6


def test_segmenter_output_that_loses_text_is_ignored() -> None:
    class Lossy:
        name = "lossy"
        version = "1"

        def segment(self, text: str) -> list[str]:
            return [text[:-1]]

    assert tokens("កខគ ឃង", segmenter=Lossy()) == ["កខគ", " ", "ឃង"]


def test_empty_pieces_from_a_segmenter_make_no_empty_tokens() -> None:
    class Stuttering:
        name = "stuttering"
        version = "1"

        def segment(self, text: str) -> list[str]:
            return ["", text[:1], "", text[1:], ""]

    assert tokens("កខគ", segmenter=Stuttering()) == ["ក", "ខគ"]


# --- the cache -------------------------------------------------------------------------


def test_cache_segments_only_misses(tmp_path: Path) -> None:
    paragraphs = ["កខគ", "Latin only", "ឃង ច", "កខគ"]
    first = ClusterSegmenter()
    with SegmentCache(tmp_path) as cache:
        result = segment_many(paragraphs, cache, first)
    assert result[0] == ["ក", "ខ", "គ"] and result[1] == ["Latin", " ", "only"]
    assert first.calls == ["កខគ", "ឃង ច"]  # one call per Khmer paragraph, duplicates once
    second = ClusterSegmenter()
    with SegmentCache(tmp_path) as cache:
        assert segment_many([*paragraphs, "ឆជ"], cache, second) == [*result, ["ឆ", "ជ"]]
        assert tokens("ឃង ច", second, cache) == ["ឃ", "ង", " ", "ច"]
    assert second.calls == ["ឆជ"]
    assert [p.name for p in tmp_path.iterdir()] == [SegmentCache.FILENAME]


def test_cache_is_keyed_by_segmenter_version(tmp_path: Path) -> None:
    with SegmentCache(tmp_path) as cache:
        segment_many(["កខ"], cache, ClusterSegmenter())
        newer = ClusterSegmenter(version="2")
        segment_many(["កខ"], cache, newer)
    assert newer.calls == ["កខ"]


def test_broken_cache_is_not_fatal(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / SegmentCache.FILENAME).write_bytes(b"this is not a database" * 100)
    counting = ClusterSegmenter()
    with SegmentCache(tmp_path) as cache:
        assert segment_many(["កខ"], cache, counting) == [["ក", "ខ"]]
    assert counting.calls == ["កខ"]
    assert "segmentation cache" in caplog.text


_WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_khmer_segment import ClusterSegmenter
from sastra.khmer.segment import SegmentCache, segment_many
name = sys.argv[1]
with SegmentCache(Path({cache!r})) as cache:
    for round in range(20):
        paragraphs = ["ក" * (n + 1) + name for n in range(round * 10, round * 10 + 10)]
        paragraphs += ["ខ" * (n + 1) for n in range(round * 10, round * 10 + 10)]
        segment_many(paragraphs, cache, ClusterSegmenter())
"""


@pytest.mark.slow
def test_two_processes_share_the_cache(tmp_path: Path) -> None:
    script = _WRITER.format(tests=str(REPO / "tests"), cache=str(tmp_path))
    procs = [
        subprocess.Popen([sys.executable, "-c", script, name], stderr=subprocess.PIPE, text=True)
        for name in ("គ", "ឃ")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "could not write" not in err and "unusable" not in err, err
    counting = ClusterSegmenter()
    everything = ["ក" * (n + 1) + name for n in range(200) for name in "គឃ"]
    everything += ["ខ" * (n + 1) for n in range(200)]
    with SegmentCache(tmp_path) as cache:
        segment_many(everything, cache, counting)
    assert counting.calls == []


class ExplodingClusters(ClusterSegmenter):
    """Same name and version as :class:`ClusterSegmenter`, so it may only be served by cache."""

    def segment(self, text: str) -> list[str]:
        raise AssertionError(f"segmenter called on {text!r}")


def test_cached_tokens_equal_fresh_tokens(tmp_path: Path) -> None:
    text = "ក្រសួង១២ ក.ប.ទ.កខ ASEAN, ៣.៨០០ កៗខ។"
    fresh = tokens(text, ClusterSegmenter())
    with SegmentCache(tmp_path) as cache:
        tokens(text, ClusterSegmenter(), cache)
        assert tokens(text, ExplodingClusters(), cache) == fresh
        hinted = break_hints(text, ExplodingClusters(), cache)
        assert hinted == break_hints(text, ClusterSegmenter())
        assert count_words(text, "km", ExplodingClusters(), cache) == 11
    assert seg._cache_key(ClusterSegmenter()) == "clusters/1/t1"
