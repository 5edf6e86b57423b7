"""TMX reader: units and languages, inline codes, exact positions, encodings, refusals,
multilingual memories and --lang, and `termcheck check` / `--fix` on TMX files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checker.documents import SUFFIXES, ReadError, iter_paths, read_document
from checker.documents.xmltext import OBJECT
from tests.conftest import termcheck
from tests.documents.conftest import check_json

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "tmx"

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="x"
          adminlang="en" srclang="en-US" datatype="plaintext">
    <note>A note on the whole memory, not on a unit</note>
  </header>
  <body>
    <tu tuid="save-file">
      <note>Menu item</note>
      <prop type="x-context">File menu</prop>
      <tuv xml:lang="en-US"><seg>Save the <bpt i="1">&lt;b&gt;</bpt>file<ept i="1">&lt;/b&gt;</ept> now</seg></tuv>
      <tuv xml:lang="de-DE"><note>checked</note><seg>Die <bpt i="1">&lt;b&gt;</bpt>Datei<ept i="1">&lt;/b&gt;</ept> &amp; jetzt<ph x="2">&lt;br/&gt;</ph>speichern</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-us"><seg>Open the <hi type="b">file</hi><it pos="begin">{\\b</it></seg></tuv>
      <tuv xml:lang="de-de"><seg>Die <hi type="b">Datei</hi><it pos="begin">{\\b</it> öffnen<ut>{\\i}</ut>
zweite Zeile</seg></tuv>
    </tu>
    <tu tuid="no-target"><tuv xml:lang="en-US"><seg>Only a source</seg></tuv></tu>
    <tu tuid="empty"><tuv xml:lang="en-US"><seg>Empty</seg></tuv><tuv xml:lang="de-DE"><seg> </seg></tuv></tu>
    <tu><tuv xml:lang="de-DE"><seg>Keine Quelle</seg></tuv></tu>
  </body>
</tmx>
"""

GLOSSARY = """version: 1
terms:
  - id: file
    renderings:
      en: file
      de: {preferred: Datei, forbidden: [Akte]}
  - id: save
    renderings:
      en: save
      de: speichern
"""


def at(content: str, line: int, column: int) -> str:
    """The file's text from line:column on."""
    return content.split("\n")[line - 1][column - 1 :]


# -- what is read -------------------------------------------------------------------------


def test_units_inline_codes_and_comments(write):
    doc = read_document(write("tm/app.tmx", TMX))
    assert (doc.format, doc.bilingual) == ("tmx", True)
    assert (doc.language, doc.language_source, doc.source_language) == ("de-DE", "header", "en-US")
    assert [(s.unit_id, s.source, s.text) for s in doc.segments] == [
        # <bpt>/<ept> contribute nothing, <ph> is one placeholder, <hi> text counts
        ("save-file", "Save the file now", "Die Datei & jetzt" + OBJECT + "speichern"),
        # no tuid: the unit's ordinal among all <tu>s; <it> is a placeholder, <ut> dropped
        ("tu-2", "Open the file" + OBJECT, "Die Datei" + OBJECT + " öffnen\nzweite Zeile"),
        ("tu-5", None, "Keine Quelle"),  # a target without a source is still checked
    ]
    # notes and properties of the unit and of its variants; not the header's
    assert doc.segments[0].comments == ("Menu item", "x-context: File menu", "checked")
    assert doc.segments[1].comments == ()


def test_positions_are_exact_across_codes_entities_and_lines(write):
    doc = read_document(write("tm/app.tmx", TMX))
    first, second, _ = doc.segments
    for word in ("Die", "Datei", "jetzt", "speichern"):
        assert at(TMX, *first.position(first.text.index(word))).startswith(word)
    assert at(TMX, *first.position(first.text.index("&"))).startswith("&amp;")
    assert at(TMX, *first.position(first.text.index(OBJECT))).startswith("<ph ")
    assert at(TMX, first.source_line, first.source_column).startswith("Save the")
    assert at(TMX, *second.position(second.text.index("öffnen"))).startswith("öffnen")
    assert second.position(second.text.index("zweite")) == (18, 1)


def test_language_tags_are_compared_like_elsewhere(write):
    # srclang "*all*": the first variant's language; TMX 1.1 writes `lang`, not xml:lang.
    content = (
        '<tmx version="1.1"><header srclang="*all*"/><body>'
        '<tu><tuv lang="EN"><seg>file</seg></tuv><tuv lang="FR-CA"><seg>fichier</seg></tuv></tu>'
        '<tu><tuv lang="fr"><seg>dossier</seg></tuv><tuv lang="en"><seg>folder</seg></tuv></tu>'
        "</body></tmx>"
    )
    doc = read_document(write("tm/old.tmx", content))
    assert (doc.source_language, doc.language) == ("en", "fr")  # fr and fr-CA once each: the tag sorted first
    assert [(s.source, s.text) for s in doc.segments] == [("file", "fichier"), ("folder", "dossier")]


# -- multilingual memories and --lang -------------------------------------------------------

MULTI = """<tmx version="1.4"><header srclang="en"/><body>
<tu tuid="a"><tuv xml:lang="en"><seg>file</seg></tuv><tuv xml:lang="de"><seg>Datei</seg></tuv>
<tuv xml:lang="fr"><seg>fichier</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="en"><seg>folder</seg></tuv><tuv xml:lang="de"><seg>Ordner</seg></tuv></tu>
</body></tmx>
"""


def test_a_multilingual_memory_needs_lang(write):
    path = write("tm/multi.tmx", MULTI)
    with pytest.raises(ReadError) as e:
        read_document(path)
    assert str(e.value) == f"{path}:3:1: holds en, de, fr; choose the target language with --lang"
    doc = read_document(path, lang="fr")
    assert (doc.language, [(s.unit_id, s.text) for s in doc.segments]) == ("fr", [("a", "fichier")])
    doc = read_document(path, lang="de-AT")  # regions aside, as a glossary's languages are
    assert [s.text for s in doc.segments] == ["Datei", "Ordner"]
    with pytest.raises(ReadError, match=r"holds en, de, fr; --lang es names none of its target languages"):
        read_document(path, lang="es")


def test_lang_cannot_override_a_two_language_memory(write):
    # Like an XLIFF target language, the file's own other language wins over --lang.
    doc = read_document(write("tm/app.tmx", TMX), lang="fr")
    assert doc.language == "de-DE"


def test_the_cli_reports_a_multilingual_memory_and_checks_it_with_lang(write):
    g = write("glossary.yml", GLOSSARY)
    path = write("tm/multi.tmx", MULTI)
    other = write("tm/app.tmx", TMX.replace("Die <bpt", "Die Akte <bpt"))
    code, report = check_json("-g", g, path, other)
    assert code == 1
    # one bad file never stops the others: app.tmx is still checked
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in report["findings"]] == [
        ("forbidden-rendering", other, 13, 58),
        ("read-error", path, 3, 1),
    ]
    assert "choose the target language with --lang" in report["findings"][1]["message"]
    code, report = check_json("-g", g, "--lang", "de", path)
    assert (code, report["findings"]) == (0, [])


# -- termcheck check on TMX -----------------------------------------------------------------


def test_check_finds_a_planted_forbidden_rendering_and_a_missing_one_exactly(write):
    g = write("glossary.yml", GLOSSARY)
    content = TMX.replace("Die <bpt", "Die Akte <bpt").replace(
        "speichern</seg>", "sichern</seg>"
    )
    path = write("tm/app.tmx", content)
    code, report = check_json("-g", g, path)
    assert code == 1
    found = [(f["rule"], f["term"], f["line"], f["column"]) for f in report["findings"]]
    assert found == [
        ("missing-rendering", "save", 13, 54),  # the target text, from its first character
        ("forbidden-rendering", "file", 13, 58),
    ]
    assert at(content, 13, 58).startswith("Akte <bpt")
    assert at(content, 13, 54).startswith("Die Akte")
    assert report["documents"][0]["format"] == "tmx"


def test_a_clean_memory_gives_no_finding(write):
    code, report = check_json("-g", write("glossary.yml", GLOSSARY), write("tm/app.tmx", TMX))
    assert (code, report["findings"]) == (0, [])


def test_a_marker_in_a_unit_note_suppresses_its_findings(write):
    g = write("glossary.yml", GLOSSARY)
    content = TMX.replace("Die <bpt", "Die Akte <bpt").replace(
        "<note>Menu item</note>", "<note>termcheck: ignore[forbidden-rendering:file] a quotation</note>"
    )
    code, report = check_json("-g", g, write("tm/app.tmx", content))
    assert (code, report["findings"]) == (0, [])


def test_utf16_with_bom_is_read_and_fixed_in_place(write):
    content = TMX.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace("Die <bpt", "Die Akte <bpt")
    data = content.encode("utf-16")  # with BOM, as Trados and memoQ write TMX
    path = write("tm/app.tmx", data)
    doc = read_document(path)
    assert doc.encoding == "utf-16"
    assert doc.segments[0].text.startswith("Die Akte Datei")
    g = write("glossary.yml", GLOSSARY)
    code, report = check_json("-g", g, path)
    assert code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [("forbidden-rendering", 13, 58)]
    result = termcheck("check", "-g", g, "--fix", path)
    assert "1 fix in 1 file" in result.output
    # byte-exact outside the replaced word: the BOM, the encoding and every other byte kept
    assert Path(path).read_bytes() == content.replace("Akte", "Datei", 1).encode("utf-16")


def test_utf32_with_bom_and_utf8_with_bom(write):
    # expat reads no UTF-32: it is decoded first, its declaration blanked, columns kept
    utf32 = read_document(write("tm/a.tmx", TMX.replace('"UTF-8"', '"UTF-32"').encode("utf-32")))
    utf8 = read_document(write("tm/b.tmx", b"\xef\xbb\xbf" + TMX.encode("utf-8")))
    assert (utf32.encoding, utf8.encoding) == ("utf-32", "utf-8")
    for doc in (utf32, utf8):
        assert [(s.text, s.line, s.column) for s in doc.segments] == [
            (s.text, s.line, s.column) for s in read_document(write("tm/c.tmx", TMX)).segments
        ]


def test_fix_replaces_only_the_forbidden_word(write):
    content = TMX.replace("Die <bpt", "Die Akte <bpt")
    path = write("tm/app.tmx", content.encode("utf-8"))
    termcheck("check", "-g", write("glossary.yml", GLOSSARY), "--fix", path)
    assert Path(path).read_bytes() == content.replace("Akte", "Datei", 1).encode("utf-8")


# -- what is refused --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ('<tmx version="1.4"><header srclang="en"/>\n<body><tu><tuv xml:lang="de"><seg>a</tuv>', "malformed XML: mismatched tag", 2),
        ("", "malformed XML: no element found", 1),
        ('<?xml version="1.0"?>\n<map version="1.0" orientation="orthogonal"/>', "not a TMX file (root element <map>)", 2),
        ('<tmx version="1.4"><header srclang="en"/><body>\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>', "a <tuv> without xml:lang", 2),
    ],
)
def test_bad_files_give_one_line_with_file_and_line(write, content, message, line):
    path = write("tm/bad.tmx", content)
    with pytest.raises(ReadError) as e:
        read_document(path)
    assert e.value.message.startswith(message) and e.value.line == line
    assert "\n" not in str(e.value) and str(e.value).startswith(f"{path}:{line}:")


def test_entity_declarations_are_refused(write):
    content = (
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY lol "lol">]>\n<tmx version="1.4"><header srclang="en"/>'
        '<body><tu><tuv xml:lang="en"><seg>&lol;</seg></tuv><tuv xml:lang="de"><seg>a</seg></tuv></tu></body></tmx>'
    )
    with pytest.raises(ReadError) as e:
        read_document(write("tm/lol.tmx", content))
    assert e.value.message == "refused: XML entity declarations are not allowed (entity 'lol')"
    assert e.value.line == 2


# -- where TMX is known ---------------------------------------------------------------------


def test_tmx_files_are_found_and_hooked(tmp_path, root):
    assert SUFFIXES[".tmx"] == "tmx"
    (tmp_path / "tm").mkdir()
    (tmp_path / "tm" / "memory.TMX").write_text(TMX, encoding="utf-8")
    assert list(iter_paths([str(tmp_path)])) == [(tmp_path / "tm" / "memory.TMX").as_posix()]
    hook = (root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    pattern = re.search(r"^\s*files:\s*(\S+)", hook, re.M).group(1)  # type: ignore[union-attr]
    assert re.search(pattern, "translations/memory.tmx")


# -- real memories ----------------------------------------------------------------------------


def test_omegat_project_memory(tmp_path):
    """OmegaT's own German localisation (TMX 1.1, `lang` attributes, properties on units)."""
    path = str(REAL / "omegat-de.tmx")
    doc = read_document(path)
    assert (doc.language, doc.source_language, len(doc.segments)) == ("de", "en", 184)
    content = (REAL / "omegat-de.tmx").read_text(encoding="utf-8")
    for seg in doc.segments:
        assert content.split("\n")[seg.line - 1][: seg.column - 1].endswith("<seg>")
    last = doc.segments[-1]
    assert last.comments[0] == "file: doc_src/Windows_Scripts.xml"
    glossary = tmp_path / "glossary.yml"
    glossary.write_text(
        "version: 1\nterms:\n  - id: segment\n    renderings:\n      en: segment\n      de: Segment\n",
        encoding="utf-8",
    )
    code, report = check_json("-g", str(glossary), path)
    assert code == 1
    missing = [(f["line"], f["column"]) for f in report["findings"] if f["rule"] == "missing-rendering"]
    # "A given source segment may require ..." rendered "Ein bestimmter Quelltext ..."
    assert (193, 14) in missing
    assert at(content, 193, 14).startswith("Ein bestimmter Quelltext")


def test_xml_tmx_sample_with_notes_properties_and_a_doctype():
    """XML::TMX's test memory: EN-GB -> PT-PT, notes and properties on units and variants."""
    doc = read_document(str(REAL / "xml-tmx-sample.tmx"))
    assert (doc.language, doc.source_language, len(doc.segments)) == ("pt-PT", "en-GB", 7)
    first = doc.segments[0]
    assert first.comments == ("tu_nr: 1", "tu nr 1", "tuv_nr: 1", "tuv nr 1 en", "tuv_nr: 2", "tuv nr 2 pt")
    content = (REAL / "xml-tmx-sample.tmx").read_text(encoding="utf-8")
    assert at(content, *first.position(first.text.index("vontade"))).startswith("vontade")


def test_weblate_multilingual_memory_with_a_bom():
    path = str(REAL / "weblate-memory.tmx")
    with pytest.raises(ReadError, match="holds de-DE, cs-CZ, en-US; choose the target language with --lang"):
        read_document(path)
    doc = read_document(path, lang="cs")
    assert (doc.language, doc.source_language) == ("cs-CZ", "de-DE")
    assert [(s.source, s.text, s.line) for s in doc.segments] == [
        ("Wenn die Logfunktion installiert ist", "Pokud je nainstalované logování", 14)
    ]


def test_real_samples_are_small():
    for name in os.listdir(REAL):
        if name.endswith(".tmx"):
            data = (REAL / name).read_bytes()
            assert len(data) <= 100_000 and len(re.findall(rb"<tu[\s>]", data)) <= 200, name
