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

import re
from functools import lru_cache
from itertools import compress
from operator import or_
from typing import Callable, Iterable, NamedTuple

from checker.glossary import Glossary, Rendering
from checker.matching.normalise import gaps_compatible, normalise_gap, normalise_word
from checker.matching.analyser import Analyser
from checker.matching.tokenise import splitter

_UNCHOSEN = object()
_CHOICES_MAX = 65536  # spellings remembered per index

# Trie slot for the renderings that end at a node: "" is no word key (every key has a letter).
_END = ""


class Match(NamedTuple):
    """Rendering `rendering` found at text[start:end] (a tuple: dense text makes one per
    few words, and a tuple is built in a fraction of a frozen dataclass's time)."""

    start: int
    end: int
    rendering: Rendering

    @property
    def term_id(self) -> str:
        return self.rendering.term_id


# A rendering ending at a trie node, as a plain list (the cache stores tries as JSON):
# [glossary order, words (normalised, case folded: an exact surface match wins ties),
#  case ([word with case, length to compare] per word if the term is case sensitive, else
#  None), exact (`match: exact`: the surface words must be the rendering's), plain (neither
#  case nor exact: the common case, decided without looking)]
_ORDER, _WORDS, _CASE, _EXACT, _PLAIN = range(5)


class VocabularyKeys(dict):
    """word -> key if some rendering uses that key, else None; filled on first sight."""

    def __init__(self, key: Callable[[str], str | None], vocabulary: set[str]) -> None:
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


class _Trie:
    """Renderings compiled over one key function: the trie, and where a match can start."""

    def __init__(self, entries: list[tuple[Rendering, list[str], list[str], list[str]]],
                 case_sensitive: frozenset[str]) -> None:
        self.trie: dict = {}
        vocabulary: set[str] = set()
        for rendering, words, gaps, keys in entries:
            vocabulary.update(keys)
            edges = [keys[0]] + [_Gaps.__missing__({}, g) + k for g, k in zip(gaps, keys[1:])]
            node = self.trie
            for edge in edges:
                node = node.setdefault(edge, {})
            case = None
            if rendering.term_id in case_sensitive:
                case = [[normalise_word(w, casefold=False), len(k)] for w, k in zip(words, keys)]
            exact = rendering.match == "exact"
            node.setdefault(_END, []).append(
                [rendering.order, [normalise_word(w) for w in words], case, exact, case is None and not exact]
            )
        self.vocabulary = vocabulary
        self._derive()

    def to_data(self) -> list:
        """[trie, vocabulary]: the trie is nested plain dicts and lists already."""
        return [self.trie, sorted(self.vocabulary)]

    @classmethod
    def from_data(cls, data: list) -> "_Trie":
        trie = cls.__new__(cls)
        trie.trie, vocabulary = data
        if not isinstance(trie.trie, dict):
            raise TypeError("trie")
        trie.vocabulary = set(vocabulary)
        trie._derive()
        return trie

    def _derive(self) -> None:
        # Where a match can start: a word that is a rendering by itself, or a pair of words
        # that begins one (gaps aside). Testing both for every word runs in C, so the Python
        # walk visits only real candidates, however many renderings start with a word.
        self.singles = frozenset(k for k, node in self.trie.items() if _END in node)
        self.bigrams = frozenset(
            (k, edge.rpartition("\x00")[2]) for k, node in self.trie.items() for edge in node if edge != _END
        )


class LanguageIndex:
    """All renderings of one language, compiled for matching.

    Words are keyed by the language's Analyser: by lemma where a dictionary knows the
    language, else by Snowball stem (see analyser.py). Renderings with `match: stem` are
    kept in a second trie keyed by stem; `match: exact` renderings must also be spelt as
    written. A word that is no glossary form as a whole may be a compound holding one
    (German, Dutch, Scandinavian, Finnish): it is then split into its parts.
    """

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
        split = [(r, self._split(r.text)) for r in renderings]
        split = [(r, parts) for r, parts in split if len(parts) > 1]
        self.analyser = Analyser(language, (w for _, parts in split for w in parts[1::2]), stem)
        main, by_stem = [], []
        for rendering, parts in split:
            words, gaps = parts[1::2], parts[2:-1:2]
            if rendering.match == "stem" and stem:
                by_stem.append((rendering, words, gaps, [self.analyser.stem_key(w) for w in words]))
            else:
                main.append((rendering, words, gaps, [self.key(w) for w in words]))
        self._main = _Trie(main, case_sensitive)
        self._by_stem = _Trie(by_stem, case_sensitive) if by_stem else None
        self._by_order = {r.order: r for r, _ in split}
        self._exceptions = any(r.exceptions for r, _ in split)
        self._init_caches()

    def _init_caches(self) -> None:
        self._keys = VocabularyKeys(self.analyser.key, self._main.vocabulary)
        self._stem_keys = VocabularyKeys(self.analyser.stem_key, self._by_stem.vocabulary) if self._by_stem else None
        self._compounds: dict[str, list[tuple[int, int, str]]] = {}
        self._gaps = _Gaps()
        # (renderings sharing a node, the words as spelt) -> the one chosen: a glossary with
        # "model" and "models", or case-sensitive terms, asks again for every occurrence.
        self._choices: dict[tuple, int | None] = {}

    # The compiled-glossary cache keeps an index as plain data (JSON): the tries as flat
    # node lists (no nesting, so no depth limit), renderings by their glossary order.
    def to_data(self) -> dict:
        return {
            "language": self.language,
            "stem": self.stem,
            "analyser": self.analyser.to_data(),
            "main": self._main.to_data(),
            "by_stem": self._by_stem.to_data() if self._by_stem is not None else None,
            "exceptions": self._exceptions,
        }

    @classmethod
    def from_data(cls, data: dict, by_order: dict[int, Rendering]) -> "LanguageIndex":
        index = cls.__new__(cls)
        index.language = str(data["language"])
        index.stem = bool(data["stem"])
        index._split = splitter(index.language)
        index.analyser = Analyser.from_data(data["analyser"])
        index._main = _Trie.from_data(data["main"])
        index._by_stem = _Trie.from_data(data["by_stem"]) if data["by_stem"] is not None else None
        index._by_order = by_order
        index._exceptions = bool(data["exceptions"])
        index._init_caches()
        return index

    def key(self, word: str) -> str:
        """The key a word is matched by (never None: a word no glossary form has gets a key
        no rendering uses)."""
        key = self.analyser.key(word)
        return key if key is not None else "\x02" + self.analyser.stem_key(word)

    def tokenise(self, text: str) -> tuple[list[str], list[str | None]]:
        """re.split parts of `text` (words at odd indices) and each word's key (None if no
        rendering uses it); compounds holding a glossary word come back split into parts."""
        parts = self._split(text)
        keys = list(map(self._keys.__getitem__, parts[1::2]))
        if self.analyser.compounding and None in keys:
            return self._split_compounds(parts, keys)
        return parts, keys

    def _split_compounds(self, parts: list[str], keys: list[str | None]) -> tuple[list[str], list[str | None]]:
        vocabulary = self._main.vocabulary
        cache = self._compounds
        out_parts: list[str] = [parts[0]]
        out_keys: list[str | None] = []
        changed = False
        for i, key in enumerate(keys):
            word = parts[2 * i + 1]
            pieces = None
            if key is None and len(word) >= 6:
                pieces = cache.get(word)
                if pieces is None:
                    pieces = [p for p in self.analyser.split(word) if p[2] in vocabulary]
                    cache[word] = pieces
            if not pieces:
                out_parts.append(word)
                out_keys.append(key)
                out_parts.append(parts[2 * i + 2])
                continue
            changed = True
            at = 0
            for start, end, piece_key in pieces:
                if start > at:
                    out_parts[-1] += word[at:start]  # letters that are no glossary word join the gap
                out_parts.append(word[start:end])
                out_keys.append(piece_key)
                out_parts.append("")
                at = end
            out_parts[-1] += word[at:] + parts[2 * i + 2]
        if not changed:
            return parts, keys
        return out_parts, out_keys

    def find(self, text: str, tokens: tuple[list[str], list[str | None]] | None = None) -> list[Match]:
        """Every rendering in `text`, leftmost-longest, in text order (`tokens`: from tokenise)."""
        parts, keys = tokens if tokens is not None else self.tokenise(text)
        matches = self._find(self._main, parts, keys)
        if self._by_stem is not None:
            stem_keys = list(map(self._stem_keys.__getitem__, parts[1::2]))
            matches = _merge(matches, self._find(self._by_stem, parts, stem_keys))
        if self._exceptions:
            matches = [m for m in matches if not m.rendering.exceptions or not _excepted(text, m)]
        return matches

    def _find(self, compiled: _Trie, parts: list[str], keys: list[str | None]) -> list[Match]:
        trie = compiled.trie
        by_order = self._by_order
        following = keys[1:]
        following.append(None)
        starts = compress(
            range(len(keys)),
            map(or_, map(compiled.singles.__contains__, keys), map(compiled.bigrams.__contains__, zip(keys, following))),
        )
        matches: list[Match] = []
        n = len(keys)
        gaps = self._gaps
        choices = self._choices
        taken = 0  # first word index not inside an earlier match
        part, char = 0, 0  # running offset: text offset of parts[part]
        for i in starts:
            if i < taken:
                continue
            node = trie[keys[i]]
            best: tuple[int, int] | None = None
            j = i
            while True:
                cands = node.get(_END)
                if cands is not None:
                    if len(cands) == 1 and cands[0][_PLAIN]:  # the common case, inlined
                        best = (j, cands[0][_ORDER])
                    else:
                        span = parts[2 * i + 1 : 2 * j + 2 : 2]
                        spelt = (id(cands), *span)  # the choice depends on these words only
                        chosen = choices.get(spelt, _UNCHOSEN)
                        if chosen is _UNCHOSEN:
                            if len(choices) >= _CHOICES_MAX:
                                choices.clear()
                            chosen = choices[spelt] = self._choose(cands, span)
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
            last, order = best
            first_part, last_part = 2 * i + 1, 2 * last + 1
            char += sum(map(len, parts[part:first_part]))
            start = char
            end = start + sum(map(len, parts[first_part:last_part + 1]))
            part = first_part
            matches.append(Match(start, end, by_order[order]))
            taken = last + 1
        return matches

    @staticmethod
    def _choose(cands: list[list], span: list[str]) -> int | None:
        """Of the renderings sharing these keys, the one the text (`span`'s words) spells;
        else the first (its glossary order)."""
        surface = [normalise_word(w) for w in span]
        viable = [
            c for c in cands
            if (c[_CASE] is None or _case_matches(c[_CASE], span)) and (not c[_EXACT] or c[_WORDS] == surface)
        ]
        if not viable:
            return None
        if len(viable) > 1:
            for c in viable:
                if c[_WORDS] == surface:
                    return c[_ORDER]
        return viable[0][_ORDER]


def _merge(a: list[Match], b: list[Match]) -> list[Match]:
    """Two match lists as one, leftmost-longest: an overlapped match gives way."""
    if not b:
        return a
    if not a:
        return b
    out: list[Match] = []
    for m in sorted(a + b, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _excepted(text: str, m: Match) -> bool:
    """True when the match lies inside one of its rendering's exception phrases."""
    for phrase in m.rendering.exceptions:
        pattern = _exception_pattern(phrase)
        window_start = max(0, m.start - len(phrase) - 8)
        for e in pattern.finditer(text, window_start, min(len(text), m.end + len(phrase) + 8)):
            if e.start() <= m.start and m.end <= e.end():
                return True
    return False


@lru_cache(maxsize=4096)
def _exception_pattern(phrase: str) -> re.Pattern[str]:
    # Any run of spaces or hyphen-like characters between the phrase's words; whole words.
    words = [re.escape(w) for w in re.split(r"[\s\u00a0\u2010-\u2015-]+", phrase.strip()) if w]
    return re.compile(r"(?<!\w)" + r"[\s\u00a0\u2010-\u2015-]+".join(words) + r"(?!\w)", re.IGNORECASE)


def _case_matches(case: list, span: list[str]) -> bool:
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
