"""`check --fix` on the prose formats (HTML, reStructuredText, AsciiDoc): the forbidden
rendering replaced where the reader found it, every other byte as it was."""

from __future__ import annotations

import pytest

from checker.glossary import parse_glossary
from checker.matching.matcher import Matcher
from checker.project.fix import plan_paths
from checker.project.fix.write import apply_fixes
from tests.conftest import KYIV_GLOSSARY

GLOSSARY = KYIV_GLOSSARY + """\
  - id: qa
    renderings:
      en: {preferred: "Q&A <P>", forbidden: [FAQ]}
"""


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(parse_glossary(GLOSSARY))


def fix(path: str, matcher: Matcher) -> tuple[bytes, list[str]]:
    plan = plan_paths([path], matcher, lang="en")
    assert apply_fixes(plan) == []
    with open(path, "rb") as fh:
        return fh.read(), plan.messages()


def test_html_text_entities_and_attributes(write, matcher):
    before = (
        '<html lang="en">\r\n'
        "<p>Kiev&nbsp;region, K&#105;ev and &quot;KIEV&quot;</p>\r\n"
        '<img alt="Map of Kiev" src="kiev.png"><a title=\'FAQ\' href="/faq">FAQ</a>\r\n'
        "<p><code>Kiev</code> <em>Ki</em>ev</p>\r\n"
        "</html>\r\n"
    )
    path = write("page.html", before.encode("utf-8"))
    after, messages = fix(path, matcher)
    assert after.decode("utf-8") == (
        '<html lang="en">\r\n'
        "<p>Kyiv&nbsp;region, Kyiv and &quot;KYIV&quot;</p>\r\n"
        "<img alt=\"Map of Kyiv\" src=\"kiev.png\"><a title='Q&amp;A &lt;P&gt;' href=\"/faq\">Q&amp;A &lt;P&gt;</a>\r\n"
        "<p><code>Kiev</code> <em>Ki</em>ev</p>\r\n"
        "</html>\r\n"
    )
    assert messages == [f"{path}:4:26: not fixed [kyiv]: 'Kiev': spans inline markup; fix by hand"]


def test_html_marker_keeps_a_quotation(write, matcher):
    before = "<p>Kiev</p>\n<!-- termcheck: ignore[forbidden-rendering:kyiv] -->\n<p>Kiev</p>\n"
    path = write("en/page.html", before)
    after, messages = fix(path, matcher)
    assert after.decode() == before.replace("<p>Kiev</p>\n<!--", "<p>Kyiv</p>\n<!--")
    assert messages == [f"{path}:3:4: not fixed [kyiv]: 'Kiev': suppressed by a termcheck: ignore marker"]


def test_rst_prose_is_fixed_code_and_targets_are_not(write, matcher):
    before = (
        "Kiev\n"
        "====\n"
        "\n"
        "In *Kiev* and \\Kiev, see ``Kiev`` and `Kiev <https://kiev.example>`_ or the FAQ\n"
        "and a :ref:`Kiev page <kiev>`::\n"
        "\n"
        "   Kiev in code\n"
        "\n"
        ".. Kiev in a comment\n"
    )
    path = write("en/doc.rst", before)
    after, messages = fix(path, matcher)
    assert after.decode() == (
        "Kyiv\n"
        "====\n"
        "\n"
        "In *Kyiv* and \\Kyiv, see ``Kiev`` and `Kyiv <https://kiev.example>`_ or the Q&A <P>\n"
        "and a :ref:`Kyiv page <kiev>`::\n"
        "\n"
        "   Kiev in code\n"
        "\n"
        ".. Kiev in a comment\n"
    )
    assert messages == []


def test_asciidoc_prose_is_fixed_code_is_not(write, matcher):
    before = (
        "= Kiev\n"
        ":city: Kiev\n"
        "\n"
        "In *Kiev* and `Kiev`, see https://kiev.example[Kiev page] or the FAQ.\n"
        "// Kiev in a comment\n"
        "* Kiev\n"
        "\n"
        "----\n"
        "Kiev in code\n"
        "----\n"
    )
    path = write("en/doc.adoc", before)
    after, messages = fix(path, matcher)
    assert after.decode() == (
        "= Kyiv\n"
        ":city: Kiev\n"
        "\n"
        "In *Kyiv* and `Kiev`, see https://kiev.example[Kyiv page] or the Q&A <P>.\n"
        "// Kiev in a comment\n"
        "* Kyiv\n"
        "\n"
        "----\n"
        "Kiev in code\n"
        "----\n"
    )
    assert messages == []
