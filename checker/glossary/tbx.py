"""The glossary as TBX (ISO 30042), the term exchange format of CAT tools.

Export writes TBX-Basic in the TBX 2008 (v2) dialect that memoQ, Trados MultiTerm and
Okapi read::

    <martif type="TBX-Basic" xml:lang="en">
      <martifHeader>...</martifHeader>
      <text>
        <body>
          <termEntry id="kyiv">
            <note>Capital of Ukraine</note>
            <note>termcheck:case_sensitive=true</note>      (only when true)
            <langSet xml:lang="en">
              <tig>
                <term>Kyiv</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
              </tig>
              ...

Statuses: preferred -> `preferredTerm-admn-sts`, variant -> `admittedTerm-admn-sts`,
forbidden -> `deprecatedTerm-admn-sts`. TBX-Basic has no data category for case
sensitivity, so a case-sensitive term carries the entry-level note
`termcheck:case_sensitive=true` (TBX-Basic allows `<note>` at every level; CAT tools show it
as a remark). Match modes and exceptions are notes of the same kind: on the entry for the
term's (`termcheck:match=exact`, one `termcheck:exception=Chicken Kiev` per phrase, in
order), in the `<tig>` (TBX v3: `<termSec>`) for a rendering's own::

          <tig>
            <term>Kiev</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            <note>termcheck:match=exact</note>
            <note>termcheck:exception=Chicken Kiev</note>
          </tig>

An id that is not an XML name (it starts with a digit) is written with a
leading `_`, which import drops again.

Import reads TBX 2008 (`martif`, `termEntry`/`langSet`/`tig` or `ntig`/`termGrp`) and
TBX v3 (`tbx`, `conceptEntry`/`langSec`/`termSec`), with or without namespaces, with
defusedxml: a DOCTYPE is allowed (tools write one), entity declarations are refused (XML
bombs, external entities) and nothing is ever fetched.

This module holds the format's vocabulary and the export; tbx_import.py the import.
"""

from __future__ import annotations

import re

from checker.glossary import Glossary
from checker.language import primary

EXPORT_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "variant": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
# What TBX-Basic has no data category for travels as <note> text with these prefixes.
CASE_NOTE = "termcheck:case_sensitive=true"
MATCH_NOTE = "termcheck:match="
EXCEPTION_NOTE = "termcheck:exception="


def export_tbx(glossary: Glossary) -> str:
    """The glossary as a TBX-Basic document: glossary order, 2-space indent, UTF-8 declaration."""
    import os

    name = os.path.basename(glossary.path) or "glossary.yml"
    source_lang = "en" if any(primary(lang) == "en" for lang in glossary.languages) else (
        glossary.languages[0] if glossary.languages else "en"
    )
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<martif type="TBX-Basic" xml:lang="{_attr(source_lang)}">',
        "  <martifHeader>",
        "    <fileDesc>",
        "      <titleStmt>",
        f"        <title>{_text(name)}</title>",
        "      </titleStmt>",
        "      <sourceDesc>",
        f"        <p>Exported by termcheck from {_text(name)} (glossary format version 1)</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "    <encodingDesc>",
        '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
        "    </encodingDesc>",
        "  </martifHeader>",
        "  <text>",
        "    <body>",
    ]
    for term in glossary.terms:
        # XML ids are names: they cannot start with a digit
        entry_id = term.id if term.id[0].isalpha() else "_" + term.id
        out.append(f'      <termEntry id="{_attr(entry_id)}">')
        if term.note:
            out.append(f"        <note>{_text(term.note)}</note>")
        if term.case_sensitive:
            out.append(f"        <note>{CASE_NOTE}</note>")
        out += _match_notes(term.match, term.exceptions, "        ")
        for lang, renderings in term.renderings.items():
            out.append(f'        <langSet xml:lang="{_attr(lang)}">')
            for r in renderings:
                out += [
                    "          <tig>",
                    f"            <term>{_text(r.text)}</term>",
                    f'            <termNote type="administrativeStatus">{EXPORT_STATUS[r.status]}</termNote>',
                    *_match_notes(r.own_match, r.own_exceptions, "            "),
                    "          </tig>",
                ]
            out.append("        </langSet>")
        out.append("      </termEntry>")
    out += ["    </body>", "  </text>", "</martif>", ""]
    return "\n".join(out)


def _match_notes(match: str | None, exceptions: tuple[str, ...], indent: str) -> list[str]:
    """The notes holding a match mode and exceptions (the term's, or a rendering's own)."""
    notes = [f"{MATCH_NOTE}{match}"] if match else []
    notes += [EXCEPTION_NOTE + phrase for phrase in exceptions]
    return [f"{indent}<note>{_text(note)}</note>" for note in notes]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    bad = _NOT_XML.search(value)
    if bad:
        raise ValueError(f"{value!r}: XML cannot hold the character U+{ord(bad.group()):04X}")
    # \r would come back as \n (XML normalises line ends), so it is written as a reference
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
