"""Finding glossary renderings in text: one pass per text over a compiled index of all renderings.

The index for a language is a trie over word keys (normalised, case folded, stemmed
words). Finding terms in a text is then:

1. split the text into words and gaps (one C-level `re.split`);
2. map every word to its key, or None if no rendering uses it (a cached dict look-up
   per word, driven from C by `map`);
3. visit only the positions whose key starts some rendering, and walk the trie from
   there for the longest rendering (leftmost-longest over all renderings of all terms).

Gaps between words are part of the trie edges, so "indivisible, security" does not
match "indivisible security" while a line break, a non-breaking space or a hyphen
does. The cost per word does not grow with the size of the glossary.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import or_
from typing import Callable, Iterable

from checker.glossary import Glossary, Rendering
from checker.matching.normalise import gaps_compatible, normalise_gap, normalise_word
from checker.matching.stemming import stemmer_for
from checker.matching.tokenise import splitter

_END = 0  # trie slot for the renderings that end at a node (keys are str or None)


@dataclass(frozen=True, slots=True)
class Match:
    """Rendering `rendering` found at text[start:end]."""

    start: int
    end: int
    rendering: Rendering

    @property
    def term_id(self) -> str:
        return self.rendering.term_id


@dataclass(frozen=True, slots=True)
class _Candidate:
    rendering: Rendering
    words: tuple[str, ...]  # normalised, case folded: an exact surface match wins ties
    case: tuple[tuple[str, int], ...] | None  # (word with case, length to compare) if case sensitive


class _Keys(dict):
    """word -> key if some rendering uses that key, else None; filled on first sight."""

    def __init__(self, key: Callable[[str], str], vocabulary: set[str]) -> None:
        super().__init__()
        self._key = key
        self._vocabulary = vocabulary

    def __missing__(self, word: str) -> str | None:
        key = self._key(word)
        value = key if key in self._vocabulary else None
        self[word] = value
        return value


class _Gaps(dict):
    """Raw gap -> its edge prefix in the trie ('' for space-like gaps)."""

    def __missing__(self, gap: str) -> str:
        norm = normalise_gap(gap)
        value = "" if gaps_compatible(norm, "") else norm + "\x00"
        self[gap] = value
        return value


class LanguageIndex:
    """All renderings of one language, compiled for matching."""

    def __init__(
        self,
        renderings: Iterable[Rendering],
        language: str,
        case_sensitive: frozenset[str] = frozenset(),
        stem: bool = True,
    ) -> None:
        self.language = language
        self.stem = stem
        self._split = splitter(language)
        self._stem = stemmer_for(language) if stem else None
        self._trie: dict = {}
        vocabulary: set[str] = set()
        for rendering in renderings:
            parts = self._split(rendering.text)
            words = parts[1::2]
            if not words:
                continue
            keys = [self.key(w) for w in words]
            vocabulary.update(keys)
            edges = [keys[0]] + [_Gaps.__missing__({}, g) + k for g, k in zip(parts[2:-1:2], keys[1:])]
            node = self._trie
            for edge in edges:
                node = node.setdefault(edge, {})
            case = None
            if rendering.term_id in case_sensitive:
                case = tuple((normalise_word(w, casefold=False), len(k)) for w, k in zip(words, keys))
            node.setdefault(_END, []).append(
                _Candidate(rendering, tuple(normalise_word(w) for w in words), case)
            )
        # Where a match can start: a word that is a rendering by itself, or a pair of words
        # that begins one (gaps aside). Testing both for every word runs in C, so the Python
        # loop below visits only real candidates, however many renderings start with a word.
        self._singles = frozenset(k for k, node in self._trie.items() if _END in node)
        self._bigrams = frozenset(
            (k, edge.rpartition("\x00")[2]) for k, node in self._trie.items() for edge in node if edge != _END
        )
        self._vocabulary = vocabulary
        self._keys = _Keys(self.key, vocabulary)
        self._gaps = _Gaps()

    # Pickled by the compiled-glossary cache: the trie, not the functions and caches.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        for name in ("_split", "_stem", "_keys", "_gaps"):
            del state[name]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._split = splitter(self.language)
        self._stem = stemmer_for(self.language) if self.stem else None
        self._keys = _Keys(self.key, self._vocabulary)
        self._gaps = _Gaps()

    def key(self, word: str) -> str:
        """The key a word is matched by: normalised, case folded, stemmed."""
        norm = normalise_word(word)
        return self._stem(norm) if self._stem is not None else norm

    def tokenise(self, text: str) -> tuple[list[str], list[str | None]]:
        """re.split parts of `text` (words at odd indices) and each word's key (None if no
        rendering uses it)."""
        parts = self._split(text)
        return parts, list(map(self._keys.__getitem__, parts[1::2]))

    def find(self, text: str, tokens: tuple[list[str], list[str | None]] | None = None) -> list[Match]:
        """Every rendering in `text`, leftmost-longest, in text order (`tokens`: from tokenise)."""
        parts, keys = tokens if tokens is not None else self.tokenise(text)
        following = keys[1:]
        following.append(None)
        starts = compress(
            range(len(keys)),
            map(or_, map(self._singles.__contains__, keys), map(self._bigrams.__contains__, zip(keys, following))),
        )
        matches: list[Match] = []
        n = len(keys)
        gaps = self._gaps
        taken = 0  # first word index not inside an earlier match
        part, char = 0, 0  # running offset: text offset of parts[part]
        for i in starts:
            if i < taken:
                continue
            node = self._trie[keys[i]]
            best: tuple[int, Rendering] | None = None
            j = i
            while True:
                cands = node.get(_END)
                if cands is not None:
                    if len(cands) == 1 and cands[0].case is None:  # the common case, inlined
                        best = (j, cands[0].rendering)
                    else:
                        chosen = self._choose(cands, parts[2 * i + 1 : 2 * j + 2 : 2])
                        if chosen is not None:
                            best = (j, chosen)
                j += 1
                if j >= n or keys[j] is None:
                    break
                node = node.get(gaps[parts[2 * j]] + keys[j])
                if node is None:
                    break
            if best is None:
                continue
            last, rendering = best
            first_part, last_part = 2 * i + 1, 2 * last + 1
            char += sum(map(len, parts[part:first_part]))
            start = char
            end = start + sum(map(len, parts[first_part:last_part + 1]))
            part = first_part
            matches.append(Match(start, end, rendering))
            taken = last + 1
        return matches

    @staticmethod
    def _choose(cands: list[_Candidate], span: list[str]) -> Rendering | None:
        """Of the renderings sharing these keys, the one the text (`span`'s words) spells; else the first."""
        viable = [c for c in cands if c.case is None or _case_matches(c.case, span)]
        if not viable:
            return None
        if len(viable) > 1:
            surface = tuple(normalise_word(w) for w in span)
            for c in viable:
                if c.words == surface:
                    return c.rendering
        return viable[0].rendering


def _case_matches(case: tuple[tuple[str, int], ...], span: list[str]) -> bool:
    for (expected, length), word in zip(case, span):
        if normalise_word(word, casefold=False)[:length] != expected[:length]:
            return False
    return True


class Matcher:
    """Finds a glossary's renderings in text of any of its languages (indexes built on demand)."""

    def __init__(self, glossary: Glossary, stem: bool = True) -> None:
        self.glossary = glossary
        self.stem = stem
        self._indexes: dict[str, LanguageIndex] = {}
        self._case_sensitive = frozenset(t.id for t in glossary.terms if t.case_sensitive)
        #: languages whose index came from the compiled-glossary cache (None: not from it)
        self.from_cache: frozenset[str] | None = None

    @property
    def languages_indexed(self) -> tuple[str, ...]:
        return tuple(sorted(self._indexes))

    def index(self, language: str) -> LanguageIndex:
        idx = self._indexes.get(language)
        if idx is None:
            idx = LanguageIndex(
                self.glossary.renderings(language), language, self._case_sensitive, self.stem
            )
            self._indexes[language] = idx
        return idx

    def find(self, text: str, language: str | None) -> list[Match]:
        """Renderings of glossary language `language` in `text` (none if the glossary lacks it)."""
        lang = self.glossary.resolve_language(language)
        if lang is None:
            return []
        return self.index(lang).find(text)
