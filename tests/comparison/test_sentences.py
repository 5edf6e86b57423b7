"""Sentence segmentation: abbreviations, numbers, ellipses, quotes, headlines, offsets."""

from __future__ import annotations

import pytest

from checker.comparison.sentences import ABBREVIATIONS, Sentence, split_sentences


def texts(text: str, language: str | None = "en") -> list[str]:
    sentences = split_sentences(text, language)
    for s in sentences:
        assert text[s.start:s.end] == s.text == s.text.strip()
    return [s.text for s in sentences]


def test_offsets_point_into_the_text():
    text = "  First one.  Second one?\n\nThird!  "
    assert split_sentences(text) == [
        Sentence("First one.", 2, 12),
        Sentence("Second one?", 14, 25),
        Sentence("Third!", 27, 33),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n \n"])
def test_blank_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_abbreviations_and_acronyms_mid_sentence():
    assert texts("The U.S. and the U.N. agreed. Mr. Smith and Dr. Jones met on Jan. 5 and Feb. 6. It worked.") == [
        "The U.S. and the U.N. agreed.",
        "Mr. Smith and Dr. Jones met on Jan. 5 and Feb. 6.",
        "It worked.",
    ]


def test_acronym_before_a_capitalised_word():
    assert texts("She works for the U.N. Security Council. Fine.") == [
        "She works for the U.N. Security Council.",
        "Fine.",
    ]


def test_eg_ie_etc_no_mid_sentence():
    assert texts("See No. 5 for details, e.g. the map, i.e. the old one, etc. and more. Next one.") == [
        "See No. 5 for details, e.g. the map, i.e. the old one, etc. and more.",
        "Next one.",
    ]


def test_etc_can_end_a_sentence():
    assert texts("Apples, pears, etc. The list goes on.") == ["Apples, pears, etc.", "The list goes on."]


def test_no_is_an_abbreviation_only_capitalised():
    assert texts("He said no. Then he left.") == ["He said no.", "Then he left."]


def test_initials():
    assert texts("He read J. R. R. Tolkien. Then he slept.") == ["He read J. R. R. Tolkien.", "Then he slept."]


def test_decimal_numbers_and_numbers_at_the_end():
    assert texts("Pi is 3.14 and growth was 2.5 per cent. In 1999. The end.") == [
        "Pi is 3.14 and growth was 2.5 per cent.",
        "In 1999.",
        "The end.",
    ]


def test_ellipses():
    assert texts("He hesitated… Then he spoke. She waited... Nothing came. It was… odd.") == [
        "He hesitated…",
        "Then he spoke.",
        "She waited...",
        "Nothing came.",
        "It was… odd.",
    ]


def test_final_quotes_and_brackets_stay_with_their_sentence():
    assert texts("He said: “It will not work.” Next sentence. (This is quoted.) After.") == [
        "He said: “It will not work.”",
        "Next sentence.",
        "(This is quoted.)",
        "After.",
    ]


def test_a_quoted_question_inside_a_sentence():
    assert texts("“Why?” he asked. Fine.") == ["“Why?” he asked.", "Fine."]


def test_question_and_exclamation_marks():
    assert texts("Is it true? Yes! Really?! Indeed.") == ["Is it true?", "Yes!", "Really?!", "Indeed."]


def test_a_headline_followed_by_a_blank_line():
    assert texts("Headline without a stop\n\nThe body starts here.") == [
        "Headline without a stop",
        "The body starts here.",
    ]


def test_a_short_headline_followed_by_a_capitalised_line():
    assert texts("Headline Without Stop\nThe body starts here, and it goes on for quite a while. It ends.") == [
        "Headline Without Stop",
        "The body starts here, and it goes on for quite a while.",
        "It ends.",
    ]


def test_a_single_line_break_inside_a_paragraph_does_not_end_a_sentence():
    assert texts("This paragraph is wrapped\nacross two lines at a line break.") == [
        "This paragraph is wrapped\nacross two lines at a line break."
    ]
    wrapped = (
        "This paragraph is wrapped at a fixed width and the line goes on rather long\n"
        "Berlin is named at the start of the next line of the same paragraph."
    )
    assert texts(wrapped) == [wrapped]


def test_a_block_of_short_lines_is_one_sentence_per_line():
    assert texts("01.02.2022 20:56\nNo 134-01-02-2022\nUnofficial translation\n") == [
        "01.02.2022 20:56",
        "No 134-01-02-2022",
        "Unofficial translation",
    ]


def test_windows_line_endings():
    assert texts("Headline\r\n\r\nFirst one. Second one.\r\n") == ["Headline", "First one.", "Second one."]


def test_german_abbreviations_and_ordinals():
    assert texts("Er kam am 1. Februar an. Dr. Müller, z. B. mit Prof. Meier, usw. Danach ging er.", "de") == [
        "Er kam am 1. Februar an.",
        "Dr. Müller, z. B. mit Prof. Meier, usw.",
        "Danach ging er.",
    ]
    assert texts("Das ist z.B. gut, bzw. sehr gut. Nr. 5 ist da.", "de-DE") == [
        "Das ist z.B. gut, bzw. sehr gut.",
        "Nr. 5 ist da.",
    ]


def test_english_does_not_read_ordinal_dots():
    assert texts("He came 1. Then he left.") == ["He came 1.", "Then he left."]


def test_russian_abbreviations_and_initials():
    text = "С. В. Лавров прибыл в 2022 г. в Москву. Он сказал, т.е. подтвердил. Были и др. Конец."
    assert texts(text, "ru") == [
        "С. В. Лавров прибыл в 2022 г. в Москву.",
        "Он сказал, т.е. подтвердил.",
        "Были и др.",
        "Конец.",
    ]


def test_unknown_language_uses_english_rules():
    assert texts("Mr. Smith came. He left.", "xx") == ["Mr. Smith came.", "He left."]
    assert texts("Mr. Smith came. He left.", None) == ["Mr. Smith came.", "He left."]


def test_abbreviation_lists_are_data():
    assert {"en", "de", "ru"} <= set(ABBREVIATIONS)
    assert all(isinstance(v, frozenset) for v in ABBREVIATIONS.values())


def test_cjk_full_stops():
    assert texts("你好。我很好！你呢？", "zh") == ["你好。", "我很好！", "你呢？"]


def test_real_document(root):
    text = (root / "translations/en/000-mid-unofficial-translation.txt").read_text(encoding="utf-8")
    got = texts(text)
    assert got[:4] == [
        "01.02.2022 20:56",
        "№ 134-01-02-2022",
        got[2],
        "Unofficial translation",
    ]
    assert got[2].startswith("Text of the Minister of Foreign Affairs of Russia Mr. Sergey Lavrov")
    assert "The U.S. and NATO responses to our proposals received on 26 January 2022" in got[6]
    assert "It will not work that way." in got
    assert any(s.endswith("the prerogatives of the U.N. Security Council.") for s in got)
