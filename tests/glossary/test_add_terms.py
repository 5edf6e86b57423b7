"""Adding new terms to a glossary.yml the user wrote: laid out as its terms are, nothing else touched."""

from __future__ import annotations

import pytest

from checker.glossary import GlossaryEditError, parse_glossary
from checker.glossary.edit import add_terms

WIDE = """\
# our glossary (4-space indent)
version: 1
terms:
    -   id: password      # keep this comment
        renderings:
            en: password
            de: Passwort

# trailing comment
"""


def test_new_terms_follow_the_files_indentation_and_keep_its_comments():
    out = add_terms(WIDE, [("email-address", {"en": ("email address", []), "de": ("E-Mail-Adresse", ["Mailadresse"])},
                            "found by glossary extract: review")])
    assert out.startswith(WIDE.split("\n# trailing")[0])
    assert ("    -   id: email-address  # found by glossary extract: review\n"
            "        renderings:\n"
            "            en: email address\n"
            "            de:\n"
            "                preferred: E-Mail-Adresse\n"
            "                variants: [Mailadresse]\n") in out
    assert out.endswith("\n# trailing comment\n")
    glossary = parse_glossary(out, "g.yml")
    assert [t.id for t in glossary.terms] == ["password", "email-address"]


def test_an_id_the_glossary_has_is_refused():
    with pytest.raises(GlossaryEditError, match="has a term 'password' already"):
        add_terms(WIDE, [("password", {"en": ("password", [])}, "")])


def test_a_flow_style_terms_list_is_refused_not_rewritten():
    text = "version: 1\nterms: [{id: a, renderings: {en: a}}]\n"
    with pytest.raises(GlossaryEditError, match="flow-style"):
        add_terms(text, [("b", {"en": ("b", [])}, "")])
