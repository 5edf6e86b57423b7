"""Snowball stemmers per language (PyStemmer, the C build of the Snowball algorithms)."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from checker.language import primary

# ISO 639-1 code -> Snowball algorithm name.
SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "nb": "norwegian", "nn": "norwegian", "no": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "st": "sesotho", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}


@lru_cache(maxsize=None)
def stemmer_for(language: str | None) -> Callable[[str], str] | None:
    """The stem function for `language`, or None where Snowball has no algorithm.

    Words must be case folded first (the German stemmer is case sensitive).
    """
    if language is None:
        return None
    name = SNOWBALL.get(primary(language))
    if name is None:
        return None
    import Stemmer

    if name not in Stemmer.algorithms():
        return None
    return Stemmer.Stemmer(name, 0).stemWord
