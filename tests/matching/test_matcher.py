"""The matcher: normalisation, whole words, inflection, leftmost-longest, case sensitivity."""

from __future__ import annotations

import pytest

from checker.glossary import parse_glossary
from checker.matching.matcher import Matcher

GLOSSARY = """
version: 1
terms:
  - id: indivisible-security
    renderings:
      en:
        preferred: indivisible security
        variants: [indivisibility of security]
      de: unteilbare Sicherheit
      ru: неделимость безопасности
  - id: sphere-of-influence
    renderings:
      en: sphere of influence
      fr: sphère d'influence
      ru: сфера влияния
  - id: charter-of-paris
    renderings:
      en:
        preferred: Charter of Paris for a New Europe
        variants: [Paris Charter for New Europe, Paris Charter]
  - id: antony-blinken
    renderings:
      en:
        preferred: Antony Blinken
        variants: [Tony Blinken]
  - id: osce
    case_sensitive: true
    renderings:
      en: OSCE
  - id: code-of-conduct
    renderings:
      en: Code of Conduct on Politico-Military Aspects of Security
      ru: Кодекс поведения, касающийся военно-политических аспектов безопасности
  - id: lavrov
    renderings:
      en: Sergey Lavrov
"""


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(parse_glossary(GLOSSARY))


def found(matcher: Matcher, text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(m.rendering.text, text[m.start : m.end]) for m in matcher.find(text, lang)]


def test_english_inflection_and_case(matcher):
    assert found(matcher, "Spheres of Influence matter.") == [("sphere of influence", "Spheres of Influence")]


def test_german_inflection(matcher):
    assert found(matcher, "Die Frage der unteilbaren Sicherheit.", "de") == [
        ("unteilbare Sicherheit", "unteilbaren Sicherheit")
    ]


def test_russian_inflection(matcher):
    text = "принцип неделимости безопасности и сферой влияния"
    assert found(matcher, text, "ru") == [
        ("неделимость безопасности", "неделимости безопасности"),
        ("сфера влияния", "сферой влияния"),
    ]


def test_inflection_off_matches_exact_words_only():
    m = Matcher(parse_glossary(GLOSSARY), stem=False)
    assert found(m, "spheres of influence; sphere of influence") == [("sphere of influence", "sphere of influence")]


def test_whole_words_only(matcher):
    assert found(matcher, "Antony Blinken and Tony Blinken") == [
        ("Antony Blinken", "Antony Blinken"),
        ("Tony Blinken", "Tony Blinken"),
    ]
    assert found(matcher, "the hemisphere of influence") == []


def test_leftmost_longest_counts_once(matcher):
    text = "the OSCE Paris Charter for New Europe, later the Paris Charter"
    assert found(matcher, text) == [
        ("OSCE", "OSCE"),
        ("Paris Charter for New Europe", "Paris Charter for New Europe"),
        ("Paris Charter", "Paris Charter"),
    ]


def test_typography_is_normalised(matcher):
    text = "indivisible\u00a0security, indivisible\nsecurity, Sergey Lavrov\u2019s letter, Sergey Lav\u00adrov"
    assert [t for _, t in found(matcher, text)] == [
        "indivisible\u00a0security",
        "indivisible\nsecurity",
        "Sergey Lavrov\u2019s",
        "Sergey Lav\u00adrov",
    ]


def test_dashes_and_hyphens_are_interchangeable(matcher):
    text = "Code of Conduct on Politico\u2011Military Aspects of Security"
    assert found(matcher, text) == [("Code of Conduct on Politico-Military Aspects of Security", text)]


def test_punctuation_breaks_a_term(matcher):
    assert found(matcher, "it is indivisible. Security matters") == []


def test_punctuation_inside_a_rendering_must_be_there(matcher):
    good = "Кодекс поведения, касающийся военно-политических аспектов безопасности"
    assert len(found(matcher, good, "ru")) == 1
    assert found(matcher, good.replace(",", ""), "ru") == []


def test_elided_article_with_curly_apostrophe(matcher):
    assert found(matcher, "dans sa sphère d\u2019influence", "fr") == [("sphère d'influence", "sphère d\u2019influence")]


def test_case_sensitive_term(matcher):
    assert found(matcher, "OSCE, osce, Osce, OSCE's") == [("OSCE", "OSCE"), ("OSCE", "OSCE's")]


def test_nfkc_fullwidth_and_ligatures(matcher):
    assert found(matcher, "ＯＳＣＥ and the sphere of inﬂuence") == [
        ("OSCE", "ＯＳＣＥ"),
        ("sphere of influence", "sphere of inﬂuence"),
    ]


def test_language_without_renderings_finds_nothing(matcher):
    assert matcher.find("indivisible security", "ja") == []
    assert matcher.find("indivisible security", None) == []


def test_region_subtag_falls_back_to_language(matcher):
    assert found(matcher, "indivisible security", "en-GB") == [("indivisible security", "indivisible security")]


def test_offsets_point_into_the_original_text(matcher):
    text = "«Sphère» — la sphère d\u2019influence."
    (m,) = matcher.find(text, "fr")
    assert text[m.start : m.end] == "sphère d\u2019influence"
