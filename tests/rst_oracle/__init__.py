"""The docutils-based reStructuredText reader, kept as the reference ("oracle") of the fast
reader (checker.documents.rst): tests/test_rst_oracle.py reads real documents with both and
asserts the same segments. Not used by `termcheck` itself; docutils is a test dependency.

docutils tells prose from code exactly as Sphinx and every reST tool see it; walk.py picks the
prose from its doctree and locate.py finds each piece of it again in the file, since docutils
keeps no columns. The parse never reads another file or runs anything: `include`, `raw` and
the `:file:`/`:url:` options are off, no syntax highlighting, no transforms, and docutils'
reports go nowhere.
"""

from __future__ import annotations

from checker.documents.model import ReadError, Segment


def segments(path: str, text: str) -> list[Segment]:
    """The prose segments of reStructuredText `text` (newlines normalised), in file order."""
    from tests.rst_oracle.locate import Source
    from tests.rst_oracle.walk import Walker

    walker = Walker(path, Source(text))
    walker.walk(parse(path, text))
    return sorted(walker.segments, key=lambda s: (s.line, s.column))


def parse(path: str, text: str):  # noqa: ANN201 - a docutils document
    """docutils' doctree of `text`, before any transform; ReadError if docutils fails."""
    import io

    from docutils.parsers.rst import Parser, roles
    from docutils.utils import new_document

    settings = _settings()
    settings.warning_stream = io.StringIO()  # reports are docutils' own, not findings
    document = new_document(path, settings)
    # `.. role::` registers its role in a module-wide table that outlives the document: a
    # role one file defines must not change how the next one is read.
    saved = dict(roles._roles)
    try:
        Parser().parse(text, document)
    except RecursionError:
        raise ReadError(path, "cannot parse reStructuredText: nested too deeply") from None
    except Exception as e:  # noqa: BLE001 - docutils raises many kinds on hostile input
        raise ReadError(path, f"cannot parse reStructuredText: {type(e).__name__}: {str(e)[:200]}") from None
    finally:
        roles._roles.clear()
        roles._roles.update(saved)
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
