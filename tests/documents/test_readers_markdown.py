"""Markdown reader: prose only, blanked markup, exact positions."""

from __future__ import annotations

import re

import pytest

from checker.documents import read_document
from checker.documents.markdown import segments
from checker.documents.markdown.inline import OBJECT, mask_inline


def read(write, content: str, name: str = "en/doc.md"):
    return read_document(write(name, content))


def assert_exact(segs, content: str) -> None:
    """Every character kept in a segment sits at Segment.position() in the file."""
    lines = content.split("\n")
    for seg in segs:
        for i, ch in enumerate(seg.text):
            line, col = seg.position(i)
            actual = lines[line - 1][col - 1] if ch != "\n" else "\n"
            if ch not in (" ", OBJECT):
                assert actual == ch, (seg.text, i)
            if ch == "\n":
                assert col - 1 == len(lines[line - 1]), (seg.text, i)


def texts(doc):
    return [s.text for s in doc.segments]


def test_headings_paragraphs_lists(write):
    content = (
        "# Title ##\n"
        "\n"
        "First paragraph\n"
        "goes on.\n"
        "\n"
        "- item one\n"
        "  continued\n"
        "- item two\n"
        "  1. nested item\n"
        "\n"
        "     nested paragraph\n"
        "\n"
        "Setext heading\n"
        "==============\n"
        "\n"
        "***\n"
        "\n"
        "## Second ###   \n"
    )
    doc = read(write, content)
    assert [(s.text, s.line, s.column) for s in doc.segments] == [
        ("Title", 1, 3),
        ("First paragraph\ngoes on.", 3, 1),
        ("item one\n  continued", 6, 3),
        ("item two", 8, 3),
        ("nested item", 9, 6),
        ("nested paragraph", 11, 6),
        ("Setext heading", 13, 1),
        ("Second", 18, 4),
    ]
    assert_exact(doc.segments, content)
    assert doc.format == "markdown" and doc.language == "en"


def test_front_matter_is_skipped(write):
    doc = read(write, "---\ntitle: server\ntags: [a]\n---\nBody text.\n")
    assert [(s.text, s.line) for s in doc.segments] == [("Body text.", 5)]
    doc = read(write, "+++\ntitle = 'server'\n+++\n\nBody.\n")
    assert texts(doc) == ["Body."]


def test_unclosed_front_matter_is_a_thematic_break(write):
    assert texts(read(write, "---\nJust text.\n")) == ["Just text."]


def test_fenced_and_indented_code_are_skipped(write):
    content = (
        "Before.\n"
        "\n"
        "```python {.x}\n"
        "server = 1\n"
        "\n"
        "```\n"
        "~~~~\n"
        "```\n"
        "still code\n"
        "~~~~~\n"
        "\n"
        "    indented code\n"
        "\n"
        "After.\n"
        "- item\n"
        "\n"
        "  ```\n"
        "  list code\n"
        "  ```\n"
        "> ```\n"
        "> quoted code\n"
        "> ```\n"
        "> quoted prose\n"
    )
    doc = read(write, content)
    assert texts(doc) == ["Before.", "After.", "item", "quoted prose"]
    assert_exact(doc.segments, content)


def test_unclosed_fence_runs_to_the_end(write):
    assert texts(read(write, "Prose.\n\n```\ncode\n\nmore code\n")) == ["Prose."]


def test_indented_lines_continue_a_paragraph(write):
    doc = read(write, "Para\n    still para\n")
    assert texts(doc) == ["Para\n    still para"]


def test_html_blocks_and_link_definitions_are_skipped(write):
    content = (
        "<div class='note'>\n"
        "server in html\n"
        "</div>\n"
        "\n"
        "<script>\n"
        "\n"
        "var server;\n"
        "</script>\n"
        "[ref]: https://example.com/server \"Server title\"\n"
        "[other]:\n"
        "  /url\n"
        "Prose [link][ref] and [Other][OTHER] and [undefined][nope].\n"
    )
    doc = read(write, content)
    (seg,) = doc.segments
    assert seg.line == 12
    assert "server" not in seg.text
    # A defined reference label is blanked; an undefined one stays (it is text).
    assert "[link]" + OBJECT in seg.text
    assert "ref" not in seg.text and "OTHER" not in seg.text
    assert "[nope]" in seg.text
    assert_exact(doc.segments, content)


def test_footnotes_keep_their_text(write):
    doc = read(write, "Claim[^note].\n\n[^note]: The footnote text.\n")
    assert texts(doc)[0] == "Claim" + OBJECT + "     " + OBJECT + "."
    assert "The footnote text." in texts(doc)[1]


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("Use `server` now", "Use ", ),
        ("Use ``a ` b`` now", "Use "),
        ("See <https://x.org/server> now", "See "),
        ("Mail <me@server.org> now", "Mail "),
        ("A <img src=\"server.png\"\n  alt='x'/> now", "A "),
        ("A </span > now", "A "),
        ("A <!-- server --> now", "A "),
        ("Go [here](https://x.org/server) now", "Go [here]"),
        ("Go ![alt](img/server.png) now", "Go ![alt]"),
        ("Go [here](<a b/server>) now", "Go [here]"),
        ("Visit https://x.org/server. now", "Visit "),
        ("Visit www.server.org, now", "Visit "),
    ],
)
def test_inline_code_and_urls_are_blanked(source, kept):
    masked, _ = mask_inline(source)
    assert len(masked) == len(source)
    assert "server" not in masked
    assert masked.startswith(kept)
    assert masked.endswith(" now")
    blanked = masked[len(kept) : -len(" now")].rstrip(".,")
    # The removed span is marked at both ends so no term can match across it.
    assert blanked[0] == OBJECT and blanked[-1] == OBJECT
    assert set(blanked[1:-1]) <= {" ", "\n"}
    assert masked.count("\n") == source.count("\n")


def test_inline_html_keeps_the_text_between_tags():
    masked, _ = mask_inline('A <span class="server">word</span> now')
    assert masked == "A " + OBJECT + " " * 19 + OBJECT + "word" + OBJECT + "     " + OBJECT + " now"


def test_link_title_stays_as_prose():
    masked, _ = mask_inline('[a](http://x/server "Server manual") b')
    assert "server" not in masked
    assert '"Server manual") b' in masked


def test_blanking_keeps_newlines():
    masked, _ = mask_inline("a `code\nspan` b")
    assert masked == "a " + OBJECT + "    \n    " + OBJECT + " b"


def test_unmatched_backticks_and_escapes_are_text():
    assert mask_inline("a ``b` c")[0] == "a ``b` c"
    assert mask_inline(r"a \`b` c")[0] == r"a \`b` c"
    assert mask_inline(r"not \<b> a tag")[0] == r"not \<b> a tag"


def test_no_term_matches_across_blanked_code(write):
    doc = read(write, "The server`x`side works.\n")
    (seg,) = doc.segments
    assert not re.search(r"\bserver\s*side\b", seg.text)
    assert re.search(r"\bserver\b", seg.text)


def test_html_comments_feed_segment_comments(write):
    content = (
        "<!-- termcheck: ignore server -->\n"
        "Paragraph one.\n"
        "\n"
        "<!-- too far -->\n"
        "\n"
        "Paragraph two <!-- inline\nnote --> ends.\n"
        "<!-- a -->\n"
        "<!-- b -->\n"
        "# Heading\n"
    )
    doc = read(write, content)
    assert [(s.text.split()[0], s.comments) for s in doc.segments] == [
        ("Paragraph", ("termcheck: ignore server",)),
        ("Paragraph", ("inline\nnote",)),
        ("Heading", ("a", "b")),
    ]
    two = doc.segments[1]
    assert "inline" not in two.text and "note" not in two.text
    assert two.text.endswith(OBJECT + " ends.")
    assert_exact(doc.segments, content)


def test_blockquotes_keep_markers_and_positions(write):
    content = "> quoted *text*\n> second line\nlazy line\n\n>> deep\n"
    doc = read(write, content)
    assert [(s.text, s.line, s.column) for s in doc.segments] == [
        ("quoted *text*\n> second line\nlazy line", 1, 3),
        ("deep", 5, 4),
    ]
    assert_exact(doc.segments, content)


def test_table_rows_are_segments(write):
    content = (
        "Intro paragraph.\n"
        "\n"
        "| Term | Meaning |\n"
        "|------|:-------:|\n"
        "| `srv` | the server |\n"
        "| plain | row |\n"
        "\n"
        "After.\n"
    )
    doc = read(write, content)
    assert [(s.text, s.line, s.column) for s in doc.segments] == [
        ("Intro paragraph.", 1, 1),
        ("Term | Meaning", 3, 3),
        (OBJECT + "   " + OBJECT + " | the server", 5, 3),
        ("plain | row", 6, 3),
        ("After.", 8, 1),
    ]
    assert_exact(doc.segments, content)


def test_pipes_without_a_delimiter_row_are_prose(write):
    assert texts(read(write, "a | b\nc | d\n")) == ["a | b\nc | d"]


def test_positions_with_crlf_and_tabs(write):
    data = "# Title\r\n\r\n- \titem\r\n\ttext\r\n".encode()
    doc = read_document(write("en/crlf.md", data))
    assert [(s.text, s.line, s.column) for s in doc.segments] == [
        ("Title", 1, 3),
        ("item\n\ttext", 3, 4),
    ]


def test_code_only_paragraph_is_dropped(write):
    assert texts(read(write, "`just code`\n\nProse.\n")) == ["Prose."]


def test_numbers_do_not_interrupt_a_paragraph(write):
    doc = read(write, "In the year\n2019. it rained\n")
    assert texts(doc) == ["In the year\n2019. it rained"]


def test_empty_markdown(write):
    assert read(write, "").segments == ()


def test_segments_function_directly():
    segs = segments("x.md", "Hello *world*\n")
    assert [(s.path, s.text, s.line, s.column) for s in segs] == [("x.md", "Hello *world*", 1, 1)]


def test_long_document_positions(write):
    # A mixed document: every kept character must map back to itself.
    content = "\n".join(
        f"{'#' * (1 + i % 3)} Heading {i}\n\nText {i} with `code {i}` and [a link](http://x/{i}) "
        f"and <b>bold</b>.\n- bullet {i}\n  > quote {i}\n"
        for i in range(30)
    )
    doc = read(write, content)
    assert len(doc.segments) >= 90
    assert_exact(doc.segments, content)
