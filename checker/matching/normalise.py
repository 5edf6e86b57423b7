"""Normalisation of words and of the gaps between them, so that typography never hides a term.

Text is never rewritten: the tokeniser splits the original text, and each distinct word
is normalised once (and cached by the matcher). That keeps offsets exact and the cost
per word of a large corpus down to a dictionary look-up.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes a word may contain: typewriter, curly, modifier letter, backtick.
APOSTROPHES = "'\u2019\u02bc`\u00b4\u2032"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Invisible characters that may sit inside a word (soft hyphen, zero-width (non-)joiners).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_WORD_TABLE = str.maketrans({**{c: "'" for c in APOSTROPHES}, **{c: None for c in INVISIBLE}})
_GAP_TABLE = str.maketrans(
    {**{c: "'" for c in APOSTROPHES}, **{c: "-" for c in DASHES}, **{c: None for c in INVISIBLE}}
)
_SPACE = re.compile(r"\s+")


def normalise_word(word: str, casefold: bool = True) -> str:
    """NFKC, one apostrophe, no invisible characters, case folded unless asked not to.

    >>> normalise_word("Lavrov\u2019s")
    "lavrov's"
    """
    word = unicodedata.normalize("NFKC", word.translate(_WORD_TABLE))
    return word.casefold() if casefold else word


def normalise_gap(gap: str) -> str:
    """What separates two words, reduced to what matters: punctuation, not spacing.

    Line breaks, non-breaking and other spaces vanish; dashes become '-'.
    >>> normalise_gap(" \u2013\n")
    '-'
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", gap.translate(_GAP_TABLE)))


def gaps_compatible(text_gap: str, rendering_gap: str) -> bool:
    """A text gap matches a rendering's gap if equal after normalisation;

    a hyphen and a space are interchangeable ("co-operation" / "co operation").
    """
    if text_gap == rendering_gap:
        return True
    return text_gap in ("", "-") and rendering_gap in ("", "-")
