"""Each rule on small hand-made documents: when it fires, where, and when it stays quiet."""

from __future__ import annotations

from pathlib import Path


from checker.checks import ALL_RULES, COMPARE_RULES, CORPUS_RULES, DOCUMENT_RULES
from checker.checks.forbidden import ForbiddenRendering
from checker.checks.inconsistent import InconsistentRendering
from checker.checks.missing import MissingRendering
from checker.checks.read_error import ReadErrorRule
from checker.checks.variant import VariantRendering
from checker.checks.wrong_language import WrongLanguage
from checker.matching.corpus import match_document
from checker.documents.model import Document, ReadError, Segment
from checker.glossary import parse_glossary
from checker.matching.matcher import Matcher
from checker.matching.usage import collect_usage

GLOSSARY = parse_glossary(
    """
version: 1
terms:
  - id: kyiv
    renderings:
      en:
        preferred: Kyiv
        forbidden: [Kiev]
      de:
        preferred: Kyjiw
        variants: [Kiew]
  - id: sergey-lavrov
    renderings:
      en:
        preferred: Sergey Lavrov
        variants: [Sergei Lavrov]
  - id: sphere-of-influence
    renderings:
      en: sphere of influence
      de: Einflusssphäre
  - id: as-they-evolve
    renderings:
      en: as they evolve
""",
    "g.yml",
)
MATCHER = Matcher(GLOSSARY)


def text_doc(path: str, *paragraphs: str, lang: str = "en", source: str = "path") -> Document:
    segs = tuple(Segment(path, 1 + 2 * i, 1, p) for i, p in enumerate(paragraphs))
    return Document(path, "text", lang, source, segs)


def po_doc(path: str, *units: tuple[str, str], lang: str = "de") -> Document:
    segs = tuple(Segment(path, 4 * i + 2, 8, target, source=source, source_line=4 * i + 1, source_column=8)
                 for i, (source, target) in enumerate(units))
    return Document(path, "po", lang, "header", segs)


def run(rule, *docs):
    matched = [match_document(d, MATCHER, GLOSSARY, "en") for d in docs]
    return list(rule.check(matched[0], GLOSSARY)) if len(docs) == 1 else matched


def test_every_rule_declares_id_severity_and_documented_example():
    assert set(ALL_RULES) == {
        "forbidden-rendering", "variant-rendering", "inconsistent-rendering",
        "missing-rendering", "wrong-language", "read-error", "divergent-rendering", "term-omitted",
        "unlisted-rendering", "unused-suppression", "unknown-language",
    }
    for rule in ALL_RULES.values():
        assert rule.severity in ("error", "warning", "info")
        assert "## Example" in (type(rule).__doc__ or ""), rule.id
    assert len(DOCUMENT_RULES) + len(CORPUS_RULES) + len(COMPARE_RULES) + 2 == len(ALL_RULES)


def test_forbidden_rendering_points_at_the_word():
    doc = text_doc("a.txt", "They met in Kyiv.", "Later, in\nKiev, again.")
    (f,) = run(ForbiddenRendering(), doc)
    assert (f.rule, f.severity, f.path, f.line, f.column, f.term, f.text) == (
        "forbidden-rendering", "error", "a.txt", 4, 1, "kyiv", "Kiev"
    )
    assert "use 'Kyiv'" in f.message


def test_forbidden_in_one_language_may_be_a_variant_in_another():
    doc = text_doc("de.txt", "Treffen in Kiew.", lang="de")
    assert run(ForbiddenRendering(), doc) == []
    (f,) = run(VariantRendering(), doc)
    assert f.severity == "warning" and f.text == "Kiew" and "preferred: 'Kyjiw'" in f.message


def test_variant_rendering_quiet_on_preferred():
    assert run(VariantRendering(), text_doc("a.txt", "Sergey Lavrov wrote.")) == []
    (f,) = run(VariantRendering(), text_doc("a.txt", "Sergei Lavrov wrote."))
    assert (f.line, f.column, f.text) == (1, 1, "Sergei Lavrov")


def test_inconsistent_rendering_one_finding_per_deviating_document():
    docs = [
        text_doc("000.txt", "Sergey Lavrov wrote. Sergey Lavrov signed. Sergei Lavrov too."),
        text_doc("002.txt", "Then Sergei Lavrov said", "and Sergei Lavrov added"),
        text_doc("004.txt", "Sergey Lavrov only."),
    ]
    matched = run(None, *docs)
    usages = collect_usage(matched)
    findings = list(InconsistentRendering().check(usages))
    assert [(f.path, f.line, f.column) for f in findings] == [("000.txt", 1, 44), ("002.txt", 1, 6)]
    assert "reference 'Sergey Lavrov'" in findings[1].message
    assert "'Sergey Lavrov' 3, 'Sergei Lavrov' 3" in findings[1].message


def test_inconsistent_reference_is_most_frequent_when_preferred_unused():
    docs = [text_doc("a.txt", "Kiev and Kiev"), text_doc("b.txt", "Kiev"), text_doc("c.txt", "no term")]
    usages = collect_usage(run(None, *docs))
    assert usages[0].reference.text == "Kiev"
    assert list(InconsistentRendering().check(usages)) == []


def _merged(*docs: Document, disable: frozenset[str] = frozenset()):
    """The document rules' findings (less `disable`d ones) merged with inconsistent-rendering's."""
    matched = run(None, *docs)
    found = [f for m in matched for rule in (ForbiddenRendering(), VariantRendering()) if rule.id not in disable
             for f in rule.check(m, GLOSSARY)]
    return InconsistentRendering().merge(found, collect_usage(matched))


LAVROV_DOCS = (
    text_doc("000.txt", "Sergey Lavrov wrote. Sergey Lavrov signed."),
    text_doc("002.txt", "Then Sergei Lavrov said", "and Sergei Lavrov added"),
)


def test_variant_finding_owns_its_place_and_says_how_the_corpus_renders_the_term():
    findings = _merged(*LAVROV_DOCS)
    assert [(f.rule, f.path, f.line, f.column) for f in findings] == [
        ("variant-rendering", "002.txt", 1, 6), ("variant-rendering", "002.txt", 3, 5),
    ]
    first, second = findings
    assert first.message == ("variant 'Sergei Lavrov'; preferred: 'Sergey Lavrov' "
                             "(across documents [en]: 'Sergey Lavrov' 2, 'Sergei Lavrov' 2)")
    # the breakdown is said once per document, where inconsistent-rendering would have said it
    assert second.message == "variant 'Sergei Lavrov'; preferred: 'Sergey Lavrov'"
    assert first.severity == "warning" and first.text == "Sergei Lavrov"


def test_forbidden_finding_owns_its_place_and_keeps_its_severity():
    findings = _merged(text_doc("a.txt", "They met in Kyiv and Kyiv."), text_doc("b.txt", "Back in Kiev."))
    (f,) = findings
    assert (f.rule, f.severity, f.path, f.column) == ("forbidden-rendering", "error", "b.txt", 9)
    assert f.message == "forbidden rendering 'Kiev'; use 'Kyiv' (across documents [en]: 'Kyiv' 2, 'Kiev' 1)"


def test_inconsistent_rendering_reports_on_its_own_where_no_rule_owns_the_place():
    # variants are fine in this project, mixing them is not
    findings = _merged(*LAVROV_DOCS, disable=frozenset({"variant-rendering"}))
    (f,) = findings
    assert (f.rule, f.path, f.line, f.column) == ("inconsistent-rendering", "002.txt", 1, 6)
    assert f.message == ("'Sergei Lavrov' here, reference 'Sergey Lavrov' "
                         "(across documents [en]: 'Sergey Lavrov' 2, 'Sergei Lavrov' 2)")


def test_merge_leaves_other_rules_and_consistent_terms_alone():
    usages = collect_usage([match_document(text_doc("a.txt", "Sergei Lavrov and Sergei Lavrov."), MATCHER, GLOSSARY)])
    other = ReadErrorRule().finding("a.txt", 1, 1, "cannot read")
    variant = VariantRendering().finding("a.txt", 1, 1, "variant 'Sergei Lavrov'", "sergey-lavrov")
    # one rendering used: nothing inconsistent, nothing changed
    assert InconsistentRendering().merge([other, variant], usages) == [other, variant]


def test_missing_rendering_in_bilingual_unit():
    doc = po_doc(
        "de.po",
        ("No State may claim a sphere of influence.", "Kein Staat darf ein Revier beanspruchen."),
        ("Its sphere of influence.", "Seine Einflusssphäre."),
        ("The sphere of influence grows.", ""),
        ("Treaties, as they evolve.", "Verträge in ihrer Entwicklung."),  # no de rendering: not checked
    )
    (f,) = run(MissingRendering(), doc)
    assert (f.rule, f.severity, f.line, f.column, f.term) == ("missing-rendering", "error", 2, 8, "sphere-of-influence")
    assert "expected 'Einflusssphäre'" in f.message


def test_missing_rendering_counts_a_forbidden_target_as_missing():
    doc = po_doc("en-GB.po", ("Kyiv", "Kiev"), lang="en")
    (f,) = run(MissingRendering(), doc)
    assert f.term == "kyiv"


LONG_EN = "The principle of indivisible security is fundamental to the entire European security architecture."
LONG_DE = "Das Prinzip der unteilbaren Sicherheit ist grundlegend für die gesamte europäische Sicherheitsarchitektur."


def test_wrong_language_untranslated_target():
    doc = po_doc("de.po", (LONG_EN, LONG_EN), (LONG_EN, LONG_DE))
    (f,) = run(WrongLanguage(), doc)
    assert (f.rule, f.line) == ("wrong-language", 2)
    assert "looks like 'en'" in f.message and "expected 'de'" in f.message


def test_wrong_language_document_and_short_text_skipped():
    (f,) = run(WrongLanguage(), text_doc("de/a.txt", LONG_EN, lang="de"))
    assert f.path == "de/a.txt"
    assert run(WrongLanguage(), text_doc("de/b.txt", "Sergey Lavrov", lang="de")) == []
    assert run(WrongLanguage(), text_doc("de/c.txt", LONG_DE, lang="de")) == []


ENGLISH_PROSE = (Path(__file__).resolve().parents[2] / "translations" / "en" / "000-mid-unofficial-translation.txt")


def test_a_document_plainly_in_its_language_is_confirmed_without_langdetect(monkeypatch):
    import checker.checks.wrong_language as rule_module

    def no_detection(*args, **kwargs):
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(rule_module, "detect", no_detection)
    text = ENGLISH_PROSE.read_text(encoding="utf-8")
    assert run(WrongLanguage(), text_doc("en/letter.txt", *text.split("\n\n")[:30], lang="en")) == []


def test_function_words_never_hide_a_document_in_another_language():
    # The English letter where German is expected: its function words are English, so the
    # quick confirmation declines and langdetect reports it.
    text = ENGLISH_PROSE.read_text(encoding="utf-8")
    (f,) = run(WrongLanguage(), text_doc("de/letter.txt", *text.split("\n\n")[:30], lang="de"))
    assert "looks like 'en'" in f.message and "expected 'de'" in f.message


def test_wrong_language_needs_an_expected_language_that_was_not_guessed():
    assert run(WrongLanguage(), text_doc("a.txt", LONG_EN, lang="de", source="detected")) == []


def test_read_error_finding():
    f = ReadErrorRule().from_error(ReadError("x.po", "syntax error", 12, 3))
    assert (f.rule, f.severity, f.path, f.line, f.column, f.message) == ("read-error", "error", "x.po", 12, 3, "syntax error")
