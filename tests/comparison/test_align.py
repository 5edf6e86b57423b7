"""Sentence alignment: hand-made documents with a known answer, the default corpus, speed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from checker.comparison.align import DEFAULT_MIN_SCORE, Pair, align
from checker.comparison.sentences import split_sentences

REF = [
    "Russia is seriously concerned about rising military tensions near its western borders.",
    "The Russian side presented two draft treaties on security guarantees in December.",
    "The answers of the United States and NATO arrived at the end of January.",
    "They show serious differences in the understanding of indivisible security.",
    "The Charter for European Security was signed in Istanbul in November 1999.",
    "Each state is free to choose its security arrangements, including alliances.",
    "No state may strengthen its security at the expense of the security of others.",
    "We look forward to a prompt reply from every capital.",
]


def links(pairs: list[Pair]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The aligned pairs, after checking that the alignment covers both sides in order."""
    return [(p.ref, p.other) for p in pairs if p.ref and p.other]


def check_cover(pairs: list[Pair], n: int, m: int) -> None:
    refs = [i for p in pairs for i in p.ref]
    others = [j for p in pairs for j in p.other]
    assert refs == list(range(n)) and others == list(range(m))
    for p in pairs:
        assert p.ref or p.other
        assert (p.score == 0.0) == (not p.ref or not p.other)
        assert len(p.ref) <= 2 and len(p.other) <= 2 and len(p.ref) + len(p.other) <= 3


def run(ref: list[str], other: list[str], **kwargs) -> list[Pair]:
    pairs = align(ref, other, **kwargs)
    check_cover(pairs, len(ref), len(other))
    return pairs


def diagonal(pairs: list[Pair]) -> bool:
    return all(p.ref == (k,) and p.other == (k,) for k, p in enumerate(pairs))


def test_identical_documents_align_one_to_one():
    pairs = run(REF, list(REF))
    assert diagonal(pairs)
    assert {p.score for p in pairs} == {100.0}


def test_case_and_spacing_do_not_matter():
    pairs = run(REF, [" ".join(s.upper().split(" ")) + "  " for s in REF])
    assert diagonal(pairs) and {p.score for p in pairs} == {100.0}


def test_empty_sides():
    assert align([], []) == []
    assert run(REF[:2], []) == [Pair((0,), (), 0.0), Pair((1,), (), 0.0)]
    assert run([], REF[:2]) == [Pair((), (0,), 0.0), Pair((), (1,), 0.0)]


def test_inserted_sentence_is_unaligned():
    other = REF[:3] + ["Lavrov sent the letter on Tuesday evening to several capitals."] + REF[3:]
    pairs = run(REF, other)
    assert Pair((), (3,), 0.0) in pairs
    assert links(pairs) == [((i,), (i if i < 3 else i + 1,)) for i in range(8)]


def test_deleted_sentence_is_unaligned():
    other = REF[:5] + REF[6:]
    pairs = run(REF, other)
    assert Pair((5,), (), 0.0) in pairs
    assert links(pairs) == [((i,), (i if i < 5 else i - 1,)) for i in range(8) if i != 5]


def test_sentence_rendered_as_two_is_a_one_to_two_pair():
    other = (
        REF[:4]
        + [
            "The Charter for European Security was signed in Istanbul.",
            "That was in November 1999.",
        ]
        + REF[5:]
    )
    pairs = run(REF, other)
    assert ((4,), (4, 5)) in links(pairs)
    assert len(links(pairs)) == 8


def test_two_sentences_rendered_as_one_are_a_two_to_one_pair():
    merged = (
        "Each state is free to choose its security arrangements, including alliances, but no "
        "state may strengthen its security at the expense of the security of others."
    )
    other = REF[:5] + [merged] + REF[7:]
    pairs = run(REF, other)
    assert ((5, 6), (5,)) in links(pairs)
    assert len(links(pairs)) == 7


def test_a_merge_needs_both_sentences():
    # The extra sentence only shares common words with the reference one: no 1-2 pair.
    other = REF[:4] + [REF[4], "The weather in the city was cold and wet for the season."] + REF[5:]
    pairs = run(REF, other)
    assert ((4,), (4,)) in links(pairs)
    assert Pair((), (5,), 0.0) in pairs


def test_paraphrased_sentence_is_still_aligned():
    other = list(REF)
    other[3] = "These answers reveal deep differences in how the principle of indivisible security is understood."
    other[6] = "No state should increase its own security at the cost of the security of other states."
    pairs = run(REF, other)
    assert diagonal(pairs)
    assert all(p.score > DEFAULT_MIN_SCORE for p in pairs)


def test_unrelated_sentence_is_left_unaligned_not_forced():
    other = list(REF)
    other[2] = "Boris Johnson travelled to Kyiv with the Polish prime minister on Tuesday."
    pairs = run(REF, other)
    assert Pair((2,), (), 0.0) in pairs and Pair((), (2,), 0.0) in pairs
    assert links(pairs) == [((i,), (i,)) for i in range(8) if i != 2]


def test_a_short_reference_sentence_is_not_recalled_by_a_long_one():
    # chrF weighs recall: "Unofficial translation" is all in the other sentence.
    pairs = run(["Unofficial translation"], ["He read the Süddeutsche Zeitung in a translation."])
    assert links(pairs) == []


def test_a_threshold_of_zero_aligns_more():
    other = list(REF)
    other[2] = "Boris Johnson travelled to Kyiv with the Polish prime minister on Tuesday."
    assert ((2,), (2,)) in links(run(REF, other, min_score=0.0))


def test_reordered_and_dropped_paragraphs():
    other = REF[4:] + REF[:2]
    pairs = run(REF, other)
    assert links(pairs) == [((i,), (i - 4,)) for i in range(4, 8)]


def test_band_limits_how_far_from_the_diagonal_pairs_lie():
    # 60 distinct sentences moved 8 places: found with the default band, not with band=5.
    cities = ["Paris", "Vienna", "Oslo", "Madrid", "Warsaw", "Lisbon"]
    things = ["bridge", "museum", "harbour", "library", "railway station", "university", "hospital",
              "cathedral", "theatre", "market"]
    filler = [f"The {t} of {c} was opened to the public in {1850 + 7 * k}." for k, (c, t) in
              enumerate((c, t) for c in cities for t in things)]
    ref, other = REF + filler, filler + REF
    assert links(run(ref, other)) == [((8 + k,), (k,)) for k in range(60)]
    narrow = links(run(ref, other, band=5))
    assert narrow and all(abs(r[0] - o[0]) <= 5 + 1 for r, o in narrow)  # +1: rounding


def test_import_is_cheap():
    code = "import sys, checker.comparison.align; assert 'sacrebleu' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the default corpus ------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_alignment(request):
    root = request.config.rootpath
    ministry = (root / "translations/en/000-mid-unofficial-translation.txt").read_text(encoding="utf-8")
    report = (root / "translations/en/002-german-sourced-report.txt").read_text(encoding="utf-8")
    ref = [s.text for s in split_sentences(ministry, "en")]
    other = [s.text for s in split_sentences(report, "en")]
    pairs = run(ref, other)
    return ref, other, pairs


def aligned_with(pairs, ref, other, fragment):
    """The reference sentences aligned with the other document's sentence containing `fragment`."""
    (j,) = [j for j, s in enumerate(other) if fragment in s]
    (pair,) = [p for p in pairs if j in p.other]
    return [ref[i] for i in pair.ref]


def test_corpus_quote_is_aligned_with_its_source(corpus_alignment):
    ref, other, pairs = corpus_alignment
    got = aligned_with(pairs, ref, other, "security for all or no security for anyone")
    assert any("either there is security for all or there is no security for anyone" in s for s in got)


def test_corpus_paraphrase_is_aligned_with_its_source(corpus_alignment):
    ref, other, pairs = corpus_alignment
    got = aligned_with(pairs, ref, other, "At the center of the Russian demand is the Charter for European Security,")
    assert any("The Charter for European Security signed at the OSCE Summit in Istanbul" in s for s in got)


def test_corpus_news_about_other_events_stays_unaligned(corpus_alignment):
    ref, other, pairs = corpus_alignment
    for fragment in ("Boris Johnson and Mateusz Morawiecki", "Related Posts", "Leave a Reply"):
        assert aligned_with(pairs, ref, other, fragment) == []


# --- the benchmark's generated documents, small ------------------------------------------


def _bench(root):
    spec = importlib.util.spec_from_file_location("align_bench", root / "benchmarks" / "align_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_documents_align_almost_exactly(root):
    bench = _bench(root)
    reference, other, gold = bench.documents(400, seed=3)
    stats = bench.evaluate(run(reference, other), gold)
    assert stats["link_precision"] >= 0.99
    assert stats["precision"] >= 0.95 and stats["recall"] >= 0.95
