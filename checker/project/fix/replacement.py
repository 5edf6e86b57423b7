"""What one forbidden occurrence becomes: the preferred rendering in the occurrence's case
and spacing, escaped for the format, and the places in the file it replaces.

An occurrence is fixed only where that is unambiguous: the term has a preferred rendering
in the document's language, the matched words are the forbidden rendering itself (a
stemmed, inflected match such as "Kievs" cannot be re-inflected mechanically), and its
case pattern is one the preferred rendering can follow (lower, UPPER, Title Case, first
letter capital).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from checker.documents.model import Segment
from checker.glossary import Glossary, Rendering
from checker.matching.matcher import Match
from checker.matching.normalise import normalise_word
from checker.project.fix.syntax import Syntax, locate


@dataclass
class Candidate:
    """A forbidden rendering found in a segment; `prepare` says what it becomes."""

    segment: Segment
    match: Match
    old: str
    line: int
    column: int
    new: str = ""
    #: (start, end, replacement) in the file's decoded text
    pieces: list[tuple[int, int, str]] = field(default_factory=list)


def prepare(
    c: Candidate,
    language: str,
    glossary: Glossary,
    split: Callable[[str], list[str]],
    syntax: Syntax,
    text: str,
    starts: list[int],
    codec: str,
) -> str | None:
    """Fill in `c.new` and `c.pieces`; or say why `c` cannot be fixed."""
    rendering = c.match.rendering
    term = glossary.by_id.get(rendering.term_id) or next(
        (t for t in glossary.terms if t.id == rendering.term_id), None
    )
    preferred = term.preferred(language) if term is not None else None
    if term is None or preferred is None:
        return f"no preferred rendering in {language}"
    parts = split(c.old)
    words = parts[1::2]
    if [normalise_word(w) for w in words] != [normalise_word(w) for w in split(rendering.text)[1::2]]:
        return f"inflected form of '{rendering.text}'; fix by hand"
    cased = preferred.text if term.case_sensitive else follow_case(words, rendering, preferred.text, split)
    if cased is None:
        return f"case pattern of '{c.old}' is unclear; fix by hand to '{preferred.text}'"

    located = locate(c.segment, c.match.start, c.match.end, text, starts, syntax)
    if located is None:
        return "cannot locate the text in the file"
    raw_chars, groups = located
    if len(groups) > 1 and not syntax.split_ok:
        return "spans inline markup; fix by hand"

    # Keep the spacing the writer chose between words (a line break, a no-break space)
    # when both have as many words, only spaces between; else write the preferred as is.
    new_parts = split(cased)
    new_words = new_parts[1::2]
    gap_spans = _gap_spans(parts)
    if (
        len(new_words) == len(words)
        and all(c.old[a:b].isspace() for a, b in gap_spans)
        and all(cased[a:b].isspace() for a, b in _gap_spans(new_parts))
    ):
        logical, raw = list(new_parts), [syntax.escape(p) for p in new_parts]
        for i, (a, b) in zip(range(2, len(new_parts) - 1, 2), gap_spans):
            logical[i], raw[i] = c.old[a:b], "".join(raw_chars[a:b])
        new, raw_new = "".join(logical), "".join(raw)
    else:
        new, raw_new = cased, syntax.escape(cased)
    if new == c.old:
        return "the preferred rendering is written the same"
    try:
        raw_new.encode(codec)
    except UnicodeEncodeError:
        return f"'{new}' cannot be written in {codec}"
    c.new = new
    # The whole replacement goes where the match starts; the rest of a match that
    # continues on other PO lines is emptied, so the strings still concatenate right.
    c.pieces = [(groups[0][0], groups[0][1], raw_new)] + [(a, b, "") for a, b in groups[1:]]
    return None


def _gap_spans(parts: list[str]) -> list[tuple[int, int]]:
    """Offsets of the gaps between the words of re.split `parts` (not before or after)."""
    spans, offset = [], 0
    for i, part in enumerate(parts):
        if i % 2 == 0 and 0 < i < len(parts) - 1:
            spans.append((offset, offset + len(part)))
        offset += len(part)
    return spans


# --- case -------------------------------------------------------------------------


def case_pattern(words: Sequence[str]) -> str:
    """'lower', 'upper', 'title' (each word capitalised), 'first' (first word only),
    'none' (no letter has case) or 'mixed'.

    One capitalised word is 'first': it says nothing about the words of a longer
    preferred rendering, which then keeps the glossary's spelling after its first letter.
    """
    joined = "".join(words)
    cased = [ch for ch in joined if ch.lower() != ch.upper()]
    if not cased:
        return "none"
    if joined == joined.lower():
        return "lower"
    if joined == joined.upper() and len(cased) > 1:
        return "upper"
    with_case = [w for w in words if w.lower() != w.upper()]
    capitalised = [w[:1] != w[:1].lower() and w[1:] == w[1:].lower() for w in with_case]
    if all(capitalised):
        return "title" if len(with_case) > 1 else "first"
    if capitalised[0] and all(w == w.lower() for w in with_case[1:]):
        return "first"
    return "mixed"


def follow_case(
    words: Sequence[str], forbidden: Rendering, preferred: str, split: Callable[[str], list[str]]
) -> str | None:
    """`preferred` in the case pattern of the matched `words`; None if that is unclear."""
    pattern = case_pattern(words)
    if pattern == "lower":
        return preferred.lower()
    if pattern == "upper":
        return preferred.upper()
    if pattern in ("title", "first"):
        parts = split(preferred)
        for i in range(1, len(parts), 2):
            parts[i] = parts[i][:1].title() + parts[i][1:]
            if pattern == "first":
                break
        return "".join(parts)
    if pattern == "none" or preferred.lower() == preferred.upper():
        return preferred  # no case to follow, or none to give
    # Mixed ("McKinsey"): fine if written exactly as the glossary writes the forbidden one.
    written = [normalise_word(w, casefold=False) for w in split(forbidden.text)[1::2]]
    if [normalise_word(w, casefold=False) for w in words] == written:
        return preferred
    return None
