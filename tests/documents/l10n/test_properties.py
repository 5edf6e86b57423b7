"""Java .properties bundles (Hibernate Validator's ValidationMessages, from Debian's
libhibernate-validator-java): ValidationMessages_de.properties paired with the English
default bundle, through the empty ValidationMessages_en.properties."""

from __future__ import annotations

from checker.documents import read_document
from checker.documents.l10n.pairing import path_language
from tests.documents.l10n.conftest import assert_fix_undoes, check_sample, findings, plant, where

BUNDLE = "org/hibernate/validator"


def test_entries_unescaped_and_paired_with_the_default_bundle(sample):
    root = sample("properties") / BUNDLE
    doc = read_document(str(root / "ValidationMessages_de.properties"))
    assert (doc.format, doc.language, doc.language_source, doc.source_language) == ("properties", "de", "path", "en")
    units = {s.unit_id: s for s in doc.segments}
    card = units["org.hibernate.validator.constraints.CreditCardNumber.message"]
    assert card.text == "ungültige Kreditkartennummer"
    assert card.source == "invalid credit card number"
    # ValidationMessages_en.properties is empty: the keys come from the default bundle
    assert card.source_path.endswith("ValidationMessages.properties")


def test_positions_are_exact_after_unicode_escapes(sample):
    path = sample("properties") / BUNDLE / "ValidationMessages_de.properties"
    doc = read_document(str(path))
    email = next(s for s in doc.segments if s.unit_id.endswith("Email.message"))
    assert email.position(email.text.index("E-Mail")) == where(path, "E-Mail")  # after g\u00FCltige


def test_continuation_lines_and_escaped_separators(tmp_path):
    path = tmp_path / "app_de.properties"
    path.write_text("# Title\nwelcome\\:title = Willkommen im \\\n    Konto \\u00fcber\nempty=\n", encoding="utf-8")
    doc = read_document(str(path))
    [seg] = doc.segments
    assert (seg.unit_id, seg.text, seg.comments) == ("welcome:title", "Willkommen im Konto über", ("Title",))
    assert seg.position(seg.text.index("Konto")) == (3, 5)
    assert seg.position(seg.text.index("über")) == (3, 11)


def test_latin1_file(tmp_path):
    path = tmp_path / "app_de.properties"
    path.write_bytes("title = Gr\xfc\xdfe\n".encode("latin-1"))
    doc = read_document(str(path))
    assert (doc.encoding, doc.segments[0].text) == ("latin-1", "Grüße")


def test_clean_bundles_give_no_finding(sample):
    root = sample("properties")
    assert findings(check_sample(root)) == []


def test_planted_forbidden_and_missing_renderings_are_found_where_they_are(sample):
    root = sample("properties")
    de = root / BUNDLE / "ValidationMessages_de.properties"
    plant(de, "keine g\\u00FCltige E-Mail-Adresse", "keine g\\u00FCltige Email-Adresse")
    plant(de, "= muss in der Zukunft liegen", "= muss sp\\u00E4ter liegen")
    assert findings(check_sample(root)) == [
        ("ValidationMessages_de.properties", *where(de, "muss sp"), "missing-rendering", "future"),
        ("ValidationMessages_de.properties", *where(de, "keine g"), "missing-rendering", "email-address"),
        ("ValidationMessages_de.properties", *where(de, "Email-Adresse"), "forbidden-rendering", "email-address"),
    ]


def test_fix_writes_only_the_replacement(sample):
    root = sample("properties")
    de = root / BUNDLE / "ValidationMessages_de.properties"
    assert_fix_undoes(root, (de, "keine g\\u00FCltige E-Mail-Adresse", "keine g\\u00FCltige Email-Adresse"))


def test_a_comment_above_a_key_suppresses_it(sample):
    root = sample("properties")
    de = root / BUNDLE / "ValidationMessages_de.properties"
    plant(de, "keine g\\u00FCltige E-Mail-Adresse", "keine g\\u00FCltige Email-Adresse")
    plant(de, "org.hibernate.validator.constraints.Email.message",
          "# termcheck: ignore[forbidden-rendering]\norg.hibernate.validator.constraints.Email.message")
    assert [f for f in findings(check_sample(root)) if f[3] == "forbidden-rendering"] == []


def test_bundle_languages(tmp_path):
    (tmp_path / "messages.properties").write_text("a=b\n")
    (tmp_path / "messages_pt_BR.properties").write_text("a=b\n")
    (tmp_path / "gradle.properties").write_text("org.gradle.jvmargs=-Xmx2g\n")
    assert path_language(str(tmp_path / "messages_pt_BR.properties"), "properties", "en") == "pt-BR"
    assert path_language(str(tmp_path / "messages.properties"), "properties", "en") == "en"
    assert path_language(str(tmp_path / "gradle.properties"), "properties", "en") is None


def test_a_walk_skips_configuration_properties(tmp_path):
    from checker.documents import iter_paths

    (tmp_path / "messages.properties").write_text("a=b\n")
    (tmp_path / "messages_de.properties").write_text("a=b\n")
    (tmp_path / "gradle.properties").write_text("org.gradle.jvmargs=-Xmx2g\n")
    assert [p.rsplit("/", 1)[1] for p in iter_paths([str(tmp_path)])] == ["messages.properties", "messages_de.properties"]
