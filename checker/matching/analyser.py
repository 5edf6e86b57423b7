"""A language's analyser: the key a word is matched by, and the parts of a compound.

Keys, in order of preference:

1. **Lemma** (languages with a simplemma dictionary): every form the dictionary gives a
   glossary word's lemma is that lemma's key, so "geändert" is "ändern" and "записей" is
   "запись", while "Anwendung" stays apart from "Anwender" and "sich" from "sichern"
   (the dictionary knows them as different lemmas). German keeps nouns apart from other
   words of the same letters ("Recht" / "rechter").
2. **Stem** (Snowball), only for words the dictionary does not know (names, neologisms,
   compounds), and only when the text word starts with the glossary word less at most
   two letters ("Kyjiws" is "Kyjiw"; "iterable" is not "iterator") and is no form the
   dictionary gives another lemma. Languages without a dictionary use the stem alone.
3. **Exact**: with stemming off (`--no-stemming`), the normalised word.

Compounds (German, Dutch, the Scandinavian languages, Finnish): a word that is no
glossary form as a whole may hold one as its head or its first part ("Quellverzeichnis",
"Passwortformat", "käyttäjätilin"); `split` finds them. Korean words may carry a
particle ("안보를"): it is set aside before the look-up.

Everything an analyser needs is plain data computed from the glossary's words while the
dictionary is loaded, so a pickled analyser (the compiled-glossary cache) works without
the dictionary.
"""

from __future__ import annotations

from typing import Iterable

from checker.language import primary
from checker.matching.normalise import normalise_word
from checker.matching.stemming import stemmer_for

COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "fo", "af", "lb"})
# Languages that write nouns with a capital: a lower-case lemma is another word.
NOUN_CASE = frozenset({"de", "lb"})
# Derivational endings that make a new word, not a compound ("Zeitung" holds no "Zeit").
_SUFFIXES = {
    "de": frozenset("ung ungen heit heiten keit keiten lich liche lichen licher isch ische ischen bar bare baren "
                    "schaft schaften sam los lose losen haft chen lein ig ige igen iger ler lers nis nisse tum".split()),
    "nl": frozenset("heid heden ing ingen lijk lijke baar bare schap isch ische loos loze".split()),
    "sv": frozenset("het heten ning ningen lig liga skap bar".split()),
    "da": frozenset("hed heden ning ningen lig lige skab bar".split()),
    "no": frozenset("het heten ning ningen lig lige skap bar".split()),
    "fi": frozenset("inen isen iset ista ton tön ttomuus llinen llisen llisuus mainen".split()),
}
# Korean particles and copulas that attach to a noun, longest first.
_KO_PARTICLES = tuple(sorted(
    "이 가 은 는 을 를 의 에 에서 에게 께 와 과 도 로 으로 만 부터 까지 보다 처럼 이나 나 이다 입니다 하고 랑 이랑 에는 에서는 으로는 로는 과의 와의 에의 이며 며".split(),
    key=len, reverse=True,
))
_MIN_PART = 3
# Endings a borrowed or unknown word takes ("Views", "Inhaltstyps"), tried where the
# dictionary has no other word of that spelling.
_ENDINGS = {
    "de": ("s", "es", "e", "en", "n", "er", "ern"),
    "nl": ("s", "en", "'s"),
    "sv": ("s", "en", "et", "er", "ar", "or", "na"),
    "da": ("s", "en", "et", "er", "e", "ne"),
    "no": ("s", "en", "et", "er", "ene", "a"),
    "fr": ("s", "x"),
    "es": ("s", "es"),
    "pt": ("s", "es"),
    "it": ("i", "e"),
    "en": ("s", "es"),
}


_FIELDS = (
    "language", "stem", "_base", "_cyrillic_e", "_particles", "_exact", "_folded", "_other_exact", "_stems",
    "_blocked", "_heads", "_modifiers", "_compounding", "_suffixes", "lemmatised",
)


def _noun_case(language: str) -> bool:
    return primary(language) in NOUN_CASE


class Analyser:
    """word -> key for one language, built from the words of the glossary's renderings."""

    def __init__(self, language: str, words: Iterable[str], stem: bool = True) -> None:
        self.language = language
        self.stem = stem
        base = primary(language)
        self._base = "no" if base in ("nb", "nn") else base
        self._cyrillic_e = base in ("ru", "uk", "be")
        self._stemmer = stemmer_for(language) if stem else None
        self._particles = _KO_PARTICLES if stem and base == "ko" else ()
        #: exact form -> key, folded form -> key (forms of the glossary's lemmas, and known
        #: words of another paradigm that share a glossary word's stem, see _guard)
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        #: exact forms the dictionary gives another lemma (they must not fold onto ours)
        self._other_exact: set[str] = set()
        #: stem -> ((glossary word folded, key), ...): for text words the dictionary does not know
        self._stems: dict[str, tuple[tuple[str, str], ...]] = {}
        #: folded forms the dictionary gives another lemma, sharing a stem with ours
        self._blocked: set[str] = set()
        #: compounds: folded forms that may end a compound / begin one
        self._heads: dict[str, str] = {}
        #: folded glossary word -> its key
        self._glossary_words: dict[str, str] = {}
        self._modifiers: dict[str, tuple[str, int]] = {}  # folded first part -> (key, length)
        self._compounding = stem and self._base in COMPOUNDING
        self._suffixes = _SUFFIXES.get(self._base, frozenset())
        from checker.matching.lemmas import dictionary_language  # only while compiling

        code = dictionary_language(language) if stem else None
        self.lemmatised = code is not None
        self._build(list(dict.fromkeys(words)), code)
        self._keyset = frozenset(self._folded.values())
        self._glossary_words = {}  # needed only while building

    @property
    def compounding(self) -> bool:
        """True when words of this language may be compounds worth splitting."""
        return self._compounding

    # The compiled-glossary cache stores an analyser as plain data (JSON), never code.
    _SETS = ("_other_exact", "_blocked")

    def to_data(self) -> dict:
        """Everything the analyser needs, as JSON-ready values."""
        data = {k: v for k, v in self.__dict__.items() if k not in ("_stemmer", "_glossary_words", "_keyset")}
        if not _noun_case(self.language):
            # an exact form whose folded form gives the same key says nothing new
            folded = self._folded
            data["_exact"] = {
                f: k for f, k in self._exact.items()
                if folded.get(self._fold(f)) != k
            }
        for name in self._SETS:
            data[name] = sorted(data[name])
        # most keys are the folded word itself: stored once ("=") instead of twice
        data["_folded"] = {f: ("=" if k == f else k) for f, k in self._folded.items()}
        data["_stems"] = {stem: [f if f == k else [f, k] for f, k in entries] for stem, entries in self._stems.items()}
        data["_modifiers"] = {f: list(v) for f, v in self._modifiers.items()}
        data["_particles"] = list(self._particles)
        data["_suffixes"] = sorted(self._suffixes)
        return data

    @classmethod
    def from_data(cls, data: dict) -> "Analyser":
        """The analyser `to_data` described (raises KeyError/TypeError/ValueError if it is not one)."""
        analyser = cls.__new__(cls)
        state = dict(data)
        for name in cls._SETS:
            state[name] = set(state[name])
        state["_folded"] = {f: (f if k == "=" else k) for f, k in state["_folded"].items()}
        state["_stems"] = {
            stem: tuple((e, e) if isinstance(e, str) else (e[0], e[1]) for e in entries)
            for stem, entries in state["_stems"].items()
        }
        state["_modifiers"] = {f: (str(k), int(n)) for f, (k, n) in state["_modifiers"].items()}
        state["_particles"] = tuple(state["_particles"])
        state["_suffixes"] = frozenset(state["_suffixes"])
        expected = set(_FIELDS)
        if set(state) != expected:
            raise ValueError(f"analyser fields {sorted(set(state) ^ expected)}")
        analyser.__dict__.update(state)
        analyser._keyset = frozenset(analyser._folded.values())
        analyser._glossary_words = {}
        analyser._stemmer = stemmer_for(analyser.language) if analyser.stem else None
        return analyser

    # --- building (the dictionary is loaded only here) ---------------------------------

    def _fold(self, word: str) -> str:
        folded = normalise_word(word)
        return folded.replace("ё", "е") if self._cyrillic_e else folded

    def _stem_of(self, folded: str) -> str:
        return self._stemmer(folded) if self._stemmer is not None else folded

    def _key_of_lemma(self, lemma: str) -> str:
        key = self._fold(lemma)
        if _noun_case(self.language) and lemma[:1].islower():
            key += "\x01"  # a verb or adjective, not the noun of the same letters
        return key

    def _build(self, words: list[str], code: str | None) -> None:
        if not self.stem:
            for w in words:
                self._folded.setdefault(self._fold(w), self._fold(w))
            return
        from checker.matching.lemmas import dictionary

        lexicon = dictionary(code) if code is not None else None
        lemma_of: dict[str, str] = {}  # normalised glossary word -> its lemma
        unknown: list[tuple[str, str]] = []  # (folded word, key) of words no dictionary knows
        single_keys: dict[str, str] = {}  # folded glossary word -> key, for compounds
        for w in words:
            raw = normalise_word(w, casefold=False)
            self._glossary_words.setdefault(self._fold(raw), "")
            lemma = lexicon.lemma(raw) if lexicon is not None else None
            if lemma is None:
                folded = self._fold(raw)
                key = folded if lexicon is not None else self._stem_of(folded)
                self._folded.setdefault(folded, key)
                self._exact.setdefault(raw, key)
                if lexicon is not None:
                    unknown.append((folded, key))
                single_keys[folded] = key
            else:
                lemma_of[raw] = lemma
                single_keys[self._fold(raw)] = self._key_of_lemma(lemma)
        self._glossary_words = {folded: single_keys[folded] for folded in self._glossary_words}
        if lexicon is not None:
            # A glossary word the dictionary also has as a lemma of its own keeps that
            # paradigm too: French "vue" is given "voir", yet "vues" is the noun's plural.
            key_of = {lemma: self._key_of_lemma(lemma) for lemma in lemma_of.values()}
            for raw, lemma in lemma_of.items():
                key_of.setdefault(raw, key_of[lemma])
            for lemma, forms in lexicon.forms(set(key_of)).items():
                key = key_of[lemma]
                for form in forms:
                    self._exact.setdefault(form, key)
                    folded = self._fold(form)
                    if self._folded.get(folded, key) != key:
                        self._folded[folded] = ""  # two of our lemmas share these letters
                    else:
                        self._folded[folded] = key
                    self._heads.setdefault(folded, key)
            self._guard(lexicon, set(lemma_of.values()), unknown)
        if self._compounding:
            for folded, key in single_keys.items():
                self._heads.setdefault(folded, key)
                for variant in self._modifier_variants(folded):
                    # the part's own letters, without the linking element ("Passwort|s")
                    self._modifiers.setdefault(variant, (key, min(len(variant), len(folded))))
            self._heads = {f: k for f, k in self._heads.items() if len(f) >= _MIN_PART and k}
            self._modifiers = {f: v for f, v in self._modifiers.items() if len(f) >= _MIN_PART}

    def _guard(self, lexicon, lemmas: set[str], unknown: list[tuple[str, str]]) -> None:  # noqa: ANN001
        """What the stem may still join, decided while the dictionary is at hand.

        A text word the dictionary does not know may be a form of a glossary word of the
        same stem ("Kyjiws"); one it knows as another lemma of the same stem may not
        ("Anwendung" is no "Anwender", "iterations" no "iterator"). A known word whose
        dictionary lemma does not even share its stem was analysed as another paradigm
        (simplemma keeps one lemma per form: Finnish "numeroista" is given "numeroinen"
        though it is also "numero"): it may be ours.
        """
        keys = {self._key_of_lemma(lemma) for lemma in lemmas}
        ours = set(self._exact)
        # Only where case makes the word (German nouns): elsewhere "states" is "States".
        # A capitalised form may open a sentence ("Sichern Sie ..."), so only lower-case
        # forms of another lemma are kept apart ("rechter" is no "Recht").
        for form in list(self._exact) if _noun_case(self.language) else ():
            for variant in (form.lower(),):
                if variant in ours:
                    continue
                lemma = lexicon.lemma_of(variant)
                if lemma is not None and self._key_of_lemma(lemma) not in keys:
                    self._other_exact.add(variant)
        for folded, key in self._glossary_words.items():
            stem = self._stem_of(folded)
            if len(stem) >= _MIN_PART:
                self._stems[stem] = (*self._stems.get(stem, ()), (folded, key))
        for form, lemma in lexicon.near(self._glossary_words):
            folded = self._fold(form)
            if folded in self._folded:
                continue
            stem = self._stem_of(folded)
            if stem not in self._stems:
                continue
            if self._stem_of(self._fold(lemma)) == stem:
                self._blocked.add(folded)  # another lemma of our stem
            else:
                key = self._stem_fallback(folded)
                if key is not None:
                    self._folded[folded] = key
        for folded, key in self._glossary_words.items():
            for ending in _ENDINGS.get(self._base, ()):
                form = folded + ending
                if form in self._folded or form in self._blocked:
                    continue
                lemma = lexicon.lemma(form)
                if lemma is None or self._key_of_lemma(lemma) == key:
                    self._folded[form] = key  # "Views" of "View", "Inhaltstyps" of "Inhaltstyp"

    def _modifier_variants(self, folded: str) -> list[str]:
        """A word as the first part of a compound: with a linking element, or without
        its final -e ("Suchpfad" from "Suche")."""
        out = [folded]
        if self._base in ("de", "nl", "sv", "da", "no", "lb", "af"):
            out += [folded + "s", folded + "es", folded + "n", folded + "en", folded + "er"]
            if folded.endswith("e") and len(folded) > 4:
                out.append(folded[:-1])
        return out

    # --- matching ---------------------------------------------------------------------

    def key(self, word: str) -> str | None:
        """The key `word` is matched by; None when it can be no glossary word's form."""
        if not self.stem:
            return self._fold(word)
        raw = normalise_word(word, casefold=False)
        key = self._exact.get(raw)
        if key is not None:
            return key
        if raw in self._other_exact:
            return None
        folded = raw.casefold()  # raw is normalised already
        if self._cyrillic_e:
            folded = folded.replace("ё", "е")
        key = self._lookup(folded)
        if key is None and self._base == "en" and folded.endswith("'s") and len(folded) > 3:
            key = self._lookup(folded[:-2])  # a possessive: "Europe's" is "Europe"
        if key is None:
            for particle in self._particles:  # Korean: 안보를 -> 안보
                if folded.endswith(particle) and len(folded) > len(particle):
                    key = self._lookup(folded[: -len(particle)])
                    if key is not None:
                        return key
        if key is None and not self.lemmatised:
            return self._stem_of(folded)  # not a glossary key: the index ignores it
        return key

    def _lookup(self, folded: str) -> str | None:
        key = self._folded.get(folded)
        if key is not None:
            return key or None  # "": two of our lemmas share these letters
        if self.lemmatised:
            return self._stem_fallback(folded)
        stem = self._stem_of(folded)
        return stem if stem in self._keyset else None

    def _stem_fallback(self, folded: str) -> str | None:
        entries = self._stems.get(self._stem_of(folded))
        if not entries or folded in self._blocked:
            return None
        for glossary_word, key in entries:
            if folded.startswith(glossary_word[: max(1, len(glossary_word) - 2)]):
                return key
        return None

    def stem_key(self, word: str) -> str:
        """The Snowball stem of the normalised word (the key of `match: stem` renderings)."""
        return self._stem_of(self._fold(word))

    def exact_key(self, word: str) -> str:
        """The normalised, case-folded word (what `match: exact` compares)."""
        return self._fold(word)

    def split(self, word: str) -> list[tuple[int, int, str]]:
        """Glossary words inside a compound: (start, end, key) in `word`, in order.

        The head (the longest glossary form ending the word, "Quell|verzeichnis"), then,
        right to left, glossary words as first parts ("Bank|konto|nummer"), each at least
        three letters; a word with no head needs its rest to be more than a derivational
        ending ("Zeitung" holds no "Zeit").
        """
        if not self._compounding or len(word) < 2 * _MIN_PART:
            return []
        folded = self._fold(word)
        if len(folded) != len(word):
            return []  # offsets would not hold (ß -> ss); rare in compounds worth splitting
        n = len(folded)
        right = n
        found: list[tuple[int, int, str]] = []
        for i in range(_MIN_PART, n - _MIN_PART + 1):  # the longest head
            key = self._heads.get(folded[i:])
            if key:
                found.append((i, n, key))
                right = i
                break
        if not found:
            # No glossary head: the longest glossary word inside, ending before a rest that
            # is more than a derivational ending ("Such|pfade", "Malline|suodin|dokumentaatio").
            best: tuple[int, int, str] | None = None
            for i in range(0, n - 2 * _MIN_PART + 1):
                for j in range(n - _MIN_PART, i + _MIN_PART - 1, -1):
                    part = self._modifiers.get(folded[i:j])
                    if part is None or (i > 0 and j - i < _MIN_PART + 1) or folded[j:] in self._suffixes:
                        continue
                    if best is None or j - i > best[1] - best[0]:
                        best = (i, i + part[1], part[0])
                    break
            return [best] if best is not None else []
        while right >= _MIN_PART:  # glossary words before the head, right to left
            for i in range(0, right - _MIN_PART + 1):
                part = self._modifiers.get(folded[i:right])
                if part is not None:
                    found.insert(0, (i, i + part[1], part[0]))
                    right = i
                    break
            else:
                break
        return found
