"""Candidate key terms of a collection of texts: its most frequent phrases of one to three words.

`termcheck init` seeds a starter glossary with them. A candidate is a run of one to three
words inside one text with nothing but spaces between them (placeables are masked, so
`%(name)s` is no word), no function word at either end (see `stop_words`) and no digit. Candidates are ranked by the number of
texts holding them (a phrase of n words counting 1 + (n - 1) / 2 times as much: key
terms are often phrases), then by how often they occur, then alphabetically, so the
same files always give the same list. A phrase found mostly inside one longer candidate
("security" in "indivisible security") gives way to it.

>>> [c.text for c in frequent_phrases(["Edit the user account.", "Delete the user account?"], "en", 2)]
['user account']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from checker.language import listed_function_words, primary
from checker.matching.tokenise import splitter

MAX_WORDS = 3
#: a phrase must occur in at least this many texts to be proposed
MIN_TEXTS = 2
#: a phrase inside a longer candidate that holds this share of its texts gives way to it
SUBSUMED = 0.8


@dataclass(frozen=True)
class Candidate:
    """`text` (its most common spelling) occurs in `texts` texts, `count` times in all."""

    text: str
    texts: int
    count: int


@lru_cache(maxsize=None)
def stop_words(language: str) -> frozenset[str]:
    """The language's function words (case folded): the `stopwords` package's list, whose
    Spanish, French and Portuguese lists lack "de", with discovery's articles and prepositions."""
    from checker.matching.discovery import function_words

    return listed_function_words(primary(language)) | function_words(language)


def _phrases(text: str, language: str, stops: frozenset[str]) -> Iterable[tuple[str, str]]:
    """(folded, as written) for every candidate phrase in `text`."""
    parts = splitter(language)(text)
    words = parts[1::2]
    for i, first in enumerate(words):
        if not _content_word(first, stops):
            continue
        for n in range(1, MAX_WORDS + 1):
            j = i + n - 1
            if j >= len(words):
                break
            if n > 1:
                gap = parts[2 * j]
                if gap.strip() or any(ch.isdigit() for ch in words[j]):
                    break  # punctuation or a number ends the phrase
            last = words[j]
            if _content_word(last, stops):
                written = "".join(parts[2 * i + 1 : 2 * j + 2])
                written = " ".join(written.split())
                yield written.casefold(), written


def _content_word(word: str, stops: frozenset[str]) -> bool:
    return len(word) > 1 and not any(ch.isdigit() for ch in word) and word.casefold() not in stops


def frequent_phrases(texts: Iterable[str], language: str, limit: int) -> list[Candidate]:
    """The `limit` best candidate terms of `texts`, all in `language`."""
    stops = stop_words(language)
    holding: Counter[str] = Counter()  # folded phrase -> texts holding it
    count: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        seen = set()
        for folded, written in _phrases(text, language, stops):
            count[folded] += 1
            spellings[folded][written] += 1
            if folded not in seen:
                seen.add(folded)
                holding[folded] += 1
    ranked = sorted((f for f in holding if holding[f] >= MIN_TEXTS),
                    key=lambda f: (-holding[f] * (1 + f.count(" ") / 2), -count[f], f))
    longer: dict[str, list[str]] = defaultdict(list)  # phrase -> the candidates that contain it
    for folded in ranked:
        words = folded.split(" ")
        for n in range(1, len(words)):
            for i in range(len(words) - n + 1):
                longer[" ".join(words[i : i + n])].append(folded)
    out: list[Candidate] = []
    for folded in ranked:
        if any(holding[big] >= SUBSUMED * holding[folded] for big in longer.get(folded, ())):
            continue
        out.append(Candidate(_spelling(spellings[folded]), holding[folded], count[folded]))
        if len(out) == limit:
            break
    return out


def _spelling(spellings: Counter[str]) -> str:
    """The most common spelling; a lower-case one wins over capitals that only open sentences."""
    best = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
    lower = [s for s, _ in best if s == s.lower()]
    if lower and spellings[lower[0]] * 2 >= best[0][1]:
        return lower[0]
    return best[0][0]
