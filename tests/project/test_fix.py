"""`check --fix` / `--diff`: forbidden renderings replaced byte for byte, nothing else touched."""

from __future__ import annotations

import dataclasses
import os
import stat

import polib
import pytest

from checker.matching.corpus import match_document
from checker.documents import read_document
from checker.project.fix import plan_fixes, plan_paths
from checker.project.fix.diff import render_diff
from checker.project.fix.plan import CHANGED
from checker.project.fix.replacement import case_pattern
from checker.project.fix.write import apply_fixes
from checker.glossary import parse_glossary
from checker.matching.matcher import Matcher
from tests.conftest import KYIV_GLOSSARY

GLOSSARY = KYIV_GLOSSARY + """\
  - id: indivisible-security
    renderings:
      en: {preferred: indivisible security, forbidden: [undivided security]}
"""


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(parse_glossary(GLOSSARY))


def read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def fix(paths: list[str], matcher: Matcher, **options):
    plan = plan_paths(paths, matcher, **options)
    return plan, apply_fixes(plan)


# --- plain text ---------------------------------------------------------------------------


def test_text_bom_crlf_permissions(write, matcher):
    before = (
        "Kiev is the capital.\r\n"
        "KIEV, kiev and Kiev's.\r\n"
        "\r\n"
        "Undivided Security matters; we want undivided\r\n"
        "security, Undivided security and kIEV.\r\n"
    )
    after = (
        "Kyiv is the capital.\r\n"
        "KYIV, kyiv and Kiev's.\r\n"
        "\r\n"
        "Indivisible Security matters; we want indivisible\r\n"
        "security, Indivisible security and kIEV.\r\n"
    )
    path = write("en/letter.txt", b"\xef\xbb\xbf" + before.encode("utf-8"))
    os.chmod(path, 0o640)
    plan, errors = fix([path], matcher)
    assert errors == [] and plan.errors == []
    assert read(path) == b"\xef\xbb\xbf" + after.encode("utf-8")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert [(e.line, e.column, e.old, e.new, e.term_id) for e in plan.edits[path]] == [
        (1, 1, "Kiev", "Kyiv", "kyiv"),
        (2, 1, "KIEV", "KYIV", "kyiv"),
        (2, 7, "kiev", "kyiv", "kyiv"),
        (4, 1, "Undivided Security", "Indivisible Security", "indivisible-security"),
        (4, 37, "undivided\nsecurity", "indivisible\nsecurity", "indivisible-security"),
        (5, 11, "Undivided security", "Indivisible security", "indivisible-security"),
    ]
    skipped = {(s.line, s.column, s.text): s.reason for s in plan.skipped}
    assert skipped.keys() == {(2, 16, "Kiev's"), (5, 34, "kIEV")}
    assert "inflected" in skipped[(2, 16, "Kiev's")]
    assert "case" in skipped[(5, 34, "kIEV")]
    assert plan.messages()[0] == f"{path}:2:16: not fixed [kyiv]: 'Kiev's': inflected form of 'Kiev'; fix by hand"
    assert plan.summary() == "6 fixes in 1 file; 2 not fixed"
    # No temporary file is left behind.
    assert os.listdir(os.path.dirname(path)) == ["letter.txt"]


def test_idempotent(write, matcher):
    path = write("en/letter.txt", "Kiev, KIEV and Kiev's.\nUndivided Security.\n")
    fix([path], matcher)
    once = read(path)
    assert once == b"Kyiv, KYIV and Kiev's.\nIndivisible Security.\n"
    plan, errors = fix([path], matcher)
    assert plan.files == {} and errors == []
    assert [s.text for s in plan.skipped] == ["Kiev's"]
    assert read(path) == once


def test_other_encoding_kept(write, matcher):
    before = "Gr\u00fc\u00dfe aus Kiev, caf\u00e9.\n"
    path = write("en/latin.txt", before.encode("cp1252"))
    doc = read_document(path)
    fix([path], matcher)
    assert read(path) == before.replace("Kiev", "Kyiv").encode(doc.encoding)


def test_utf16_with_bom(write, matcher):
    path = write("en/wide.txt", "\ufeffKiev\r\nand undivided security\r\n".encode("utf-16-le"))
    plan, errors = fix([path], matcher)
    assert errors == [] and plan.errors == []
    assert read(path) == "\ufeffKyiv\r\nand indivisible security\r\n".encode("utf-16-le")


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN = """\
# Kiev

Kiev is named in `Kiev` code and in [Kiev](https://example.com/Kiev "Kiev") links,
<span title="Kiev">and</span> https://example.org/Kiev too.

```
Kiev in a fence
```

    Kiev indented

> Undivided security, said
> Kiev.
"""


def test_markdown_prose_only(write, matcher):
    path = write("en/notes.md", MARKDOWN)
    plan, errors = fix([path], matcher)
    assert errors == [] and plan.errors == [] and plan.skipped == []
    expected = (
        MARKDOWN.replace("# Kiev", "# Kyiv")
        .replace("Kiev is named", "Kyiv is named")
        .replace("[Kiev]", "[Kyiv]")
        .replace('"Kiev")', '"Kyiv")')  # a link title is prose
        .replace("> Undivided security", "> Indivisible security")
        .replace("> Kiev.", "> Kyiv.")
    )
    assert read(path) == expected.encode("utf-8")
    assert "`Kiev`" in expected and "example.com/Kiev" in expected and "Kiev in a fence" in expected


# --- PO ------------------------------------------------------------------------------------------

PO = """\
# Translation of the letter.
# Copyright.
msgid ""
msgstr ""
"Project-Id-Version: letter 1.0\\n"
"Language: en\\n"
"X-Source-Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

# translator comment
#. extracted comment
#: letter.py:10 letter.py:12
#, python-format
msgid ""
"\u041a\u0438\u0435\u0432 \u0438 "
"\\"\u043d\u0435\u0434\u0435\u043b\u0438\u043c\u0430\u044f\\""
msgstr ""
"The \\"capital\\" is "
"Kiev; see %(ref)s \\\\ undivided "
"security, \\"Kiev\\"\\n"

msgctxt "menu"
msgid "\u0433\u043e\u0440\u043e\u0434"
msgid_plural "\u0433\u043e\u0440\u043e\u0434\u0430"
msgstr[0] "one city, KIEV"
msgstr[1] "cities, Kiev's"

#, fuzzy
msgid "\u0441\u0442\u0430\u0440\u044b\u0439"
msgstr "old Kiev"

msgid "\u043d\u0435\u0442"
msgstr "no term here"

#~ msgid "\u0441\u0442\u0430\u0440\u043e\u0435"
#~ msgstr "Kiev"
"""

PO_FIXED = (
    PO.replace('"Kiev; see %(ref)s \\\\ undivided "', '"Kyiv; see %(ref)s \\\\ indivisible security"')
    .replace('"security, \\"Kiev\\"\\n"', '", \\"Kyiv\\"\\n"')
    .replace('msgstr[0] "one city, KIEV"', 'msgstr[0] "one city, KYIV"')
)


def test_po_exact_bytes_and_polib(write, matcher):
    path = write("po/letter.po", PO.replace("\n", "\r\n"))
    plan, errors = fix([path], matcher)
    assert errors == [] and plan.errors == []
    assert read(path) == PO_FIXED.replace("\n", "\r\n").encode("utf-8")
    assert [(e.line, e.column, e.old, e.new) for e in plan.edits[path]] == [
        (20, 2, "Kiev", "Kyiv"),
        (20, 23, "undivided security", "indivisible security"),
        (21, 14, "Kiev", "Kyiv"),
        (26, 22, "KIEV", "KYIV"),
    ]
    assert [(s.line, s.column, s.text) for s in plan.skipped] == [(27, 20, "Kiev's")]
    old, new = polib.pofile(PO), polib.pofile(read(path).decode("utf-8").replace("\r\n", "\n"))
    assert new.metadata == old.metadata and new.header == old.header
    assert len(new) == len(old) == 5  # the obsolete entry included
    fields = ("msgctxt", "msgid", "msgid_plural", "comment", "tcomment", "occurrences", "flags", "obsolete")
    for a, b in zip(old, new):
        assert [getattr(a, f) for f in fields] == [getattr(b, f) for f in fields]
    assert new[0].msgstr == 'The "capital" is Kyiv; see %(ref)s \\ indivisible security, "Kyiv"\n'
    assert new[1].msgstr_plural == {0: "one city, KYIV", 1: "cities, Kiev's"}
    assert [e.msgstr for e in new[2:]] == [e.msgstr for e in old[2:]]  # fuzzy, untouched, obsolete


def test_po_fuzzy_only_when_checked(write, matcher):
    path = write("po/letter.po", PO)
    fix([path], matcher, include_fuzzy=True)
    assert read(path) == PO_FIXED.replace('msgstr "old Kiev"', 'msgstr "old Kyiv"').encode("utf-8")


def test_po_replacement_is_escaped(write):
    glossary = parse_glossary(
        'version: 1\nterms:\n  - id: q\n    renderings:\n      en: {preferred: \'say "hi"\\ now\', forbidden: [greet]}\n'
    )
    path = write("po/q.po", 'msgid ""\nmsgstr "Language: en\\n"\n\nmsgid "x"\nmsgstr "we greet you"\n')
    plan, errors = fix([path], Matcher(glossary))
    assert errors == [] and plan.errors == []
    assert read(path).endswith(b'msgstr "we say \\"hi\\"\\\\ now you"\n')
    assert polib.pofile(read(path).decode())[0].msgstr == 'we say "hi"\\ now you'


# --- XLIFF -----------------------------------------------------------------------------------------

XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="ru" target-language="en" datatype="plaintext" original="letter">
    <body>
      <trans-unit id="1">
        <source>\u041a\u0438\u0435\u0432</source>
        <target>Kiev &amp; KIEV &lt;here&gt;, undivided
          security</target>
      </trans-unit>
      <trans-unit id="2">
        <source>x</source>
        <target>Undivided <g id="b">Security</g> and Kiev's</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff(write, matcher):
    path = write("x/letter.xlf", XLIFF)
    plan, errors = fix([path], matcher)
    assert errors == [] and plan.errors == []
    expected = XLIFF.replace("Kiev &amp; KIEV", "Kyiv &amp; KYIV").replace(
        "undivided\n          security", "indivisible\n          security"
    )
    assert read(path) == expected.encode("utf-8")
    assert {(s.text, s.reason) for s in plan.skipped} == {
        ("Undivided Security", "spans inline markup; fix by hand"),
        ("Kiev's", "inflected form of 'Kiev'; fix by hand"),
    }


# --- diff, races, overlaps --------------------------------------------------------------------------


def test_diff_does_not_write(write, matcher):
    path = write("en/small.txt", "Kiev\nline two\nundivided security\n")
    plan = plan_paths([path], matcher)
    name = path.lstrip("/")
    assert render_diff(plan) == (
        f"--- a/{name}\n"
        f"+++ b/{name}\n"
        "@@ -1,3 +1,3 @@\n"
        "-Kiev\n"
        "+Kyiv\n"
        " line two\n"
        "-undivided security\n"
        "+indivisible security\n"
    )
    assert read(path) == b"Kiev\nline two\nundivided security\n"


def test_file_changed_before_apply_is_not_overwritten(write, matcher):
    path = write("en/letter.txt", "Kiev\n")
    plan = plan_paths([path], matcher)
    write("en/letter.txt", "Kiev, edited meanwhile\n")
    errors = apply_fixes(plan)
    assert errors == [f"{path}: error: {CHANGED}"]
    assert read(path) == b"Kiev, edited meanwhile\n"
    assert os.listdir(os.path.dirname(path)) == ["letter.txt"]


def test_file_changed_after_check_is_not_planned(write, matcher):
    path = write("en/letter.txt", "Kiev\n")
    matches = match_document(read_document(path), matcher, matcher.glossary)
    write("en/letter.txt", "Some words before Kiev\n")
    plan = plan_fixes([matches], matcher.glossary)
    assert plan.files == {} and plan.errors == [f"{path}: error: {CHANGED}"]
    assert read(path) == b"Some words before Kiev\n"


def test_overlapping_fixes_are_skipped(write, matcher):
    path = write("en/letter.txt", "In Kiev today, Kiev tomorrow.\n")
    dm = match_document(read_document(path), matcher, matcher.glossary)
    unit = dm.units[0]
    doubled = dataclasses.replace(unit, target=(unit.target[0], unit.target[0], unit.target[1]))
    plan = plan_fixes([dataclasses.replace(dm, units=(doubled,))], matcher.glossary)
    assert [(s.column, s.reason) for s in plan.skipped] == [(4, "overlaps another fix")] * 2
    assert [e.column for e in plan.edits[path]] == [16]


def test_symlink_is_written_through(write, matcher, tmp_path):
    path = write("en/real.txt", "Kiev\n")
    link = tmp_path / "en" / "link.txt"
    link.symlink_to("real.txt")
    fix([str(link)], matcher)
    assert link.is_symlink() and read(path) == b"Kyiv\n"


# --- case patterns ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (["kiev"], "lower"),
        (["KIEV"], "upper"),
        (["Kiev"], "first"),
        (["Undivided", "Security"], "title"),
        (["Undivided", "security"], "first"),
        (["undivided", "Security"], "mixed"),
        (["kIEV"], "mixed"),
        (["K"], "first"),
        (["\u57fa\u8f85"], "none"),
    ],
)
def test_case_pattern(words, pattern):
    assert case_pattern(words) == pattern


def test_mixed_case_written_as_in_glossary(write):
    glossary = parse_glossary(
        "version: 1\nterms:\n  - id: mc\n    renderings:\n      en: {preferred: McDonald's, forbidden: [McDonalds]}\n"
    )
    path = write("en/mc.txt", "McDonalds, MCDONALDS, mcdonalds, McDONALDS.\n")
    plan, _ = fix([path], Matcher(glossary))
    assert read(path) == b"McDonald's, MCDONALD'S, mcdonald's, McDONALDS.\n"
    assert [s.text for s in plan.skipped] == ["McDONALDS"]


def test_suppressed_rendering_is_left_alone(write, matcher):
    pytest.importorskip("checker.project.suppressions.scan")
    path = write("en/quote.txt", "Kiev (termcheck: ignore[forbidden-rendering:kyiv])\nKiev\n")
    plan, _ = fix([path], matcher)
    assert read(path) == b"Kiev (termcheck: ignore[forbidden-rendering:kyiv])\nKyiv\n"
    assert [(s.line, s.reason) for s in plan.skipped] == [(1, "suppressed by a termcheck: ignore marker")]
    plan = plan_paths([write("en/other.txt", "Kiev # termcheck: ignore[variant-rendering]\n")], matcher)
    assert len(plan.files) == 1  # a marker for another rule does not protect it


def test_verification_failure_writes_nothing(write):
    # A preferred rendering that Markdown would read as code cannot stand in for prose.
    glossary = parse_glossary(
        "version: 1\nterms:\n  - id: k\n    renderings:\n      en: {preferred: '`Kyiv`', forbidden: [Kiev]}\n"
    )
    path = write("en/notes.md", "In Kiev.\n")
    plan, errors = fix([path], Matcher(glossary))
    assert plan.files == {} and errors == []
    assert len(plan.errors) == 1 and plan.errors[0].startswith(f"{path}: error: verification failed: ")
    assert read(path) == b"In Kiev.\n"


def test_fix_leaves_placeables_alone(write, matcher):
    # A forbidden rendering inside a URL, an e-mail address or a format code is no word:
    # rewriting it would break the link or the program (issue 11).
    before = "Kiev: see https://kiev.example.org/Kiev, mail kiev@example.org, %(Kiev)s and {Kiev}.\n"
    after = "Kyiv: see https://kiev.example.org/Kiev, mail kiev@example.org, %(Kiev)s and {Kiev}.\n"
    path = write("en/links.txt", before)
    plan, errors = fix([path], matcher)
    assert errors == [] and plan.errors == []
    assert read(path).decode("utf-8") == after
