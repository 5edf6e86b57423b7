"""Variation scores: consistency and the chrF-based expected dissimilarity."""

from __future__ import annotations

import pytest

from checker.matching.corpus import Occurrence
from checker.glossary import Rendering
from checker.scores import distance, score_usage
from checker.matching.usage import collect_usage

PREF = Rendering("t", "en", "indivisible security", "preferred", order=0)
LIGHT = Rendering("t", "en", "indivisibility of security", "variant", order=1)
FAR = Rendering("t", "en", "undivided safety", "forbidden", order=2)


def occ(r: Rendering, path: str = "a.txt") -> Occurrence:
    return Occurrence(r, path, 1, 1, r.text, 0)


def test_one_rendering_is_fully_consistent():
    (usage,) = collect_usage([occ(PREF), occ(PREF, "b.txt")])
    s = score_usage(usage)
    assert (s.occurrences, s.consistency, s.variation) == (2, 1.0, 0.0)
    assert s.renderings[0].documents == {"a.txt": 1, "b.txt": 1}


def test_consistency_is_share_of_reference():
    (usage,) = collect_usage([occ(PREF), occ(LIGHT), occ(LIGHT), occ(LIGHT)])
    s = score_usage(usage)
    assert s.reference == "indivisible security"  # preferred wins even when rarer
    assert s.consistency == 0.25
    assert [r.text for r in s.renderings] == ["indivisibility of security", "indivisible security"]


def test_variation_formula():
    (usage,) = collect_usage([occ(PREF), occ(LIGHT), occ(LIGHT), occ(LIGHT)])
    d = distance("indivisible security", "indivisibility of security")
    # sum over i, j of p_i p_j d(r_i, r_j) = 2 * 0.25 * 0.75 * d
    assert score_usage(usage).variation == pytest.approx(2 * 0.25 * 0.75 * d, abs=1e-4)


def test_light_variants_vary_less_than_real_divergence():
    (light,) = collect_usage([occ(PREF), occ(LIGHT)])
    (far,) = collect_usage([occ(PREF), occ(FAR)])
    assert 0 < score_usage(light).variation < score_usage(far).variation <= 0.5


def test_distance_is_symmetric_chrf():
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    a, b = "Sergey Lavrov", "Sergei Lavrov"
    expected = 1 - (chrf.sentence_score(a, [b]).score + chrf.sentence_score(b, [a]).score) / 200
    assert distance(a, b) == pytest.approx(expected)
    assert distance(a, b) == distance(b, a)
    assert distance(a, a) == 0.0
