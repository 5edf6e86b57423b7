"""Phrases of one language keyed by dictionary form: what term extraction counts.

A phrase is a run of one to `max_words` words with nothing between them but spaces, a
hyphen or an apostrophe ("E-Mail-Adresse", "nom d'utilisateur"), no function word at
either end, no digit, and no placeable inside (placeables are masked: `%(name)s` is no
word and breaks a phrase). Each word is keyed by its lemma where simplemma has a
dictionary for the language ("Passwörter" and "Passwort" count together), else by its
case-folded form. In languages written without spaces (Japanese, Chinese) every
character is a word (see matching.tokenise), so a phrase is a run of characters:
"パスワード" is five words.

>>> side = Phrases("en")
>>> sorted(side.phrases("Enter the user's e-mail address.", 3).values())
['Enter', 'address', 'e-mail', 'e-mail address', "user's", "user's e-mail"]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from checker.language import primary
from checker.matching.analyser import NOUN_CASE
from checker.matching.normalise import normalise_gap, normalise_word
from checker.matching.tokenise import UNSPACED_LANGUAGES, splitter

#: particles and function characters that end no term in languages written without spaces
#: (the `stopwords` package's Chinese list holds 上 and 下, which begin 上传 and 下载)
_UNSPACED_STOPS = {
    "ja": "の を に は が で と も へ や か な た て し ま す る れ さ い う だ ご お",
    "zh": "的 了 是 在 和 与 或 这 该 此 为 请 您 你 已 被 将 把 个 及 并 也 都 有 我 其 之 吗 呢 不",
}
#: characters that begin no Japanese word: the long-vowel mark, small kana, ん/ン
_JA_NO_START = frozenset("ーッャュョァィゥェォっゃゅょぁぃぅぇぉんン")
#: function words a term may hold inside ("point of sale", "nom d'utilisateur", "Name des
#: Benutzers"): prepositions and articles; conjunctions and verbs never ("Adresse und die
#: Passwörter" is two terms)
_INNER = {
    "en": "of for in on to by with",
    "de": "von für der die das des dem den zu",
    "fr": "de d du des la le l à au aux en pour par sur",
    "es": "de del la el los las a al en para por con",
    "pt": "de do da dos das a o em para por com",
    "it": "di del della dei delle da a al in per con",
    "nl": "van voor de het een in op",
}
#: what may join two words of a phrase: spaces, a hyphen ("E-Mail"), an apostrophe ("d'utilisateur")
_JOINERS = frozenset({"", "-", "'"})


@lru_cache(maxsize=None)
def end_stops(language: str, full: bool = True) -> frozenset[str]:
    """Words (case folded) that neither begin nor end a phrase in `language`.

    `full`: the `stopwords` package's list as well (source terms: "Please", "them"); else
    only articles, prepositions and conjunctions, because the package's lists hold nouns
    a rendering may be ("valor", "время", "имя", "mot" of "mot de passe")."""
    code = primary(language)
    if code in _UNSPACED_STOPS:
        return frozenset(_UNSPACED_STOPS[code].split())
    from checker.glossary.candidates import stop_words
    from checker.matching.discovery import function_words

    if full or not function_words(language):
        return stop_words(language)
    return function_words(language)


class Phrases:
    """Tokenising, keying and phrase-finding for one language (keys cached per word)."""

    def __init__(self, language: str, *, full_stops: bool = True) -> None:
        from checker.matching.lemmas import Dictionary, dictionary_language

        self.language = language
        self.unspaced = primary(language) in UNSPACED_LANGUAGES
        self._english = primary(language) == "en"
        self.noun_case = primary(language) in NOUN_CASE
        self._split = splitter(language)
        self._stops = end_stops(language, full_stops)
        self._inner = frozenset(_INNER.get(primary(language), "").split())
        self._no_start = _JA_NO_START if primary(language) == "ja" else frozenset()
        code = dictionary_language(language)
        self._dictionary = Dictionary(code) if code is not None else None
        self._keys: dict[str, str] = {}
        self._lemmas: dict[str, str] = {}
        self._unknown: set[str] = set()  # words the dictionary lacks (keyed less an ending)
        from checker.matching.analyser import _ENDINGS

        self._endings = sorted(_ENDINGS.get(primary(language), ()), key=len, reverse=True)

    def key(self, word: str) -> str:
        """The key `word` is counted by: its lemma, case folded; for a word the dictionary
        lacks, the word less an ending ("Inhaltstyps" and "Inhaltstypen" are one word)."""
        key = self._keys.get(word)
        if key is None:
            lemma = self.lemma(word)
            possessive = lemma.endswith(("'s", "\u2019s")) and len(lemma) > 3 and self._english
            if possessive:
                lemma = self.lemma(lemma[:-2])  # a possessive: "user's" is "user"
            key = normalise_word(lemma)
            if not possessive and word in self._unknown:
                key = self._unknown_key(key)
            self._keys[word] = key
        return key

    def _unknown_key(self, folded: str) -> str:
        """A word the dictionary lacks, less the longest inflectional ending the language's
        borrowed and unknown words take ("inhaltstypen", "inhaltstyps" -> "inhaltstyp";
        "views" -> "view"), keeping at least four letters."""
        for ending in self._endings:
            if folded.endswith(ending) and len(folded) - len(ending) >= 4:
                return folded[: -len(ending)]
        return folded

    def lemma(self, word: str) -> str:
        """The dictionary form of `word` as the dictionary writes it (German nouns keep their
        capital), else the word itself. In German a capitalised word whose only lemma is
        lower-case is a noun the dictionary lacks: "Bild" is not "bilden"."""
        lemma = self._lemmas.get(word)
        if lemma is None:
            plain = normalise_word(word, casefold=False)
            found = self._dictionary.lemma(plain) if self._dictionary is not None else None
            if found and self.noun_case and plain[:1].isupper() and not found[:1].isupper():
                exact = self._dictionary.lemma_of(plain)
                found = exact if exact and exact[:1].isupper() else None
            lemma = self._lemmas[word] = found or plain
            if not found:
                self._unknown.add(word)
        return lemma

    def _content(self, word: str) -> bool:
        if any(ch.isdigit() for ch in word):
            return False
        folded = normalise_word(word)
        # One letter repeated is a format code, not a word: "YYYY", "hh", "uuuuuu".
        return folded not in self._stops and (len(set(folded)) > 1 or len(folded) == 1 or self.unspaced)

    def _inner_ok(self, word: str) -> bool:
        """Whether `word` may sit inside a phrase."""
        return self.unspaced or self._content(word) or normalise_word(word) in self._inner

    def phrases(self, text: str, max_words: int) -> dict[tuple[str, ...], str]:
        """key -> the phrase as written (its first occurrence), for every phrase of `text`."""
        parts = self._split(text)
        words = parts[1::2]
        gaps = parts[0::2]
        content = [self._content(w) for w in words]
        start, end = content[:], content[:]
        if not self.unspaced:
            # A hyphened compound is one word: "E-Mail-Adresse" holds no "Adresse" and no
            # "E"; a letter alone is no word.
            hyphen = [normalise_gap(g) == "-" for g in gaps]
            for k, w in enumerate(words):
                start[k] = content[k] and not hyphen[k] and (len(w) > 1 or hyphen[k + 1])
                end[k] = content[k] and not hyphen[k + 1] and (len(w) > 1 or hyphen[k])
        keys = [self.key(w) for w in words]
        found: dict[tuple[str, ...], str] = {}
        for i in range(len(words)):
            if not start[i] or words[i][0] in self._no_start:
                continue
            for j in range(i, min(i + max_words, len(words))):
                if j > i:
                    gap = gaps[j]
                    if self.unspaced and gap:
                        break  # characters must touch
                    if not self.unspaced and not (gap.isspace() or normalise_gap(gap) in _JOINERS):
                        break  # punctuation or a placeable between them
                    if any(ch.isdigit() for ch in words[j]) or not self._inner_ok(words[j]):
                        break
                if end[j]:
                    key = tuple(keys[i : j + 1])
                    if key not in found:
                        found[key] = " ".join("".join(parts[2 * i + 1 : 2 * j + 2]).split())
        return found

    def term_shaped(self, phrase: str) -> bool:
        """Whether `phrase` can be a term by its parts of speech: English only (a noun phrase:
        a head with a noun reading and no auxiliary or adverb one, a first word that can
        modify a noun), every phrase elsewhere. Words lemminflect does not know (names,
        "username", "URL") pass."""
        if not self._english:
            return True
        words = self._split(phrase)[1::2]
        if not words:
            return False
        head = _english_readings(words[-1].casefold())
        if head is not None and ("NOUN" not in head and "PROPN" not in head or head & {"AUX", "ADV", "NUM"}):
            return False
        if head is None and len(words[-1]) < 3 and words[-1].islower():
            return False  # "th" of "2nd"/"4th" with the number masked: no word
        if len(words) > 1:
            first = _english_readings(words[0].casefold())
            if first is not None and not first & {"NOUN", "ADJ", "PROPN"} and not words[0].endswith(("ed", "ing")):
                return False
        return True

    def modifier_only(self, word: str) -> bool:
        """English words lemminflect knows only as adjectives or verbs ("valid", "new",
        "allowed"): before a term they make a free combination ("valid date"), not a term."""
        readings = _english_readings(word.casefold()) if self._english else None
        return readings is not None and not readings & {"NOUN", "PROPN"}

    def words(self, text: str) -> list[str]:
        """The words of `text`."""
        return self._split(text)[1::2]

    def key_of(self, phrase: str) -> tuple[str, ...]:
        """The key of a whole phrase (a glossary rendering), whatever its ends."""
        return tuple(self.key(w) for w in self._split(phrase)[1::2])


@lru_cache(maxsize=65536)
def _english_readings(word: str) -> frozenset[str] | None:
    """The parts of speech lemminflect's lexicon gives `word`, None for a word it lacks."""
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    return frozenset(found) if found else None


#: the shortest compound part taken for a word of its own
MIN_PART = 4
#: linking elements between the parts of a compound ("Änderungs|geschichte")
_LINKS = {"de": ("s", "es", "n", "en", "e"), "nl": ("s", "en", "e"), "sv": ("s",), "da": ("s", "e"), "no": ("s", "e"),
          "nb": ("s", "e"), "nn": ("s", "e")}


def compound_parts(word: str, known: Callable[[str], str | None], language: str) -> list[str]:
    """Keys of the words `word` is a compound of, as far as `known` (folded part -> the key
    of a word met standing alone, or None) tells: "Glossareintrag" holds "Glossar" when
    "Glossar" stands alone somewhere; "Referenzglossare" holds "Glossare". The first part
    may end in a linking element; each part has at least MIN_PART letters."""
    folded = normalise_word(word)
    links = ("",) + _LINKS.get(primary(language), ())
    found = []
    for i in range(MIN_PART, len(folded) - MIN_PART + 1):
        head, tail = folded[:i], folded[i:]
        key = known(tail)
        if key is not None:
            found.append(key)
        for link in links:
            if head.endswith(link) and len(head) - len(link) >= MIN_PART:
                key = known(head[: len(head) - len(link)])
                if key is not None:
                    found.append(key)
                    break
    return list(dict.fromkeys(found))
