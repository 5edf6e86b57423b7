"""Splitting text into words, per language, without losing where each word is.

`split(text)` returns re.split's list: separators at even indices, words at odd ones.
Word i is parts[2*i + 1]; the gap before it is parts[2*i]. Offsets are sums of lengths,
computed only where a term was found.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.language import primary
from checker.matching.normalise import APOSTROPHES, INVISIBLE

# \w plus the combining marks \w leaves out (Latin, Cyrillic, Hebrew, Arabic, Indic
# vowel signs) and invisible in-word characters such as the soft hyphen.
_LETTER = (
    r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0dff" + INVISIBLE + "]"
)
_APOS = "[" + re.escape(APOSTROPHES) + "]"

# Languages that elide articles with an apostrophe (l'Europe, dell'OSCE): the apostrophe
# separates words there, while English keeps "Lavrov's" as one word for the stemmer.
ELIDING = frozenset({"fr", "it", "ca", "oc", "wa", "co", "ga", "lb"})


@lru_cache(maxsize=None)
def splitter(language: str | None):
    """The bound `split` of the compiled tokeniser for `language`."""
    if language is not None and primary(language) in ELIDING:
        pattern = f"({_LETTER}+)"
    else:
        pattern = f"({_LETTER}+(?:{_APOS}{_LETTER}+)*)"
    return re.compile(pattern).split


def words(text: str, language: str | None = None) -> list[str]:
    """The words of `text`: `words("Sergey Lavrov's letter")` -> ['Sergey', "Lavrov's", 'letter']."""
    return splitter(language)(text)[1::2]
