"""Word forms by dictionary, compounds, scripts without spaces, per-term control (issue 12).

Each example is one a user saw go wrong with Snowball stems alone.
"""

from __future__ import annotations

import pytest

from checker.glossary import parse_glossary
from checker.matching.matcher import Matcher


def found(language: str, renderings: dict[str, str], text: str, **term_options: str) -> list[tuple[str, str]]:
    """(term id, matched text) of every match of `renderings` (term id -> rendering) in `text`."""
    lines = ["version: 1", "terms:"]
    for term_id, rendering in renderings.items():
        lines.append(f"  - id: {term_id}")
        for key, value in term_options.items():
            lines.append(f"    {key}: {value}")
        lines.append(f"    renderings: {{{language}: '{rendering}'}}")
    matcher = Matcher(parse_glossary("\n".join(lines) + "\n"))
    return [(m.term_id, text[m.start : m.end]) for m in matcher.find(text, language)]


# --- forms the dictionary knows ----------------------------------------------------------


@pytest.mark.parametrize(
    "lemma, form",
    [("ändern", "geändert"), ("löschen", "gelöscht"), ("hinzufügen", "hinzugefügt"),
     ("abmelden", "abgemeldet"), ("hochladen", "hochgeladen")],
)
def test_german_past_participles(lemma, form):
    assert found("de", {"t": lemma}, f"Das Objekt wurde {form}.") == [("t", form)]


def test_russian_forms_snowball_stems_apart():
    text = "Данные учётной записи и учётных записей, учетная запись."
    assert [t for _, t in found("ru", {"account": "учётная запись"}, text)] == [
        "учётной записи", "учётных записей", "учетная запись"
    ]


@pytest.mark.parametrize(
    "language, lemma, forms",
    [("fi", "sopimus", ["sopimuksen", "sopimusta", "sopimukset"]),
     ("tr", "sözleşme", ["sözleşmenin", "sözleşmeyi", "sözleşmeler"]),
     ("hu", "szerződés", ["szerződést", "szerződésben"])],
)
def test_case_forms_of_agglutinative_languages(language, lemma, forms):
    for form in forms:
        assert found(language, {"t": lemma}, f"x {form} y") == [("t", form)], form


# --- words the dictionary knows apart ----------------------------------------------------


@pytest.mark.parametrize(
    "language, rendering, text",
    [("de", "Anwender", "Die Anwendung startet."), ("de", "Nutzer", "Wir nutzen das."),
     ("de", "Benutzer", "Sie benutzen das."), ("de", "sichern", "Es ist sich sicher."),
     ("de", "sichern", "Die Sicherheit zählt."), ("de", "Recht", "Der rechter Rand."),
     ("ru", "разрешение", "Разрешенные символы."), ("ru", "выход", "Он выходит."),
     ("ru", "вход", "Они входят."),
     ("en", "iterator", "Two iterations over an iterable; iterate.")],
)
def test_words_of_another_lemma_are_not_joined(language, rendering, text):
    assert found(language, {"t": rendering}, text) == []


def test_fix_no_longer_takes_sich_for_sichern(write):
    from checker.project.fix import plan_paths

    g = parse_glossary("version: 1\nterms:\n  - id: t\n    renderings:\n      de: {preferred: speichern, forbidden: [sichern]}\n")
    path = write("de/a.txt", "Er freut sich. Sichern Sie die Datei.")
    plan = plan_paths([path], Matcher(g))
    assert [s.text for s in plan.skipped] == []
    assert [e.old for f in plan.files.values() for e in f.edits] == ["Sichern"]


# --- compounds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rendering, compound, part",
    [("Passwort", "Passwortformat", "Passwort"), ("Datenbank", "Datenbankfehler", "Datenbank"),
     ("Feld", "Feldtyp", "Feld"), ("Verzeichnis", "Quellverzeichnis", "verzeichnis"),
     ("Modul", "Modulindex", "Modul"), ("Konto", "Bankkontonummer", "konto")],
)
def test_a_glossary_word_inside_a_german_compound(rendering, compound, part):
    assert found("de", {"t": rendering}, f"Ein {compound}.") == [("t", part)]


def test_compounds_satisfy_missing_rendering_and_report_forbidden_parts():
    from checker.checks.forbidden import ForbiddenRendering
    from checker.checks.missing import MissingRendering
    from checker.matching.corpus import match_document
    from checker.documents.model import Document, Segment

    g = parse_glossary(
        "version: 1\nterms:\n  - id: password\n    renderings:\n      en: password\n"
        "      de: {preferred: Passwort, forbidden: [Kennwort]}\n"
    )
    segs = (
        Segment("de.po", 1, 1, "Ungültiges Passwortformat.", source="Invalid password format.", unit_id="a"),
        Segment("de.po", 2, 1, "Ungültiges Kennwortformat.", source="Invalid password format.", unit_id="b"),
    )
    doc = match_document(Document("de.po", "po", "de", "header", segs, "en"), Matcher(g), g)
    assert [(f.line, f.text) for f in ForbiddenRendering().check(doc, g)] == [(2, "Kennwort")]
    assert [f.line for f in MissingRendering().check(doc, g)] == [2]


def test_a_compound_listed_as_its_own_term_is_not_its_part():
    terms = {"directory": "Verzeichnis", "toc": "Inhaltsverzeichnis"}
    assert found("de", terms, "Das Inhaltsverzeichnis.") == [("toc", "Inhaltsverzeichnis")]


def test_a_derivation_is_no_compound():
    assert found("de", {"time": "Zeit"}, "Die Zeitung.") == []


def test_finnish_compound_with_an_inflected_head():
    assert found("fi", {"account": "tili"}, "Käyttäjätilin asetukset.") == [("account", "tilin")]


# --- scripts without spaces ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, rendering, text",
    [("ja", "安全保障", "欧州の安全保障条約について"), ("ja", "条約", "安全保障条約を結ぶ"),
     ("zh", "势力范围", "任何国家都不能把欧安组织地区视为其势力范围。"), ("th", "ความมั่นคง", "ความมั่นคงของยุโรป"),
     ("ja", "パスワード", "ﾊﾟｽﾜｰﾄﾞを変更")],
)
def test_scripts_without_spaces_are_matched_without_word_boundaries(language, rendering, text):
    assert [t for _, t in found(language, {"t": rendering}, text)] != []


@pytest.mark.parametrize("text, form", [("안보를 강화한다", "안보를"), ("조약에 서명", "조약에")])
def test_korean_particles(text, form):
    renderings = {"security": "안보", "treaty": "조약"}
    assert [t for _, t in found("ko", renderings, text)] == [form]


# --- per-term control -----------------------------------------------------------------------------


def test_exceptions_keep_fixed_expressions():
    g = parse_glossary(
        "version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en:\n        preferred: Kyiv\n"
        "        forbidden:\n          - text: Kiev\n            exceptions: [Chicken Kiev, Kievan Rus, Kiev-class]\n"
    )
    text = "Chicken Kiev, the Kievan Rus, a Kiev-class carrier, and Kiev itself."
    assert [text[m.start : m.end] for m in Matcher(g).find(text, "en")] == ["Kiev"]
    assert [m.start for m in Matcher(g).find(text, "en")] == [text.rindex("Kiev")]


def test_match_exact_takes_no_inflection():
    assert found("de", {"t": "Passwort"}, "Die Passwörter.", match="exact") == []
    assert found("de", {"t": "Passwort"}, "Das Passwort.", match="exact") == [("t", "Passwort")]


def test_match_stem_joins_what_the_dictionary_keeps_apart():
    assert found("de", {"t": "sichern"}, "Die Sicherheit.", match="stem") == [("t", "Sicherheit")]
