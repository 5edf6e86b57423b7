"""What issue 11 saw on real catalogs (Django's PO, Symfony's XLIFF), each as a test."""

from __future__ import annotations

import pytest

from checker.documents import read_document
from checker.glossary import parse_glossary
from checker.language import normalise_tag, same_language
from checker.pipeline import CheckOptions, run_check

GLOSSARY = parse_glossary(
    """
version: 1
terms:
  - id: object
    renderings: {en: object, de: Objekt, zh: 对象, nb: objekt}
  - id: field
    renderings: {en: field, de: Feld}
  - id: width
    renderings: {en: width, de: Breite}
  - id: password
    renderings:
      en: password
      de: {preferred: Passwort, forbidden: [Kennwort]}
  - id: free-software
    renderings: {en: free software, de: freie Software}
""",
    "glossary.yml",
)


def po(language: str | None, *entries: tuple[str, str], flags: str = "") -> str:
    header = 'msgid ""\nmsgstr ""\n'
    if language is not None:
        header += f'"Language: {language}\\n"\n'
    header += '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    body = "".join(
        (f"#, {flags}\n" if flags else "") + f'msgid "{src}"\nmsgstr "{tgt}"\n\n' for src, tgt in entries
    )
    return header + body


def check(paths, **options):
    return run_check([str(p) for p in paths], GLOSSARY, CheckOptions(**options))


def rules(result) -> list[tuple[str, str | None]]:
    return [(f.rule, f.term) for f in result.findings]


# --- placeables are never words ---------------------------------------------


def test_placeholder_names_are_not_terms_in_sources(write):
    path = write(
        "locale/de/LC_MESSAGES/django.po",
        po(
            "de",
            ("Added “%(object)s”.", "„%(object)s“ hinzugefügt."),
            ("Please correct the duplicate data for {fields}.", "Bitte die doppelten Daten für {fields} korrigieren."),
            ("Maximum {{ width }} pixels.", "Höchstens {{ width }} Pixel."),
            flags="python-format",
        ),
    )
    assert rules(check([path])) == []


def test_a_term_outside_the_placeholder_still_counts(write):
    path = write("locale/de/LC_MESSAGES/django.po", po("de", ("The object %(object)s was saved.", "%(object)s wurde gespeichert.")))
    assert rules(check([path])) == [("missing-rendering", "object")]


def test_urls_and_email_addresses_in_plain_text_are_not_matched(write):
    path = write(
        "en/license.txt",
        "See <https://fsf.org/free-software/password/> or write to password@fsf.org for a Free Software copy.",
    )
    result = check([path])
    found = {(t.term_id, t.occurrences) for t in result.terms}
    assert found == {("free-software", 1)}


def test_forbidden_rendering_inside_markup_is_not_reported(write):
    path = write(
        "locale/de/LC_MESSAGES/django.po",
        po("de", ('Open <a href=\\"/kennwort/\\">the password page</a>', 'Öffne <a href=\\"/kennwort/\\">die Passwortseite</a>')),
    )
    assert ("forbidden-rendering", "password") not in rules(check([path]))


# --- wrong-language ---------------------------------------------------------


def test_a_target_dense_with_placeholders_is_not_judged(write):
    source = '<a href=\\"%(url)s\\">%(name)s</a> %(count)s object(s) in %(model)s, see {{ link }} and {fields}'
    target = '<a href=\\"%(url)s\\">%(name)s</a> %(count)s 个对象在 %(model)s 中，见 {{ link }} 和 {fields}'
    path = write("locale/zh_Hans/LC_MESSAGES/django.po", po("zh_Hans", (source, target), flags="python-format"))
    assert [f for f in check([path]).findings if f.rule == "wrong-language"] == []


def test_norwegian_bokmal_is_norwegian(write):
    text = "Dette er en lang norsk tekst om hvordan man endrer passordet sitt i administrasjonsgrensesnittet."
    path = write("locale/nb/LC_MESSAGES/django.po", po("nb", (text, text)))
    assert [f for f in check([path]).findings if f.rule == "wrong-language"] == []
    assert same_language("no", "nb") and same_language("nn", "no") and same_language("zh-CN", "zh-Hans")


def test_an_untranslated_target_is_still_reported(write):
    text = "The password you entered is too similar to your user name and cannot be used here."
    path = write("locale/de/LC_MESSAGES/django.po", po("de", (text, text)))
    assert [f.rule for f in check([path]).findings if f.rule == "wrong-language"] == ["wrong-language"]


def test_languages_without_a_detection_model_are_listed_as_unverified(write):
    text = "Þetta er löng íslensk setning um hvernig notandi breytir lykilorðinu sínu í kerfinu."
    path = write("locale/is/LC_MESSAGES/django.po", po("is", (text, text)))
    result = check([path])
    assert [f for f in result.findings if f.rule == "wrong-language"] == []
    assert result.unverified_languages == {"is": 1}


# --- where a language comes from ----------------------------------------------


@pytest.mark.parametrize(
    "header, expected",
    [("deu", "de"), ("de_DE.UTF-8", "de-DE"), ("ca@valencia", "ca-valencia"), ("sr@latin", "sr-Latn"),
     ("pt_BR", "pt-BR"), ("zh_Hans", "zh-Hans"), ("fil", "fil")],
)
def test_po_language_headers_are_mapped_to_bcp47(write, header, expected):
    assert normalise_tag(header) == expected
    doc = read_document(write("app.po", po(header, ("Save", "Speichern"))))
    assert (doc.language, doc.language_source) == (expected, "header")


def test_an_unmappable_header_is_reported(write):
    path = write("de/app.po", po("Deutsch", ("Save", "Speichern")))
    result = check([path])
    (finding,) = [f for f in result.findings if f.rule == "unknown-language"]
    assert finding.line == 3
    assert "'Language: Deutsch' is not a language tag; used 'de' from the path" in finding.message


def test_a_file_whose_language_cannot_be_settled_is_reported(write):
    path = write("messages.po", po(None, ("Password", "Kennwort")))
    result = check([path])
    assert rules(result) == [("unknown-language", None)]
    assert "its terms were not checked" in result.findings[0].message
    # given the language, the forbidden rendering is found
    assert ("forbidden-rendering", "password") in rules(check([path], lang="de"))


def test_lang_option_wins_over_a_path_guess(write):
    path = write("docs/ro/readme.txt", "A password.")
    doc = read_document(path, lang="en")
    assert (doc.language, doc.language_source) == ("en", "option")


@pytest.mark.parametrize(
    "language, source, target",
    [
        # Django's gis catalog: a translation keeping product and type names
        ("nb", "The base Geometry field — maps to the OpenGIS Specification Geometry type.",
         "Geometry-basefeltet - tilordnes til OpenGIS Specification Geometry-typen."),
        # Django's Swedish catalog, which langdetect reads as Norwegian
        ("sv", "“%(value)s” value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.",
         "“%(value)s” har ett ogiltigt format. Det måste vara i formatet YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]."),
        # Django's Japanese flatpages catalog, read as Catalan because of its file names
        ("ja", "Example: “flatpages/contact_page.html”. If this isn’t provided, the system will use “flatpages/default.html”.",
         "例: “flatpages/contact_page.html”. 指定しなければ、デフォルト値の “flatpages/default.html” を使います。"),
    ],
)
def test_real_translations_langdetect_confuses_are_not_reported(write, language, source, target):
    path = write(f"locale/{language}/LC_MESSAGES/django.po", po(language, (source, target), flags="python-format"))
    assert [f for f in check([path]).findings if f.rule == "wrong-language"] == []


def test_files_of_other_languages_are_not_parsed(write, monkeypatch):
    # `languages = ["de"]`: the French catalog is known from its header and never parsed.
    import checker.documents as documents

    de = write("locale/de/LC_MESSAGES/django.po", po("de", ("Password", "Kennwort")))
    fr = write("locale/xx/LC_MESSAGES/django.po", po("fr", ("Password", "Mot de passe")))
    text = write("fr/notes.txt", "Le mot de passe.")
    read = []
    original = documents.read_document
    monkeypatch.setattr("checker.pipeline.map_step.read_document", lambda path, **kw: read.append(path) or original(path, **kw))
    result = check([de, fr, text], languages=("de",))
    assert read == [de]
    assert [d.path for d in result.documents] == [de]
    assert sorted(rules(result)) == [("forbidden-rendering", "password"), ("missing-rendering", "password")]
