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


# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
# In those languages every such character is a word of its own, so a rendering is found
# wherever its characters follow one another ("安全保障" in "安全保障条約").
_UNSPACED = (
    r"[\u3005\u3007\u303b\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\U00020000-\U0002fa1f]"
    r"|[\uff66-\uff9d][\uff9e\uff9f]?"  # half-width katakana with its voicing mark
)
UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "yue", "wuu"})


@lru_cache(maxsize=None)
def splitter(language: str | None):
    """The bound `split` of the compiled tokeniser for `language`."""
    code = primary(language) if language is not None else None
    if code in UNSPACED_LANGUAGES:
        pattern = f"({_UNSPACED}|(?:(?!{_UNSPACED}){_LETTER})+(?:{_APOS}(?:(?!{_UNSPACED}){_LETTER})+)*)"
    elif code in ELIDING:
        pattern = f"({_LETTER}+)"
    else:
        pattern = f"({_LETTER}+(?:{_APOS}{_LETTER}+)*)"
    return re.compile(pattern).split


def words(text: str, language: str | None = None) -> list[str]:
    """The words of `text`: `words("Sergey Lavrov's letter")` -> ['Sergey', "Lavrov's", 'letter']."""
    return splitter(language)(text)[1::2]
