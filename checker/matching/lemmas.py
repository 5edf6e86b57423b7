"""Dictionary forms of words, from simplemma's full-form dictionaries (54 languages).

A dictionary maps every inflected form it knows to its lemma ("geändert" -> "ändern",
"записей" -> "запись", "sopimuksen" -> "sopimus"). Loading one takes about a second
(German; Finnish three) and hundreds of MB, so it is used only while a glossary's index
is compiled: the forms of the glossary's own lemmas are copied into plain maps (see
analyser.Analyser), which the compiled-glossary cache keeps; a warm run loads no
dictionary at all.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from checker.language import primary

# simplemma's language codes (its data/*.plzma files).
_SIMPLEMMA = frozenset(
    """ar ast bg ca cs cy da de el en enm eo es et fa fi fr ga gd gl grc gv hbs he hi hu hy id is
    it ka la lb lt lv mk ml ms nb nl nn pl pt ro ru se sk sl sq sv sw tl tr uk""".split()
)
_ALIASES = {"no": "nb", "sr": "hbs", "hr": "hbs", "bs": "hbs", "fil": "tl"}


def dictionary_language(language: str | None) -> str | None:
    """simplemma's code for `language` ('de-AT' -> 'de', 'sr-Latn' -> 'hbs'), or None."""
    if language is None:
        return None
    code = primary(language)
    code = _ALIASES.get(code, code)
    return code if code in _SIMPLEMMA else None


def _load(code: str) -> dict[bytes, bytes]:
    """form -> lemma, UTF-8 bytes as simplemma stores them (decoding a million entries
    to str would double the load time)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk
    except ImportError:  # a simplemma without the helper: its public, slower mapping
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        mapping = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(code)
        return {k.encode(): v.encode() for k, v in mapping.items()}
    return _load_dictionary_from_disk(code)


class Dictionary:
    """One language's full-form dictionary."""

    def __init__(self, code: str) -> None:
        self.code = code
        self._lemma_of = _load(code)

    def lemma_of(self, form: str) -> str | None:
        """The lemma of `form` exactly as written, or None if the dictionary lacks it."""
        lemma = self._lemma_of.get(form.encode())
        return lemma.decode() if lemma is not None else None

    def lemma(self, word: str) -> str | None:
        """The lemma of `word` as written, else of its lower-case or capitalised form."""
        for candidate in (word, word.lower(), word[:1].upper() + word[1:].lower()):
            lemma = self.lemma_of(candidate)
            if lemma is not None:
                return lemma
        return None

    def forms(self, lemmas: Iterable[str]) -> dict[str, list[str]]:
        """lemma -> every form the dictionary gives it (the lemma itself first)."""
        wanted = {lemma.encode(): lemma for lemma in lemmas}
        out: dict[str, list[str]] = {lemma: [lemma] for lemma in wanted.values()}
        for form, lemma in self._lemma_of.items():  # one pass, the set test in C
            if lemma in wanted:
                out[wanted[lemma]].append(form.decode())
        return out

    def near(self, words: Iterable[str]) -> list[tuple[str, str]]:
        """(form, lemma) of the known forms that begin like one of `words` (their first
        three or four bytes, lower-case or capitalised): the candidates for sharing a stem."""
        short: set[bytes] = set()
        long: set[bytes] = set()
        for w in words:
            for variant in (w, w.lower(), w[:1].upper() + w[1:].lower()):
                data = variant.encode()
                if len(data) >= 4:
                    long.add(data[:4])
                elif len(data) == 3:
                    short.add(data)
        return [
            (form.decode(), lemma.decode())
            for form, lemma in self._lemma_of.items()
            if form[:4] in long or form[:3] in short
        ]


@lru_cache(maxsize=8)
def dictionary(code: str) -> Dictionary:
    """The dictionary for simplemma's `code`, loaded once per process."""
    return Dictionary(code)
