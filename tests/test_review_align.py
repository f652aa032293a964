"""Paragraph alignment: exact rows for equal, split, merged and missing paragraphs, and the
property that every paragraph of both sides appears once, in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sastra.review.align import Block, align, align_pruned, counterparts
from sastra.review.model import Row
from sastra.review.script import english_prose, has_words, khmer_share, strip_allowed


def block(index: int, length: int, *anchors: str) -> Block:
    return Block(index, length, frozenset(anchors))


def shape(rows: tuple[Row, ...]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(r.left, r.right) for r in rows]


def test_equal_counts_align_one_to_one() -> None:
    left = [block(1, 100, "n:13"), block(2, 300), block(3, 120, "i:a.jpg")]
    right = [block(1, 110, "n:13"), block(2, 280), block(3, 130, "i:a.jpg")]
    assert shape(align(left, right)) == [((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_a_paragraph_left_out_of_the_translation_is_a_row_with_an_empty_side() -> None:
    left = [
        block(1, 200, "d:2025-08-13", "n:13"),
        block(2, 400, "n:18"),
        block(3, 250, "n:36"),
        block(4, 40, "i:photo-1.jpg"),
    ]
    right = [
        block(1, 210, "d:2025-08-13", "n:13"),
        block(2, 240, "n:36"),
        block(3, 40, "i:photo-1.jpg"),
    ]
    assert shape(align(left, right)) == [((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,))]


def test_two_paragraphs_merged_in_translation_align_two_to_one() -> None:
    left = [block(1, 150, "n:5"), block(2, 150, "n:7"), block(3, 200, "n:9")]
    right = [block(1, 310, "n:5", "n:7"), block(2, 190, "n:9")]
    assert shape(align(left, right)) == [((1, 2), (1,)), ((3,), (2,))]


def test_anchors_beat_position_when_the_translation_adds_a_paragraph() -> None:
    left = [block(1, 300, "n:85", "n:12"), block(2, 300, "i:b.jpg")]
    right = [block(1, 200), block(2, 300, "n:85", "n:12"), block(3, 300, "i:b.jpg")]
    assert shape(align(left, right)) == [((), (1,)), ((1,), (2,)), ((2,), (3,))]


def test_empty_sides() -> None:
    assert align([], []) == ()
    assert shape(align([block(1, 10)], [])) == [((1,), ())]


blocks_strategy = st.lists(
    st.builds(
        lambda length, anchors: (length, frozenset(anchors)),
        st.integers(0, 2000),
        st.sets(st.sampled_from(["n:1", "n:2", "d:2025-01-01", "i:x.jpg"]), max_size=3),
    ),
    max_size=12,
)


@given(blocks_strategy, blocks_strategy, st.floats(0.2, 5.0))
def test_every_paragraph_appears_once_in_order(
    a: list[tuple[int, frozenset[str]]], b: list[tuple[int, frozenset[str]]], ratio: float
) -> None:
    left = [Block(i, n, anchors) for i, (n, anchors) in enumerate(a, 1)]
    right = [Block(i, n, anchors) for i, (n, anchors) in enumerate(b, 1)]
    rows = align(left, right, ratio)
    assert [i for r in rows for i in r.left] == list(range(1, len(a) + 1))
    assert [i for r in rows for i in r.right] == list(range(1, len(b) + 1))
    assert all(r.left or r.right for r in rows)
    assert all(len(r.left) <= 2 and len(r.right) <= 2 for r in rows)


@given(st.text())
def test_language_helpers_never_raise(text: str) -> None:
    prose = english_prose(text)
    assert prose is None or prose in strip_allowed(text)
    assert 0.0 <= khmer_share(text) <= 1.0
    assert has_words(text) in (True, False)


def test_sketches_tell_a_copied_paragraph_from_another_one() -> None:
    from sastra.review.sketch import resemblance, sketch

    original = (
        "The team explained to students how to create strong passwords, avoid suspicious "
        "links and report threats on social media."
    )
    copied = original.replace("The team", "the team") + " #MPTC"
    other = (
        "The participants expressed their satisfaction with the course and asked the "
        "ministry to organise further courses next year."
    )
    assert resemblance(sketch(original), sketch(copied)) == 1.0
    assert resemblance(sketch(original), sketch(other)) < 0.2
    assert sketch("Photo 1") == ()  # too short to tell anything


@given(st.text(min_size=60))
def test_a_sketch_resembles_itself(text: str) -> None:
    from sastra.review.sketch import resemblance, sketch

    mine = sketch(text)
    assert resemblance(mine, mine) == (1.0 if mine else 0.0)


# -- the pruned programme: the same rows as align, on the cells that matter only --------
def _derived(
    source: list[tuple[int, frozenset[str]]], edits: list[tuple[int, int, float]]
) -> list[tuple[int, frozenset[str]]]:
    """A translation of ``source``: lengths scaled with noise, a paragraph dropped, added,
    split or merged here and there (``edits``: (kind, position, noise))."""
    out = [(round(length * 1.2), anchors) for length, anchors in source]
    for kind, at, noise in edits:
        if not out:
            break
        k = at % len(out)
        length, anchors = out[k]
        if kind == 0:
            out[k] = (max(0, round(length * noise)), anchors)
        elif kind == 1:
            del out[k]
        elif kind == 2:
            out.insert(k, (round(300 * noise), frozenset()))
        elif kind == 3:
            out[k : k + 1] = [(length // 2, anchors), (length - length // 2, frozenset())]
        elif k + 1 < len(out):
            out[k : k + 2] = [(length + out[k + 1][0], anchors | out[k + 1][1])]
    return out


docs_blocks = st.lists(
    st.builds(
        lambda length, anchors: (length, frozenset(anchors)),
        st.one_of(st.integers(0, 40), st.integers(0, 900)),  # table cells, paragraphs
        st.sets(st.sampled_from(["n:1", "n:2", "n:2025", "n:8"]), max_size=2),
    ),
    max_size=60,
)
edits_strategy = st.lists(
    st.tuples(st.integers(0, 4), st.integers(0, 10_000), st.floats(0.3, 3.0)), max_size=8
)


@given(docs_blocks, edits_strategy)
def test_the_pruned_alignment_gives_align_s_rows_for_a_translation(
    source: list[tuple[int, frozenset[str]]], edits: list[tuple[int, int, float]]
) -> None:
    left = [Block(i, n, anchors) for i, (n, anchors) in enumerate(source, 1)]
    right = [Block(i, n, anchors) for i, (n, anchors) in enumerate(_derived(source, edits), 1)]
    ratio = (sum(b.length for b in right) + 20) / (sum(b.length for b in left) + 20)
    assert align_pruned(left, right, ratio) == align(left, right, ratio)


@given(blocks_strategy, blocks_strategy, st.floats(0.2, 5.0))
def test_the_pruned_alignment_gives_align_s_rows_for_any_two_lists(
    a: list[tuple[int, frozenset[str]]], b: list[tuple[int, frozenset[str]]], ratio: float
) -> None:
    left = [Block(i, n, anchors) for i, (n, anchors) in enumerate(a, 1)]
    right = [Block(i, n, anchors) for i, (n, anchors) in enumerate(b, 1)]
    assert align_pruned(left, right, ratio) == align(left, right, ratio)


def test_the_pruned_alignment_breaks_ties_as_align_does() -> None:
    # Equal paragraphs everywhere: many cheapest paths, one chosen.
    left = [block(i, 100) for i in range(1, 30)]
    right = [block(i, 100) for i in range(1, 27)]
    assert align_pruned(left, right) == align(left, right)
    assert align_pruned(right, left) == align(right, left)
    assert align_pruned([], [block(1, 5)]) == align([], [block(1, 5)])


# Docs-shaped pages: a hundred-odd blocks, most without an anchor (table cells, list
# items, paragraphs), a few with numbers; the translation follows the source but is
# longer or shorter by the language's ratio, with noise, and edited in clusters (a
# table dropped here, paragraphs added there), so the cheapest path strays from the
# diagonal by more than the difference of the counts.
docs_page = st.lists(
    st.builds(
        lambda length, anchors: (length, frozenset(anchors)),
        st.one_of(st.integers(0, 40), st.integers(40, 500), st.just(120)),
        st.one_of(
            st.just(frozenset()),
            st.just(frozenset()),
            st.sets(st.sampled_from(["n:1", "n:2", "n:3", "n:2025", "n:8080"]), max_size=2),
        ),
    ),
    min_size=20,
    max_size=90,
)
clusters = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 10_000), st.integers(1, 12)), max_size=4
)


def _translated(
    source: list[tuple[int, frozenset[str]]],
    noise: list[float],
    edits: list[tuple[int, int, int]],
    ratio: float,
) -> list[tuple[int, frozenset[str]]]:
    """``source`` in another language: each length times ``ratio`` and a noise factor,
    then clusters of ``size`` blocks dropped (0), added (1), or merged in pairs (2), or
    anchors dropped (3), at ``at``."""
    out = [
        (round(length * ratio * noise[k % len(noise)]), anchors)
        for k, (length, anchors) in enumerate(source)
    ]
    for kind, at, size in edits:
        if not out:
            break
        k = at % len(out)
        if kind == 0:
            del out[k : k + size]
        elif kind == 1:
            out[k:k] = [(30 + 17 * s % 200, frozenset()) for s in range(size)]
        elif kind == 2:
            end = min(len(out), k + 2 * size)
            merged = [
                (out[p][0] + (out[p + 1][0] if p + 1 < end else 0), out[p][1])
                for p in range(k, end, 2)
            ]
            out[k:end] = merged
        else:
            out[k : k + size] = [(length, frozenset()) for length, _ in out[k : k + size]]
    return out


def _blocks(shapes: list[tuple[int, frozenset[str]]]) -> list[Block]:
    return [Block(i, n, anchors) for i, (n, anchors) in enumerate(shapes, 1)]


@settings(max_examples=40)
@given(
    docs_page,
    st.lists(st.floats(0.8, 1.25), min_size=1, max_size=7),
    clusters,
    st.sampled_from([0.6, 1.0, 1.15, 1.7]),
)
def test_the_pruned_alignment_gives_align_s_rows_on_docs_shaped_pages(
    source: list[tuple[int, frozenset[str]]],
    noise: list[float],
    edits: list[tuple[int, int, int]],
    language: float,
) -> None:
    left = _blocks(source)
    right = _blocks(_translated(source, noise, edits, language))
    ratio = (sum(b.length for b in right) + 20) / (sum(b.length for b in left) + 20)
    expected = align(left, right, ratio)
    assert align_pruned(left, right, ratio) == expected
    assert align_pruned(right, left, 1 / ratio) == align(right, left, 1 / ratio)
    # counterparts, what the status asks, is the booleans of align's rows
    paired = {i for row in expected if row.right for i in row.left}
    assert counterparts(source, [(b.length, b.anchors) for b in right]) == tuple(
        b.index in paired for b in left
    )


@settings(max_examples=15)
@given(st.integers(1, 40), st.integers(0, 12), st.sampled_from([0, 7, 20]))
def test_the_pruned_alignment_breaks_ties_as_align_does_on_long_even_pages(
    seed: int, extra: int, anchored_every: int
) -> None:
    # Equal or nearly equal lengths everywhere (many cheapest paths, one chosen), on
    # pages long enough for the band to matter; some anchored blocks now and then.
    left = [
        block(
            i,
            100 + (i * seed) % 3,
            *(["n:7"] if anchored_every and i % anchored_every == 0 else []),
        )
        for i in range(1, 121)
    ]
    right = [block(i, 100 + (i * seed) % 2) for i in range(1, 121 - extra)]
    assert align_pruned(left, right) == align(left, right)
    assert align_pruned(right, left) == align(right, left)


def test_a_table_dropped_early_and_paragraphs_added_late_align_as_align_does() -> None:
    # The cheapest path leaves the diagonal by more than the counts differ: twelve
    # short cells gone near the start, nine paragraphs added near the end.
    source: list[tuple[int, frozenset[str]]] = [
        (300 + 37 * k % 250, frozenset()) for k in range(10)
    ]
    source += [(8 + k % 5, frozenset()) for k in range(12)]
    source += [
        (120 + 53 * k % 300, frozenset({f"n:{k}"} if k % 9 == 0 else set())) for k in range(60)
    ]
    translation = [(round(n * 1.2), a) for n, a in source[:10] + source[22:70]]
    translation += [(200, frozenset())] * 9 + [(round(n * 1.2), a) for n, a in source[70:]]
    left, right = _blocks(source), _blocks(translation)
    ratio = (sum(b.length for b in right) + 20) / (sum(b.length for b in left) + 20)
    rows = align(left, right, ratio)
    assert align_pruned(left, right, ratio) == rows
    assert [r.left for r in rows if not r.right] == [(k,) for k in range(11, 23)]
    assert [r.right for r in rows if not r.left] == [(k,) for k in range(59, 68)]
    assert counterparts(source, translation) == tuple(not 11 <= k <= 22 for k in range(1, 83))


@given(blocks_strategy, blocks_strategy, st.floats(0.2, 5.0))
def test_the_bound_of_the_way_on_never_exceeds_a_step_plus_the_bound_after_it(
    a: list[tuple[int, frozenset[str]]], b: list[tuple[int, frozenset[str]]], ratio: float
) -> None:
    # What makes the pruning exact: the bound is 0 at the end and consistent, so it
    # never exceeds the cheapest way on (and the band's bound is built on it).
    from sastra.review.align import _cost, _Crude

    left, right = _blocks(a), _blocks(b)
    n, m = len(left), len(right)
    crude = _Crude(left, right)
    assert crude(n, m) == 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for di, dj in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2)):
                if i + di <= n and j + dj <= m:
                    step = _cost(left[i : i + di], right[j : j + dj], ratio) if di and dj else 2.0
                    assert crude(i, j) <= step + crude(i + di, j + dj) + 1e-9
