"""Placeables are masked, never words: format codes, markup, URLs, paths (issue 11)."""

from __future__ import annotations

import pytest

from checker.matching.placeables import MASK, mask


def shown(text: str, flags: tuple[str, ...] = ()) -> str:
    out = mask(text, flags)
    assert len(out) == len(text)  # offsets stay exact
    return out.replace(MASK, "#")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Added “%(object)s”.", "Added “##########”."),
        ("%s and %d and %1$s and %%", "## and ## and #### and ##"),
        ("Please correct: {fields}", "Please correct: ########"),
        ("Set {name!r:>10}, {0} and {}", "Set ############, ### and ##"),
        ("of type {{ type }}.", "of type ##########."),
        ("{% url 'admin:index' %}home", "#######################home"),
        ("%count% items, %{n} left", "####### items, #### left"),
        ('<a href="%(url)s">password</a> &amp;', "##################password#### #####"),
        ("<!-- user --> list", "############# list"),
        ("See <https://fsf.org/>.", "See <################>."),
        ("Visit www.example.com, then", "Visit ###############, then"),
        ("mail fsf@gitster.g now", "mail ############# now"),
        ("Edit /usr/share/doc/x or ./manage.py or ~/.config", "Edit ################ or ########### or #########"),
        ("C:\\Temp\\file.txt here", "################ here"),
        ("Example: “flatpages/default.html”, setup.cfg.", "Example: “######################”, #########."),
        ("See :ref:`the field <f>` and ``code``", "See #################### and ########"),
        ("a `model` here", "a ####### here"),
        ("[the link](https://x.y/z) text", "[the link]############### text"),
        ("and/or input/output, 100 % sure", "and/or input/output, 100 % sure"),
    ],
)
def test_what_is_masked(text, expected):
    assert shown(text) == expected


def test_icu_plural_keeps_the_branch_text():
    text = "{count, plural, one {# item selected} other {# items selected}}"
    assert shown(text) == "###################### item selected########## items selected##"


def test_icu_select_and_nested_argument():
    text = "{gender, select, male {He} other {They}} invited {n, number} {guest}"
    assert shown(text) == "#######################He#########They## invited ########### #######"


def test_printf_space_flag_only_with_a_format_flag():
    assert shown("100 % sure") == "100 % sure"
    assert shown("100 % sure", ("python-format",)) == "100 ###ure"
    assert shown("%s done", ("no-python-format",)) == "%s done"


def test_text_without_placeables_is_returned_as_is():
    text = "The user changed the password."
    assert mask(text) is text


@pytest.mark.parametrize(
    "text, expected",
    [
        # Android and Java
        ("Hello %1$s, %d files", "Hello ####, ## files"),
        ("Datei {0} hat {1,number,integer} Zeilen", "Datei ### hat ################## Zeilen"),
        # Apple: object conversions and .stringsdict variables
        ("Hello %@, %1$@ and %lld items", "Hello ##, #### and #### items"),
        ("%#@files@ left", "######### left"),
        # Qt: numbered arguments and the plural count
        ("File %1 of %L2, %n object(s)", "File ## of ###, ## object(s)"),
        # i18next: interpolation and nesting
        ("Hi {{name}}, see $t(common.object)", "Hi ########, see #################"),
        # .NET
        ("{0:N2} objects in {1}", "###### objects in ###"),
        # prose percentages stay prose
        ("50% of 100 %", "50% of 100 %"),
    ],
)
def test_localization_format_placeholders(text, expected):
    assert shown(text) == expected


def test_icu_plural_in_a_json_message_keeps_its_branches():
    text = "{count, plural, one {# Objekt} other {# Objekte}} gelöscht"
    assert shown(text) == "###################### Objekt########## Objekte## gelöscht"
