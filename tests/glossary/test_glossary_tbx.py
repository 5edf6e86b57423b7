"""TBX export and import: CAT tools' term exchange format, and the XML attacks it must refuse."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.glossary import GlossaryError, GlossaryIOError, load_glossary, parse_glossary
from checker.glossary.data import glossary_data
from checker.glossary.dump import dump_glossary
from checker.glossary.tbx import export_tbx
from checker.glossary.tbx_import import import_tbx

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "tbx"
XML = "{http://www.w3.org/XML/1998/namespace}"


def content(glossary_or_data) -> list:
    """What must survive a round trip: ids, notes, case flags, per language (text, status)."""
    data = glossary_or_data if isinstance(glossary_or_data, dict) else glossary_data(glossary_or_data)
    return [
        (
            t["id"],
            t.get("note"),
            bool(t.get("case_sensitive")),
            [
                (
                    lang,
                    [(r["preferred"], "preferred")]
                    + [(v, "variant") for v in r["variants"]]
                    + [(f, "forbidden") for f in r["forbidden"]],
                )
                for lang, r in t["renderings"].items()
            ],
        )
        for t in data["terms"]
    ]


def tbx_import(text: str | bytes, name: str = "in.tbx") -> dict:
    return import_tbx(text.encode("utf-8") if isinstance(text, str) else text, name)


def refused(data: bytes, name: str = "in.tbx") -> GlossaryIOError:
    with pytest.raises(GlossaryIOError) as exc:
        import_tbx(data, name)
    return exc.value


# -- export -----------------------------------------------------------------------------


def test_repository_glossary_round_trips_through_tbx():
    original = load_glossary(str(ROOT / "glossary.yml"))
    imported = tbx_import(export_tbx(original), "glossary.tbx")
    assert content(imported) == content(original)
    # and written as glossary.yml it loads to the same glossary
    assert content(parse_glossary(dump_glossary(imported))) == content(original)


def test_export_is_tbx_basic():
    glossary = load_glossary(str(ROOT / "glossary.yml"))
    text = export_tbx(glossary)
    assert text == export_tbx(glossary)  # deterministic
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX-Basic" xml:lang="en">\n  <martifHeader>\n')
    assert all((len(line) - len(line.lstrip(" "))) % 2 == 0 for line in text.splitlines())
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(XML + "lang") == "en"
    assert "termcheck" in root.find("martifHeader/fileDesc/sourceDesc/p").text
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in glossary.terms]
    kyiv = entries[[t.id for t in glossary.terms].index("kyiv")]
    assert kyiv.find("note").text.startswith("Capital of Ukraine")
    assert [ls.get(XML + "lang") for ls in kyiv.findall("langSet")] == ["en", "de", "ru", "fr"]
    en = kyiv.find("langSet")
    assert [(tig.find("term").text, tig.find("termNote[@type='administrativeStatus']").text) for tig in en.findall("tig")] == [
        ("Kyiv", "preferredTerm-admn-sts"),
        ("Kiev", "deprecatedTerm-admn-sts"),
    ]
    de = kyiv.findall("langSet")[1]
    assert de.findall("tig")[1].find("termNote").text == "admittedTerm-admn-sts"
    abbreviation = entries[[t.id for t in glossary.terms].index("osce-abbreviation")]
    assert [n.text for n in abbreviation.findall("note")][-1] == "termcheck:case_sensitive=true"
    assert "case_sensitive" not in ET.tostring(kyiv, encoding="unicode")


def test_export_escapes_text_and_ids_that_are_not_xml_names():
    glossary = parse_glossary(
        'version: 1\nterms:\n  - id: 1990-charter\n    note: "<b>bold</b> & \\"quoted\\"\\nnext line"\n'
        "    case_sensitive: true\n    renderings:\n      en:\n        preferred: AT&T <Charter>\n"
        '        variants: ["x]]>y"]\n      sr-Latn: Povelja\n',
        "weird.yml",
    )
    text = export_tbx(glossary)
    assert '<termEntry id="_1990-charter">' in text
    assert "<term>AT&amp;T &lt;Charter&gt;</term>" in text and "x]]&gt;y" in text
    assert content(tbx_import(text)) == content(glossary)


# -- import -------------------------------------------------------------------------------


def test_import_of_a_memoq_export():
    data = import_tbx((DATA / "memoq-export.tbx").read_bytes(), "memoq-export.tbx")
    assert data == {
        "version": 1,
        "terms": [
            {
                "id": "1",  # memoQ's entry id "_1"
                "note": "Capital of Ukraine",  # the langSet's definition, as the entry has no note
                "case_sensitive": False,
                "renderings": {
                    "en-US": {"preferred": "Kyiv", "variants": [], "forbidden": ["Kiev"]},
                    "de": {"preferred": "Kyjiw", "variants": ["Kiew"], "forbidden": []},
                    "ru": {"preferred": "Киев", "variants": [], "forbidden": []},
                },
            },
            {
                "id": "2",
                "note": "Charter of Paris for a New Europe, CSCE Paris Summit, November 1990",
                "case_sensitive": False,
                "renderings": {
                    # the preferred term comes first, whatever its place; inline markup is text
                    "en-US": {"preferred": "Charter of Paris for a New Europe", "variants": ["Paris Charter"], "forbidden": []},
                    # no status anywhere: the first is preferred, the others variants
                    "fr-FR": {"preferred": "Charte de Paris pour une nouvelle Europe", "variants": ["Charte de Paris"], "forbidden": []},
                },
            },
            {
                "id": "indivisible-security",  # no id: made from the English preferred term
                "note": None,
                "case_sensitive": False,
                "renderings": {
                    "en-US": {
                        "preferred": "indivisible security",
                        "variants": ["indivisibility of security"],
                        "forbidden": ["undivided security", "security that is undivided"],
                    },
                    "de-DE": {"preferred": "unteilbare Sicherheit", "variants": [], "forbidden": ["ungeteilte Sicherheit"]},
                },
            },
        ],
    }
    assert content(parse_glossary(dump_glossary(data))) == content(data)


TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc><sourceDesc><p>Okapi</p></sourceDesc></fileDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="definition">Principle of the OSCE</descrip>
        <langSec xml:lang="en">
          <termSec>
            <term>indivisible security</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>undivided security</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          </termSec>
        </langSec>
        <langSec xml:lang="fr">
          <termSec><term>sécurité indivisible</term></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
        <langSec xml:lang="en">
          <termSec>
            <term>OSCE</term>
            <basic:administrativeStatus>admittedTerm-admn-sts</basic:administrativeStatus>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c1">
        <langSec xml:lang="en"><termSec><term>Kyiv</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_import_of_tbx_v3_with_namespaces():
    data = tbx_import(TBX_V3)
    assert content(data) == [
        ("c1", "Principle of the OSCE", False, [
            ("en", [("indivisible security", "preferred"), ("undivided security", "forbidden")]),
            ("fr", [("sécurité indivisible", "preferred")]),
        ]),
        ("c2", None, False, [("en", [("OSCE", "preferred")])]),  # the only term is the preferred one
        ("c1-2", None, False, [("en", [("Kyiv", "preferred")])]),  # ids stay unique
    ]


def test_ids_made_from_terms_are_unique_and_valid():
    entry = '<termEntry><langSet xml:lang="{lang}"><tig><term>{term}</term></tig></langSet></termEntry>'
    body = "".join(
        entry.format(lang=lang, term=term)
        for lang, term in [
            ("de", "Sécurité"), ("fr", "Sécurité indivisible!"), ("fr", "sécurité  indivisible"), ("ru", "Киев")
        ]
    )
    data = tbx_import(f'<martif type="TBX"><text><body>{body}</body></text></martif>')
    assert [t["id"] for t in data["terms"]] == ["securite", "securite-indivisible", "securite-indivisible-2", "term"]
    parse_glossary(dump_glossary(data))


def test_several_preferred_terms_keep_the_first():
    tig = '<tig><term>{}</term><termNote type="administrativeStatus">{}</termNote></tig>'
    terms = "".join(
        tig.format(*t)
        for t in [("Kiew", "admitted"), ("Kyjiw", "preferred"), ("Kyiv", "preferredTerm-admn-sts"), ("KYJIW", "preferred")]
    )
    data = tbx_import(wrap(f'<langSet xml:lang="de">{terms}</langSet>'))
    assert data["terms"][0]["renderings"]["de"] == {"preferred": "Kyjiw", "variants": ["Kiew", "Kyiv"], "forbidden": []}


# -- what is refused ----------------------------------------------------------------------


def test_billion_laughs_is_refused_without_expansion():
    start = time.perf_counter()
    error = refused((DATA / "billion-laughs.tbx").read_bytes(), "billion-laughs.tbx")
    assert time.perf_counter() - start < 1
    assert isinstance(error, GlossaryError) and error.line == 3
    assert str(error) == (
        "billion-laughs.tbx:3:1: refused: the file declares entity 'lol'; XML entity declarations are not allowed"
    )
    assert "lollol" not in str(error)


def test_external_entity_is_refused_and_never_read(tmp_path):
    error = refused((DATA / "external-entity.tbx").read_bytes(), "external-entity.tbx")
    assert error.line == 3 and "\n" not in str(error)
    assert "external entity 'xxe' (file:///etc/passwd)" in error.message
    assert "root:" not in str(error)
    # a file of our own, to see that nothing is read from it
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doc = (
        f'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
        + wrap('<langSet xml:lang="en"><tig><term>&xxe;</term></tig></langSet>').split("\n", 1)[1]
    )
    assert "TOP-SECRET" not in str(refused(doc.encode()))


def test_parameter_entities_are_refused():
    doc = (
        b'<?xml version="1.0"?>\n<!DOCTYPE martif [\n'
        b'  <!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd">\n  %remote;\n]>\n<martif/>'
    )
    error = refused(doc)
    assert error.line == 3 and "refused" in error.message


def test_a_doctype_without_entities_is_accepted():
    doc = wrap('<langSet xml:lang="en"><tig><term>A</term></tig></langSet>').replace(
        "<martif>", '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif>'
    )
    assert tbx_import(doc)["terms"][0]["renderings"] == {"en": {"preferred": "A", "variants": [], "forbidden": []}}


def wrap(lang_sets: str, entry_attrs: str = ' id="a"') -> str:
    """An entry in a minimal TBX document; its langSets start on line 6."""
    return (
        f'<?xml version="1.0"?>\n<martif>\n<text>\n<body>\n<termEntry{entry_attrs}>\n{lang_sets}\n'
        "</termEntry>\n</body>\n</text>\n</martif>\n"
    )


STATUS = '<langSet xml:lang="en"><tig><term>A</term><termNote type="administrativeStatus">{}</termNote></tig></langSet>'


@pytest.mark.parametrize(
    ("doc", "line", "message"),
    [
        ('<?xml version="1.0"?>\n<martif>\n<text>\n</martif>\n', 4, "not well-formed XML: mismatched tag"),
        ('<?xml version="1.0"?>\n<xliff version="1.2"/>\n', 2, "not a TBX file (root element <xliff>)"),
        (wrap(STATUS.format("approved")), 6, "unknown administrativeStatus 'approved'"),
        (wrap(STATUS.format("deprecated")), 6, "[en] has only deprecated terms"),
        (wrap("<langSet><tig><term>A</term></tig></langSet>"), 6, "langSet without xml:lang"),
        (wrap('<langSet xml:lang="english"><tig><term>A</term></tig></langSet>'), 6, "'english' is not a language code"),
        (wrap('<langSet xml:lang="en"><tig><term> </term></tig></langSet>'), 6, "empty <term>"),
        (wrap('<langSet xml:lang="en"><tig><note>no term</note></tig></langSet>'), 6, "<tig> without <term>"),
        (wrap(""), 5, "entry has no langSet"),
        (
            wrap(
                '<langSet xml:lang="en"><tig><term>Kiev</term></tig>\n'
                '<tig><term>kiev</term><termNote type="administrativeStatus">deprecated</termNote></tig></langSet>'
            ),
            7,
            "[en] 'kiev' is listed both as preferred and as forbidden",
        ),
    ],
)
def test_problems_name_their_line(doc, line, message):
    error = refused(doc.encode("utf-8"), "bad.tbx")
    assert (error.path, error.line) == ("bad.tbx", line)
    assert message in error.message
    assert str(error).startswith(f"bad.tbx:{line}:")


def test_case_sensitive_terms_keep_renderings_that_differ_in_case():
    doc = wrap(
        '<note>termcheck:case_sensitive=true</note><langSet xml:lang="en"><tig><term>OSCE</term></tig>'
        '<tig><term>Osce</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>'
    )
    (term,) = tbx_import(doc)["terms"]
    assert term["case_sensitive"] is True and term["note"] is None
    assert term["renderings"]["en"] == {"preferred": "OSCE", "variants": [], "forbidden": ["Osce"]}


# -- match modes and exceptions -----------------------------------------------------------

MATCHING = """version: 1
terms:
  - id: kyiv
    note: Capital of Ukraine
    match: exact
    exceptions: [Kievan Rus, Kyiv & Co]
    renderings:
      en:
        preferred: Kyiv
        variants: [{text: Kyyiv, match: stem}]
        forbidden:
          - text: Kiev
            exceptions: [Chicken Kiev, Kievan Rus, Kiev-class]
      de: {text: Kyjiw, match: lemma, exceptions: [Kyjiw-Petschersk]}
  - id: osce
    renderings:
      en: OSCE
"""


def model(glossary) -> list:
    """Everything the loaded glossary holds about matching, per term and rendering."""
    return [
        (t.id, t.note, t.case_sensitive, t.match, t.exceptions, [
            (r.language, r.text, r.status, r.match, r.exceptions, r.own_match, r.own_exceptions)
            for rs in t.renderings.values() for r in rs
        ])
        for t in glossary.terms
    ]


def test_match_modes_and_exceptions_round_trip_through_tbx():
    original = parse_glossary(MATCHING)
    text = export_tbx(original)
    imported = tbx_import(text, "g.tbx")
    assert imported == glossary_data(original)
    assert model(parse_glossary(dump_glossary(imported))) == model(original)
    root = ET.fromstring(text.encode("utf-8"))
    kyiv, osce = root.findall("text/body/termEntry")
    assert [n.text for n in kyiv.findall("note")] == [
        "Capital of Ukraine", "termcheck:match=exact", "termcheck:exception=Kievan Rus", "termcheck:exception=Kyiv & Co",
    ]
    tigs = {tig.find("term").text: tig for tig in kyiv.iter("tig")}
    assert [n.text for n in tigs["Kiev"].findall("note")] == [
        "termcheck:exception=Chicken Kiev", "termcheck:exception=Kievan Rus", "termcheck:exception=Kiev-class",
    ]
    assert [n.text for n in tigs["Kyyiv"].findall("note")] == ["termcheck:match=stem"]
    assert tigs["Kyiv"].findall("note") == [] and osce.findall(".//note") == []  # only what is set


def test_match_notes_of_tbx_v3_term_sections_are_read():
    doc = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dct" xml:lang="en">
  <text><body>
    <conceptEntry id="kyiv">
      <note>termcheck:match=exact</note>
      <langSec xml:lang="en">
        <termSec><term>Kyiv</term></termSec>
        <termSec>
          <term>Kiev</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          <note>termcheck:match=stem</note>
          <note>termcheck:exception=Chicken   Kiev</note>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""
    (term,) = tbx_import(doc)["terms"]
    assert term["match"] == "exact" and "exceptions" not in term and term["note"] is None
    assert term["renderings"]["en"] == {
        "preferred": "Kyiv", "variants": [], "forbidden": [{"text": "Kiev", "match": "stem", "exceptions": ["Chicken Kiev"]}],
    }


@pytest.mark.parametrize(
    ("doc", "line", "message"),
    [
        (wrap('<note>termcheck:match=fuzzy</note>\n<langSet xml:lang="en"><tig><term>A</term></tig></langSet>'), 6,
         "unknown match mode 'fuzzy' (expected one of: lemma, stem, exact)"),
        (wrap('<langSet xml:lang="en"><tig><term>A</term><note>termcheck:exception= </note></tig></langSet>'), 6,
         "empty exception"),
        (wrap('<langSet xml:lang="en"><tig><term>A</term>\n<note>termcheck:match=exact</note>\n'
              "<note>termcheck:match=stem</note></tig></langSet>"), 8, "two match modes ('exact' and 'stem') in one <tig>"),
    ],
)
def test_bad_match_notes_name_their_line(doc, line, message):
    error = refused(doc.encode("utf-8"), "bad.tbx")
    assert (error.line, error.message) == (line, message)
