"""`termcheck compare` across languages: a source and its translations aligned without a
translation engine, and each source term followed into the aligned translation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.comparison import run_compare
from checker.comparison.crossalign import Sentence, align_across
from checker.glossary import parse_glossary

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = """\
version: 1
terms:
  - id: indivisible-security
    renderings:
      ru: неделимость безопасности
      de: {preferred: Unteilbarkeit der Sicherheit, variants: [unteilbare Sicherheit]}
      en: {preferred: indivisible security, variants: [indivisibility of security], forbidden: [undivided security]}
  - id: sphere-of-influence
    renderings:
      ru: сфера влияния
      de: Einflusssphäre
      en: sphere of influence
  - id: osce
    renderings:
      ru: ОБСЕ
      de: OSZE
      en: OSCE
"""

RU = ("Министр Сергей Лавров направил письмо 28 января 2022 года.\n\n"
      "Принцип неделимости безопасности закреплён в Стамбульской хартии 1999 года.\n\n"
      "Ни одно государство не может рассматривать регион как свою сферу влияния.\n\n"
      "Мы ждём ответа от ОБСЕ до 10 февраля.\n")
DE = ("Minister Sergej Lawrow schickte den Brief am 28. Januar 2022.\n\n"
      "Das Prinzip der Unteilbarkeit der Sicherheit steht in der Istanbuler Charta von 1999.\n\n"
      "Anmerkung der Redaktion: der Brief liegt uns vor.\n\n"
      "Kein Staat darf die Region als sein Revier betrachten.\n\n"
      "Wir erwarten eine Antwort der OSZE bis zum 10. Februar.\n")
EN = ("Minister Sergei Lavrov sent the letter on 28 January 2022.\n\n"
      "The principle of undivided security is in the Istanbul Charter of 1999.\n\n"
      "An editor's note: we have seen the letter.\n\n"
      "No state may regard the region as its sphere of influence.\n\n"
      "We expect an answer from the OSCE by 10 February.\n")


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    for lang, text in (("ru", RU), ("de", DE), ("en", EN)):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "letter.txt").write_text(text, encoding="utf-8")
    return tmp_path


def _place(path: Path, line: int, column: int, text: str) -> bool:
    """Whether `text` starts at line:column of the file."""
    return path.read_text(encoding="utf-8").splitlines()[line - 1][column - 1:].startswith(text)


def test_sentences_align_by_numbers_names_and_terms_and_a_note_stays_unaligned():
    source = ["Minister Sergey Lavrov sent a letter on 28 January 2022.", "It was long.",
              "The OSCE must answer by 10 February."]
    target = [Sentence("Minister Sergej Lawrow schickte am 28. Januar 2022 einen Brief."),
              Sentence("Anmerkung der Redaktion: der Brief liegt uns vor und ist sehr lang und ausführlich geschrieben."),
              Sentence("Er war lang."),
              Sentence("Die OSZE muss bis zum 10. Februar antworten.", frozenset({"osce"}))]
    pairs = align_across([Sentence(source[0]), Sentence(source[1]), Sentence(source[2], frozenset({"osce"}))],
                         target, "en", "de")
    assert [(p.reference, p.other) for p in pairs] == [((0,), (0,)), ((1,), (2,)), ((2,), (3,))]
    assert "number:2022" in pairs[0].features and "term:osce" in pairs[2].features


def test_names_in_another_script_anchor_the_alignment():
    ru = ["Сергей Лавров встретился с Энтони Блинкеном.", "Погода была хорошей.", "Встреча длилась долго."]
    en = ["The weather was fine.", "Sergey Lavrov met Antony Blinken.", "The weather was fine.",
          "The meeting lasted long."]
    pairs = align_across(ru, en, "ru", "en")
    assert ((0,), (1,)) in [(p.reference, p.other) for p in pairs]


def test_a_sentence_rendered_as_two_is_one_pair():
    en = ["The package manager installs the package and all of its dependencies from the archive in 2 steps.",
          "Then it stops."]
    de = ["Die Paketverwaltung installiert das Paket.", "Sie holt auch alle Abhängigkeiten aus dem Archiv in 2 Schritten.",
          "Dann hört sie auf."]
    pairs = align_across(en, de, "en", "de")
    assert [(p.reference, p.other) for p in pairs] == [((0,), (0, 1)), ((1,), (2,))]


def test_translation_terms_are_traced_and_reported_with_the_source_place(corpus):
    glossary = parse_glossary(GLOSSARY, str(corpus / "glossary.yml"))
    result = run_compare([str(corpus / "ru" / "letter.txt"), str(corpus / "de" / "letter.txt")], glossary)
    (comparison,) = result.comparisons
    assert comparison.crosslingual and comparison.similarity.chrf is None
    statuses = {t.source.term_id: t.status for t in comparison.traces}
    assert statuses == {"indivisible-security": "preferred", "sphere-of-influence": "absent", "osce": "preferred"}
    (finding,) = result.findings
    assert finding.rule == "missing-rendering" and finding.term == "sphere-of-influence"
    assert _place(corpus / "de" / "letter.txt", finding.line, finding.column, "Kein Staat")
    (related,) = finding.related
    assert _place(corpus / "ru" / "letter.txt", related.line, related.column, "сферу влияния")
    # the editor's note has no counterpart: it is in no pair
    note = next(s.index for s in comparison.other.sentences if s.text.startswith("Anmerkung"))
    assert all(note not in p.other for p in comparison.pairs)


def test_forbidden_renderings_and_a_chain_that_drifts(corpus):
    glossary = parse_glossary(GLOSSARY, str(corpus / "glossary.yml"))
    paths = [str(corpus / lang / "letter.txt") for lang in ("ru", "de", "en")]
    result = run_compare(paths, glossary, chain=True)
    forbidden = [f for f in result.findings if f.rule == "forbidden-rendering"]
    assert [f.term for f in forbidden] == ["indivisible-security"]
    assert forbidden[0].path.endswith("en/letter.txt") and forbidden[0].text == "undivided security"
    assert _place(corpus / "en" / "letter.txt", forbidden[0].line, forbidden[0].column, "undivided security")
    # the related place of a chain step's finding is the German sentence it was aligned with
    assert forbidden[0].related[0].path.endswith("de/letter.txt")
    chain = next(c for c in result.chains if c.term_id == "indivisible-security")
    assert [s.status for s in chain.steps] == ["preferred", "preferred", "forbidden"] and chain.drift == 2
    sphere = next(c for c in result.chains if c.term_id == "sphere-of-influence")
    assert [s.status for s in sphere.steps] == ["preferred", "absent", "preferred"] and sphere.drift == 1


def test_compare_cli_across_languages_text_and_json(corpus):
    args = [sys.executable, "-m", "checker", "compare", "ru/letter.txt", "de/letter.txt", "en/letter.txt",
            "--chain", "-g", "glossary.yml"]
    text = subprocess.run(args, cwd=corpus, capture_output=True, text=True, timeout=300)
    assert text.returncode == 0, text.stderr
    assert "across languages (ru -> de)" in text.stdout and "across languages (de -> en)" in text.stdout
    assert "Terms through the chain" in text.stdout
    data = json.loads(subprocess.run([*args, "--format", "json"], cwd=corpus, capture_output=True, text=True,
                                     timeout=300).stdout)
    assert [c["crosslingual"] for c in data["comparisons"]] == [True, True]
    drift = [c for c in data["chains"] if c["term"] == "indivisible-security"][0]
    assert drift["drift"] == 2 and drift["steps"][2]["text"] == "undivided security"


def test_hard_wrapped_html_paragraphs_are_not_cut_at_lines_that_look_like_headlines(tmp_path):
    from checker.comparison.sentences import split_sentences

    # Debian Reference 2.100, ch01 (de), as the HTML wraps it
    wrapped = ('Das erste "x" ist das\nWurzelverzeichnis, und die anderen "x" sind jeweils\nTrenner zwischen den '
               'einzelnen Unterverzeichnissen, bis der letzte Eintrag\nerreicht ist. Bitte beachten Sie\nFolgendes.')
    assert len(split_sentences(wrapped, "de", soft_breaks=True)) == 2
    assert len(split_sentences(wrapped, "de")) > 2  # as plain text, short capitalised lines read as headlines
    assert len(split_sentences("Kapitel Eins\nDer Text beginnt hier.", "de")) == 2  # plain text: a headline
    page = tmp_path / "de" / "page.html"
    page.parent.mkdir()
    page.write_text(f'<html lang="de"><body><h1>Kapitel Eins</h1><p>{wrapped}</p></body></html>', encoding="utf-8")
    glossary = parse_glossary(GLOSSARY, "g.yml")
    from checker.comparison.run import load_version
    from checker.documents import read_document
    from checker.matching.matcher import Matcher

    version = load_version(read_document(str(page)), Matcher(glossary), glossary)
    assert [s.text.split()[0] for s in version.sentences] == ["Kapitel", "Das", "Bitte"]
