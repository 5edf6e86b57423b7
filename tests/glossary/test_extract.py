"""Term extraction: source terms of translated units and the renderings the translations use."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.glossary.extract import Unit, extract
from checker.glossary.extract_units import bilingual_units
from checker.glossary.phrases import Phrases

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


def _real_units(language: str) -> tuple[list[Unit], str]:
    units, errors, source, _ = bilingual_units([str(REAL / "django"), str(REAL / "symfony")], language)
    assert not errors and units
    return units, source


@pytest.mark.parametrize(("language", "term", "expected"), [
    ("de", "password", "Passwort"),
    ("fr", "password", "mot de passe"),        # a phrase with a function word inside, not "passe"
    ("fr", "field", "champ"),
    ("ru", "user", "пользователь"),              # the dictionary form, whatever case the texts use
    ("es", "password", "contraseña"),
    ("ja", "password", "パスワード"),              # characters, no spaces
    ("zh-CN", "password", "密码"),                 # the whole word, not its first character
])
def test_the_dominant_rendering_of_a_glossary_term_in_real_catalogs(language, term, expected):
    units, source = _real_units(language)
    result = extract(units, source, language, known=[(term, term)], limit=0)
    (found,) = result.known
    assert found.term_id == term and found.units >= 3
    assert found.renderings[0].text == expected
    assert found.examples and all(term in u.shown_source.casefold() for u in found.examples)


def test_new_terms_are_noun_phrases_ranked_by_termhood():
    units, source = _real_units("de")
    terms = [t.source for t in extract(units, source, "de", limit=15).terms]
    assert "password" in terms[:5]
    assert all(t.casefold() not in ("please", "enter", "please enter", "ensure", "must") for t in terms)
    # every proposed term has a rendering the translations share
    assert all(t.renderings and t.renderings[0].units >= 2 for t in extract(units, source, "de", limit=15).terms)


def test_c_value_ranks_a_phrase_over_the_word_it_holds():
    units = [Unit("Enter your email address.", "Geben Sie Ihre E-Mail-Adresse ein."),
             Unit("The email address is taken.", "Diese E-Mail-Adresse ist vergeben."),
             Unit("Email address:", "E-Mail-Adresse:"), Unit("Change the email address", "E-Mail-Adresse ändern"),
             Unit("Postal address", "Postanschrift"), Unit("IP address", "IP-Adresse")]
    terms = extract(units, "en", "de", limit=5, min_units=2).terms
    names = [t.source for t in terms]
    assert names[0] == "email address" and terms[0].renderings[0].text == "E-Mail-Adresse"
    # "address" alone counts only for its uses outside "email address"
    assert "address" not in names[:1]


def test_a_unit_repeated_in_several_catalogs_counts_once():
    unit = Unit("Save", "Sichern")
    result = extract([unit] * 5 + [Unit("Save all", "Alles sichern")], "en", "de", limit=5, min_units=2)
    assert result.units == 2


def test_format_codes_and_placeables_are_no_terms():
    units = [Unit(f"Use YYYY-MM-DD for the date {'￼' * 3} field {i}", f"Verwenden Sie YYYY-MM-DD für das Datum {i}")
             for i in range(4)]
    names = {t.source for t in extract(units, "en", "de", limit=20, min_units=2).terms}
    assert "date" in names and not names & {"YYYY", "MM", "DD", "YYYY-MM-DD"}


def test_compound_parts_count_as_renderings_in_german():
    units = [Unit("Glossary", "Glossar"), Unit("Glossary entry", "Glossareintrag"),
             Unit("Glossary files", "Glossardateien"), Unit("Reference glossaries", "Referenzglossare"),
             Unit("Other", "Andere")]
    (found,) = extract(units, "en", "de", known=[("glossary", "glossary")], limit=0, min_units=2).known
    assert found.renderings[0].text == "Glossar" and found.renderings[0].units == 4


def test_a_longer_phrase_rendering_a_neighbouring_source_word_is_not_taken():
    units = [Unit("Fuzzy match", "Fuzzy Match"), Unit("Insert fuzzy match", "Fuzzy Match einfügen"),
             Unit("Best fuzzy match", "Bester Fuzzy Match"), Unit("Exact match", "Exakter Match"),
             Unit("Glossary match", "Glossar-Match"), Unit("Match found", "Match gefunden")]
    (found,) = extract(units, "en", "de", known=[("match", "match")], limit=0, min_units=2).known
    assert found.renderings[0].text == "Match"


def test_english_candidates_need_a_noun_head():
    side = Phrases("en")
    assert side.term_shaped("email address") and side.term_shaped("username")
    assert not side.term_shaped("Please enter") and not side.term_shaped("changed successfully")


def test_the_target_language_matches_exactly(tmp_path):
    for tag, word in (("es", "contraseña"), ("es_AR", "clave")):
        d = tmp_path / tag / "LC_MESSAGES"
        d.mkdir(parents=True)
        entries = "".join(f'msgid "Password {i}"\nmsgstr "{word} {i}"\n\n' for i in range(3))
        (d / "django.po").write_text(f'msgid ""\nmsgstr ""\n"Language: {tag}\\n"\n\n{entries}', encoding="utf-8")
    units, _, _, files = bilingual_units([str(tmp_path)], "es")
    assert files == 1 and {u.target.split()[0] for u in units} == {"contraseña"}
    units, _, _, files = bilingual_units([str(tmp_path)], "es-AR")
    assert files == 1 and {u.target.split()[0] for u in units} == {"clave"}


def test_tmx_units_are_read():
    units, errors, source, files = bilingual_units([str(REAL / "tmx" / "omegat-de.tmx")], "de")
    assert files == 1 and not errors and source == "en" and len(units) > 100
    (found,) = extract(units, source, "de", known=[("folder", "folder")], limit=0, min_units=2).known
    assert found.renderings[0].text == "Ordner"
