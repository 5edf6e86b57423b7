"""reStructuredText (`.rst`, `.rest`): the prose of a document, parsed with docutils.

docutils (imported only when a `.rst` file is read) tells prose from code exactly as
Sphinx and every reST tool see it; checker.documents.rst.walk picks the prose and
checker.documents.rst.locate finds each piece of it again in the file, since docutils keeps
no columns. What is checked: paragraphs, section titles, list items, definition terms,
table cells, admonition content (`note`, `warning`...), captions, line blocks, field
bodies, hyperlink text, image `:alt:` texts, substitution texts, and the shown text of
Sphinx's `:ref:`, `:term:`, `:doc:` roles (see walk.py). Not checked: literal blocks (`::`,
`code-block`, `code`, `sourcecode`), doctest blocks, `math`, `raw`, comments, inline
literals, interpreted text and code roles, field names, footnote labels, hyperlink targets.

The parse never reads another file or runs anything: `include`, `raw` and the `:file:`/
`:url:` options are off, no syntax highlighting, no transforms, and docutils' reports go
nowhere (an unknown directive, Sphinx's `toctree` or `versionadded`, is left out with its
content, never an error). A document docutils cannot parse at all is a read-error.
"""

from __future__ import annotations

from checker.documents.model import Document, ReadError, Segment
from checker.documents.prose import read_prose


def read_rst(path: str, data: bytes) -> Document:
    """A Document of the prose segments of a reStructuredText file."""
    return read_prose(path, data, "rst", segments)


def segments(path: str, text: str) -> list[Segment]:
    """The prose segments of reStructuredText `text` (newlines normalised), in file order."""
    from checker.documents.rst.locate import Source
    from checker.documents.rst.walk import Walker

    walker = Walker(path, Source(text))
    walker.walk(parse(path, text))
    return sorted(walker.segments, key=lambda s: (s.line, s.column))


def parse(path: str, text: str):  # noqa: ANN201 - a docutils document
    """docutils' doctree of `text`, before any transform; ReadError if docutils fails."""
    import io

    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    settings = _settings()
    settings.warning_stream = io.StringIO()  # reports are docutils' own, not findings
    document = new_document(path, settings)
    try:
        Parser().parse(text, document)
    except RecursionError:
        raise ReadError(path, "cannot parse reStructuredText: nested too deeply") from None
    except Exception as e:  # noqa: BLE001 - docutils raises many kinds on hostile input
        raise ReadError(path, f"cannot parse reStructuredText: {type(e).__name__}: {str(e)[:200]}") from None
    return document


def _settings():  # noqa: ANN202 - docutils' settings object
    from docutils.parsers.rst import Parser

    try:
        from docutils.frontend import get_default_settings
    except ImportError:  # docutils before 0.18
        from docutils.frontend import OptionParser

        settings = OptionParser(components=(Parser,)).get_default_values()
    else:
        settings = get_default_settings(Parser)
    settings.report_level = 5  # never report
    settings.halt_level = 5  # never stop
    settings.file_insertion_enabled = False  # no include, no :file: or :url:
    settings.raw_enabled = False
    settings.syntax_highlight = "none"  # no Pygments: code is skipped anyway
    settings.character_level_inline_markup = False
    return settings
